#pragma once

#include <QString>
#include <QStringList>

// The desktop's own figures on the generated catalog, measured in a process of their own
// (started by gallerybenchmark with --gui) so the start-up time and the peak memory are
// those of a real start: time to the first screen of painted thumbnails, entity switch,
// search, and the worst paint of a frame while scrolling "All images" top to bottom.
class GuiBenchmark final
{
public:
    GuiBenchmark(QString dataDir, QString workspace, int repeats);
    // Runs in the --gui child; spawnedAtMs: when the parent started the process (epoch ms).
    int run(qint64 spawnedAtMs);
    // Runs in the parent: starts the child and forwards its output.
    static bool runChild(const QString &program, const QStringList &arguments);

private:
    bool waitForFirstScreen(qint64 spawnedAtMs);
    void measureEntitySwitch();
    void measureSearch();
    void measureScrolling();
    void printMemory();

    QString m_dataDir;
    QString m_workspace;
    int m_repeats;
    class MainWindow *m_window = nullptr;
};

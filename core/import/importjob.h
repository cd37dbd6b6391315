#pragma once

#include "importoptions.h"
#include "importreport.h"
#include "storage/workspace.h"

#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QWaitCondition>

#include <atomic>

class Catalog;
class ImagingPool;

// A batch of files imported into one workspace on the imaging pool's threads: one runner
// per worker, each with its own catalog connection, taking the next file until none is
// left. One bad file is reported and the batch goes on; a full disk stops the batch with a
// clear reason; cancel() lets the files in flight finish and skips the rest. New images
// take their place in each entity in the order of the files. Signals come
// from pool threads: connect with queued (or auto) connections.
class ImportJob final : public QObject
{
    Q_OBJECT
public:
    ImportJob(Workspace workspace, ImagingPool &pool, QStringList files, ImportOptions options,
              QObject *parent = nullptr);
    ~ImportJob() override;

    // Expands folders (recursively when asked) into their files, sorted; refuses missing paths.
    static Result<QStringList> collectFiles(const QStringList &paths, bool recursive);

    void start();
    void cancel();
    // Blocks until the batch is over (for scripts and tests); returns the report.
    ImportReport waitForFinished();
    int total() const { return int(m_files.size()); }

Q_SIGNALS:
    void itemFinished(const ImportItemResult &result);
    void progressUpdated(int done, int total);
    void finished(const ImportReport &report);

private:
    void runWorker();
    void importFiles(Catalog *catalog);
    QString stopReason();
    ImportReport report();
    void restoreFileOrder();
    void stop(const QString &reason, bool diskFull);
    void record(const ImportItemResult &result);
    void finish();

    const Workspace m_workspace;
    ImagingPool &m_pool;
    const QStringList m_files;
    const ImportOptions m_options;
    std::atomic<int> m_next{0};
    std::atomic<int> m_done{0};
    std::atomic<int> m_runnersLeft{0};
    std::atomic<bool> m_stopping{false};
    QMutex m_mutex;
    QWaitCondition m_finishedCondition;
    ImportReport m_report;
    std::atomic<bool> m_started{false};
    bool m_finished = false;
};

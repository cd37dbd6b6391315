#include "guibenchmark.h"

#include "catalog/catalogthread.h"
#include "gallery/gallerymodel.h"
#include "gallery/galleryview.h"
#include "mainwindow.h"
#include "settings/appsettings.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr double kInteractiveTargetMs = 50;
constexpr double kFrameTargetMs = 16;

// Runs the event loop until signal fires or timeoutMs passes; true if it fired.
template <typename Sender, typename Signal>
bool waitFor(Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

void printFigure(const QString &what, QList<double> ms, double target, qsizetype rows = -1)
{
    std::sort(ms.begin(), ms.end());
    const double median = ms.isEmpty() ? 0 : ms.at(ms.size() / 2);
    const double worst = ms.isEmpty() ? 0 : ms.constLast();
    QString verdict = target > 0 ? QString::number(target) : QString();
    if (target > 0 && worst > target)
        verdict += u" OVER"_s;
    std::printf("%-58s %12s %10.2f %10.2f %8s\n", qPrintable(what), rows < 0 ? "-" : qPrintable(QString::number(rows)),
                median, worst, qPrintable(verdict));
    std::fflush(stdout);
}

} // namespace

GuiBenchmark::GuiBenchmark(QString dataDir, QString workspace, int repeats)
    : m_dataDir(std::move(dataDir)), m_workspace(std::move(workspace)), m_repeats(repeats)
{
}

bool GuiBenchmark::runChild(const QString &program, const QStringList &arguments)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList withTime = arguments;
    withTime << u"--spawned-at"_s << QString::number(QDateTime::currentMSecsSinceEpoch());
    child.start(program, withTime);
    return child.waitForFinished(-1) && child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0;
}

int GuiBenchmark::run(qint64 spawnedAtMs)
{
    QTemporaryDir settingsDir;
    AppSettings settings(settingsDir.filePath(u"settings.ini"_s));
    MainWindow window(m_dataDir, &settings);
    m_window = &window;
    window.resize(1280, 800);
    window.show();
    if (!window.openWorkspace(m_workspace) || !waitForFirstScreen(spawnedAtMs))
        return 1;
    measureEntitySwitch();
    measureSearch();
    measureScrolling();
    printMemory();
    return 0;
}

bool GuiBenchmark::waitForFirstScreen(qint64 spawnedAtMs)
{
    std::printf("-- desktop (vitrine's MainWindow, 1280x800, offscreen)\n");
    if (!waitFor(m_window->gallery(), &GalleryView::thumbnailsComplete, 30000)) {
        std::fprintf(stderr, "the first screen of thumbnails was not painted within 30 s\n");
        return false;
    }
    const double ms = double(QDateTime::currentMSecsSinceEpoch() - spawnedAtMs);
    printFigure(u"start to first painted screen of thumbnails"_s, {ms}, 1000, m_window->galleryModel()->rowCount());
    return true;
}

// From the click to the new gallery painted (thumbnails may still be arriving), and to
// every visible thumbnail painted.
void GuiBenchmark::measureEntitySwitch()
{
    const QList<Entity> entities =
        m_window->catalog()->run([](Catalog &catalog) { return catalog.entities(); }).result();
    QRandomGenerator random(42);
    QList<double> switched;
    QList<double> complete;
    qsizetype rows = 0;
    for (int i = 0; i < m_repeats && !entities.isEmpty(); ++i) {
        const Entity &entity = entities.at(random.bounded(int(entities.size())));
        QElapsedTimer timer;
        timer.start();
        m_window->showEntity(entity.id);
        waitFor(m_window->galleryModel(), &GalleryModel::loaded, 5000);
        m_window->gallery()->viewport()->repaint();
        switched.append(double(timer.nsecsElapsed()) / 1e6);
        waitFor(m_window->gallery(), &GalleryView::thumbnailsComplete, 5000);
        complete.append(double(timer.nsecsElapsed()) / 1e6);
        rows = std::max(rows, qsizetype(m_window->galleryModel()->rowCount()));
    }
    printFigure(u"entity switch: click to gallery painted"_s, switched, kInteractiveTargetMs, rows);
    printFigure(u"entity switch: click to all thumbnails painted"_s, complete, 0, rows);
}

void GuiBenchmark::measureSearch()
{
    for (const QString &text : {u"Eiche"_s, u"Marmor"_s, u"Prototyp"_s, u"s"_s}) {
        QList<double> ms;
        qsizetype rows = 0;
        for (int i = 0; i < std::min(m_repeats, 5); ++i) {
            m_window->search({});
            waitFor(m_window->galleryModel(), &GalleryModel::loaded, 5000);
            QElapsedTimer timer;
            timer.start();
            m_window->search(text);
            waitFor(m_window->galleryModel(), &GalleryModel::loaded, 5000);
            m_window->gallery()->viewport()->repaint();
            ms.append(double(timer.nsecsElapsed()) / 1e6);
            rows = m_window->galleryModel()->rowCount();
        }
        printFigure(u"search \"%1\": typed to results painted"_s.arg(text), ms, kInteractiveTargetMs, rows);
    }
    m_window->search({});
}

// One frame per screenful, top to bottom: the time of the paint alone (delegate paint and
// the data() calls it makes); between frames the event loop runs, as it would while the
// user scrolls, so facts and thumbnails arrive.
void GuiBenchmark::measureScrolling()
{
    m_window->showCollection(GallerySelection::Kind::AllImages);
    waitFor(m_window->galleryModel(), &GalleryModel::loaded, 10000);
    GalleryView *gallery = m_window->gallery();
    QScrollBar *bar = gallery->verticalScrollBar();
    for (int stable = 0, last = -1; stable < 5;) { // the batched layout finishes in the background
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        stable = bar->maximum() == last ? stable + 1 : 0;
        last = bar->maximum();
    }
    QList<double> frames;
    const int step = std::max(1, gallery->viewport()->height() / 2);
    for (int value = 0; value <= bar->maximum(); value += step) {
        bar->setValue(value);
        QElapsedTimer timer;
        timer.start();
        gallery->viewport()->repaint();
        frames.append(double(timer.nsecsElapsed()) / 1e6);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    const auto over = std::count_if(frames.cbegin(), frames.cend(), [](double ms) { return ms > kFrameTargetMs; });
    printFigure(u"scroll All images: paint + data() per frame (%1 frames)"_s.arg(frames.size()), frames,
                kFrameTargetMs, m_window->galleryModel()->rowCount());
    std::printf("   frames over %.0f ms: %lld\n", kFrameTargetMs, qlonglong(over));
}

void GuiBenchmark::printMemory()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:"))
            std::printf("desktop %s (target: peak under 400 MB)\n", line.simplified().constData());
    }
}

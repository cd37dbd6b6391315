#include "childprocesses.h"
#include "imaging/imagingpool.h"
#include "testimages.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

// A file that crashes, hangs or exhausts its worker costs that file only: it fails with the
// reason, the worker is replaced, and no process is left behind. Uses the test-only fault
// switch VITRINE_TEST_WORKER_FAULTS (see core/imaging/workerfaults.h).
class TestWorkerIsolation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aBadFileFailsAloneAndTheNextSucceeds_data();
    void aBadFileFailsAloneAndTheNextSucceeds();
    void aWorkerKilledBetweenFilesIsReplaced();
    void theBatchGoesOnAroundBadFiles();
    void aWorkerOutlivesManyFilesWithinItsCpuBudget();

private:
    ImagingRequest request(const QString &name, const QByteArray &bytes, ImportLimits limits = {});

    QTemporaryDir m_dir;
    std::unique_ptr<ImagingPool> m_pool;
    int m_fdsBefore = 0;
    int m_requests = 0;
};

namespace {

int openFileDescriptors()
{
    return int(QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System).size());
}

ImportLimits quickLimits()
{
    ImportLimits limits;
    limits.workerWallSecondsPerFile = 20;
    return limits;
}

} // namespace

void TestWorkerIsolation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("VITRINE_TEST_WORKER_FAULTS",
            "crash=crash.jpg;abort=abort.jpg;hang=hang.jpg,hang2.jpg;spin=spin.jpg;oom=oom.jpg,oom2.jpg;"
            "slow=slow0.jpg,slow1.jpg,slow2.jpg,slow3.jpg");
    m_fdsBefore = openFileDescriptors();
    ImportLimits poolLimits;
    poolLimits.workerMemoryLimitMb = 768;
    m_pool = std::make_unique<ImagingPool>(1, poolLimits);
}

void TestWorkerIsolation::cleanupTestCase()
{
    m_pool.reset();
    const ChildProcesses children = ChildProcesses::now();
    QVERIFY(children.running.isEmpty());
    QVERIFY(children.zombies.isEmpty());
    QCOMPARE(openFileDescriptors(), m_fdsBefore);
    qunsetenv("VITRINE_TEST_WORKER_FAULTS");
}

ImagingRequest TestWorkerIsolation::request(const QString &name, const QByteArray &bytes, ImportLimits limits)
{
    ImagingRequest request;
    const QString dir = m_dir.filePath(u"r%1"_s.arg(++m_requests));
    request.sourcePath = TestImages::writeFile(dir, name, bytes);
    request.displayName = name;
    request.outputDir = dir + u"/out"_s;
    QDir().mkpath(request.outputDir);
    request.limits = limits;
    return request;
}

void TestWorkerIsolation::aBadFileFailsAloneAndTheNextSucceeds_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("wallSeconds");
    QTest::addColumn<int>("cpuSeconds");
    QTest::addColumn<QString>("reason");
    QTest::newRow("crash") << u"crash.jpg"_s << 20 << 30 << u"the image made the imaging worker crash (signal 11)"_s;
    QTest::newRow("abort") << u"abort.jpg"_s << 20 << 30 << u"the image made the imaging worker crash (signal 6)"_s;
    QTest::newRow("hang") << u"hang.jpg"_s << 2 << 30 << u"the image took longer than 2 s"_s;
    QTest::newRow("spin") << u"spin.jpg"_s << 20 << 1 << u"the image used more than 1 s of CPU time"_s;
    QTest::newRow("oom") << u"oom.jpg"_s << 20 << 30 << u"the image exceeded the memory limit"_s;
}

void TestWorkerIsolation::aBadFileFailsAloneAndTheNextSucceeds()
{
    QFETCH(QString, name);
    QFETCH(int, wallSeconds);
    QFETCH(int, cpuSeconds);
    QFETCH(QString, reason);
    ImportLimits limits;
    limits.workerWallSecondsPerFile = wallSeconds;
    limits.workerCpuSecondsPerFile = cpuSeconds;

    const ImagingRequest bad = request(name, TestImages::jpeg({320, 240}), limits);
    QElapsedTimer timer;
    timer.start();
    const ImagingResult failed = m_pool->process(bad);
    QVERIFY(!failed.ok);
    QVERIFY2(failed.error.startsWith(name + u": "_s + reason), qPrintable(failed.error));
    QVERIFY(failed.renditions.isEmpty());
    QVERIFY(QDir(bad.outputDir).isEmpty());
    QVERIFY2(timer.elapsed() < (wallSeconds + 5) * 1000, qPrintable(QString::number(timer.elapsed())));

    const ChildProcesses afterFailure = ChildProcesses::now();
    QVERIFY(afterFailure.zombies.isEmpty());
    QVERIFY(afterFailure.running.isEmpty()); // the dead worker is reaped, the next starts lazily

    const ImagingResult next = m_pool->process(request(u"good.jpg"_s, TestImages::jpeg({320, 240}), quickLimits()));
    QVERIFY2(next.ok, qPrintable(next.error));
    QCOMPARE(ChildProcesses::now().running.size(), 1);
}

void TestWorkerIsolation::aWorkerKilledBetweenFilesIsReplaced()
{
    QVERIFY(m_pool->process(request(u"first.jpg"_s, TestImages::jpeg(), quickLimits())).ok);
    const QList<pid_t> workers = ChildProcesses::now().running;
    QCOMPARE(workers.size(), 1);
    QCOMPARE(::kill(workers.first(), SIGKILL), 0);
    QTRY_COMPARE(ChildProcesses::now().zombies.size(), 1);

    const ImagingResult next = m_pool->process(request(u"second.jpg"_s, TestImages::jpeg(), quickLimits()));
    QVERIFY2(next.ok, qPrintable(next.error));
    const ChildProcesses children = ChildProcesses::now();
    QVERIFY(children.zombies.isEmpty());
    QCOMPARE(children.running.size(), 1);
    QVERIFY(children.running.first() != workers.first());
}

void TestWorkerIsolation::theBatchGoesOnAroundBadFiles()
{
    ImagingPool pool(2);
    ImportLimits limits = quickLimits();
    limits.workerWallSecondsPerFile = 2;
    const QStringList names{u"a.jpg"_s, u"crash.jpg"_s, u"b.jpg"_s, u"hang2.jpg"_s, u"c.jpg"_s,
                            u"oom2.jpg"_s, u"d.jpg"_s, u"e.jpg"_s};
    QList<QFuture<ImagingResult>> futures;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const ImagingRequest r = request(names[i], TestImages::uniqueJpeg(int(i), {160, 120}), limits);
        futures.append(QtConcurrent::run(pool.threadPool(), [&pool, r] { return pool.process(r); }));
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        const ImagingResult result = futures[i].result();
        const bool bad = names[i] == u"crash.jpg" || names[i] == u"hang2.jpg" || names[i] == u"oom2.jpg";
        QVERIFY2(result.ok != bad, qPrintable(names[i] + u" "_s + result.error));
        if (bad)
            QVERIFY(result.error.startsWith(names[i] + u": "_s));
    }
}

void TestWorkerIsolation::aWorkerOutlivesManyFilesWithinItsCpuBudget()
{
    // Each file gets a fresh budget on top of the CPU time used so far: four files of 0.7 s
    // each pass a 1 s budget per file.
    ImportLimits limits = quickLimits();
    limits.workerCpuSecondsPerFile = 1;
    pid_t worker = 0;
    for (int i = 0; i < 4; ++i) {
        const ImagingResult result = m_pool->process(request(u"slow%1.jpg"_s.arg(i), TestImages::jpeg(), limits));
        QVERIFY2(result.ok, qPrintable(result.error));
        const QList<pid_t> running = ChildProcesses::now().running;
        QCOMPARE(running.size(), 1);
        if (i == 0)
            worker = running.first();
        QCOMPARE(running.first(), worker);
    }
}

QTEST_GUILESS_MAIN(TestWorkerIsolation)
#include "tst_workerisolation.moc"

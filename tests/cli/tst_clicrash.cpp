// Crash consistency: kill -9 the CLI at several points of a 200-file import. After each
// kill, verify finds every recorded file intact; running the import again completes the
// set with no duplicates.
#include "clirunner.h"
#include "testimages.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliCrash final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedImportsLeaveAConsistentWorkspace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        constexpr int files = 200;
        const QString in = dir.filePath(u"photos"_s);
        for (int i = 0; i < files; ++i)
            QVERIFY(!TestImages::writeFile(in, u"photo-%1.jpg"_s.arg(i, 3, 10, QChar(u'0')),
                                           TestImages::uniqueJpeg(i, {160, 120})).isEmpty());
        CliRunner cli(dir.filePath(u"data"_s));
        QCOMPARE(cli.run({u"workspace"_s, u"create"_s, u"shop"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"entity"_s, u"add"_s, u"job"_s, u"J-1"_s}).exitCode, 0);
        const QStringList import{u"import"_s, u"--entity"_s, u"job:J-1"_s, in};

        int previouslyRecorded = 0;
        for (const int killAfterMs : {150, 400, 700, 1100, 1600, 2300}) {
            QProcess process;
            process.setProcessEnvironment(cli.environment());
            process.start(CliRunner::program(), cli.arguments(import));
            QVERIFY(process.waitForStarted());
            QTest::qWait(killAfterMs);
            process.kill(); // SIGKILL: no chance to clean up
            process.waitForFinished();

            const auto verify = cli.run({u"verify"_s});
            QVERIFY2(verify.exitCode == 0, qPrintable(u"after a kill at %1 ms: "_s.arg(killAfterMs) + verify.out + verify.err));
            const int recorded = int(cli.json({u"list"_s}).json().array().size());
            qInfo("killed at %d ms: %d of %d images recorded, verify clean", killAfterMs, recorded, files);
            QVERIFY(recorded >= previouslyRecorded);
            previouslyRecorded = recorded;
        }

        const auto finish = cli.json(import);
        // The duplicates' warnings would fill the message: show what else was said.
        QStringList said = finish.err.split(u'\n');
        said.removeIf([](const QString &line) { return line.contains(u"already in the workspace"_s); });
        QVERIFY2(finish.exitCode == 0,
                 qPrintable(u"exit code %1: %2"_s.arg(finish.exitCode).arg(said.join(u'\n').right(3000))));
        QCOMPARE(finish.json()[u"imported"_s].toInt() + finish.json()[u"duplicates"_s].toInt(), files);
        const QJsonArray all = cli.json({u"list"_s}).json().array();
        QCOMPARE(all.size(), files);
        QSet<QString> hashes;
        for (const QJsonValue &image : all)
            hashes.insert(image[u"sha256"_s].toString());
        QCOMPARE(hashes.size(), files);
        QCOMPARE(cli.json({u"list"_s, u"--entity"_s, u"job:J-1"_s}).json().array().size(), files);
        QCOMPARE(cli.run({u"verify"_s}).exitCode, 0);

        // What the kills left behind is only unreferenced files; cleanup removes them.
        QCOMPARE(cli.run({u"cleanup"_s, u"--yes"_s, u"--min-age"_s, u"0"_s}).exitCode, 0);
        const auto report = cli.json({u"cleanup"_s, u"--min-age"_s, u"0"_s});
        QCOMPARE(report.exitCode, 0);
        QCOMPARE(report.json()[u"orphanFiles"_s].toArray().size(), 0);
        QCOMPARE(report.json()[u"missingFiles"_s].toInt(), 0);
        QCOMPARE(cli.run({u"verify"_s}).exitCode, 0);
        QCOMPARE(cli.json({u"list"_s}).json().array().size(), files);
    }
};

QTEST_GUILESS_MAIN(TestCliCrash)
#include "tst_clicrash.moc"

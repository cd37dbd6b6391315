// A batch with hostile and crashing files: each bad file is reported with its name and the
// reason, the good ones are imported, and the catalog and store stay consistent.
#include "clirunner.h"
#include "testimages.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliImportFaults final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString messageFor(const QJsonDocument &report, const QString &fileName)
    {
        for (const QJsonValue &item : report[u"items"_s].toArray())
            if (item[u"file"_s].toString().endsWith(u'/' + fileName))
                return item[u"outcome"_s].toString() + u": "_s + item[u"message"_s].toString();
        return {};
    }

    static QStringList leftoverTemporaryFiles(const QString &dataDir)
    {
        return QDir(dataDir + u"/workspaces/shop/files/tmp"_s).entryList(QDir::Files);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void hostileFilesAreRefusedAndTheRestImported()
    {
        const QString in = m_dir.filePath(u"hostile"_s);
        const QString data = m_dir.filePath(u"data-hostile"_s);
        CliRunner cli(data);
        QCOMPARE(cli.run({u"workspace"_s, u"create"_s, u"shop"_s}).exitCode, 0);
        TestImages::writeFile(in, u"good.jpg"_s, TestImages::uniqueJpeg(1));
        TestImages::writeFile(in, u"good.png"_s, TestImages::png());
        TestImages::writeFile(in, u"install.jpg"_s, TestImages::shellScript());
        TestImages::writeFile(in, u"movie.jpg"_s, TestImages::fakeMp4());
        TestImages::writeFile(in, u"layers.jpg"_s, TestImages::psd());
        TestImages::writeFile(in, u"vector.jpg"_s, TestImages::svg());
        TestImages::writeFile(in, u"icon.jpg"_s, TestImages::xpm());
        TestImages::writeFile(in, u"bomb.png"_s, TestImages::hugeHeaderPng());
        TestImages::writeFile(in, u"bomb.jpg"_s, TestImages::hugeHeaderJpeg());
        TestImages::writeFile(in, u"cut.jpg"_s, TestImages::truncated(TestImages::jpeg({64, 48}), 40));
        TestImages::writeFile(in, u"empty.jpg"_s, {});

        const auto run = cli.json({u"import"_s, in});
        QCOMPARE(run.exitCode, 1);
        const QJsonDocument report = run.json();
        QCOMPARE(report[u"imported"_s].toInt(), 2);
        QCOMPARE(report[u"failed"_s].toInt(), 9);
        const QList<QPair<QString, QString>> expected{
            {u"install.jpg"_s, u"script"_s}, {u"movie.jpg"_s, u"mp4|video|iso media|quicktime"_s},
            {u"layers.jpg"_s, u"psd|photoshop"_s}, {u"vector.jpg"_s, u"svg"_s}, {u"icon.jpg"_s, u"xpm"_s},
            {u"bomb.png"_s, u"65535"_s}, {u"bomb.jpg"_s, u"65535"_s}, {u"empty.jpg"_s, u"empty"_s}};
        for (const auto &[file, reason] : expected) {
            const QString message = messageFor(report, file);
            QVERIFY2(message.startsWith(u"failed: "_s) && message.contains(file), qPrintable(file + u" → " + message));
            QVERIFY2(message.contains(QRegularExpression(reason, QRegularExpression::CaseInsensitiveOption)),
                     qPrintable(file + u" → " + message));
        }
        QVERIFY(run.err.contains(u"install.jpg"_s));
        QCOMPARE(cli.json({u"list"_s}).json().array().size(), 2);
        QCOMPARE(cli.run({u"verify"_s}).exitCode, 0);
        QCOMPARE(leftoverTemporaryFiles(data), QStringList());
    }

    void oversizedFileIsRefusedBeforeAnythingReadsIt()
    {
        const QString data = m_dir.filePath(u"data-size"_s);
        CliRunner cli(data);
        QCOMPARE(cli.run({u"workspace"_s, u"create"_s, u"shop"_s}).exitCode, 0);
        const QString big = TestImages::writeFile(m_dir.filePath(u"size"_s), u"big.jpg"_s, TestImages::jpeg({800, 600}, 100));
        const auto run = cli.json({u"import"_s, u"--max-file-size"_s, u"0.01"_s, big});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(messageFor(run.json(), u"big.jpg"_s).contains(u"limit"_s), qPrintable(run.err));
        QCOMPARE(cli.run({u"import"_s, u"--max-file-size"_s, u"lots"_s, big}).exitCode, 2);
    }

    void crashingHangingAndGreedyFilesCostOnlyThemselves()
    {
        const QString in = m_dir.filePath(u"faults"_s);
        const QString data = m_dir.filePath(u"data-faults"_s);
        CliRunner cli(data);
        QCOMPARE(cli.run({u"workspace"_s, u"create"_s, u"shop"_s}).exitCode, 0);
        for (int i = 0; i < 4; ++i)
            TestImages::writeFile(in, u"ok"_s + QString::number(i) + u".jpg"_s, TestImages::uniqueJpeg(100 + i));
        for (const QString &name : {u"crash.jpg"_s, u"hang.jpg"_s, u"greedy.jpg"_s, u"abort.jpg"_s})
            TestImages::writeFile(in, name, TestImages::uniqueJpeg(int(qHash(name) % 1000) + 200));
        cli.setEnvironment(u"VITRINE_TEST_WORKER_FAULTS"_s, u"crash=crash.jpg;hang=hang.jpg;oom=greedy.jpg;abort=abort.jpg"_s);

        // 6 s, not less: the greedy worker must reach its memory limit first, also under
        // AddressSanitizer on a busy machine.
        const auto run = cli.json({u"import"_s, u"--timeout"_s, u"6"_s, in});
        QCOMPARE(run.exitCode, 1);
        const QJsonDocument report = run.json();
        QCOMPARE(report[u"imported"_s].toInt(), 4);
        QCOMPARE(report[u"failed"_s].toInt(), 4);
        QVERIFY2(messageFor(report, u"crash.jpg"_s).contains(u"crash"_s), qPrintable(messageFor(report, u"crash.jpg"_s)));
        QVERIFY2(messageFor(report, u"hang.jpg"_s).contains(u"longer"_s), qPrintable(messageFor(report, u"hang.jpg"_s)));
        QVERIFY2(messageFor(report, u"greedy.jpg"_s).contains(u"memory"_s), qPrintable(messageFor(report, u"greedy.jpg"_s)));
        QVERIFY2(messageFor(report, u"abort.jpg"_s).startsWith(u"failed"_s), qPrintable(messageFor(report, u"abort.jpg"_s)));

        cli.setEnvironment(u"VITRINE_TEST_WORKER_FAULTS"_s, {});
        QCOMPARE(cli.json({u"list"_s}).json().array().size(), 4);
        QCOMPARE(cli.run({u"verify"_s}).exitCode, 0);
        QCOMPARE(leftoverTemporaryFiles(data), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliImportFaults)
#include "tst_cliimportfaults.moc"

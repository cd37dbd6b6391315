// An import onto a small file system that fills up stops with a clear error, leaves no
// catalog row pointing at a partial file, and completes once space is freed.
#include "clirunner.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

class TestCliDiskFull final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_mountPoint;

    static bool mountTmpfs(const QString &where, const QString &options)
    {
        return QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, options, u"tmpfs"_s, where}) == 0;
    }

    // Noise compresses badly, so each file really takes its space.
    static QString noisyJpeg(const QString &dir, int index)
    {
        QImage image(400, 300, QImage::Format_RGB32);
        QRandomGenerator random(quint32(index + 1));
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, random.generate());
        const QString path = dir + u"/noise-%1.jpg"_s.arg(index, 2, 10, QChar(u'0'));
        return image.save(path, "JPEG", 95) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to mount a small tmpfs (CI runs as root)");
        QVERIFY(m_dir.isValid());
        m_mountPoint = m_dir.filePath(u"small-disk"_s);
        QVERIFY(QDir().mkpath(m_mountPoint));
        QVERIFY(mountTmpfs(m_mountPoint, u"size=3m"_s));
    }

    void cleanupTestCase()
    {
        if (!m_mountPoint.isEmpty())
            QProcess::execute(u"umount"_s, {m_mountPoint});
    }

    void importStopsWhenFullAndCompletesAfterSpaceIsFreed()
    {
        const QString in = m_dir.filePath(u"in"_s);
        QVERIFY(QDir().mkpath(in));
        constexpr int files = 24; // about 8 MB of originals and renditions for a 3 MB disk
        for (int i = 0; i < files; ++i)
            QVERIFY(!noisyJpeg(in, i).isEmpty());

        CliRunner cli(m_mountPoint + u"/data"_s);
        QCOMPARE(cli.run({u"workspace"_s, u"create"_s, u"shop"_s}).exitCode, 0);
        const auto full = cli.json({u"import"_s, in});
        QVERIFY2(full.exitCode == 6, qPrintable(QString::number(full.exitCode) + u' ' + full.err));
        QVERIFY2(full.err.contains(u"full"_s), qPrintable(full.err));
        const int before = int(cli.json({u"list"_s}).json().array().size());
        QVERIFY(before < files);
        QCOMPARE(cli.run({u"verify"_s}).exitCode, 0);

        QCOMPARE(QProcess::execute(u"mount"_s, {u"-o"_s, u"remount,size=64m"_s, m_mountPoint}), 0);
        const auto completed = cli.json({u"import"_s, in});
        QVERIFY2(completed.exitCode == 0, qPrintable(completed.err));
        QCOMPARE(completed.json()[u"imported"_s].toInt(), files - before);
        QCOMPARE(cli.json({u"list"_s}).json().array().size(), files);
        QCOMPARE(cli.run({u"verify"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliDiskFull)
#include "tst_clidiskfull.moc"

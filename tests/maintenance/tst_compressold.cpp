// compress-old through the real imaging workers: only old images' renditions are
// re-encoded, smaller, at the quality asked; originals keep their bytes; the catalog
// points at the new files and the old ones are gone; a second run does nothing.
#include "imaging/imagingpool.h"
#include "import/importjob.h"
#include "maintenance/compressold.h"
#include "maintenance/jpegquality.h"
#include "maintenance/storeverifier.h"
#include "storage/contenthash.h"
#include "testworkspace.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

// Photo-like content (gradients and noise), so quality changes the size clearly.
QByteArray photo(int seed)
{
    QImage image(900, 600, QImage::Format_RGB32);
    QRandomGenerator random{quint32(seed)};
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int noise = int(random.bounded(40));
            line[x] = qRgb((x * 255 / image.width() + noise + seed * 30) % 256, (y * 255 / image.height() + noise) % 256,
                           (x + y + noise) % 256);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 92);
    return bytes;
}

QString sha256Of(const QString &path)
{
    const Result<QString> sha = ContentHash::ofFile(path);
    return sha ? sha.value() : QString();
}

} // namespace

class TestCompressOld final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oldRenditionsAreReencodedOnce();
    void cutoffIsMonthsBeforeNow();

private:
    ImageRecord import(const QString &sourcePath);

    std::unique_ptr<TestWorkspace> m_ws;
    std::unique_ptr<ImagingPool> m_pool;
};

void TestCompressOld::initTestCase()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY(m_ws->isValid());
    m_pool = std::make_unique<ImagingPool>(2);
}

ImageRecord TestCompressOld::import(const QString &sourcePath)
{
    ImportJob job(m_ws->workspace(), *m_pool, {sourcePath}, ImportOptions{});
    job.start();
    const ImportReport report = job.waitForFinished();
    if (report.items.size() != 1 || report.items.first().outcome != ImportItemResult::Outcome::Imported) {
        qWarning("import failed: %s", report.items.isEmpty() ? "no item" : qPrintable(report.items.first().message));
        return {};
    }
    auto catalog = m_ws->openCatalog();
    return catalog->imageById(report.items.first().imageId).value_or(ImageRecord());
}

void TestCompressOld::oldRenditionsAreReencodedOnce()
{
    QList<ImageRecord> images;
    for (int seed = 1; seed <= 3; ++seed) {
        const QString source = TestWorkspace::writeFile(m_ws->dataDir() + u"/in/photo-%1.jpg"_s.arg(seed), photo(seed));
        if (seed == 3)
            QThread::msleep(50); // the third is the new one
        images.append(import(source));
        QVERIFY(images.last().id > 0);
        QCOMPARE(images.last().renditions.size(), 4);
    }
    const qint64 gapMs = images[1].createdAt.msecsTo(images[2].createdAt);
    QVERIFY(gapMs > 10);
    CompressOld::Options options;
    options.olderThanMonths = 0;
    options.now = images[1].createdAt.addMSecs(gapMs / 2);
    options.quality = 60;
    QMap<QString, QString> originals;
    for (const ImageRecord &image : images)
        originals.insert(m_ws->originalPath(image), sha256Of(m_ws->originalPath(image)));

    QList<std::pair<qint64, qint64>> progress;
    const auto report = CompressOld(m_ws->workspace(), *m_pool, options)
                            .run(JobProgress([&](qint64 done, qint64 total) { progress.append({done, total}); }));
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY2(report->failures.isEmpty(), qPrintable(report->failures.join(u'\n')));
    QCOMPARE(report->candidates, 2);
    QCOMPARE(report->recompressed, 2);
    QCOMPARE(report->alreadyCompressed, 0);
    QVERIFY(report->bytesAfter > 0);
    QVERIFY(report->bytesAfter < report->bytesBefore);
    QCOMPARE(progress.last(), (std::pair<qint64, qint64>{2, 2}));

    auto catalog = m_ws->openCatalog();
    for (int i = 0; i < 3; ++i) {
        const auto now = catalog->imageById(images[i].id);
        QVERIFY(now);
        QCOMPARE(now->renditions.size(), images[i].renditions.size());
        for (int r = 0; r < now->renditions.size(); ++r) {
            const RenditionRecord &before = images[i].renditions[r];
            const RenditionRecord &after = now->renditions[r];
            const QString afterPath = m_ws->renditionPath(*now, after.name);
            const QString beforePath = m_ws->renditionPath(images[i], before.name);
            QCOMPARE(after.name, before.name);
            QCOMPARE(after.width, before.width);
            QCOMPARE(after.height, before.height);
            if (i == 2) { // the new image is untouched
                QCOMPARE(after.sha256, before.sha256);
                QCOMPARE(JpegQuality::estimate(afterPath), std::optional<int>(RenditionSpec::defaults()[r].quality));
                continue;
            }
            QVERIFY2(after.bytes < before.bytes, qPrintable(after.name));
            QCOMPARE(JpegQuality::estimate(afterPath), std::optional<int>(60));
            QCOMPARE(QFileInfo(afterPath).size(), after.bytes);
            QVERIFY2(!QFileInfo::exists(beforePath), qPrintable(beforePath));
        }
    }
    catalog.reset();
    for (auto it = originals.cbegin(); it != originals.cend(); ++it)
        QCOMPARE(sha256Of(it.key()), it.value());
    const auto verified = StoreVerifier(m_ws->workspace()).run();
    QVERIFY(verified && verified->isClean());

    // Again: nothing left to do, nothing changes.
    const QMap<QString, QString> files = TestWorkspace::treeDigest(m_ws->store().root());
    const auto again = CompressOld(m_ws->workspace(), *m_pool, options).run();
    QVERIFY(again);
    QCOMPARE(again->candidates, 2);
    QCOMPARE(again->recompressed, 0);
    QCOMPARE(again->alreadyCompressed, 2);
    QCOMPARE(TestWorkspace::treeDigest(m_ws->store().root()), files);
}

void TestCompressOld::cutoffIsMonthsBeforeNow()
{
    CompressOld::Options options;
    options.now = QDateTime(QDate(2024, 9, 15), QTime(12, 0), Qt::UTC);
    QCOMPARE(CompressOld(m_ws->workspace(), *m_pool, options).cutoff(), QDateTime(QDate(2024, 3, 15), QTime(12, 0), Qt::UTC));
    QCOMPARE(options.olderThanMonths, 6);
    QCOMPARE(options.quality, 60);
}

QTEST_GUILESS_MAIN(TestCompressOld)
#include "tst_compressold.moc"

#include "imaging/imagingpool.h"
#include "testimages.h"

#include <QDir>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

// Real camera files (tests/data/photos, see its README) through the real pool and worker.
class TestRealPhotos final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void nikonFactsAreRead();
    void iphonePortraitComesOutUpright();
    void theEightOrientationsOfOnePictureLookAlike();
    void gpsWrittenAsTextIsIgnored();
    void hostileExifDoesNotStopTheImage();
    void hostileExifWithoutImageDataIsRefused();

private:
    ImagingResult run(const QString &name);
    static QImage load(const RenditionFile &file);

    QTemporaryDir m_dir;
    QString m_photos;
    std::unique_ptr<ImagingPool> m_pool;
    int m_runs = 0;
};

void TestRealPhotos::initTestCase()
{
    m_photos = qEnvironmentVariable("VITRINE_TEST_DATA") + u"/photos"_s;
    QVERIFY2(QFileInfo::exists(m_photos + u"/sample1.jpg"_s), qPrintable(m_photos));
    m_pool = std::make_unique<ImagingPool>(1);
}

void TestRealPhotos::cleanupTestCase()
{
    m_pool.reset();
}

ImagingResult TestRealPhotos::run(const QString &name)
{
    ImagingRequest request;
    request.sourcePath = QDir(m_photos).filePath(name);
    request.displayName = name;
    request.outputDir = m_dir.filePath(u"out%1"_s.arg(++m_runs));
    QDir().mkpath(request.outputDir);
    return m_pool->process(request);
}

QImage TestRealPhotos::load(const RenditionFile &file)
{
    QImageReader reader(file.path, "jpeg");
    reader.setAutoTransform(false);
    return reader.read().convertToFormat(QImage::Format_RGB32);
}

void TestRealPhotos::nikonFactsAreRead()
{
    const ImagingResult result = run(u"sample1.jpg"_s);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.facts.format, u"jpeg"_s);
    QCOMPARE(QSize(result.facts.width, result.facts.height), QSize(500, 375));
    QCOMPARE(result.facts.cameraMake, u"NIKON CORPORATION"_s);
    QCOMPARE(result.facts.cameraModel, u"NIKON D2H"_s);
    QCOMPARE(result.facts.capturedAt, QDateTime(QDate(2003, 11, 23), QTime(18, 7, 37)));
    QVERIFY(result.facts.gps.has_value());
    QVERIFY(std::abs(result.facts.gps->latitude - (39 + 54 / 60.0 + 56 / 3600.0)) < 1e-6);
    QVERIFY(std::abs(result.facts.gps->longitude - (116 + 23 / 60.0 + 27 / 3600.0)) < 1e-6);
    QCOMPARE(QSize(result.renditions.last().width, result.renditions.last().height), QSize(500, 375));
    QCOMPARE(QSize(result.renditions.first().width, result.renditions.first().height), QSize(150, 113));
}

void TestRealPhotos::iphonePortraitComesOutUpright()
{
    const ImagingResult result = run(u"has-lens-info.jpg"_s);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.facts.cameraMake, u"Apple"_s);
    QCOMPARE(result.facts.cameraModel, u"iPhone 4S"_s);
    QCOMPARE(result.facts.exifOrientation, 6);
    QCOMPARE(QSize(result.facts.width, result.facts.height), QSize(205, 102));
    QCOMPARE(result.facts.capturedAt, QDateTime(QDate(2014, 9, 1), QTime(15, 3, 47)));
    QVERIFY(result.facts.gps.has_value());
    QVERIFY(std::abs(result.facts.gps->latitude - 59.3325) < 1e-3);
    QVERIFY(std::abs(result.facts.gps->longitude - 18.065) < 1e-3);
    QVERIFY(result.facts.gps->altitude.has_value());
    QVERIFY(std::abs(*result.facts.gps->altitude - 29) < 1);
    QCOMPARE(QSize(result.renditions.first().width, result.renditions.first().height), QSize(75, 150));
    QCOMPARE(load(result.renditions.last()).size(), QSize(102, 205));
}

void TestRealPhotos::theEightOrientationsOfOnePictureLookAlike()
{
    QImage reference;
    for (int n = 1; n <= 8; ++n) {
        const ImagingResult result = run(u"f%1-exif.jpg"_s.arg(n));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.facts.exifOrientation, n);
        const QImage image = load(result.renditions.last());
        QCOMPARE(image.size(), QSize(40, 80));
        if (n == 1) {
            reference = image;
            continue;
        }
        qint64 difference = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                difference += std::abs(qGray(image.pixel(x, y)) - qGray(reference.pixel(x, y)));
        }
        const double mean = double(difference) / (image.width() * image.height());
        QVERIFY2(mean < 12, qPrintable(u"orientation %1 differs by %2 per pixel"_s.arg(n).arg(mean)));
    }
}

void TestRealPhotos::gpsWrittenAsTextIsIgnored()
{
    const ImagingResult result = run(u"geodegrees_as_string.jpg"_s);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.facts.capturedAt, QDateTime(QDate(2014, 4, 26), QTime(19, 9, 19)));
    QVERIFY(!result.facts.gps.has_value());
}

void TestRealPhotos::hostileExifDoesNotStopTheImage()
{
    const ImagingResult result = run(u"infinite_loop_exif.jpg"_s);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(QSize(result.facts.width, result.facts.height), QSize(8, 8));
    QVERIFY(!result.facts.metadataWarning.isEmpty());
}

void TestRealPhotos::hostileExifWithoutImageDataIsRefused()
{
    const ImagingResult result = run(u"max_uint32_exif.jpg"_s);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(u"max_uint32_exif.jpg: "_s), qPrintable(result.error));
    QVERIFY(QDir(m_dir.filePath(u"out%1"_s.arg(m_runs))).isEmpty());
}

QTEST_GUILESS_MAIN(TestRealPhotos)
#include "tst_realphotos.moc"

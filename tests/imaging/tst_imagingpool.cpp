#include "childprocesses.h"
#include "imaging/imagingpool.h"
#include "testimages.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <exiv2/exiv2.hpp>

#include <memory>

using namespace Qt::StringLiterals;

// The import's imaging through the real pool and real worker processes.
class TestImagingPool final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void allEightOrientationsComeOutUpright_data();
    void allEightOrientationsComeOutUpright();
    void renditionsFollowTheLongSide_data();
    void renditionsFollowTheLongSide();
    void webRenditionIsProgressive();
    void userRotationTurnsClockwiseAfterExif_data();
    void userRotationTurnsClockwiseAfterExif();
    void otherFormatsImport_data();
    void otherFormatsImport();
    void transparencyBecomesWhite();
    void exifFactsAreRead_data();
    void exifFactsAreRead();
    void corruptExifStillImports();
    void truncatedFilesAreRefusedCleanly_data();
    void truncatedFilesAreRefusedCleanly();
    void hugeHeadersAreRefusedBeforeDecoding_data();
    void hugeHeadersAreRefusedBeforeDecoding();
    void nonImagesNamedJpgAreRefused_data();
    void nonImagesNamedJpgAreRefused();
    void theNameNeverDecidesTheFormat();
    void filesOverTheSizeLimitAreRefused();
    void poolThreadsShareTheWorkers();
    void embedMetadataRoundTrips();
    void embedMetadataRefusesNonJpeg();

private:
    ImagingResult run(const QString &name, const QByteArray &bytes, int turns = 0,
                      ImportLimits limits = {});
    QString newOutputDir();
    static QImage load(const RenditionFile &file);

    QTemporaryDir m_dir;
    std::unique_ptr<ImagingPool> m_pool;
    int m_outputs = 0;
};

void TestImagingPool::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pool = std::make_unique<ImagingPool>(2);
    QVERIFY2(QFileInfo(ImagingPool::workerExecutable()).isExecutable(),
             qPrintable(ImagingPool::workerExecutable()));
}

void TestImagingPool::cleanupTestCase()
{
    m_pool.reset();
    const ChildProcesses children = ChildProcesses::now();
    QVERIFY(children.running.isEmpty());
    QVERIFY(children.zombies.isEmpty());
}

QString TestImagingPool::newOutputDir()
{
    const QString dir = m_dir.filePath(u"out%1"_s.arg(++m_outputs));
    QDir().mkpath(dir);
    return dir;
}

ImagingResult TestImagingPool::run(const QString &name, const QByteArray &bytes, int turns,
                                   ImportLimits limits)
{
    const QString staged = TestImages::writeFile(m_dir.filePath(u"in%1"_s.arg(m_outputs)), name, bytes);
    ImagingRequest request;
    request.sourcePath = staged;
    request.displayName = name;
    request.outputDir = newOutputDir();
    request.rotationQuarterTurns = turns;
    request.limits = limits;
    return m_pool->process(request);
}

QImage TestImagingPool::load(const RenditionFile &file)
{
    QImageReader reader(file.path, "jpeg");
    reader.setAutoTransform(false);
    return reader.read();
}

void TestImagingPool::allEightOrientationsComeOutUpright_data()
{
    QTest::addColumn<int>("orientation");
    for (int n = 1; n <= 8; ++n)
        QTest::addRow("exif %d", n) << n;
}

void TestImagingPool::allEightOrientationsComeOutUpright()
{
    QFETCH(int, orientation);
    const ImagingResult result = run(u"oriented.jpg"_s, TestImages::orientedJpeg(orientation, {640, 480}));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.facts.format, u"jpeg"_s);
    QCOMPARE(result.facts.exifOrientation, orientation);
    QCOMPARE(QSize(result.facts.width, result.facts.height), orientation >= 5 ? QSize(480, 640) : QSize(640, 480));
    const QList<QSize> expected{{150, 113}, {300, 225}, {500, 375}, {640, 480}};
    QCOMPARE(result.renditions.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const RenditionFile &file = result.renditions[i];
        QCOMPARE(file.name, RenditionSpec::defaults()[i].name);
        QCOMPARE(QSize(file.width, file.height), expected[i]);
        QCOMPARE(QFileInfo(file.path).size(), file.bytes);
        const QImage image = load(file);
        QCOMPARE(image.size(), expected[i]);
        QVERIFY2(TestImages::isUprightPattern(image), qPrintable(file.name));
    }
}

void TestImagingPool::renditionsFollowTheLongSide_data()
{
    QTest::addColumn<QSize>("source");
    QTest::addColumn<QList<QSize>>("expected");
    QTest::newRow("landscape") << QSize(2000, 1500) << QList<QSize>{{150, 113}, {300, 225}, {500, 375}, {1024, 768}};
    QTest::newRow("portrait") << QSize(1200, 1800) << QList<QSize>{{100, 150}, {200, 300}, {333, 500}, {683, 1024}};
    QTest::newRow("between sizes") << QSize(400, 200) << QList<QSize>{{150, 75}, {300, 150}, {400, 200}, {400, 200}};
    QTest::newRow("tiny: never upscaled") << QSize(64, 48) << QList<QSize>{{64, 48}, {64, 48}, {64, 48}, {64, 48}};
}

void TestImagingPool::renditionsFollowTheLongSide()
{
    QFETCH(QSize, source);
    QFETCH(QList<QSize>, expected);
    const ImagingResult result = run(u"sized.jpg"_s, TestImages::jpeg(source));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.renditions.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(QSize(result.renditions[i].width, result.renditions[i].height), expected[i]);
        const QImage image = load(result.renditions[i]);
        QCOMPARE(image.size(), expected[i]);
        QVERIFY(TestImages::isUprightPattern(image));
    }
}

void TestImagingPool::webRenditionIsProgressive()
{
    const ImagingResult result = run(u"web.jpg"_s, TestImages::jpeg({1200, 900}));
    QVERIFY2(result.ok, qPrintable(result.error));
    const auto isProgressive = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) && file.readAll().contains("\xFF\xC2");
    };
    QCOMPARE(result.renditions.last().name, u"web1024"_s);
    QVERIFY(isProgressive(result.renditions.last().path));
    QVERIFY(!isProgressive(result.renditions.first().path));
}

void TestImagingPool::userRotationTurnsClockwiseAfterExif_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<int>("turns");
    for (int orientation : {1, 6})
        for (int turns = 1; turns <= 3; ++turns)
            QTest::addRow("exif %d, %d turns", orientation, turns) << orientation << turns;
}

void TestImagingPool::userRotationTurnsClockwiseAfterExif()
{
    QFETCH(int, orientation);
    QFETCH(int, turns);
    const ImagingResult result = run(u"turned.jpg"_s, TestImages::orientedJpeg(orientation, {400, 300}), turns);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.facts.exifOrientation, orientation);
    const RenditionFile &web = result.renditions.last();
    QCOMPARE(QSize(web.width, web.height), turns % 2 ? QSize(300, 400) : QSize(400, 300));
    for (const RenditionFile &file : result.renditions)
        QVERIFY2(TestImages::isPatternTurned(load(file), turns), qPrintable(file.name));
}

void TestImagingPool::otherFormatsImport_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::newRow("png") << TestImages::png({320, 240}) << u"png"_s;
    QTest::newRow("gif") << TestImages::gif({320, 240}) << u"gif"_s;
    QTest::newRow("animated gif: first frame") << TestImages::gif({320, 240}, 3) << u"gif"_s;
    QTest::newRow("webp") << TestImages::webp({320, 240}) << u"webp"_s;
    QTest::newRow("tiff") << TestImages::tiff({320, 240}) << u"tiff"_s;
}

void TestImagingPool::otherFormatsImport()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    const ImagingResult result = run(u"picture.bin"_s, bytes);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.facts.format, format);
    QCOMPARE(QSize(result.facts.width, result.facts.height), QSize(320, 240));
    QCOMPARE(QSize(result.renditions.first().width, result.renditions.first().height), QSize(150, 113));
    for (const RenditionFile &file : result.renditions)
        QVERIFY2(TestImages::isUprightPattern(load(file)), qPrintable(file.name));
}

void TestImagingPool::transparencyBecomesWhite()
{
    const ImagingResult result = run(u"logo.png"_s, TestImages::pngWithAlpha({320, 240}));
    QVERIFY2(result.ok, qPrintable(result.error));
    for (const RenditionFile &file : result.renditions) {
        const QImage image = load(file);
        QCOMPARE(TestImages::colourName(TestImages::colourAt(image, 0.25, 0.25)), u"red"_s);
        QCOMPARE(TestImages::colourName(TestImages::colourAt(image, 0.75, 0.25)), u"green"_s);
        QCOMPARE(TestImages::colourName(TestImages::colourAt(image, 0.25, 0.75)), u"blue"_s);
        QCOMPARE(TestImages::colourName(TestImages::colourAt(image, 0.75, 0.75)), u"white"_s);
    }
}

void TestImagingPool::exifFactsAreRead_data()
{
    QTest::addColumn<double>("latitude");
    QTest::addColumn<double>("longitude");
    QTest::addColumn<double>("altitude");
    QTest::newRow("north east") << 52.516272 << 13.377722 << 34.5;
    QTest::newRow("south west, below sea level") << -22.951916 << -43.210487 << -12.0;
}

void TestImagingPool::exifFactsAreRead()
{
    QFETCH(double, latitude);
    QFETCH(double, longitude);
    QFETCH(double, altitude);
    const QDateTime taken(QDate(2021, 5, 4), QTime(10, 11, 12));
    const QByteArray bytes = TestImages::withExif(TestImages::jpeg({320, 240}), u"  Canon  "_s,
                                                  u"Canon EOS 5D Mark IV"_s, taken,
                                                  GpsPosition{latitude, longitude, altitude});
    const ImagingResult result = run(u"camera.jpg"_s, bytes);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.facts.cameraMake, u"Canon"_s);
    QCOMPARE(result.facts.cameraModel, u"Canon EOS 5D Mark IV"_s);
    QCOMPARE(result.facts.capturedAt.date(), taken.date());
    QCOMPARE(result.facts.capturedAt.time(), taken.time());
    QVERIFY(result.facts.gps.has_value());
    QVERIFY(qAbs(result.facts.gps->latitude - latitude) < 1e-6);
    QVERIFY(qAbs(result.facts.gps->longitude - longitude) < 1e-6);
    QVERIFY(result.facts.gps->altitude.has_value());
    QVERIFY(qAbs(*result.facts.gps->altitude - altitude) < 0.01);
    QVERIFY2(result.facts.metadataWarning.isEmpty(), qPrintable(result.facts.metadataWarning));
}

void TestImagingPool::corruptExifStillImports()
{
    const ImagingResult result = run(u"broken-exif.jpg"_s, TestImages::corruptExifJpeg({320, 240}));
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.facts.metadataWarning.isEmpty());
    QCOMPARE(result.facts.exifOrientation, 1);
    QCOMPARE(result.renditions.size(), 4);
    QVERIFY(TestImages::isUprightPattern(load(result.renditions.last())));
}

void TestImagingPool::truncatedFilesAreRefusedCleanly_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray jpeg = TestImages::jpeg({640, 480});
    const QByteArray png = TestImages::png({640, 480});
    QTest::newRow("jpeg, half") << TestImages::truncated(jpeg, int(jpeg.size() / 2));
    QTest::newRow("jpeg, in the header") << TestImages::truncated(jpeg, 300);
    QTest::newRow("jpeg, 40 bytes") << TestImages::truncated(jpeg, 40);
    QTest::newRow("png, half") << TestImages::truncated(png, int(png.size() / 2));
}

void TestImagingPool::truncatedFilesAreRefusedCleanly()
{
    QFETCH(QByteArray, bytes);
    const ImagingResult result = run(u"cut.jpg"_s, bytes);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(u"cut.jpg: "_s), qPrintable(result.error));
    QVERIFY2(result.error.contains(u"incomplete"_s) || result.error.contains(u"damaged"_s)
                 || result.error.contains(u"unreadable"_s),
             qPrintable(result.error));
    QVERIFY(result.renditions.isEmpty());
    QVERIFY(QDir(m_dir.filePath(u"out%1"_s.arg(m_outputs))).isEmpty());
}

void TestImagingPool::hugeHeadersAreRefusedBeforeDecoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("png") << TestImages::hugeHeaderPng();
    QTest::newRow("jpeg") << TestImages::hugeHeaderJpeg();
}

void TestImagingPool::hugeHeadersAreRefusedBeforeDecoding()
{
    QFETCH(QByteArray, bytes);
    const ImagingResult result = run(u"bomb.jpg"_s, bytes);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(u"bomb.jpg: "_s), qPrintable(result.error));
    QVERIFY2(result.error.contains(u"claims 65535×65535 pixels"_s), qPrintable(result.error));
}

void TestImagingPool::nonImagesNamedJpgAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("script") << TestImages::shellScript() << u"not an image (a shell script)"_s;
    QTest::newRow("mp4") << TestImages::fakeMp4() << u"not an image (an MP4/ISO media file)"_s;
    QTest::newRow("psd") << TestImages::psd() << u"not an image (a Photoshop PSD file)"_s;
    QTest::newRow("svg") << TestImages::svg() << u"not an image (an SVG drawing"_s;
    QTest::newRow("xpm") << TestImages::xpm() << u"not an image (an XPM image"_s;
    QTest::newRow("empty") << QByteArray() << u"not an image (an empty file)"_s;
}

void TestImagingPool::nonImagesNamedJpgAreRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const ImagingResult result = run(u"photo.jpg"_s, bytes);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(u"photo.jpg: "_s + reason), qPrintable(result.error));
    QVERIFY(QDir(m_dir.filePath(u"out%1"_s.arg(m_outputs))).isEmpty());
}

void TestImagingPool::theNameNeverDecidesTheFormat()
{
    const ImagingResult png = run(u"really-a-png.jpg"_s, TestImages::png({100, 80}));
    QVERIFY2(png.ok, qPrintable(png.error));
    QCOMPARE(png.facts.format, u"png"_s);
    const ImagingResult jpeg = run(u"no-extension"_s, TestImages::jpeg({100, 80}));
    QVERIFY2(jpeg.ok, qPrintable(jpeg.error));
    QCOMPARE(jpeg.facts.format, u"jpeg"_s);
}

void TestImagingPool::filesOverTheSizeLimitAreRefused()
{
    const QByteArray bytes = TestImages::jpeg({400, 300}, 100);
    ImportLimits limits;
    limits.maxFileBytes = bytes.size() - 1;
    const ImagingResult refused = run(u"big.jpg"_s, bytes, 0, limits);
    QVERIFY(!refused.ok);
    QVERIFY2(refused.error.startsWith(u"big.jpg: the file is "_s), qPrintable(refused.error));
    QVERIFY2(refused.error.contains(u"more than the limit"_s), qPrintable(refused.error));
    limits.maxFileBytes = bytes.size();
    const ImagingResult accepted = run(u"big.jpg"_s, bytes, 0, limits);
    QVERIFY2(accepted.ok, qPrintable(accepted.error));
}

void TestImagingPool::poolThreadsShareTheWorkers()
{
    QList<QFuture<ImagingResult>> futures;
    for (int seed = 0; seed < 8; ++seed) {
        ImagingRequest request;
        request.sourcePath = TestImages::writeFile(m_dir.filePath(u"batch"_s), u"b%1.jpg"_s.arg(seed),
                                                   TestImages::uniqueJpeg(seed, {320, 240}));
        request.displayName = u"b%1.jpg"_s.arg(seed);
        request.outputDir = newOutputDir();
        futures.append(QtConcurrent::run(m_pool->threadPool(), [this, request] {
            return m_pool->process(request);
        }));
    }
    for (QFuture<ImagingResult> &future : futures) {
        const ImagingResult result = future.result();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(TestImages::isUprightPattern(load(result.renditions.first())));
    }
    // Two pool threads, plus the test's own thread that ran the earlier tests.
    QCOMPARE(m_pool->threadPool()->maxThreadCount(), 2);
    const ChildProcesses children = ChildProcesses::now();
    QVERIFY2(children.running.size() <= 3, qPrintable(QString::number(children.running.size())));
    QVERIFY(children.zombies.isEmpty());
}

void TestImagingPool::embedMetadataRoundTrips()
{
    const QString source = TestImages::writeFile(m_dir.filePath(u"embed"_s), u"web.jpg"_s,
                                                 TestImages::orientedJpeg(1, {200, 150}));
    EmbedRequest request;
    request.source = source;
    request.destination = m_dir.filePath(u"embed/exported.jpg"_s);
    request.caption = u"Ventil DN 50"_s;
    request.altText = u"Ein Messingventil auf weißem Grund"_s;
    request.description = u"Absperrventil aus Messing, Ansicht von vorn."_s;
    request.tags = {u"Ventil"_s, u"Messing"_s, u"Größe 50"_s};
    request.imageType = u"Produktfoto"_s;
    const Status embedded = m_pool->embedMetadata(request);
    QVERIFY2(embedded.ok(), qPrintable(embedded.error()));

    QFile file(request.destination);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(bytes.constData()),
                                           long(bytes.size()));
    image->readMetadata();
    const Exiv2::XmpData &xmp = image->xmpData();
    const Exiv2::IptcData &iptc = image->iptcData();
    const auto xmpText = [&](const char *key) {
        const auto it = xmp.findKey(Exiv2::XmpKey(key));
        return it == xmp.end() ? QString() : QString::fromStdString(it->toString());
    };
    QCOMPARE(xmpText("Xmp.photoshop.Headline"), request.caption);
    QVERIFY2(xmpText("Xmp.dc.description").contains(request.description), qPrintable(xmpText("Xmp.dc.description")));
    QVERIFY(xmpText("Xmp.iptc.AltTextAccessibility").contains(request.altText));
    QCOMPARE(xmpText("Xmp.vitrine.imageType"), request.imageType);
    const auto subjects = xmp.findKey(Exiv2::XmpKey("Xmp.dc.subject"));
    QVERIFY(subjects != xmp.end());
    QCOMPARE(subjects->count(), 3);
    QCOMPARE(QString::fromStdString(subjects->toString(2)), u"Größe 50"_s);

    QStringList keywords;
    QString caption;
    for (const Exiv2::Iptcdatum &datum : iptc) {
        if (datum.key() == "Iptc.Application2.Keywords")
            keywords.append(QString::fromStdString(datum.toString()));
        if (datum.key() == "Iptc.Application2.Caption")
            caption = QString::fromStdString(datum.toString());
    }
    QCOMPARE(keywords, request.tags);
    QCOMPARE(caption, request.description);

    QImageReader reader(request.destination, "jpeg");
    QVERIFY(TestImages::isUprightPattern(reader.read()));
}

void TestImagingPool::embedMetadataRefusesNonJpeg()
{
    EmbedRequest request;
    request.source = TestImages::writeFile(m_dir.filePath(u"embed"_s), u"logo.png"_s, TestImages::png());
    request.destination = m_dir.filePath(u"embed/logo-out.png"_s);
    request.caption = u"Logo"_s;
    const Status embedded = m_pool->embedMetadata(request);
    QVERIFY(!embedded.ok());
    QVERIFY2(embedded.error().startsWith(u"logo.png: "_s), qPrintable(embedded.error()));
    QVERIFY(!QFile::exists(request.destination));
}

QTEST_GUILESS_MAIN(TestImagingPool)
#include "tst_imagingpool.moc"

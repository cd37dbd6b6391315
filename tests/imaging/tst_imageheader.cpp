#include "imaging/imageheader.h"
#include "testimages.h"

#include <QTest>

class TestImageHeader final : public QObject
{
    Q_OBJECT

private slots:
    void readsTheClaimedSize_data();
    void readsTheClaimedSize();
    void readsHugeClaimsWithoutDecoding();
    void survivesGarbage();
};

void TestImageHeader::readsTheClaimedSize_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("format");
    QTest::addColumn<QSize>("size");
    QTest::newRow("jpeg") << TestImages::jpeg({123, 45}) << int(ImageFormat::Jpeg) << QSize(123, 45);
    QTest::newRow("jpeg with exif") << TestImages::orientedJpeg(6, {64, 48}) << int(ImageFormat::Jpeg) << QSize(48, 64);
    QTest::newRow("png") << TestImages::png({31, 17}) << int(ImageFormat::Png) << QSize(31, 17);
    QTest::newRow("gif") << TestImages::gif({20, 10}) << int(ImageFormat::Gif) << QSize(20, 10);
    QTest::newRow("webp") << TestImages::webp({70, 30}) << int(ImageFormat::Webp) << QSize(70, 30);
    QTest::newRow("tiff: left to Qt") << TestImages::tiff({8, 8}) << int(ImageFormat::Tiff) << QSize();
}

void TestImageHeader::readsTheClaimedSize()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, format);
    QFETCH(QSize, size);
    QCOMPARE(ImageHeader::claimedSize(bytes, ImageFormat(format)), size);
}

void TestImageHeader::readsHugeClaimsWithoutDecoding()
{
    QCOMPARE(ImageHeader::claimedSize(TestImages::hugeHeaderPng(), ImageFormat::Png), QSize(65535, 65535));
    QCOMPARE(ImageHeader::claimedSize(TestImages::hugeHeaderJpeg(), ImageFormat::Jpeg), QSize(65535, 65535));
}

void TestImageHeader::survivesGarbage()
{
    const QByteArray jpeg = TestImages::jpeg();
    // Every prefix of a header: the right size or none, never a read past the end (ASan).
    for (int keep = 0; keep < 400; ++keep) {
        const QSize size = ImageHeader::claimedSize(jpeg.left(keep), ImageFormat::Jpeg);
        QVERIFY2(size == QSize() || size == QSize(64, 48), qPrintable(QString::number(keep)));
    }
    QCOMPARE(ImageHeader::claimedSize(QByteArray("\xFF\xD8\xFF\xE0\xFF\xFF", 6), ImageFormat::Jpeg), QSize());
    QCOMPARE(ImageHeader::claimedSize(QByteArray(4, 'x'), ImageFormat::Png), QSize());
    QCOMPARE(ImageHeader::claimedSize(QByteArray("RIFF\0\0\0\0WEBPVP8X", 16), ImageFormat::Webp), QSize());
}

QTEST_GUILESS_MAIN(TestImageHeader)
#include "tst_imageheader.moc"

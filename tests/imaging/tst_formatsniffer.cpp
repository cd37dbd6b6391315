#include "imaging/formatsniffer.h"
#include "testimages.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestFormatSniffer final : public QObject
{
    Q_OBJECT

private slots:
    void acceptsTheAllowlist_data();
    void acceptsTheAllowlist();
    void refusesOtherKindsNamingThem_data();
    void refusesOtherKindsNamingThem();
    void looksOnlyAtTheFirstBytes();
};

void TestFormatSniffer::acceptsTheAllowlist_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::newRow("jpeg") << TestImages::jpeg() << u"jpeg"_s;
    QTest::newRow("jpeg with exif") << TestImages::orientedJpeg(6) << u"jpeg"_s;
    QTest::newRow("png") << TestImages::png() << u"png"_s;
    QTest::newRow("webp") << TestImages::webp() << u"webp"_s;
    QTest::newRow("gif") << TestImages::gif() << u"gif"_s;
    QTest::newRow("tiff") << TestImages::tiff() << u"tiff"_s;
    QTest::newRow("tiff big-endian") << QByteArray("MM\0*\0\0\0\x08", 8) << u"tiff"_s;
}

void TestFormatSniffer::acceptsTheAllowlist()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    const Result<ImageFormat> sniffed = FormatSniffer::sniff(bytes);
    QVERIFY2(sniffed.ok(), qPrintable(sniffed.error()));
    QCOMPARE(imageFormatName(sniffed.value()), format);
}

void TestFormatSniffer::refusesOtherKindsNamingThem_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("shell script") << TestImages::shellScript() << u"not an image (a shell script)"_s;
    QTest::newRow("python script") << QByteArray("#!/usr/bin/env python3\nprint(1)\n") << u"a script"_s;
    QTest::newRow("mp4") << TestImages::fakeMp4() << u"an MP4/ISO media file"_s;
    QTest::newRow("quicktime") << QByteArray("\0\0\0\x14" "ftypqt  \0\0\0\0qt  ", 20) << u"a QuickTime movie"_s;
    QTest::newRow("heic") << QByteArray("\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24) << u"HEIF"_s;
    QTest::newRow("psd") << TestImages::psd() << u"a Photoshop PSD file"_s;
    QTest::newRow("svg") << TestImages::svg() << u"an SVG drawing"_s;
    QTest::newRow("bare svg") << QByteArray("<svg xmlns='http://www.w3.org/2000/svg'/>") << u"an SVG drawing"_s;
    QTest::newRow("xpm") << TestImages::xpm() << u"an XPM image"_s;
    QTest::newRow("pdf") << QByteArray("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") << u"a PDF document"_s;
    QTest::newRow("zip") << QByteArray("PK\x03\x04\x14\0\0\0", 8) << u"a ZIP archive"_s;
    QTest::newRow("html") << QByteArray("<!DOCTYPE html>\n<html><body>hi</body></html>") << u"an HTML page"_s;
    QTest::newRow("xml") << QByteArray("<?xml version=\"1.0\"?><note/>") << u"an XML document"_s;
    QTest::newRow("jpeg 2000") << QByteArray("\0\0\0\x0CjP  \r\n\x87\n\0\0\0\x14" "ftypjp2 ", 20) << u"a JPEG 2000 image"_s;
    QTest::newRow("bmp") << QByteArray("BM\x36\x00\x0C\x00\0\0\0\0\x36\0\0\0", 14) << u"a BMP image"_s;
    QTest::newRow("avi") << QByteArray("RIFF\x24\0\0\0" "AVI LIST", 16) << u"a RIFF audio or video file"_s;
    QTest::newRow("text") << QByteArray("just some words\n") << u"a text file"_s;
    QTest::newRow("empty") << QByteArray() << u"an empty file"_s;
    QTest::newRow("noise") << QByteArray("\x01\x02\x03\x04\xF0\x00\x99", 7) << u"unrecognised data"_s;
    QTest::newRow("jpeg without marker") << QByteArray("\xFF\xD8", 2) << u"unrecognised data"_s;
}

void TestFormatSniffer::refusesOtherKindsNamingThem()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const Result<ImageFormat> sniffed = FormatSniffer::sniff(bytes);
    QVERIFY(!sniffed.ok());
    QVERIFY2(sniffed.error().startsWith(u"not an image ("_s), qPrintable(sniffed.error()));
    QVERIFY2(sniffed.error().contains(reason), qPrintable(sniffed.error()));
}

void TestFormatSniffer::looksOnlyAtTheFirstBytes()
{
    QByteArray script = TestImages::shellScript();
    script.append(QByteArray(FormatSniffer::HeadBytes, ' '));
    script.append(TestImages::jpeg());
    QVERIFY(!FormatSniffer::sniff(script).ok());
    QVERIFY(FormatSniffer::sniff(QByteArray(TestImages::jpeg() + TestImages::shellScript())).ok());
}

QTEST_GUILESS_MAIN(TestFormatSniffer)
#include "tst_formatsniffer.moc"

// JpegQuality reads back the quality Qt wrote a JPEG at, which is how compress-old knows
// a rendition is already compressed.
#include "maintenance/jpegquality.h"
#include "testimages.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestJpegQuality final : public QObject
{
    Q_OBJECT

private slots:
    void qtQualityIsReadBack_data();
    void qtQualityIsReadBack();
    void notAJpegHasNoQuality();
    void tableSumsFallWithQuality();

private:
    QTemporaryDir m_dir;
};

void TestJpegQuality::qtQualityIsReadBack_data()
{
    QTest::addColumn<int>("quality");
    for (const int quality : {10, 30, 50, 59, 60, 61, 65, 75, 85, 95})
        QTest::addRow("q%d", quality) << quality;
}

void TestJpegQuality::qtQualityIsReadBack()
{
    QFETCH(int, quality);
    const QString path = TestImages::writeFile(m_dir.path(), u"q%1.jpg"_s.arg(quality),
                                               TestImages::jpeg({80, 60}, quality));
    QVERIFY(!path.isEmpty());
    QCOMPARE(JpegQuality::estimate(path), std::optional<int>(quality));
}

void TestJpegQuality::notAJpegHasNoQuality()
{
    QVERIFY(!JpegQuality::estimate(TestImages::writeFile(m_dir.path(), u"a.png"_s, TestImages::png())));
    QVERIFY(!JpegQuality::estimate(TestImages::writeFile(m_dir.path(), u"cut.jpg"_s,
                                                         TestImages::truncated(TestImages::jpeg(), 30))));
    QVERIFY(!JpegQuality::estimate(m_dir.filePath(u"missing.jpg"_s)));
}

void TestJpegQuality::tableSumsFallWithQuality()
{
    for (int quality = 2; quality <= 95; ++quality)
        QVERIFY2(JpegQuality::tableSum(quality) < JpegQuality::tableSum(quality - 1), qPrintable(QString::number(quality)));
}

QTEST_GUILESS_MAIN(TestJpegQuality)
#include "tst_jpegquality.moc"

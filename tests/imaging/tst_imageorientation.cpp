#include "imaging/imageorientation.h"
#include "testimages.h"

#include <QBuffer>
#include <QImageReader>
#include <QTest>

class TestImageOrientation final : public QObject
{
    Q_OBJECT

private slots:
    void turnsEveryExifOrientationUpright_data();
    void turnsEveryExifOrientationUpright();
    void userTurnsFollowExif_data();
    void userTurnsFollowExif();
    void invalidValuesMeanUpright();
};

namespace {

QImage storedPixels(const QByteArray &jpeg)
{
    QByteArray bytes = jpeg;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "jpeg");
    reader.setAutoTransform(false);
    return reader.read();
}

} // namespace

void TestImageOrientation::turnsEveryExifOrientationUpright_data()
{
    QTest::addColumn<int>("orientation");
    for (int n = 1; n <= 8; ++n)
        QTest::addRow("exif %d", n) << n;
}

void TestImageOrientation::turnsEveryExifOrientationUpright()
{
    QFETCH(int, orientation);
    const QImage stored = storedPixels(TestImages::orientedJpeg(orientation, {64, 48}));
    QCOMPARE(stored.size(), orientation >= 5 ? QSize(48, 64) : QSize(64, 48));
    QVERIFY(orientation == 1 || !TestImages::isUprightPattern(stored));
    const ImageOrientation orient(orientation, 0);
    QCOMPARE(orient.apply(stored.size()), QSize(64, 48));
    const QImage upright = orient.apply(stored);
    QCOMPARE(upright.size(), QSize(64, 48));
    QVERIFY(TestImages::isUprightPattern(upright));
}

void TestImageOrientation::userTurnsFollowExif_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<int>("turns");
    for (int n : {1, 5, 6, 8})
        for (int turns : {1, 2, 3, -1, 5})
            QTest::addRow("exif %d, %d turns", n, turns) << n << turns;
}

void TestImageOrientation::userTurnsFollowExif()
{
    QFETCH(int, orientation);
    QFETCH(int, turns);
    const QImage stored = storedPixels(TestImages::orientedJpeg(orientation, {64, 48}));
    const QImage turned = ImageOrientation(orientation, turns).apply(stored);
    const bool odd = ((turns % 2) + 2) % 2 == 1;
    QCOMPARE(turned.size(), odd ? QSize(48, 64) : QSize(64, 48));
    QVERIFY(TestImages::isPatternTurned(turned, turns));
}

void TestImageOrientation::invalidValuesMeanUpright()
{
    const QImage upright = TestImages::pattern({64, 48});
    for (int n : {0, 9, -3, 1000})
        QVERIFY(TestImages::isUprightPattern(ImageOrientation(n, 0).apply(upright)));
}

QTEST_GUILESS_MAIN(TestImageOrientation)
#include "tst_imageorientation.moc"

#include "testimages.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QtEndian>

#include <exiv2/exiv2.hpp>

#include <array>
#include <cmath>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QRgb Red = qRgb(255, 0, 0);
const QRgb Green = qRgb(0, 255, 0);
const QRgb Blue = qRgb(0, 0, 255);

QRgb patternPixel(int x, int y, QSize size)
{
    if (y < size.height() / 2)
        return x < size.width() / 2 ? Red : Green;
    return Blue;
}

QByteArray encode(const QImage &image, const char *format, int quality = -1,
                  const QString &comment = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    if (!comment.isEmpty())
        writer.setText(u"Description"_s, comment);
    if (!writer.write(image))
        qFatal("TestImages: cannot write %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

// Where stored pixel (x, y) appears once EXIF orientation n is applied; stored size w×h.
QPoint displayedAt(int n, int x, int y, int w, int h)
{
    switch (n) {
    case 2: return {w - 1 - x, y};
    case 3: return {w - 1 - x, h - 1 - y};
    case 4: return {x, h - 1 - y};
    case 5: return {y, x};
    case 6: return {h - 1 - y, x};
    case 7: return {h - 1 - y, w - 1 - x};
    case 8: return {y, w - 1 - x};
    default: return {x, y};
    }
}

QByteArray editExif(const QByteArray &bytes, const std::function<void(Exiv2::ExifData &)> &edit)
{
    try {
        std::unique_ptr<Exiv2::Image> image(
            Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(bytes.constData()),
                                      static_cast<long>(bytes.size()))
                .release());
        image->readMetadata();
        Exiv2::ExifData exif = image->exifData();
        edit(exif);
        image->setExifData(exif);
        image->writeMetadata();
        Exiv2::BasicIo &io = image->io();
        io.open();
        io.seek(0, Exiv2::BasicIo::beg);
        const Exiv2::DataBuf buf = io.read(static_cast<long>(io.size()));
        io.close();
        return QByteArray(reinterpret_cast<const char *>(buf.pData_), buf.size_);
    } catch (const std::exception &e) {
        qFatal("TestImages: exiv2 failed: %s", e.what());
    }
    return {};
}

QString gpsRational(double degrees)
{
    const double a = std::abs(degrees);
    const int d = int(a);
    const int m = int((a - d) * 60);
    const long long s = std::llround(((a - d) * 60 - m) * 60 * 10000);
    return u"%1/1 %2/1 %3/10000"_s.arg(d).arg(m).arg(s);
}

quint32 crc32(const char *data, int size)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (int i = 0; i < size; ++i)
        c = table[(c ^ quint8(data[i])) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void putBe16(QByteArray &bytes, qsizetype at, quint16 value)
{
    qToBigEndian(value, bytes.data() + at);
}

void appendLe16(QByteArray &bytes, int value)
{
    bytes.append(char(value & 0xFF));
    bytes.append(char((value >> 8) & 0xFF));
}

// GIF LZW without a growing dictionary: 9-bit literal codes and a clear code often enough
// that a decoder's table never needs 10 bits. Large but valid.
QByteArray gifLzw(const QList<quint8> &indices)
{
    const int clear = 256;
    const int end = 257;
    QByteArray packed;
    quint32 bits = 0;
    int bitCount = 0;
    auto put = [&](int code) {
        bits |= quint32(code) << bitCount;
        bitCount += 9;
        while (bitCount >= 8) {
            packed.append(char(bits & 0xFF));
            bits >>= 8;
            bitCount -= 8;
        }
    };
    put(clear);
    int sinceClear = 0;
    for (quint8 index : indices) {
        if (sinceClear == 254) {
            put(clear);
            sinceClear = 0;
        }
        put(index);
        ++sinceClear;
    }
    put(end);
    if (bitCount > 0)
        packed.append(char(bits & 0xFF));

    QByteArray blocks;
    blocks.append(char(8)); // minimum code size
    for (qsizetype i = 0; i < packed.size(); i += 255) {
        const QByteArray chunk = packed.mid(i, 255);
        blocks.append(char(chunk.size()));
        blocks.append(chunk);
    }
    blocks.append(char(0));
    return blocks;
}

} // namespace

QImage TestImages::pattern(QSize size, bool withAlpha)
{
    QImage image(size, withAlpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const bool clear = withAlpha && x >= size.width() / 2 && y >= size.height() / 2;
            line[x] = clear ? qRgba(0, 0, 0, 0) : patternPixel(x, y, size);
        }
    }
    return image;
}

QByteArray TestImages::jpeg(QSize size, int quality)
{
    return encode(pattern(size), "jpeg", quality);
}

QByteArray TestImages::png(QSize size)
{
    return encode(pattern(size), "png");
}

QByteArray TestImages::pngWithAlpha(QSize size)
{
    return encode(pattern(size, true), "png");
}

QByteArray TestImages::webp(QSize size)
{
    return encode(pattern(size), "webp", 90);
}

QByteArray TestImages::tiff(QSize size)
{
    return encode(pattern(size), "tiff");
}

QByteArray TestImages::gif(QSize size, int frames)
{
    QByteArray bytes("GIF89a");
    appendLe16(bytes, size.width());
    appendLe16(bytes, size.height());
    bytes.append(char(0xF7)); // global colour table of 256 entries
    bytes.append(char(0));
    bytes.append(char(0));
    QByteArray palette(256 * 3, 0);
    const QRgb colours[] = {Red, Green, Blue, qRgb(0, 0, 0)};
    for (int i = 0; i < 4; ++i) {
        palette[i * 3] = char(qRed(colours[i]));
        palette[i * 3 + 1] = char(qGreen(colours[i]));
        palette[i * 3 + 2] = char(qBlue(colours[i]));
    }
    bytes.append(palette);
    if (frames > 1)
        bytes.append(QByteArray("\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00", 19));

    for (int frame = 0; frame < frames; ++frame) {
        bytes.append(QByteArray("\x21\xF9\x04\x00\x0A\x00\x00\x00", 8)); // 100 ms per frame
        bytes.append(char(0x2C));
        appendLe16(bytes, 0);
        appendLe16(bytes, 0);
        appendLe16(bytes, size.width());
        appendLe16(bytes, size.height());
        bytes.append(char(0));
        QList<quint8> indices;
        indices.reserve(qsizetype(size.width()) * size.height());
        for (int y = 0; y < size.height(); ++y) {
            for (int x = 0; x < size.width(); ++x) {
                const QRgb p = patternPixel(x, y, size);
                indices.append(frame > 0 ? 3 : p == Red ? 0 : p == Green ? 1 : 2);
            }
        }
        bytes.append(gifLzw(indices));
    }
    bytes.append(char(0x3B));
    return bytes;
}

QByteArray TestImages::orientedJpeg(int exifOrientation, QSize upright)
{
    const QSize stored = exifOrientation >= 5 ? upright.transposed() : upright;
    QImage image(stored, QImage::Format_RGB32);
    for (int y = 0; y < stored.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < stored.width(); ++x) {
            const QPoint d = displayedAt(exifOrientation, x, y, stored.width(), stored.height());
            line[x] = patternPixel(d.x(), d.y(), upright);
        }
    }
    return editExif(encode(image, "jpeg", 90), [exifOrientation](Exiv2::ExifData &exif) {
        exif["Exif.Image.Orientation"] = uint16_t(exifOrientation);
    });
}

QByteArray TestImages::withExif(const QByteArray &jpeg, const QString &make, const QString &model,
                                const QDateTime &capturedAt, std::optional<GpsPosition> gps)
{
    return editExif(jpeg, [&](Exiv2::ExifData &exif) {
        if (!make.isEmpty())
            exif["Exif.Image.Make"] = make.toStdString();
        if (!model.isEmpty())
            exif["Exif.Image.Model"] = model.toStdString();
        if (capturedAt.isValid()) {
            const std::string when = capturedAt.toString(u"yyyy:MM:dd HH:mm:ss"_s).toStdString();
            exif["Exif.Photo.DateTimeOriginal"] = when;
            exif["Exif.Image.DateTime"] = when;
        }
        if (gps) {
            exif["Exif.GPSInfo.GPSVersionID"] = "2 2 0 0";
            exif["Exif.GPSInfo.GPSLatitudeRef"] = gps->latitude < 0 ? "S" : "N";
            exif["Exif.GPSInfo.GPSLatitude"] = gpsRational(gps->latitude).toStdString();
            exif["Exif.GPSInfo.GPSLongitudeRef"] = gps->longitude < 0 ? "W" : "E";
            exif["Exif.GPSInfo.GPSLongitude"] = gpsRational(gps->longitude).toStdString();
            if (gps->altitude) {
                exif["Exif.GPSInfo.GPSAltitudeRef"] = *gps->altitude < 0 ? "1" : "0";
                exif["Exif.GPSInfo.GPSAltitude"] =
                    u"%1/100"_s.arg(std::llround(std::abs(*gps->altitude) * 100)).toStdString();
            }
        }
    });
}

QByteArray TestImages::uniqueJpeg(int seed, QSize size)
{
    QImage image = pattern(size);
    // The seed's bits as black and white pixels along the bottom row, inside the blue half.
    const int y = size.height() - 1;
    for (int bit = 0; bit < 32 && bit < size.width(); ++bit)
        image.setPixel(bit, y, (quint32(seed) >> bit) & 1 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
    return encode(image, "jpeg", 90, u"seed %1"_s.arg(seed));
}

QByteArray TestImages::corruptExifJpeg(QSize size)
{
    // TIFF header, then IFD0 with two entries whose data offsets point far past the end.
    QByteArray tiff("II\x2A\x00\x08\x00\x00\x00", 8);
    tiff.append(QByteArray("\x02\x00", 2));
    tiff.append(QByteArray("\x0F\x01\x02\x00\x00\x00\x00\x10\xF0\xFF\xFF\x7F", 12)); // Make
    tiff.append(QByteArray("\x69\x87\x04\x00\x01\x00\x00\x00\xF0\xFF\xFF\x7F", 12)); // ExifIFD
    tiff.append(QByteArray("\xF0\xFF\xFF\x7F", 4)); // next IFD, out of bounds too
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xFF\xE1\x00\x00", 4);
    putBe16(segment, 2, quint16(payload.size() + 2));
    segment.append(payload);

    QByteArray bytes = jpeg(size);
    bytes.insert(2, segment);
    return bytes;
}

QByteArray TestImages::truncated(const QByteArray &bytes, int keepBytes)
{
    return bytes.left(keepBytes);
}

QByteArray TestImages::hugeHeaderPng()
{
    QByteArray bytes = png({16, 16});
    // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), ..., CRC after 13 bytes.
    qToBigEndian(quint32(65535), bytes.data() + 16);
    qToBigEndian(quint32(65535), bytes.data() + 20);
    qToBigEndian(crc32(bytes.constData() + 12, 17), bytes.data() + 29);
    return bytes;
}

QByteArray TestImages::hugeHeaderJpeg()
{
    QByteArray bytes = jpeg({16, 16});
    qsizetype pos = 2;
    while (pos + 4 <= bytes.size() && quint8(bytes[pos]) == 0xFF) {
        const quint8 marker = quint8(bytes[pos + 1]);
        const int length = qFromBigEndian<quint16>(bytes.constData() + pos + 2);
        if (marker >= 0xC0 && marker <= 0xC3) {
            putBe16(bytes, pos + 5, 65535); // height
            putBe16(bytes, pos + 7, 65535); // width
            return bytes;
        }
        pos += 2 + length;
    }
    qFatal("TestImages: no SOF marker in the generated JPEG");
    return {};
}

QByteArray TestImages::fakeMp4()
{
    QByteArray bytes("\x00\x00\x00\x18" "ftypisom\x00\x00\x02\x00" "isommp41", 24);
    bytes.append(QByteArray("\x00\x00\x00\x08" "free", 8));
    QByteArray mdat("\x00\x00\x01\x08" "mdat", 8);
    mdat.append(QByteArray(256, '\x5A'));
    bytes.append(mdat);
    return bytes;
}

QByteArray TestImages::shellScript()
{
    return "#!/bin/sh\necho 'this is not a photo'\nrm -rf \"$HOME/nothing-here\"\n";
}

QByteArray TestImages::svg()
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"48\">\n"
           "  <rect width=\"32\" height=\"24\" fill=\"red\"/>\n"
           "</svg>\n";
}

QByteArray TestImages::xpm()
{
    return "/* XPM */\n"
           "static char *test_xpm[] = {\n"
           "\"4 2 2 1\",\n"
           "\"r c #FF0000\",\n"
           "\"b c #0000FF\",\n"
           "\"rrbb\",\n"
           "\"bbbb\"};\n";
}

QByteArray TestImages::psd()
{
    QByteArray bytes("8BPS\x00\x01", 6);
    bytes.append(QByteArray(6, '\0'));              // reserved
    bytes.append(QByteArray("\x00\x03", 2));        // channels
    bytes.append(QByteArray("\x00\x00\x00\x30", 4)); // height 48
    bytes.append(QByteArray("\x00\x00\x00\x40", 4)); // width 64
    bytes.append(QByteArray("\x00\x08\x00\x03", 4)); // depth 8, RGB
    bytes.append(QByteArray(64, '\0'));
    return bytes;
}

QString TestImages::writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QColor TestImages::colourAt(const QImage &image, double fx, double fy)
{
    const int x = qBound(0, int(fx * image.width()), image.width() - 1);
    const int y = qBound(0, int(fy * image.height()), image.height() - 1);
    return image.pixelColor(x, y);
}

QString TestImages::colourName(const QColor &colour)
{
    const int r = colour.red();
    const int g = colour.green();
    const int b = colour.blue();
    if (colour.alpha() < 128)
        return u"transparent"_s;
    if (r > 200 && g > 200 && b > 200)
        return u"white"_s;
    if (r < 60 && g < 60 && b < 60)
        return u"black"_s;
    if (r > 150 && g < 110 && b < 110)
        return u"red"_s;
    if (g > 150 && r < 110 && b < 110)
        return u"green"_s;
    if (b > 150 && r < 110 && g < 110)
        return u"blue"_s;
    return u"other"_s;
}

bool TestImages::isUprightPattern(const QImage &image)
{
    return isPatternTurned(image, 0);
}

bool TestImages::isPatternTurned(const QImage &image, int quarterTurns)
{
    if (image.isNull())
        return false;
    // Quadrant centres clockwise from the top left, and the upright pattern's colours there.
    const QPointF centres[] = {{0.25, 0.25}, {0.75, 0.25}, {0.75, 0.75}, {0.25, 0.75}};
    const QString upright[] = {u"red"_s, u"green"_s, u"blue"_s, u"blue"_s};
    const int q = ((quarterTurns % 4) + 4) % 4;
    for (int i = 0; i < 4; ++i) {
        const QString expected = upright[(i - q + 4) % 4];
        if (colourName(colourAt(image, centres[i].x(), centres[i].y())) != expected)
            return false;
    }
    return true;
}

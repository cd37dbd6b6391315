#include "metadataengine.h"

#include "imaging/imaginglog.h"
#include "imaging/metadataengine_p.h"

#include <QDateTime>

#include <cmath>
#include <mutex>

using namespace Qt::StringLiterals;

namespace MetadataEngineDetail {
namespace {

QMutex exiv2Mutex;
thread_local Exiv2Session *currentSession = nullptr;

void logHandler(int level, const char *message)
{
    const QString text = QString::fromUtf8(message).trimmed();
    // Damaged maker notes are common in real photos: errors become the image's
    // metadataWarning and are logged only when asked for (QT_LOGGING_RULES).
    if (level >= Exiv2::LogMsg::error) {
        qCWarning(lcExiv2).noquote() << text;
        if (currentSession)
            currentSession->addError(text);
    } else {
        qCDebug(lcExiv2).noquote() << text;
    }
}

void initialiseOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::warn);
        Exiv2::LogMsg::setHandler(logHandler);
        Exiv2::XmpParser::initialize();
        try {
            Exiv2::XmpProperties::registerNs("https://vitrine.invalid/ns/1.0/", "vitrine");
        } catch (const std::exception &e) {
            qCWarning(lcExiv2) << "cannot register the vitrine XMP namespace:" << e.what();
        }
    });
}

} // namespace

Exiv2Session::Exiv2Session() : m_lock(&exiv2Mutex)
{
    initialiseOnce();
    currentSession = this;
}

Exiv2Session::~Exiv2Session()
{
    currentSession = nullptr;
}

int exiv2Type(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg: return Exiv2::ImageType::jpeg;
    case ImageFormat::Png: return Exiv2::ImageType::png;
    case ImageFormat::Webp: return Exiv2::ImageType::webp;
    case ImageFormat::Gif: return Exiv2::ImageType::gif;
    case ImageFormat::Tiff: return Exiv2::ImageType::tiff;
    }
    return Exiv2::ImageType::none;
}

std::unique_ptr<Exiv2::Image> openBuffer(const char *data, qsizetype size, ImageFormat format)
{
    const auto *bytes = reinterpret_cast<const Exiv2::byte *>(data);
    const long length = static_cast<long>(size);
    if (Exiv2::ImageFactory::getType(bytes, length) != exiv2Type(format))
        return nullptr;
    return std::unique_ptr<Exiv2::Image>(Exiv2::ImageFactory::open(bytes, length).release());
}

QByteArray imageBytes(Exiv2::Image &image)
{
    Exiv2::BasicIo &io = image.io();
    if (io.open() != 0)
        return {};
    io.seek(0, Exiv2::BasicIo::beg);
    const Exiv2::DataBuf buffer = io.read(static_cast<long>(io.size()));
    io.close();
    return QByteArray(reinterpret_cast<const char *>(buffer.pData_), buffer.size_);
}

} // namespace MetadataEngineDetail

using namespace MetadataEngineDetail;

namespace {

const Exiv2::Exifdatum *findExif(const Exiv2::ExifData &exif, quint16 tag, const char *group)
{
    const auto it = exif.findKey(Exiv2::ExifKey(tag, group));
    return it == exif.end() || it->count() == 0 ? nullptr : &*it;
}

QString exifText(const Exiv2::ExifData &exif, quint16 tag, const char *group)
{
    const Exiv2::Exifdatum *datum = findExif(exif, tag, group);
    if (!datum)
        return {};
    QString text = QString::fromStdString(datum->toString());
    text.remove(QChar(u'\0'));
    return text.trimmed();
}

QDateTime parseExifTime(const QString &text, const QString &offset)
{
    // "YYYY:MM:DD HH:MM:SS"; cameras without a clock write zeros or blanks.
    QDateTime when = QDateTime::fromString(text.left(19), u"yyyy:MM:dd HH:mm:ss"_s);
    if (!when.isValid())
        when = QDateTime::fromString(text.left(19), u"yyyy-MM-dd HH:mm:ss"_s);
    if (!when.isValid())
        return {};
    // "+01:00": the offset from UTC, EXIF 2.31. Without it the time is the camera's clock.
    if (offset.size() == 6 && (offset[0] == u'+' || offset[0] == u'-')) {
        const int hours = offset.mid(1, 2).toInt();
        const int minutes = offset.mid(4, 2).toInt();
        const int seconds = (hours * 60 + minutes) * 60 * (offset[0] == u'-' ? -1 : 1);
        when.setOffsetFromUtc(seconds);
    }
    return when;
}

QDateTime readCaptureTime(const Exiv2::ExifData &exif, const Exiv2::XmpData &xmp)
{
    struct Source { quint16 tag; const char *group; quint16 offsetTag; };
    static const Source sources[] = {
        {0x9003, "Photo", 0x9011}, // DateTimeOriginal, OffsetTimeOriginal
        {0x9004, "Photo", 0x9012}, // DateTimeDigitized, OffsetTimeDigitized
        {0x0132, "Image", 0x9010}, // DateTime, OffsetTime
    };
    for (const Source &source : sources) {
        const QDateTime when = parseExifTime(exifText(exif, source.tag, source.group),
                                             exifText(exif, source.offsetTag, "Photo"));
        if (when.isValid())
            return when;
    }
    for (const char *key : {"Xmp.exif.DateTimeOriginal", "Xmp.photoshop.DateCreated",
                            "Xmp.xmp.CreateDate"}) {
        const auto it = xmp.findKey(Exiv2::XmpKey(key));
        if (it == xmp.end())
            continue;
        const QDateTime when =
            QDateTime::fromString(QString::fromStdString(it->toString()), Qt::ISODate);
        if (when.isValid())
            return when;
    }
    return {};
}

int readOrientation(const Exiv2::ExifData &exif, const Exiv2::XmpData &xmp, QStringList &warnings)
{
    long value = 0;
    if (const Exiv2::Exifdatum *datum = findExif(exif, 0x0112, "Image")) {
        value = datum->toLong();
    } else {
        const auto it = xmp.findKey(Exiv2::XmpKey("Xmp.tiff.Orientation"));
        if (it == xmp.end())
            return 1;
        value = it->toLong();
    }
    if (value < 1 || value > 8) {
        warnings.append(u"invalid EXIF orientation %1, treated as upright"_s.arg(value));
        return 1;
    }
    return int(value);
}

std::optional<double> gpsCoordinate(const Exiv2::ExifData &exif, quint16 tag)
{
    const Exiv2::Exifdatum *datum = findExif(exif, tag, "GPSInfo");
    if (!datum || datum->count() > 3)
        return std::nullopt;
    double degrees = 0;
    double unit = 1;
    for (long i = 0; i < datum->count(); ++i, unit *= 60) {
        const Exiv2::Rational r = datum->toRational(i);
        if (r.second == 0)
            return std::nullopt;
        degrees += double(r.first) / double(r.second) / unit;
    }
    return degrees;
}

std::optional<GpsPosition> readGps(const Exiv2::ExifData &exif, QStringList &warnings)
{
    const std::optional<double> latitude = gpsCoordinate(exif, 0x0002);
    const std::optional<double> longitude = gpsCoordinate(exif, 0x0004);
    if (!latitude || !longitude)
        return std::nullopt;
    GpsPosition gps;
    gps.latitude = exifText(exif, 0x0001, "GPSInfo").startsWith(u'S') ? -*latitude : *latitude;
    gps.longitude = exifText(exif, 0x0003, "GPSInfo").startsWith(u'W') ? -*longitude : *longitude;
    if (!std::isfinite(gps.latitude) || !std::isfinite(gps.longitude)
        || std::abs(gps.latitude) > 90 || std::abs(gps.longitude) > 180) {
        warnings.append(u"GPS position out of range, ignored"_s);
        return std::nullopt;
    }
    if (const Exiv2::Exifdatum *altitude = findExif(exif, 0x0006, "GPSInfo")) {
        const Exiv2::Rational r = altitude->toRational(0);
        if (r.second != 0) {
            const bool below = exifText(exif, 0x0005, "GPSInfo") == u"1";
            gps.altitude = double(r.first) / double(r.second) * (below ? -1 : 1);
        }
    }
    return gps;
}

} // namespace

void MetadataEngine::read(QByteArrayView bytes, ImageFormat format, ImageFacts &facts)
{
    Exiv2Session session;
    QStringList warnings;
    try {
        const std::unique_ptr<Exiv2::Image> image = openBuffer(bytes.data(), bytes.size(), format);
        if (!image) {
            facts.metadataWarning = u"metadata not read: exiv2 does not recognise the data as %1"_s
                                        .arg(imageFormatName(format).toUpper());
            return;
        }
        image->readMetadata();
        const Exiv2::ExifData &exif = image->exifData();
        const Exiv2::XmpData &xmp = image->xmpData();
        facts.exifOrientation = readOrientation(exif, xmp, warnings);
        facts.capturedAt = readCaptureTime(exif, xmp);
        facts.gps = readGps(exif, warnings);
        facts.cameraMake = exifText(exif, 0x010F, "Image");
        facts.cameraModel = exifText(exif, 0x0110, "Image");
    } catch (const std::exception &e) { // Exiv2::Error derives from std::exception
        warnings.append(u"metadata unreadable: %1"_s.arg(QString::fromUtf8(e.what()).trimmed()));
    }
    warnings += session.errors();
    if (!warnings.isEmpty()) {
        warnings.removeDuplicates();
        facts.metadataWarning = warnings.mid(0, 3).join(u"; "_s);
    }
}

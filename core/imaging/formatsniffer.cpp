#include "formatsniffer.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace {

bool startsWith(QByteArrayView head, QByteArrayView magic, qsizetype at = 0)
{
    return head.size() >= at + magic.size() && head.sliced(at, magic.size()) == magic;
}

bool looksLikeText(QByteArrayView head)
{
    const QByteArrayView sample = head.first(qMin<qsizetype>(head.size(), 512));
    for (char c : sample) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f')
            return false;
    }
    // Stateful: a sequence cut at the end of the sample is kept pending, not an error.
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(sample);
    return !utf8.hasError();
}

} // namespace

Result<ImageFormat> FormatSniffer::sniff(QByteArrayView head)
{
    head = head.first(qMin(head.size(), HeadBytes));
    if (const auto format = allowed(head))
        return *format;
    return Result<ImageFormat>::failure(u"not an image (%1)"_s.arg(describe(head)));
}

std::optional<ImageFormat> FormatSniffer::allowed(QByteArrayView head)
{
    if (startsWith(head, "\xFF\xD8\xFF"))
        return ImageFormat::Jpeg;
    if (startsWith(head, "\x89PNG\r\n\x1A\n"))
        return ImageFormat::Png;
    if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a"))
        return ImageFormat::Gif;
    if (startsWith(head, "RIFF") && startsWith(head, "WEBPVP8", 8))
        return ImageFormat::Webp;
    if (startsWith(head, QByteArrayView("II*\0", 4)) || startsWith(head, QByteArrayView("MM\0*", 4)))
        return ImageFormat::Tiff;
    return std::nullopt;
}

QString FormatSniffer::describe(QByteArrayView head)
{
    if (head.isEmpty())
        return u"an empty file"_s;
    const QString binary = describeBinary(head);
    if (!binary.isEmpty())
        return binary;
    if (looksLikeText(head))
        return describeText(head);
    return u"unrecognised data"_s;
}

QString FormatSniffer::describeBinary(QByteArrayView head)
{
    if (startsWith(head, "ftyp", 4) || startsWith(head, "moov", 4) || startsWith(head, "mdat", 4)
        || startsWith(head, "wide", 4))
        return describeIsoMedia(head);
    struct Magic { QByteArrayView bytes; qsizetype at; const char16_t *what; };
    static const Magic magics[] = {
        {"8BPS", 0, u"a Photoshop PSD file"},
        {"%PDF", 0, u"a PDF document"},
        {"PK\x03\x04", 0, u"a ZIP archive"},
        {"\x1F\x8B", 0, u"a gzip archive"},
        {"Rar!", 0, u"a RAR archive"},
        {"7z\xBC\xAF\x27\x1C", 0, u"a 7-Zip archive"},
        {"\x7F" "ELF", 0, u"a program"},
        {"MZ", 0, u"a Windows program"},
        {"BM", 0, u"a BMP image, which is not supported"},
        {"II+", 0, u"a BigTIFF image, which is not supported"},
        {QByteArrayView("\x00\x00\x00\x0CjP  \r\n\x87\n", 12), 0, u"a JPEG 2000 image, which is not supported"},
        {"\xFF\x0A", 0, u"a JPEG XL image, which is not supported"},
        {"\x1A\x45\xDF\xA3", 0, u"a Matroska/WebM video"},
        {"RIFF", 0, u"a RIFF audio or video file"},
        {"OggS", 0, u"an Ogg media file"},
        {"ID3", 0, u"an MP3 audio file"},
        {"\xD0\xCF\x11\xE0", 0, u"an MS Office document"},
    };
    for (const Magic &magic : magics) {
        if (startsWith(head, magic.bytes, magic.at))
            return QString::fromUtf16(magic.what);
    }
    return {};
}

QString FormatSniffer::describeIsoMedia(QByteArrayView head)
{
    const QByteArrayView brand = head.size() >= 12 ? head.sliced(8, 4) : QByteArrayView();
    if (brand == "qt  " || !startsWith(head, "ftyp", 4))
        return u"a QuickTime movie"_s;
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1" || brand == "avif")
        return u"a HEIF/AVIF image, which is not supported"_s;
    return u"an MP4/ISO media file"_s;
}

QString FormatSniffer::describeText(QByteArrayView head)
{
    QByteArray text = head.toByteArray();
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    text = text.trimmed();
    const QByteArray lower = text.toLower();
    if (text.startsWith("#!")) {
        const QByteArray line = lower.left(lower.indexOf('\n'));
        if (line.contains("sh"))
            return u"a shell script"_s;
        return u"a script"_s;
    }
    if (text.startsWith("/* XPM */"))
        return u"an XPM image, which is not supported"_s;
    if (lower.contains("<svg") || lower.startsWith("<!doctype svg"))
        return u"an SVG drawing, which is not supported"_s;
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html"))
        return u"an HTML page"_s;
    if (lower.startsWith("<?xml") || lower.startsWith("<"))
        return u"an XML document"_s;
    return u"a text file"_s;
}

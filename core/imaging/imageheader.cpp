#include "imageheader.h"

#include <QtEndian>

namespace {

quint8 byteAt(QByteArrayView bytes, qsizetype at)
{
    return static_cast<quint8>(bytes[at]);
}

quint32 be16(QByteArrayView bytes, qsizetype at)
{
    return (quint32(byteAt(bytes, at)) << 8) | byteAt(bytes, at + 1);
}

quint32 le16(QByteArrayView bytes, qsizetype at)
{
    return quint32(byteAt(bytes, at)) | (quint32(byteAt(bytes, at + 1)) << 8);
}

quint32 le24(QByteArrayView bytes, qsizetype at)
{
    return le16(bytes, at) | (quint32(byteAt(bytes, at + 2)) << 16);
}

bool isStartOfFrame(quint8 marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

} // namespace

QSize ImageHeader::claimedSize(QByteArrayView bytes, ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg: return jpegSize(bytes);
    case ImageFormat::Png: return pngSize(bytes);
    case ImageFormat::Gif: return gifSize(bytes);
    case ImageFormat::Webp: return webpSize(bytes);
    case ImageFormat::Tiff: return {};
    }
    return {};
}

QSize ImageHeader::jpegSize(QByteArrayView bytes)
{
    qsizetype pos = 2;
    while (pos + 9 <= bytes.size()) {
        if (byteAt(bytes, pos) != 0xFF)
            return {};
        const quint8 marker = byteAt(bytes, pos + 1);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            pos += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) // end of image or start of scan: no frame header
            return {};
        if (isStartOfFrame(marker))
            return QSize(int(be16(bytes, pos + 7)), int(be16(bytes, pos + 5)));
        pos += 2 + be16(bytes, pos + 2);
    }
    return {};
}

QSize ImageHeader::pngSize(QByteArrayView bytes)
{
    if (bytes.size() < 24 || bytes.sliced(12, 4) != "IHDR")
        return {};
    const quint32 width = qFromBigEndian<quint32>(bytes.data() + 16);
    const quint32 height = qFromBigEndian<quint32>(bytes.data() + 20);
    if (width > 0x7FFFFFFF || height > 0x7FFFFFFF)
        return {};
    return QSize(int(width), int(height));
}

QSize ImageHeader::gifSize(QByteArrayView bytes)
{
    if (bytes.size() < 10)
        return {};
    return QSize(int(le16(bytes, 6)), int(le16(bytes, 8)));
}

QSize ImageHeader::webpSize(QByteArrayView bytes)
{
    if (bytes.size() < 30)
        return {};
    const QByteArrayView chunk = bytes.sliced(12, 4);
    if (chunk == "VP8X")
        return QSize(int(le24(bytes, 24)) + 1, int(le24(bytes, 27)) + 1);
    if (chunk == "VP8L" && byteAt(bytes, 20) == 0x2F) {
        const quint32 bits = le16(bytes, 21) | (le16(bytes, 23) << 16);
        return QSize(int(bits & 0x3FFF) + 1, int((bits >> 14) & 0x3FFF) + 1);
    }
    if (chunk == "VP8 " && byteAt(bytes, 23) == 0x9D && byteAt(bytes, 24) == 0x01
        && byteAt(bytes, 25) == 0x2A)
        return QSize(int(le16(bytes, 26) & 0x3FFF), int(le16(bytes, 28) & 0x3FFF));
    return {};
}

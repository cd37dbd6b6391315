#include "jpegquality.h"

#include <QFile>
#include <array>
#include <cstdlib>

namespace {

// ITU-T T.81 Annex K table K.1, as libjpeg's jcparam.c scales it.
constexpr std::array<int, 64> StandardLuminance = {
    16, 11, 10, 16, 24, 40, 51, 61,    12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56,    14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77,  24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};

constexpr int MaxSegmentsBeforeScan = 64;

int readU16(QFile &file, bool *ok)
{
    const QByteArray bytes = file.read(2);
    *ok = bytes.size() == 2;
    return *ok ? (static_cast<unsigned char>(bytes[0]) << 8) | static_cast<unsigned char>(bytes[1]) : 0;
}

// The sum of the table with id 0 in a DQT segment's payload, if it holds it.
std::optional<int> luminanceSum(const QByteArray &payload)
{
    qsizetype at = 0;
    while (at < payload.size()) {
        const int precision = static_cast<unsigned char>(payload[at]) >> 4;
        const int id = payload[at] & 0x0f;
        const int entryBytes = precision == 0 ? 1 : 2;
        ++at;
        if (at + 64 * entryBytes > payload.size())
            return std::nullopt;
        int sum = 0;
        for (int i = 0; i < 64; ++i, at += entryBytes) {
            sum += entryBytes == 1 ? static_cast<unsigned char>(payload[at])
                                   : (static_cast<unsigned char>(payload[at]) << 8) | static_cast<unsigned char>(payload[at + 1]);
        }
        if (id == 0)
            return sum;
    }
    return std::nullopt;
}

} // namespace

int JpegQuality::tableSum(int quality)
{
    quality = qBound(1, quality, 100);
    const int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
    int sum = 0;
    for (const int base : StandardLuminance)
        sum += qBound(1, (base * scale + 50) / 100, 255);
    return sum;
}

std::optional<int> JpegQuality::estimate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.read(2) != "\xFF\xD8")
        return std::nullopt;
    for (int segment = 0; segment < MaxSegmentsBeforeScan; ++segment) {
        const QByteArray marker = file.read(2);
        if (marker.size() != 2 || static_cast<unsigned char>(marker[0]) != 0xFF)
            return std::nullopt;
        const auto type = static_cast<unsigned char>(marker[1]);
        if (type == 0xDA || type == 0xD9) // start of scan or end of image: no DQT before it
            return std::nullopt;
        bool ok = false;
        const int length = readU16(file, &ok);
        if (!ok || length < 2)
            return std::nullopt;
        if (type != 0xDB) {
            if (!file.seek(file.pos() + length - 2))
                return std::nullopt;
            continue;
        }
        const std::optional<int> sum = luminanceSum(file.read(length - 2));
        if (!sum)
            continue;
        int best = 1;
        for (int quality = 2; quality <= 100; ++quality) {
            if (std::abs(tableSum(quality) - *sum) <= std::abs(tableSum(best) - *sum))
                best = quality;
        }
        return best;
    }
    return std::nullopt;
}

#include "tarreader.h"

#include <QIODevice>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 BlockSize = 512;
constexpr qint64 ChunkSize = 1 << 20;
constexpr qint64 MaxExtendedHeader = 1 << 20; // pax records and GNU long names are small

// An octal field (ASCII digits, padded with spaces or NULs) or GNU's base-256 form for
// values octal cannot hold.
std::optional<qint64> parseNumber(const char *field, int width)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(field);
    qint64 value = 0;
    if (bytes[0] & 0x80) {
        if (bytes[0] != 0x80)
            return std::nullopt; // negative or absurdly large
        for (int i = 1; i < width; ++i) {
            if (value > (std::numeric_limits<qint64>::max() >> 8))
                return std::nullopt;
            value = (value << 8) | bytes[i];
        }
        return value;
    }
    int i = 0;
    while (i < width && (field[i] == ' ' || field[i] == '\0'))
        ++i;
    for (; i < width && field[i] >= '0' && field[i] <= '7'; ++i) {
        if (value > (std::numeric_limits<qint64>::max() >> 3))
            return std::nullopt;
        value = value * 8 + (field[i] - '0');
    }
    for (; i < width; ++i) {
        if (field[i] != ' ' && field[i] != '\0')
            return std::nullopt;
    }
    return value;
}

QByteArray cString(const char *field, int width)
{
    const void *nul = std::memchr(field, '\0', size_t(width));
    return QByteArray(field, nul ? static_cast<const char *>(nul) - field : width);
}

bool checksumMatches(const char *block)
{
    const std::optional<qint64> stored = parseNumber(block + 148, 8);
    if (!stored)
        return false;
    // Historic writers summed signed chars; accept either sum.
    qint64 unsignedSum = 0;
    qint64 signedSum = 0;
    for (int i = 0; i < BlockSize; ++i) {
        const char c = (i >= 148 && i < 156) ? ' ' : block[i];
        unsignedSum += static_cast<unsigned char>(c);
        signedSum += static_cast<signed char>(c);
    }
    return *stored == unsignedSum || *stored == signedSum;
}

bool isZeroBlock(const char *block)
{
    for (int i = 0; i < BlockSize; ++i) {
        if (block[i] != '\0')
            return false;
    }
    return true;
}

qint64 paddingFor(qint64 size)
{
    const qint64 rest = size % BlockSize;
    return rest == 0 ? 0 : BlockSize - rest;
}

TarEntry::Type typeOf(char flag)
{
    switch (flag) {
    case '0': case '\0': case '7': return TarEntry::Type::File;
    case '5': return TarEntry::Type::Directory;
    case '2': return TarEntry::Type::Symlink;
    case '1': return TarEntry::Type::HardLink;
    case '3': case '4': return TarEntry::Type::Device;
    case '6': return TarEntry::Type::Fifo;
    default: return TarEntry::Type::Other;
    }
}

bool carriesData(TarEntry::Type type)
{
    return type == TarEntry::Type::File || type == TarEntry::Type::Other;
}

// Values a pax extended header sets for the member after it.
struct PaxValues
{
    std::optional<QByteArray> path;
    std::optional<QByteArray> linkPath;
    std::optional<qint64> size;
    std::optional<qint64> mtime;
};

// Records are "<length> <key>=<value>\n", the length counting the whole record.
Status parsePax(const QByteArray &data, PaxValues *values)
{
    qsizetype at = 0;
    while (at < data.size()) {
        const qsizetype space = data.indexOf(' ', at);
        bool ok = false;
        const qint64 length = space > at ? data.mid(at, space - at).toLongLong(&ok) : 0;
        if (!ok || length <= space - at || at + length > data.size() || data.at(at + length - 1) != '\n')
            return Status::failure(u"a pax extended header is malformed"_s);
        const QByteArray record = data.mid(space + 1, at + length - space - 2);
        const qsizetype equals = record.indexOf('=');
        if (equals <= 0)
            return Status::failure(u"a pax extended header is malformed"_s);
        const QByteArray key = record.left(equals);
        const QByteArray value = record.mid(equals + 1);
        if (key == "path") {
            values->path = value;
        } else if (key == "linkpath") {
            values->linkPath = value;
        } else if (key == "size") {
            const qint64 size = value.toLongLong(&ok);
            if (!ok || size < 0)
                return Status::failure(u"a pax extended header has an invalid size"_s);
            values->size = size;
        } else if (key == "mtime") {
            values->mtime = qint64(value.toDouble(&ok));
        }
        at += length;
    }
    return {};
}

} // namespace

struct TarReader::Header
{
    QByteArray name;
    QByteArray linkName;
    char typeFlag = '0';
    qint64 size = 0;
    qint64 mtime = 0;
};

TarReader::TarReader(QIODevice *device)
    : m_device(device)
{
}

Result<std::optional<TarEntry>> TarReader::next()
{
    using R = Result<std::optional<TarEntry>>;
    if (const Status skipped = skipRemaining(); !skipped)
        return R::failure(skipped.error());

    PaxValues pax;
    std::optional<QByteArray> longName;
    std::optional<QByteArray> longLink;
    for (;;) {
        const qint64 headerAt = m_position;
        auto header = readHeader();
        if (!header)
            return R::failure(header.error());
        if (!header->has_value()) {
            if (pax.path || pax.size || longName || longLink)
                return R::failure(u"the archive ends after an extended header at byte "_s + QString::number(headerAt));
            return std::optional<TarEntry>();
        }
        const Header h = std::move(*header.value());
        if (h.typeFlag == 'x' || h.typeFlag == 'g' || h.typeFlag == 'L' || h.typeFlag == 'K') {
            m_remaining = h.size;
            m_paddingAfter = paddingFor(h.size);
            auto data = readAll(MaxExtendedHeader);
            if (!data)
                return R::failure(data.error());
            if (h.typeFlag == 'x') {
                if (const Status parsed = parsePax(data.value(), &pax); !parsed)
                    return R::failure(parsed.error() + u" at byte "_s + QString::number(headerAt));
            } else if (h.typeFlag == 'L') {
                longName = cString(data->constData(), int(data->size()));
            } else if (h.typeFlag == 'K') {
                longLink = cString(data->constData(), int(data->size()));
            } // 'g': global pax values do not concern us
            continue;
        }

        TarEntry entry;
        entry.typeFlag = h.typeFlag;
        entry.type = typeOf(h.typeFlag);
        QByteArray name = pax.path.value_or(longName.value_or(h.name));
        if (entry.type == TarEntry::Type::Directory && name.endsWith('/'))
            name.chop(1);
        entry.name = QString::fromUtf8(name);
        entry.linkName = QString::fromUtf8(pax.linkPath.value_or(longLink.value_or(h.linkName)));
        entry.size = carriesData(entry.type) ? pax.size.value_or(h.size) : 0;
        entry.mtime = pax.mtime.value_or(h.mtime);
        m_remaining = entry.size;
        m_paddingAfter = paddingFor(entry.size);
        return std::optional<TarEntry>(std::move(entry));
    }
}

Result<std::optional<TarReader::Header>> TarReader::readHeader()
{
    using R = Result<std::optional<Header>>;
    const qint64 at = m_position;
    char block[BlockSize];
    if (const Status read = readExact(block, BlockSize); !read)
        return R::failure(read.error());
    if (isZeroBlock(block))
        return std::optional<Header>();
    if (!checksumMatches(block))
        return R::failure(u"the archive is damaged: the header at byte "_s + QString::number(at)
                          + u" fails its checksum"_s);
    Header header;
    header.name = cString(block, 100);
    header.linkName = cString(block + 157, 100);
    header.typeFlag = block[156];
    const std::optional<qint64> size = parseNumber(block + 124, 12);
    const std::optional<qint64> mtime = parseNumber(block + 136, 12);
    if (!size || !mtime)
        return R::failure(u"the archive is damaged: the header at byte "_s + QString::number(at)
                          + u" has an invalid size or time"_s);
    header.size = *size;
    header.mtime = *mtime;
    // POSIX ustar keeps the start of long names in the prefix field; GNU's "ustar  " does not.
    if (std::memcmp(block + 257, "ustar\0", 6) == 0) {
        const QByteArray prefix = cString(block + 345, 155);
        if (!prefix.isEmpty())
            header.name = prefix + '/' + header.name;
    }
    return std::optional<Header>(std::move(header));
}

Status TarReader::readData(const ChunkCallback &onChunk)
{
    QByteArray buffer(qMin(m_remaining, ChunkSize), Qt::Uninitialized);
    while (m_remaining > 0) {
        const qint64 n = qMin<qint64>(m_remaining, buffer.size());
        if (const Status read = readExact(buffer.data(), n); !read)
            return read;
        m_remaining -= n;
        if (onChunk && !onChunk(buffer.constData(), n))
            return Status::failure(u"cancelled"_s);
    }
    return skipPadding();
}

Result<QByteArray> TarReader::readAll(qint64 maxBytes)
{
    using R = Result<QByteArray>;
    if (m_remaining > maxBytes)
        return R::failure(u"the archive is damaged: a member of "_s + QString::number(m_remaining)
                          + u" bytes where at most "_s + QString::number(maxBytes) + u" were expected"_s);
    QByteArray data(m_remaining, Qt::Uninitialized);
    if (const Status read = readExact(data.data(), data.size()); !read)
        return R::failure(read.error());
    m_remaining = 0;
    if (const Status padded = skipPadding(); !padded)
        return R::failure(padded.error());
    return data;
}

Status TarReader::skipRemaining()
{
    if (m_remaining == 0 && m_paddingAfter == 0)
        return {};
    return readData({});
}

Status TarReader::skipPadding()
{
    char padding[BlockSize];
    const qint64 n = m_paddingAfter;
    m_paddingAfter = 0;
    return readExact(padding, n);
}

Status TarReader::readExact(char *data, qint64 size)
{
    while (size > 0) {
        const qint64 n = m_device->read(data, size);
        if (n < 0)
            return Status::failure(u"cannot read the archive: "_s + m_device->errorString());
        if (n == 0)
            return Status::failure(u"the archive is truncated (it ends at byte "_s + QString::number(m_position) + u')');
        data += n;
        size -= n;
        m_position += n;
    }
    return {};
}

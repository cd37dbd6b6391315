#include "tarwriter.h"

#include "storage/contenthash.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 NameLength = 100;
constexpr qint64 PrefixLength = 155;
constexpr qint64 MaxOctalSize = 077777777777LL; // what 11 octal digits hold
constexpr qint64 ChunkSize = 1 << 20;

void putOctal(char *field, int width, qint64 value)
{
    // width - 1 digits, zero-padded, then a NUL, as GNU tar writes them.
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

bool isAscii(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

// Splits a long name at a '/' into ustar's prefix and name fields, when it fits.
bool splitForUstar(const QByteArray &path, QByteArray *prefix, QByteArray *name)
{
    if (path.size() <= NameLength) {
        *prefix = {};
        *name = path;
        return true;
    }
    for (qsizetype slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        const qsizetype rest = path.size() - slash - 1;
        if (slash <= PrefixLength && rest > 0 && rest <= NameLength) {
            *prefix = path.left(slash);
            *name = path.mid(slash + 1);
            return true;
        }
    }
    return false;
}

// One pax record: "<length> <key>=<value>\n", where length counts the whole record.
QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    const qsizetype payload = key.size() + value.size() + 3; // ' ', '=', '\n'
    qsizetype length = payload + 1;
    while (QByteArray::number(length).size() + payload != length)
        ++length;
    return QByteArray::number(length) + ' ' + key + '=' + value + '\n';
}

} // namespace

TarWriter::TarWriter(QIODevice *device)
    : m_device(device)
{
}

Result<QString> TarWriter::addFile(const QString &memberName, const QString &sourcePath,
                                   const ChunkCallback &onChunk)
{
    using R = Result<QString>;
    QFile in(sourcePath);
    if (!in.open(QIODevice::ReadOnly))
        return R::failure(sourcePath + u": cannot read (" + in.errorString() + u')');
    const qint64 size = in.size();
    const qint64 mtime = QFileInfo(in).lastModified().toSecsSinceEpoch();
    if (const Status header = writeHeaders(memberName, size, mtime); !header)
        return R::failure(header.error(), header.code());

    ContentHash hash;
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    qint64 remaining = size;
    while (remaining > 0) {
        const qint64 n = in.read(buffer.data(), qMin<qint64>(remaining, buffer.size()));
        if (n <= 0)
            return R::failure(sourcePath + u": the file shrank or became unreadable while being archived"_s);
        hash.addData(QByteArrayView(buffer.constData(), n));
        if (const Status written = write(buffer.constData(), n); !written)
            return R::failure(written.error(), written.code());
        remaining -= n;
        if (onChunk && !onChunk(n))
            return R::failure(u"cancelled"_s);
    }
    if (const Status padded = writePadding(size); !padded)
        return R::failure(padded.error(), padded.code());
    return hash.hexDigest();
}

Result<QString> TarWriter::addData(const QString &memberName, const QByteArray &data, qint64 mtime)
{
    using R = Result<QString>;
    Status status = writeHeaders(memberName, data.size(), mtime);
    if (status)
        status = write(data.constData(), data.size());
    if (status)
        status = writePadding(data.size());
    if (!status)
        return R::failure(status.error(), status.code());
    ContentHash hash;
    hash.addData(data);
    return hash.hexDigest();
}

Status TarWriter::finish()
{
    // Two zero blocks end the archive.
    const QByteArray zeros(2 * BlockSize, '\0');
    return write(zeros.constData(), zeros.size());
}

Status TarWriter::writeHeaders(const QString &memberName, qint64 size, qint64 mtime)
{
    const QByteArray path = memberName.toUtf8();
    QByteArray prefix;
    QByteArray name;
    QByteArray pax;
    if (!isAscii(path) || !splitForUstar(path, &prefix, &name)) {
        pax += paxRecord("path", path);
        prefix = {};
        name = path.left(NameLength); // readers without pax support get a truncated name
    }
    if (size > MaxOctalSize)
        pax += paxRecord("size", QByteArray::number(size));
    if (!pax.isEmpty()) {
        if (const Status status = writePaxHeader(name, pax); !status)
            return status;
    }
    return writeHeaderBlock(name, prefix, '0', qMin(size, MaxOctalSize), mtime);
}

Status TarWriter::writePaxHeader(const QByteArray &name, const QByteArray &records)
{
    const qsizetype slash = name.lastIndexOf('/');
    const QByteArray headerName = QByteArray("PaxHeaders/" + name.mid(slash + 1)).left(NameLength);
    Status status = writeHeaderBlock(headerName, {}, 'x', records.size(),
                                     QDateTime::currentSecsSinceEpoch());
    if (status)
        status = write(records.constData(), records.size());
    if (status)
        status = writePadding(records.size());
    return status;
}

Status TarWriter::writeHeaderBlock(const QByteArray &name, const QByteArray &prefix, char typeFlag,
                                   qint64 size, qint64 mtime)
{
    char block[BlockSize] = {};
    std::memcpy(block, name.constData(), size_t(qMin<qint64>(name.size(), NameLength)));
    putOctal(block + 100, 8, 0644);
    putOctal(block + 108, 8, 0);
    putOctal(block + 116, 8, 0);
    putOctal(block + 124, 12, size);
    putOctal(block + 136, 12, qMax<qint64>(mtime, 0));
    block[156] = typeFlag;
    std::memcpy(block + 257, "ustar", 6); // with its NUL
    std::memcpy(block + 263, "00", 2);
    putOctal(block + 329, 8, 0);
    putOctal(block + 337, 8, 0);
    std::memcpy(block + 345, prefix.constData(), size_t(qMin<qint64>(prefix.size(), PrefixLength)));

    // The checksum is computed with its own field taken as eight spaces.
    std::memset(block + 148, ' ', 8);
    unsigned int sum = 0;
    for (const char c : block)
        sum += static_cast<unsigned char>(c);
    const QByteArray digits = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(block + 148, digits.constData(), 6);
    block[154] = '\0';
    block[155] = ' ';
    return write(block, BlockSize);
}

Status TarWriter::writePadding(qint64 dataSize)
{
    const qint64 rest = dataSize % BlockSize;
    if (rest == 0)
        return {};
    const QByteArray zeros(BlockSize - rest, '\0');
    return write(zeros.constData(), zeros.size());
}

Status TarWriter::write(const char *data, qint64 size)
{
    while (size > 0) {
        const qint64 n = m_device->write(data, size);
        if (n <= 0)
            return Status::failure(m_device->errorString().isEmpty()
                                       ? u"cannot write the archive"_s
                                       : u"cannot write the archive: "_s + m_device->errorString());
        data += n;
        size -= n;
        m_written += n;
    }
    return {};
}

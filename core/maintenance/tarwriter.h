#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <functional>

class QIODevice;

// Writes a POSIX tar archive (ustar headers, pax extended headers where ustar cannot hold
// a name or size) to a device, one member at a time. File data is streamed in chunks and
// hashed on the way, so a member's SHA-256 is known once it is written and no file is
// ever loaded whole. GNU tar, bsdtar and Python's tarfile read the result.
class TarWriter final
{
public:
    // Called after each chunk of member data with its size; returning false stops the
    // member (the archive is then unusable and the caller discards it).
    using ChunkCallback = std::function<bool(qint64 bytes)>;

    explicit TarWriter(QIODevice *device);
    Q_DISABLE_COPY_MOVE(TarWriter)

    // Returns the SHA-256 (hex) of the bytes written for the member.
    Result<QString> addFile(const QString &memberName, const QString &sourcePath,
                            const ChunkCallback &onChunk = {});
    Result<QString> addData(const QString &memberName, const QByteArray &data, qint64 mtime);
    // Writes the end-of-archive marker; the device stays open for the caller to sync.
    Status finish();

    qint64 bytesWritten() const { return m_written; }

    static constexpr qint64 BlockSize = 512;

private:
    Status writeHeaders(const QString &memberName, qint64 size, qint64 mtime);
    Status writePaxHeader(const QByteArray &name, const QByteArray &records);
    Status writeHeaderBlock(const QByteArray &name, const QByteArray &prefix, char typeFlag,
                            qint64 size, qint64 mtime);
    Status writePadding(qint64 dataSize);
    Status write(const char *data, qint64 size);

    QIODevice *m_device;
    qint64 m_written = 0;
};

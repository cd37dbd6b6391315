#pragma once

#include "common/result.h"
#include "tarentry.h"

#include <QByteArray>
#include <functional>
#include <optional>

class QIODevice;

// Reads a tar archive member by member (ustar, pax extended headers, GNU long names),
// streaming each member's data in chunks. Every header's checksum is checked and a
// truncated archive is an error, never a short member. The reader does not judge names:
// the caller decides which members are safe to extract.
class TarReader final
{
public:
    using ChunkCallback = std::function<bool(const char *data, qint64 size)>;

    explicit TarReader(QIODevice *device);
    Q_DISABLE_COPY_MOVE(TarReader)

    // The next member, after skipping what was not read of the current one; no value at
    // the end-of-archive marker.
    Result<std::optional<TarEntry>> next();
    // Streams the current member's data to onChunk; returning false stops with "cancelled".
    Status readData(const ChunkCallback &onChunk);
    // The current member's data, refused when larger than maxBytes.
    Result<QByteArray> readAll(qint64 maxBytes);

    qint64 position() const { return m_position; }

private:
    struct Header;
    Result<std::optional<Header>> readHeader();
    Status skipRemaining();
    Status readExact(char *data, qint64 size);
    Status skipPadding();

    QIODevice *m_device;
    qint64 m_position = 0;
    qint64 m_remaining = 0;   // unread data bytes of the current member
    qint64 m_paddingAfter = 0; // padding bytes after the current member's data
};

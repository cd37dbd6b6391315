#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QMutex>
#include <QString>
#include <array>

// The originals' bytes on the server, content-addressed by SHA-256 and stored once however
// many workspaces hold them: <root>/blobs/ab/<sha256>. An upload in progress lives in
// <root>/uploads/<workspace id>-<sha256>.part until its last byte arrives; then the whole
// file is hashed, and only bytes that match their name are fsync'd and renamed into place.
// Which workspace may see which blob is the database's business, not the store's.
class BlobStore final
{
public:
    struct Received
    {
        bool complete = false;
        qint64 offset = 0; // bytes held after this part (the next part starts here)
        bool hashMismatch = false;
        bool wrongOffset = false; // the part did not start where the upload stands: not taken
    };

    explicit BlobStore(QString root);

    QString path(const QString &sha256) const;
    bool exists(const QString &sha256) const;
    qint64 size(const QString &sha256) const;
    qint64 partialSize(qint64 workspaceId, const QString &sha256) const;
    // Appends one part at offset of a blob of total bytes. A part that does not start where
    // the upload stands is refused (the caller answers with the current offset).
    Result<Received> receive(qint64 workspaceId, const QString &sha256, qint64 offset, qint64 total,
                             const QByteArray &part);
    static bool isSha256(const QString &text);

private:
    QString partialPath(qint64 workspaceId, const QString &sha256) const;
    Result<Received> finish(const QString &partial, const QString &sha256);

    QString m_root;
    // Parts of one upload are appended one at a time; different uploads run in parallel.
    std::array<QMutex, 64> m_uploadLocks;
};

#pragma once

#include "common/result.h"
#include "temporaryfolder.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <array>
#include <functional>
#include <optional>

// The originals' bytes on the server, content-addressed by SHA-256 and stored once however
// many workspaces hold them: <root>/blobs/ab/<sha256>. An upload in parts lives in
// <root>/uploads/<workspace id>-<sha256>.<total>.part until its last byte arrives (the
// total in the name, so that a restart keeps it); then the whole file is hashed and
// checked, and only bytes that match their name and pass the check are fsync'd and renamed
// into place. Work in progress is staged on the same file system, so that it moves into
// place by rename or links to a blob: a multipart upload's files in <root>/tmp/, backups and
// restores in <root>/tmp/maintenance/; <root>/tmp/locks/ holds the upload locks shared by
// the server processes on this directory. These names are the store's alone: everything
// else asks it for its files. Which workspace may see which blob is the database's
// business, not the store's.
class BlobStore final
{
public:
    struct PartialUpload
    {
        QString path;
        QString sha256;
        qint64 total = 0; // the blob's size, named when the upload began
        qint64 bytes = 0; // held so far
        QDateTime modified; // UTC: when the last part arrived
    };
    struct Received
    {
        bool complete = false;
        qint64 offset = 0; // bytes held after this part (the next part starts here)
        bool hashMismatch = false;
        bool wrongOffset = false; // the part did not start where the upload stands: not taken
        bool wrongTotal = false;  // the part names another total than the upload began with: not taken
        bool refused = false;     // complete and matching its name, but the check refused it: discarded
    };
    // Looks at a complete file (by its path) before it is stored; false refuses it.
    using Check = std::function<bool(const QString &path)>;

    explicit BlobStore(QString root);

    QString path(const QString &sha256) const;
    bool exists(const QString &sha256) const;
    qint64 size(const QString &sha256) const;
    qint64 partialSize(qint64 workspaceId, const QString &sha256) const;
    QList<PartialUpload> partialUploads(qint64 workspaceId) const;
    // A partial upload of these bytes to any workspace: an upload may be about to finish.
    bool hasPartialUpload(const QString &sha256) const;
    // Appends one part at offset of a blob of total bytes. A part that does not start where
    // the upload stands, or names another total, is refused (the caller answers with the
    // current offset). Complete bytes that hash to sha256 are stored if accept takes them
    // (bytes the store holds already were taken before and are not checked again).
    Result<Received> receive(qint64 workspaceId, const QString &sha256, qint64 offset, qint64 total,
                             const QByteArray &part, const Check &accept);
    // Where a multipart upload stages its files (created if needed).
    Result<QString> stagingDir() const;
    // Where backups and restores stage theirs (created if needed).
    Result<QString> maintenanceDir() const;
    // The folders of work in progress above, without the upload locks.
    QList<TemporaryFolder> temporaryFolders() const;
    // Stores a complete staged file whose SHA-256 the caller computed as it arrived: moved
    // into place, or removed when the store holds the blob already.
    Status adopt(const QString &staged, const QString &sha256);
    static bool isSha256(const QString &text);

private:
    std::optional<PartialUpload> partial(qint64 workspaceId, const QString &sha256) const;
    // The partial uploads whose name has these fields (workspace id, sha256, total; empty: any).
    QList<PartialUpload> partialsNamed(const QStringList &fields) const;
    QString partialPath(qint64 workspaceId, const QString &sha256, qint64 total) const;
    Result<QString> madeDir(const QString &relative) const;
    Result<Received> finish(const QString &partial, const QString &sha256, const Check &accept);
    Status place(const QString &file, const QString &sha256);

    QString m_root;
    // Parts of one upload are appended one at a time; different uploads run in parallel.
    std::array<QMutex, 64> m_uploadLocks;
};

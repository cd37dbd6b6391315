#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

class BlobStore;

// The files BlobStore and RenditionCache keep under the data directory, listed for
// maintenance (statistics and cleanup): renditions as renditions/ab/<sha256>-<size>-r<rotation>.jpg,
// partial uploads as uploads/<workspace id>-<sha256>.<total>.part. The names are theirs; this class
// only reads them. Backups and restores work in tmp/maintenance/.
class StoredFiles final
{
public:
    struct File
    {
        QString path;
        QString sha256;
        int rotation = 0; // renditions
        qint64 bytes = 0;
        QDateTime modified;
    };

    explicit StoredFiles(const BlobStore &store);

    QString root() const { return m_root; }
    QString tempDir() const { return m_root + QStringLiteral("/tmp/maintenance"); }
    // Every rendition on the server (of all workspaces: they are shared by content).
    QList<File> renditions() const;
    QList<File> renditionsOf(const QString &sha256) const;
    QList<File> partialUploads(qint64 workspaceId) const;
    // A partial upload of these bytes to any workspace: an upload may be about to finish.
    bool hasPartialUpload(const QString &sha256) const;

private:
    QList<File> renditionsIn(const QString &dir, const QString &prefix) const;

    QString m_root;
};

#pragma once

#include "common/result.h"
#include "storedfiles.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

class BlobStore;
class RecordStore;
class WorkspaceBlobs;

// POST …/maintenance/cleanup (docs/api.md §9.3). Removes from one workspace the blobs no
// live image of it refers to (each leaves a "blob" tombstone in the change feed; the bytes
// leave the disk only when no workspace holds them any more), the renditions no live image
// of any workspace shows (renditions are shared by content), and its partial uploads older
// than 24 hours. Anything younger than minAgeSeconds stays: a client uploads a blob before
// it creates the image. Each item is checked again right before it is removed; one that
// changed meanwhile is skipped. A dry run counts what would go and removes nothing.
class WorkspaceCleanup final
{
public:
    struct Options
    {
        bool dryRun = false;
        qint64 minAgeSeconds = 3600;
    };
    struct Report
    {
        bool dryRun = false;
        qint64 removedBlobs = 0, removedBlobBytes = 0;
        qint64 removedRenditions = 0, removedRenditionBytes = 0;
        qint64 removedPartialUploads = 0, removedPartialBytes = 0;
        QStringList missingBlobs; // live images' originals the server cannot find
        qint64 skipped = 0;
        qint64 failed = 0;
        QJsonObject toJson() const;
    };
    static constexpr qint64 kPartialUploadSeconds = 24 * 3600;

    WorkspaceCleanup(RecordStore &records, WorkspaceBlobs &blobs, BlobStore &store, const StoredFiles &files);

    Result<Report> run(qint64 workspaceId, const QString &user, const Options &options);

private:
    struct Pass;
    Status survey(Pass &pass);
    Status removeBlobs(Pass &pass);
    Result<bool> removeBlob(Pass &pass, const QString &sha256);
    Status removeRenditions(Pass &pass);
    Status removeRendition(Pass &pass, const StoredFiles::File &rendition, bool bytesLeft);
    void removePartialUploads(Pass &pass);
    // false after counting the failure (and logging it)
    bool removeFile(Pass &pass, const QString &path);

    RecordStore &m_records;
    WorkspaceBlobs &m_blobs;
    BlobStore &m_store;
    const StoredFiles &m_files;
};

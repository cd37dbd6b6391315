#pragma once

#include "common/result.h"
#include "renditioncache.h"

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
// of any workspace shows (renditions are shared by content), its partial uploads older
// than 24 hours, and what server processes that died mid-request left in the temporary
// folders (of any workspace: nothing tells whose), once unchanged for 24 hours. Anything
// younger than minAgeSeconds stays: a client uploads a blob before it creates the image.
// Each item is checked again right before it is removed; one that changed meanwhile is
// skipped. A dry run counts what would go and removes nothing.
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
        qint64 removedTemporaryFiles = 0, removedTemporaryBytes = 0;
        QStringList missingBlobs; // live images' originals the server cannot find
        qint64 skipped = 0;
        qint64 failed = 0;
        QJsonObject toJson() const;
    };
    // A partial upload or a temporary file unchanged this long is abandoned.
    static constexpr qint64 kAbandonedSeconds = 24 * 3600;

    WorkspaceCleanup(RecordStore &records, WorkspaceBlobs &blobs, BlobStore &store, const RenditionCache &renditions);

    Result<Report> run(qint64 workspaceId, const QString &user, const Options &options);

private:
    struct Pass;
    Status survey(Pass &pass);
    Status removeBlobs(Pass &pass);
    Result<bool> removeBlob(Pass &pass, const QString &sha256);
    Status removeRenditions(Pass &pass);
    Status removeRendition(Pass &pass, const RenditionCache::Rendition &rendition, bool bytesLeft);
    void removePartialUploads(Pass &pass);
    void removeTemporaryFiles(Pass &pass);
    // false after counting the failure (and logging it)
    bool removeFile(Pass &pass, const QString &path);
    // The same for a file or a folder with all it holds.
    bool removeTemporary(Pass &pass, const QString &path);
    // Counts and logs a file that stayed; false.
    static bool failed(Pass &pass, const QString &path, const QString &reason);

    RecordStore &m_records;
    WorkspaceBlobs &m_blobs;
    BlobStore &m_store;
    const RenditionCache &m_renditions;
};

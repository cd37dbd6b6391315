#pragma once

#include "common/result.h"
#include "recordstore.h"

#include <QString>
#include <QStringList>

#include <cerrno>

class BlobStore;
class MaintenanceGate;
class RenditionCache;
class TarReader;
struct TarEntry;
class WorkspaceBlobs;

// PUT …/backup (docs/api.md §9.5): replaces a workspace with an archive ServerBackup wrote
// (BackupLayout), all or nothing. The received archive is extracted into a temporary folder
// beside the store, and every member is checked against the manifest and every record for
// its form before anything changes; members that are links, devices or names outside the
// layout refuse the archive. Then the originals the store lacks are moved in, and the
// workspace's records, its blobs and a new identity are written in one transaction while
// requests to it are turned away (MaintenanceGate). Originals no workspace holds any more
// afterwards leave the disk.
class ServerRestore final
{
public:
    struct Report
    {
        QString identity;
        QString previousIdentity;
        qint64 images = 0;   // live
        qint64 entities = 0; // live
        qint64 blobs = 0;
    };
    // The Result code of a refused archive: 422 invalid_backup, and the message is for the
    // client (it names members, never server paths). ENOSPC: the disk is full (507).
    static constexpr int kRefused = EBADMSG;

    ServerRestore(RecordStore &records, WorkspaceBlobs &blobs, BlobStore &store, const RenditionCache &renditions,
                  MaintenanceGate &gate);

    Result<Report> restore(const QString &archivePath, qint64 workspaceId);
    // Whether the file system holding dir has less than bytes free (and a margin for the
    // database beside it).
    static bool lacksSpace(const QString &dir, qint64 bytes);

private:
    struct Staged;
    Status extract(const QString &archivePath, Staged &staged);
    Status extractMember(TarReader &reader, const TarEntry &entry, Staged &staged);
    Status check(Staged &staged);
    Status checkRecords(Staged &staged);
    Result<QStringList> placeBlobs(const Staged &staged);
    Result<RecordStore::Replacement> swap(qint64 workspaceId, const Staged &staged, const QString &identity);
    // Removes the bytes (and renditions) of those no workspace holds.
    void dropUnheld(const QStringList &sha256s);

    RecordStore &m_records;
    WorkspaceBlobs &m_blobs;
    BlobStore &m_store;
    const RenditionCache &m_renditions;
    MaintenanceGate &m_gate;
};

#pragma once

#include "cleanupplan.h"
#include "cleanupreport.h"
#include "common/result.h"
#include "storage/workspace.h"

#include <QHash>

class Catalog;
class FileStore;
struct ImageRecord;

// Finds files in the store that no record refers to and records whose file is missing
// (plan), and removes exactly those once the user confirmed (apply).
//
// It must never delete a file a running import is about to record: an import places its
// files first and records them a moment later. So an unrecorded file younger than the
// minimum age (an hour by default) is left alone, and apply asks the catalog again about
// each file right before deleting it. Opens its own catalog connection in the calling
// thread, for each call.
class StoreCleanup final
{
public:
    explicit StoreCleanup(Workspace workspace, qint64 minimumAgeSeconds = 3600);

    Result<CleanupPlan> plan() const;
    Result<CleanupReport> apply(const CleanupPlan &plan) const;

private:
    void findOrphans(const FileStore &store, const QList<StoredFileRef> &refs, CleanupPlan &plan) const;
    void removeMissingRecords(Catalog &catalog, const QList<StoredFileRef> &missing, CleanupReport &report) const;
    void dropRenditions(Catalog &catalog, const ImageRecord &image, const QList<StoredFileRef> &missing,
                        CleanupReport &report) const;
    void removeOrphans(Catalog &catalog, const FileStore &store, const QList<CleanupPlan::OrphanFile> &orphans,
                       CleanupReport &report) const;
    bool isRecorded(Catalog &catalog, const FileStore &store, const QString &path) const;
    bool isOldEnough(const QString &path) const;

    Workspace m_workspace;
    qint64 m_minimumAgeSeconds;
};

#pragma once

#include "backupreport.h"
#include "common/result.h"
#include "jobprogress.h"
#include "storage/workspace.h"

#include <QString>

class QFileDevice;
class TarWriter;

// Writes a whole workspace to one tar archive while the workspace stays in use:
//
//   catalog.sqlite    a VACUUM INTO snapshot of the catalog (see CatalogSnapshot)
//   files/...         every original and rendition that snapshot refers to
//   manifest.json     format version, workspace id, counts and the SHA-256 of every member
//
// Stored files never change once placed (they are named by their content), so the files
// the snapshot names are exactly the ones it describes, whatever imports run meanwhile.
// The archive is written under a temporary name, flushed and renamed into place at the
// end: a failed or cancelled backup leaves no half archive under the chosen name.
class WorkspaceBackup final
{
public:
    enum class ExistingArchive { Refuse, Replace };

    explicit WorkspaceBackup(Workspace workspace);

    Result<BackupReport> write(const QString &archivePath, const JobProgress &progress = {},
                               ExistingArchive existing = ExistingArchive::Refuse) const;

private:
    struct Plan;
    Result<Plan> planFromSnapshot(const QString &snapshotPath) const;
    Status writeArchive(QFileDevice &archive, Plan &plan, const JobProgress &progress) const;
    Status writeMembers(TarWriter &tar, Plan &plan, const JobProgress &progress) const;

    Workspace m_workspace;
};

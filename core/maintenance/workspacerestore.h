#pragma once

#include "common/result.h"
#include "jobprogress.h"
#include "restorereport.h"

#include <QHash>
#include <QString>

struct BackupManifest;
class TarReader;
struct TarEntry;

// Restores a workspace from an archive written by WorkspaceBackup, all or nothing:
// every member is extracted into a new hidden folder beside the workspaces and checked
// against the manifest, and the catalog must open, before anything is renamed. Only then
// is the restored folder swapped in (an existing workspace first moved aside to
// "<name>.before-restore-<timestamp>"). On any failure, including a refused archive
// (path traversal, links, device files, a damaged or truncated member), the hidden folder
// is removed and every existing workspace is exactly as it was.
class WorkspaceRestore final
{
public:
    enum class Target {
        NewWorkspace,     // refuses a name that is already taken
        ReplaceExisting   // refuses a name that is not an existing workspace
    };

    explicit WorkspaceRestore(QString archivePath);

    Result<RestoreReport> restore(const QString &dataDir, const QString &workspaceName, Target target,
                                  const JobProgress &progress = {}) const;

    // A member name we will extract: "catalog.sqlite", "manifest.json" or a relative path
    // under "files/" without "." or ".." parts. Otherwise returns why not.
    static QString whyUnsafe(const QString &memberName);

private:
    struct Extracted;
    Status checkTarget(const QString &directory, const QString &workspaceName, Target target) const;
    Result<Extracted> extract(const QString &stagingDir, const JobProgress &progress) const;
    Status extractMember(TarReader &reader, const TarEntry &entry, const QString &stagingDir,
                         Extracted &extracted, const JobProgress &progress, qint64 archiveBytes) const;
    Status checkAgainstManifest(const Extracted &extracted, const BackupManifest &manifest) const;
    Result<RestoreReport> checkCatalog(const QString &stagingDir, const BackupManifest &manifest) const;
    Status swapIn(const QString &stagingDir, const QString &directory, Target target, RestoreReport &report) const;
    QString refused(const QString &reason) const;

    QString m_archivePath;
};

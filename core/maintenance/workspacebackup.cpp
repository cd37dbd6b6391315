#include "workspacebackup.h"

#include "backupmanifest.h"
#include "catalog/catalog.h"
#include "catalogsnapshot.h"
#include "storage/diskflush.h"
#include "storage/filestore.h"
#include "storedfilelocation.h"
#include "tarwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const QString CatalogMember = u"catalog.sqlite"_s;

QString cancelledMessage()
{
    return u"backup cancelled; no archive was written"_s;
}

} // namespace

struct WorkspaceBackup::Plan
{
    struct File
    {
        QString member;
        QString path;
        QString expectedSha256;
        bool original = false;
    };

    QString snapshotPath;
    BackupManifest manifest;
    QList<File> files;
    qint64 totalBytes = 0;
    qint64 doneBytes = 0;
    QStringList problems;
};

WorkspaceBackup::WorkspaceBackup(Workspace workspace)
    : m_workspace(std::move(workspace))
{
}

Result<BackupReport> WorkspaceBackup::write(const QString &archivePath, const JobProgress &progress,
                                            ExistingArchive existing) const
{
    using R = Result<BackupReport>;
    const QString target = QFileInfo(archivePath).absoluteFilePath();
    if (existing == ExistingArchive::Refuse && QFileInfo::exists(target))
        return R::failure(target + u": already exists; choose another name or replace it explicitly"_s);
    if (!QFileInfo(QFileInfo(target).path()).isDir())
        return R::failure(target + u": the folder does not exist"_s);

    const FileStore store(m_workspace.storeDirectory());
    if (!QDir().mkpath(store.tempDirectory()))
        return R::failure(store.tempDirectory() + u": cannot create the folder"_s);
    const QString snapshotPath = store.newTempPath(u".backup.sqlite"_s);
    const auto dropSnapshot = qScopeGuard([&] { CatalogSnapshot::remove(snapshotPath); });
    if (const Status snapshot = CatalogSnapshot::write(m_workspace.catalogPath(), snapshotPath); !snapshot)
        return R::failure(snapshot.error());
    auto plan = planFromSnapshot(snapshotPath);
    if (!plan)
        return R::failure(plan.error());

    const QString partialPath = target + u".partial-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    QFile archive(partialPath);
    if (!archive.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return R::failure(partialPath + u": cannot create (" + archive.errorString() + u')');
    auto dropPartial = qScopeGuard([&] { archive.close(); QFile::remove(partialPath); });

    if (const Status written = writeArchive(archive, plan.value(), progress); !written)
        return R::failure(written.error() == u"cancelled" ? cancelledMessage() : target + u": " + written.error(),
                          written.code());
    const qint64 archiveBytes = archive.size();
    archive.close();
    if (existing == ExistingArchive::Refuse && QFileInfo::exists(target))
        return R::failure(target + u": appeared while the backup was written; not replaced"_s);
    if (const Status renamed = DiskFlush::rename(partialPath, target); !renamed)
        return R::failure(renamed.error(), renamed.code());
    dropPartial.dismiss();
    if (const Status synced = DiskFlush::directory(QFileInfo(target).path()); !synced)
        return R::failure(synced.error(), synced.code());

    BackupReport report;
    report.archivePath = target;
    report.archiveBytes = archiveBytes;
    report.workspaceId = plan->manifest.workspaceId;
    report.images = plan->manifest.images;
    report.originals = plan->manifest.originals;
    report.renditions = plan->manifest.renditions;
    report.problems = plan->problems;
    return report;
}

Result<WorkspaceBackup::Plan> WorkspaceBackup::planFromSnapshot(const QString &snapshotPath) const
{
    using R = Result<Plan>;
    Plan plan;
    plan.snapshotPath = snapshotPath;
    QList<StoredFileRef> refs;
    {
        // The file list comes from the snapshot, never from the live catalog.
        auto catalog = Catalog::open(snapshotPath, Catalog::OpenMode::OpenExisting);
        if (!catalog)
            return R::failure(catalog.error());
        plan.manifest.workspaceId = catalog.value()->workspaceId();
        plan.manifest.schemaVersion = catalog.value()->schemaVersion();
        plan.manifest.images = catalog.value()->stats().images;
        auto listed = catalog.value()->referencedFiles();
        if (!listed)
            return R::failure(listed.error());
        refs = std::move(listed).value();
    }
    if (QFileInfo(snapshotPath + u"-wal"_s).size() > 0)
        return R::failure(snapshotPath + u": the catalog snapshot was not checkpointed"_s);
    plan.manifest.workspaceName = m_workspace.name();
    plan.totalBytes = QFileInfo(snapshotPath).size();

    const FileStore store(m_workspace.storeDirectory());
    QSet<QString> seen;
    for (const StoredFileRef &ref : std::as_const(refs)) {
        const QString path = StoredFileLocation::pathOf(store, ref);
        if (seen.contains(path))
            continue;
        seen.insert(path);
        const QFileInfo info(path);
        if (!info.isFile()) {
            plan.problems.append(path + u": missing (image "_s + QString::number(ref.imageId) + u"); not in the archive"_s);
            continue;
        }
        plan.files.append({u"files/"_s + path.mid(store.root().size() + 1), path,
                           StoredFileLocation::expectedSha256(ref), StoredFileLocation::isOriginal(ref)});
        plan.totalBytes += info.size();
    }
    return plan;
}

Status WorkspaceBackup::writeArchive(QFileDevice &archive, Plan &plan, const JobProgress &progress) const
{
    TarWriter tar(&archive);
    if (const Status members = writeMembers(tar, plan, progress); !members)
        return members;
    plan.manifest.createdAt = QDateTime::currentDateTimeUtc();
    const auto manifestSha = tar.addData(QString::fromLatin1(BackupManifest::MemberName), plan.manifest.toJson(),
                                         plan.manifest.createdAt.toSecsSinceEpoch());
    if (!manifestSha)
        return Status::failure(manifestSha.error(), manifestSha.code());
    if (const Status finished = tar.finish(); !finished)
        return finished;
    return DiskFlush::file(archive);
}

Status WorkspaceBackup::writeMembers(TarWriter &tar, Plan &plan, const JobProgress &progress) const
{
    const auto onChunk = [&](qint64 bytes) {
        plan.doneBytes += bytes;
        progress.report(plan.doneBytes, plan.totalBytes);
        return !progress.isCancelled();
    };
    progress.report(0, plan.totalBytes);
    const auto catalogSha = tar.addFile(CatalogMember, plan.snapshotPath, onChunk);
    if (!catalogSha)
        return Status::failure(catalogSha.error(), catalogSha.code());
    plan.manifest.members.append({CatalogMember, QFileInfo(plan.snapshotPath).size(), catalogSha.value()});

    for (const Plan::File &file : std::as_const(plan.files)) {
        if (progress.isCancelled())
            return Status::failure(u"cancelled"_s);
        const qint64 bytes = QFileInfo(file.path).size();
        const auto sha = tar.addFile(file.member, file.path, onChunk);
        if (!sha)
            return Status::failure(sha.error(), sha.code());
        if (sha.value() != file.expectedSha256)
            plan.problems.append(file.path + u": damaged (its content hashes to "_s + sha.value()
                                 + u"); archived as it is"_s);
        plan.manifest.members.append({file.member, bytes, sha.value()});
        ++(file.original ? plan.manifest.originals : plan.manifest.renditions);
    }
    return {};
}

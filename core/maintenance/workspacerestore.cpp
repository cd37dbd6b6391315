#include "workspacerestore.h"

#include "backupmanifest.h"
#include "catalog/catalog.h"
#include "storage/diskflush.h"
#include "storage/contenthash.h"
#include "storage/filestore.h"
#include "storage/workspace.h"
#include "storedfilelocation.h"
#include "tarreader.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

const QString CatalogMember = u"catalog.sqlite"_s;
const QString ManifestMember = QString::fromLatin1(BackupManifest::MemberName);
constexpr qint64 MaxManifestBytes = 256LL * 1024 * 1024;

QString typeName(const TarEntry &entry)
{
    switch (entry.type) {
    case TarEntry::Type::Symlink: return u"a symbolic link"_s;
    case TarEntry::Type::HardLink: return u"a hard link"_s;
    case TarEntry::Type::Device: return u"a device file"_s;
    case TarEntry::Type::Fifo: return u"a FIFO"_s;
    case TarEntry::Type::Directory: return u"a folder"_s;
    case TarEntry::Type::File: return u"a file"_s;
    case TarEntry::Type::Other: break;
    }
    return u"of unknown type '"_s + QLatin1Char(entry.typeFlag) + u'\'';
}

QString asideName(const QString &directory)
{
    const QString base = directory + u".before-restore-"_s
        + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = base + u'-' + QString::number(n);
    return candidate;
}

} // namespace

struct WorkspaceRestore::Extracted
{
    QHash<QString, BackupManifest::Member> members; // by member name, manifest excluded
    QByteArray manifestJson;
    bool sawManifest = false;
    QSet<QString> directories;
};

WorkspaceRestore::WorkspaceRestore(QString archivePath)
    : m_archivePath(std::move(archivePath))
{
}

QString WorkspaceRestore::whyUnsafe(const QString &memberName)
{
    if (memberName.isEmpty())
        return u"a member has an empty name"_s;
    const QString quoted = u'"' + memberName + u'"';
    if (memberName.startsWith(u'/'))
        return u"member "_s + quoted + u" has an absolute path"_s;
    for (const QChar c : memberName) {
        if (c == u'\\' || c.unicode() < 0x20 || c.unicode() == 0x7f)
            return u"member "_s + quoted + u" has a backslash or control character in its name"_s;
    }
    const QStringList parts = memberName.split(u'/');
    for (const QString &part : parts) {
        if (part == u"..")
            return u"member "_s + quoted + u" leaves the restore folder (path traversal)"_s;
        if (part.isEmpty() || part == u".")
            return u"member "_s + quoted + u" has an empty or '.' path component"_s;
    }
    if (memberName == CatalogMember || memberName == ManifestMember || parts.first() == u"files")
        return {};
    return u"member "_s + quoted + u" is not part of a Vitrine backup"_s;
}

Result<RestoreReport> WorkspaceRestore::restore(const QString &dataDir, const QString &workspaceName,
                                                Target target, const JobProgress &progress) const
{
    using R = Result<RestoreReport>;
    if (!Workspace::isValidName(workspaceName))
        return R::failure(u"\""_s + workspaceName + u"\" is not a valid workspace name"_s);
    const QString parent = Workspace::workspacesDir(dataDir);
    const QString directory = parent + u'/' + workspaceName;
    if (const Status checked = checkTarget(directory, workspaceName, target); !checked)
        return R::failure(checked.error());
    if (!QDir().mkpath(parent))
        return R::failure(parent + u": cannot create the folder"_s);

    // A hidden sibling: same file system, so the final step is a rename, and not a
    // workspace name, so Workspace::list never shows a half-restored folder.
    QTemporaryDir staging(parent + u"/.restore-"_s + workspaceName + u"-XXXXXX"_s);
    if (!staging.isValid())
        return R::failure(parent + u": cannot create a folder to restore into (" + staging.errorString() + u')');
    // QTemporaryDir is private to its owner; a workspace is as open as its siblings.
    QFile::setPermissions(staging.path(), QFile::permissions(parent));
    auto extracted = extract(staging.path(), progress);
    if (!extracted)
        return R::failure(extracted.error());
    auto manifest = BackupManifest::fromJson(extracted->manifestJson);
    if (!manifest)
        return R::failure(refused(manifest.error()));
    if (const Status matches = checkAgainstManifest(extracted.value(), manifest.value()); !matches)
        return R::failure(refused(matches.error()));
    auto report = checkCatalog(staging.path(), manifest.value());
    if (!report)
        return R::failure(report.error());
    for (const QString &dir : std::as_const(extracted->directories)) {
        if (const Status synced = DiskFlush::directory(dir); !synced)
            return R::failure(synced.error(), synced.code());
    }
    if (progress.isCancelled())
        return R::failure(u"restore cancelled; nothing was changed"_s);

    report->workspaceName = workspaceName;
    report->directory = directory;
    if (const Status swapped = swapIn(staging.path(), directory, target, report.value()); !swapped)
        return R::failure(swapped.error(), swapped.code());
    staging.setAutoRemove(false); // it is the workspace now
    return report;
}

Status WorkspaceRestore::checkTarget(const QString &directory, const QString &workspaceName, Target target) const
{
    const bool exists = QFileInfo::exists(directory);
    if (target == Target::NewWorkspace && exists)
        return Status::failure(u"workspace \""_s + workspaceName + u"\" already exists (" + directory
                               + u"); restore into a new name or replace it explicitly"_s);
    if (target == Target::ReplaceExisting && !QFileInfo(directory + u"/catalog.sqlite"_s).isFile())
        return Status::failure(u"there is no workspace \""_s + workspaceName + u"\" to replace (" + directory + u')');
    if (!QFileInfo(m_archivePath).isFile())
        return Status::failure(m_archivePath + u": no such archive"_s);
    return {};
}

Result<WorkspaceRestore::Extracted> WorkspaceRestore::extract(const QString &stagingDir,
                                                              const JobProgress &progress) const
{
    using R = Result<Extracted>;
    QFile archive(m_archivePath);
    if (!archive.open(QIODevice::ReadOnly))
        return R::failure(m_archivePath + u": cannot read (" + archive.errorString() + u')');
    const qint64 archiveBytes = archive.size();
    TarReader reader(&archive);
    Extracted extracted;
    extracted.directories.insert(stagingDir);
    for (;;) {
        if (progress.isCancelled())
            return R::failure(u"restore cancelled; nothing was changed"_s);
        auto entry = reader.next();
        if (!entry)
            return R::failure(refused(entry.error()));
        if (!entry->has_value())
            break;
        if (const Status member = extractMember(reader, *entry.value(), stagingDir, extracted, progress, archiveBytes);
            !member)
            return R::failure(member.error(), member.code());
    }
    if (!extracted.sawManifest)
        return R::failure(refused(u"the archive has no manifest.json (not a Vitrine backup, or cut short)"_s));
    progress.report(archiveBytes, archiveBytes);
    return extracted;
}

Status WorkspaceRestore::extractMember(TarReader &reader, const TarEntry &entry, const QString &stagingDir,
                                       Extracted &extracted, const JobProgress &progress, qint64 archiveBytes) const
{
    if (const QString why = whyUnsafe(entry.name); !why.isEmpty())
        return Status::failure(refused(why));
    if (entry.type == TarEntry::Type::Directory && entry.name.startsWith(u"files"))
        return {}; // folders are made for the files they hold
    if (entry.type != TarEntry::Type::File)
        return Status::failure(refused(u"member \""_s + entry.name + u"\" is " + typeName(entry)));
    if (extracted.members.contains(entry.name) || (entry.name == ManifestMember && extracted.sawManifest))
        return Status::failure(refused(u"member \""_s + entry.name + u"\" appears twice"_s));

    if (entry.name == ManifestMember) {
        auto json = reader.readAll(MaxManifestBytes);
        if (!json)
            return Status::failure(refused(json.error()));
        extracted.manifestJson = json.value();
        extracted.sawManifest = true;
        return {};
    }
    const QString path = stagingDir + u'/' + entry.name;
    const QString dir = QFileInfo(path).path();
    if (!QDir().mkpath(dir))
        return Status::failure(dir + u": cannot create the folder"_s);
    for (QString d = dir; d.size() > stagingDir.size(); d = QFileInfo(d).path())
        extracted.directories.insert(d);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Status::failure(refused(u"member \""_s + entry.name + u"\" cannot be written ("_s + out.errorString() + u')'));
    ContentHash hash;
    QString writeError;
    const Status read = reader.readData([&](const char *data, qint64 size) {
        hash.addData(QByteArrayView(data, size));
        if (out.write(data, size) != size) {
            writeError = path + u": cannot write (" + out.errorString() + u')';
            return false;
        }
        progress.report(reader.position(), archiveBytes);
        return !progress.isCancelled();
    });
    if (!writeError.isEmpty())
        return Status::failure(writeError);
    if (!read)
        return Status::failure(read.error() == u"cancelled" ? u"restore cancelled; nothing was changed"_s
                                                            : refused(read.error()));
    if (const Status flushed = DiskFlush::file(out); !flushed)
        return flushed;
    extracted.members.insert(entry.name, {entry.name, entry.size, hash.hexDigest()});
    return {};
}

Status WorkspaceRestore::checkAgainstManifest(const Extracted &extracted, const BackupManifest &manifest) const
{
    QSet<QString> listed;
    for (const BackupManifest::Member &member : manifest.members) {
        listed.insert(member.path);
        const auto found = extracted.members.constFind(member.path);
        if (found == extracted.members.constEnd())
            return Status::failure(u"member \""_s + member.path + u"\" is listed in the manifest but missing"_s);
        if (found->bytes != member.bytes || found->sha256 != member.sha256)
            return Status::failure(u"member \""_s + member.path + u"\" is damaged (its size or SHA-256 differs from the manifest)"_s);
    }
    for (auto it = extracted.members.constBegin(); it != extracted.members.constEnd(); ++it) {
        if (!listed.contains(it.key()))
            return Status::failure(u"member \""_s + it.key() + u"\" is not listed in the manifest"_s);
    }
    if (!extracted.members.contains(CatalogMember))
        return Status::failure(u"the archive holds no catalog.sqlite"_s);
    return {};
}

Result<RestoreReport> WorkspaceRestore::checkCatalog(const QString &stagingDir, const BackupManifest &manifest) const
{
    using R = Result<RestoreReport>;
    RestoreReport report;
    const FileStore store(stagingDir + u"/files"_s);
    {
        auto catalog = Catalog::open(stagingDir + u'/' + CatalogMember, Catalog::OpenMode::OpenExisting);
        if (!catalog)
            return R::failure(refused(u"its catalog does not open: "_s + catalog.error()));
        report.workspaceId = catalog.value()->workspaceId();
        if (!manifest.workspaceId.isNull() && report.workspaceId != manifest.workspaceId)
            return R::failure(refused(u"the catalog belongs to another workspace than the manifest names"_s));
        const auto refs = catalog.value()->referencedFiles();
        if (!refs)
            return R::failure(refused(refs.error()));
        for (const StoredFileRef &ref : refs.value()) {
            const QString path = StoredFileLocation::pathOf(store, ref);
            if (!QFileInfo(path).isFile())
                report.problems.append(path.mid(stagingDir.size() + 1) + u": referenced by the catalog but not in the archive"_s);
        }
    }
    if (const Status layout = store.ensureLayout(); !layout)
        return R::failure(layout.error());
    report.images = manifest.images;
    report.originals = manifest.originals;
    report.renditions = manifest.renditions;
    return report;
}

Status WorkspaceRestore::swapIn(const QString &stagingDir, const QString &directory, Target target,
                                RestoreReport &report) const
{
    const QString parent = QFileInfo(directory).path();
    if (target == Target::NewWorkspace) {
        if (QFileInfo::exists(directory))
            return Status::failure(directory + u": appeared during the restore; nothing was changed"_s);
        if (const Status renamed = DiskFlush::rename(stagingDir, directory); !renamed)
            return renamed;
        return DiskFlush::directory(parent);
    }
    const QString aside = asideName(directory);
    if (const Status moved = DiskFlush::rename(directory, aside); !moved)
        return Status::failure(moved.error() + u"; nothing was changed"_s, moved.code());
    if (const Status renamed = DiskFlush::rename(stagingDir, directory); !renamed) {
        const Status back = DiskFlush::rename(aside, directory);
        return Status::failure(renamed.error() + (back ? u"; the workspace was left as it was"_s
                                                       : u"; the previous workspace is at "_s + aside),
                               renamed.code());
    }
    report.movedAsideTo = aside;
    return DiskFlush::directory(parent);
}

QString WorkspaceRestore::refused(const QString &reason) const
{
    return m_archivePath + u": refused: " + reason + u"; nothing was changed"_s;
}

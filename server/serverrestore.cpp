#include "serverrestore.h"

#include "backuplayout.h"
#include "blobstore.h"
#include "maintenance/backupmanifest.h"
#include "maintenance/tarreader.h"
#include "maintenancegate.h"
#include "renditioncache.h"
#include "serverschema.h"
#include "storage/contenthash.h"
#include "storage/diskflush.h"
#include "workspaceblobs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutexLocker>
#include <QSet>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxManifestBytes = 64 * 1024 * 1024;
constexpr qint64 kSpaceMargin = 16 * 1024 * 1024;
const QString kManifest = QString::fromLatin1(BackupManifest::MemberName);

Status refused(const QString &reason)
{
    return Status::failure(reason, ServerRestore::kRefused);
}

// The next record of records.jsonl; nothing at its end (blank lines are passed over).
Result<std::optional<RecordStore::Record>> nextRecordIn(QFile &file, qint64 &lineNumber)
{
    using Answer = Result<std::optional<RecordStore::Record>>;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        Result<RecordStore::Record> record = BackupLayout::recordOf(line);
        if (!record)
            return Answer::failure(u"%1, line %2: %3"_s.arg(BackupLayout::kRecords).arg(lineNumber).arg(record.error()),
                                   ServerRestore::kRefused);
        return Answer(std::optional(record.value()));
    }
    return Answer(std::nullopt);
}

} // namespace

struct ServerRestore::Staged
{
    QString dir;
    QHash<QString, BackupManifest::Member> members; // extracted, by name (the manifest aside)
    QByteArray manifestJson;
    bool sawManifest = false;
    QList<QPair<QString, qint64>> blobs; // intact originals: SHA-256, bytes
    qint64 images = 0;
    qint64 entities = 0;
};

ServerRestore::ServerRestore(RecordStore &records, WorkspaceBlobs &blobs, BlobStore &store,
                             const RenditionCache &renditions, MaintenanceGate &gate)
    : m_records(records), m_blobs(blobs), m_store(store), m_renditions(renditions), m_gate(gate)
{}

bool ServerRestore::lacksSpace(const QString &dir, qint64 bytes)
{
    const QStorageInfo storage(dir);
    return storage.isValid() && storage.bytesAvailable() < bytes + kSpaceMargin;
}

Result<ServerRestore::Report> ServerRestore::restore(const QString &archivePath, qint64 workspaceId)
{
    using Answer = Result<Report>;
    const Result<QString> dir = m_store.maintenanceDir();
    if (!dir)
        return Answer::failure(dir.error());
    QTemporaryDir staging(dir.value() + u"/restore-XXXXXX"_s);
    if (!staging.isValid() || !QDir().mkpath(staging.filePath(u"blobs"_s)))
        return Answer::failure(u"%1: cannot create a folder to restore into: %2"_s.arg(dir.value(),
                                                                                     staging.errorString()));
    Staged staged;
    staged.dir = staging.path();
    if (Status extracted = extract(archivePath, staged); !extracted)
        return Answer::failure(extracted.error(), extracted.code());
    if (Status checked = check(staged); !checked)
        return Answer::failure(checked.error(), checked.code());

    const QMutexLocker locked(&m_gate.work());
    Result<QStringList> placed = placeBlobs(staged);
    if (!placed)
        return Answer::failure(placed.error(), placed.code());
    Result<RecordStore::Replacement> replaced =
        swap(workspaceId, staged, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!replaced) {
        dropUnheld(placed.value());
        return Answer::failure(replaced.error(), replaced.code());
    }
    QSet<QString> kept;
    for (const auto &[sha256, bytes] : std::as_const(staged.blobs))
        kept.insert(sha256);
    QStringList let;
    for (const QString &sha256 : std::as_const(replaced->previousBlobs)) {
        if (!kept.contains(sha256))
            let.append(sha256);
    }
    dropUnheld(let);
    Result<RecordStore::Head> head = m_records.head(workspaceId);
    if (!head)
        return Answer::failure(head.error());
    return Report{head->identity, replaced->previousIdentity, staged.images, staged.entities,
                  qint64(staged.blobs.size())};
}

Status ServerRestore::extract(const QString &archivePath, Staged &staged)
{
    QFile archive(archivePath);
    if (!archive.open(QIODevice::ReadOnly))
        return Status::failure(u"%1: %2"_s.arg(archivePath, archive.errorString()));
    TarReader reader(&archive);
    for (;;) {
        Result<std::optional<TarEntry>> entry = reader.next();
        if (!entry)
            return refused(entry.error());
        if (!entry.value())
            break;
        if (Status member = extractMember(reader, *entry.value(), staged); !member)
            return member;
    }
    if (!staged.sawManifest)
        return refused(u"the archive has no manifest.json (it is not a vitrine-server backup, or it was cut short)"_s);
    return {};
}

Status ServerRestore::extractMember(TarReader &reader, const TarEntry &entry, Staged &staged)
{
    if (const QString why = BackupLayout::whyRefused(entry.name); !why.isEmpty())
        return refused(why);
    if (entry.type != TarEntry::Type::File)
        return refused(u"the member \"%1\" is not a regular file (links, devices and folders are refused)"_s.arg(
            entry.name));
    if (staged.members.contains(entry.name) || (entry.name == kManifest && staged.sawManifest))
        return refused(u"the member \"%1\" appears twice"_s.arg(entry.name));
    if (entry.name == kManifest) {
        Result<QByteArray> json = reader.readAll(kMaxManifestBytes);
        if (!json)
            return refused(json.error());
        staged.manifestJson = json.value();
        staged.sawManifest = true;
        return {};
    }
    const QString path = staged.dir + u'/' + entry.name;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Status::failure(u"%1: %2"_s.arg(path, out.errorString()));
    ContentHash hash;
    bool written = true;
    const Status read = reader.readData([&](const char *data, qint64 size) {
        hash.addData(QByteArrayView(data, size));
        written = out.write(data, size) == size;
        return written;
    });
    if (!written || !out.flush())
        return Status::failure(u"%1: %2"_s.arg(path, out.errorString()), lacksSpace(staged.dir, 0) ? ENOSPC : 0);
    if (!read)
        return refused(read.error());
    staged.members.insert(entry.name, {entry.name, entry.size, hash.hexDigest()});
    return {};
}

Status ServerRestore::check(Staged &staged)
{
    Result<BackupManifest> manifest = BackupManifest::fromJson(staged.manifestJson);
    if (!manifest)
        return refused(manifest.error());
    if (manifest->schemaVersion > ServerSchema::kVersion)
        return refused(u"the backup was written by a newer vitrine-server (schema %1); update the server to "
                       "restore it"_s.arg(manifest->schemaVersion));
    QSet<QString> listed;
    for (const BackupManifest::Member &member : std::as_const(manifest->members)) {
        listed.insert(member.path);
        const auto found = staged.members.constFind(member.path);
        if (found == staged.members.constEnd())
            return refused(u"the member \"%1\" is listed in the manifest but missing"_s.arg(member.path));
        if (found->bytes != member.bytes || found->sha256 != member.sha256)
            return refused(u"the member \"%1\" is damaged (its size or SHA-256 differs from the manifest)"_s.arg(
                member.path));
    }
    for (auto it = staged.members.constBegin(); it != staged.members.constEnd(); ++it) {
        if (!listed.contains(it.key()))
            return refused(u"the member \"%1\" is not listed in the manifest"_s.arg(it.key()));
        const QString blob = BackupLayout::blobOf(it.key());
        if (blob.isEmpty())
            continue;
        if (blob == it->sha256)
            staged.blobs.append({blob, it->bytes});
        else // damaged on the server before it was archived: the workspace will not hold it
            std::fprintf(stderr, "vitrine-server: restore: the original %s in the archive is damaged; left out\n",
                         qPrintable(blob));
    }
    if (!staged.members.contains(BackupLayout::kRecords))
        return refused(u"the archive holds no %1 (it is not a vitrine-server backup)"_s.arg(BackupLayout::kRecords));
    return checkRecords(staged);
}

Status ServerRestore::checkRecords(Staged &staged)
{
    QFile file(staged.dir + u'/' + BackupLayout::kRecords);
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(u"%1: %2"_s.arg(file.fileName(), file.errorString()));
    QSet<QString> ids;
    QSet<qint64> seqs;
    qint64 lineNumber = 0;
    for (;;) {
        Result<std::optional<RecordStore::Record>> record = nextRecordIn(file, lineNumber);
        if (!record)
            return Status::failure(record.error(), record.code());
        if (!record.value())
            return {};
        const RecordStore::Record &r = *record.value();
        const QString key = r.type + u' ' + r.id;
        if (ids.contains(key) || seqs.contains(r.seq))
            return refused(u"%1, line %2: %3 %4 or its seq appears twice"_s.arg(BackupLayout::kRecords)
                               .arg(lineNumber)
                               .arg(r.type, r.id));
        ids.insert(key);
        seqs.insert(r.seq);
        staged.images += r.type == u"image"_s && !r.deleted;
        staged.entities += r.type == u"entity"_s && !r.deleted;
    }
}

// Originals the store lacks are moved in before the swap (durably), so the workspace never
// holds a blob without its bytes; on failure those moved in are taken out again.
Result<QStringList> ServerRestore::placeBlobs(const Staged &staged)
{
    QStringList placed;
    for (const auto &[sha256, bytes] : staged.blobs) {
        if (m_store.exists(sha256))
            continue;
        const QString from = staged.dir + u'/' + BackupLayout::kBlobPrefix + sha256;
        const QString to = m_store.path(sha256);
        Status moved = QDir().mkpath(QFileInfo(to).path()) ? DiskFlush::file(from)
                                                            : Status::failure(u"cannot create %1"_s.arg(to));
        if (moved)
            moved = DiskFlush::rename(from, to);
        if (moved)
            moved = DiskFlush::directory(QFileInfo(to).path());
        if (!moved) {
            dropUnheld(placed);
            return Result<QStringList>::failure(moved.error(), moved.code());
        }
        placed.append(sha256);
    }
    return placed;
}

Result<RecordStore::Replacement> ServerRestore::swap(qint64 workspaceId, const Staged &staged,
                                                     const QString &identity)
{
    QFile file(staged.dir + u'/' + BackupLayout::kRecords);
    if (!file.open(QIODevice::ReadOnly))
        return Result<RecordStore::Replacement>::failure(u"%1: %2"_s.arg(file.fileName(), file.errorString()));
    qint64 lineNumber = 0;
    m_gate.beginSwap(workspaceId);
    Result<RecordStore::Replacement> replaced = m_records.replaceWorkspace(
        workspaceId, [&file, &lineNumber] { return nextRecordIn(file, lineNumber); }, staged.blobs, identity);
    m_gate.endSwap(workspaceId);
    return replaced;
}

void ServerRestore::dropUnheld(const QStringList &sha256s)
{
    for (const QString &sha256 : sha256s) {
        Result<int> holders = m_blobs.holders(sha256);
        if (!holders || holders.value() > 0 || m_store.hasPartialUpload(sha256))
            continue;
        QStringList paths{m_store.path(sha256)};
        for (const RenditionCache::Rendition &rendition : m_renditions.renditionsOf(sha256))
            paths.append(rendition.path);
        for (const QString &path : std::as_const(paths)) {
            if (QFile::exists(path) && !QFile::remove(path))
                std::fprintf(stderr, "vitrine-server: restore: cannot remove %s\n", qPrintable(path));
        }
    }
}

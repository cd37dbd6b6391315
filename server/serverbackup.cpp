#include "serverbackup.h"

#include "backuplayout.h"
#include "blobstore.h"
#include "maintenancegate.h"
#include "recordstore.h"
#include "serverschema.h"
#include "maintenance/tarwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

ServerBackup::ServerBackup(RecordStore &records, BlobStore &store, MaintenanceGate &gate)
    : m_records(records), m_store(store), m_gate(gate)
{}

ServerBackup::~ServerBackup() = default;

Status ServerBackup::snapshot(qint64 workspaceId, const QString &workspaceName)
{
    const Result<QString> dir = m_store.maintenanceDir();
    if (!dir)
        return Status::failure(dir.error());
    m_staging = std::make_unique<QTemporaryDir>(dir.value() + u"/backup-XXXXXX"_s);
    if (!m_staging->isValid() || !QDir().mkpath(m_staging->filePath(u"blobs"_s)))
        return Status::failure(u"%1: cannot create a folder for a backup: %2"_s.arg(dir.value(),
                                                                                  m_staging->errorString()));
    // Cleanup waits: the originals named by the records are pinned before it may remove any.
    const QMutexLocker locked(&m_gate.work());
    Result<RecordStore::Head> head = m_records.head(workspaceId);
    if (!head)
        return Status::failure(head.error());
    m_manifest.workspaceId = QUuid::fromString(head->identity);
    m_manifest.workspaceName = workspaceName;
    m_manifest.schemaVersion = ServerSchema::kVersion;
    m_manifest.createdAt = QDateTime::currentDateTimeUtc();
    QStringList blobs;
    if (Status written = writeRecords(workspaceId, blobs); !written)
        return written;
    for (const QString &sha256 : std::as_const(blobs)) {
        if (Status pinned = pin(sha256); !pinned)
            return pinned;
    }
    return {};
}

Status ServerBackup::writeRecords(qint64 workspaceId, QStringList &blobs)
{
    const QString path = m_staging->filePath(BackupLayout::kRecords);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(u"%1: %2"_s.arg(path, file.errorString()));
    const Status read = m_records.forEachRecord(workspaceId, [&](const RecordStore::Record &record) {
        if (file.write(BackupLayout::lineOf(record)) < 0)
            return Status::failure(u"%1: %2"_s.arg(path, file.errorString()));
        if (record.type == u"image"_s && !record.deleted)
            ++m_manifest.images;
        if (record.type == u"blob"_s && !record.deleted)
            blobs.append(record.id);
        return Status();
    });
    if (!read)
        return read;
    if (!file.flush())
        return Status::failure(u"%1: %2"_s.arg(path, file.errorString()));
    m_members.append({BackupLayout::kRecords, path});
    return {};
}

// A hard link keeps the bytes whatever happens to the store's name; where the file system
// cannot link, the store's own file is read (and a cleanup meanwhile fails the backup).
Status ServerBackup::pin(const QString &sha256)
{
    const QString source = m_store.path(sha256);
    const QString name = BackupLayout::kBlobPrefix + sha256;
    const QString pinned = m_staging->filePath(name);
    if (::link(QFile::encodeName(source).constData(), QFile::encodeName(pinned).constData()) == 0) {
        m_members.append({name, pinned});
    } else if (errno == ENOENT) {
        std::fprintf(stderr, "vitrine-server: backup: the original %s is missing; it is not in the archive\n",
                     qPrintable(sha256));
    } else {
        m_members.append({name, source});
    }
    return {};
}

Status ServerBackup::write(QIODevice *device)
{
    TarWriter tar(device);
    for (const Member &member : std::as_const(m_members)) {
        touchStaging();
        Result<QString> sha256 = tar.addFile(member.name, member.path);
        if (!sha256)
            return Status::failure(sha256.error());
        const QString blob = BackupLayout::blobOf(member.name);
        if (!blob.isEmpty() && blob != sha256.value())
            std::fprintf(stderr, "vitrine-server: backup: the original %s is damaged (its bytes hash to %s)\n",
                         qPrintable(blob), qPrintable(sha256.value()));
        if (!blob.isEmpty())
            ++m_manifest.originals;
        m_manifest.members.append({member.name, QFileInfo(member.path).size(), sha256.value()});
    }
    const Result<QString> manifest = tar.addData(QString::fromLatin1(BackupManifest::MemberName),
                                                 m_manifest.toJson(), m_manifest.createdAt.toSecsSinceEpoch());
    if (!manifest)
        return Status::failure(manifest.error());
    return tar.finish();
}

// The pins are links to originals and keep their times; the folder's own time says the backup is alive.
void ServerBackup::touchStaging() const
{
    if (::utimensat(AT_FDCWD, QFile::encodeName(m_staging->path()).constData(), nullptr, 0) != 0)
        std::fprintf(stderr, "vitrine-server: backup: cannot touch %s: %s\n", qPrintable(m_staging->path()),
                     strerror(errno));
}

QString ServerBackup::fileName() const
{
    return m_manifest.workspaceName + u'-' + m_manifest.createdAt.toString(u"yyyyMMdd'T'HHmmss'Z'"_s) + u".tar"_s;
}

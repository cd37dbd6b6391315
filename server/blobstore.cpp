#include "blobstore.h"

#include "filelock.h"
#include "filenamepattern.h"
#include "storage/contenthash.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// The store's layout under its root, besides blobs/ab/<sha256> (path()).
const QString kUploads = u"uploads"_s;
const QString kStaging = u"tmp"_s;
const QString kLocks = u"locks"_s;             // in tmp/
const QString kMaintenance = u"maintenance"_s; // in tmp/

// uploads/<workspace id>-<sha256>.<total>.part
const FileNamePattern &partialName()
{
    static const FileNamePattern pattern(u"%1-%2.%3.part"_s,
                                         {u"[0-9]{1,18}"_s, u"[0-9a-f]{64}"_s, u"[0-9]{1,18}"_s});
    return pattern;
}

Status syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Status::failure(u"%1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(errno))), errno);
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    return result == 0 ? Status()
                       : Status::failure(u"%1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(error))), error);
}

} // namespace

BlobStore::BlobStore(QString root) : m_root(std::move(root)) {}

bool BlobStore::isSha256(const QString &text)
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    return hex.match(text).hasMatch();
}

QString BlobStore::path(const QString &sha256) const
{
    return m_root + u"/blobs/"_s + sha256.left(2) + u'/' + sha256;
}

QString BlobStore::partialPath(qint64 workspaceId, const QString &sha256, qint64 total) const
{
    return m_root + u'/' + kUploads + u'/' +
           partialName().name({QString::number(workspaceId), sha256, QString::number(total)});
}

QList<BlobStore::PartialUpload> BlobStore::partialsNamed(const QStringList &fields) const
{
    QList<PartialUpload> found;
    const QDir uploads(m_root + u'/' + kUploads);
    const QFileInfoList files = uploads.entryInfoList({partialName().filter(fields)}, QDir::Files);
    for (const QFileInfo &file : files) {
        const std::optional<QStringList> named = partialName().fields(file.fileName());
        if (named)
            found.append({file.filePath(), named->at(1), named->at(2).toLongLong(), file.size(),
                          file.lastModified().toUTC()});
    }
    return found;
}

// The upload in progress of the blob for the workspace, if there is one.
std::optional<BlobStore::PartialUpload> BlobStore::partial(qint64 workspaceId, const QString &sha256) const
{
    const QList<PartialUpload> found = partialsNamed({QString::number(workspaceId), sha256});
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<BlobStore::PartialUpload> BlobStore::partialUploads(qint64 workspaceId) const
{
    return partialsNamed({QString::number(workspaceId)});
}

bool BlobStore::hasPartialUpload(const QString &sha256) const
{
    return !partialsNamed({{}, sha256}).isEmpty();
}

bool BlobStore::exists(const QString &sha256) const
{
    return QFileInfo::exists(path(sha256));
}

qint64 BlobStore::size(const QString &sha256) const
{
    return QFileInfo(path(sha256)).size();
}

qint64 BlobStore::partialSize(qint64 workspaceId, const QString &sha256) const
{
    const std::optional<PartialUpload> held = partial(workspaceId, sha256);
    return held ? held->bytes : 0;
}

Result<BlobStore::Received> BlobStore::receive(qint64 workspaceId, const QString &sha256, qint64 offset, qint64 total,
                                               const QByteArray &part, const Check &accept)
{
    const QString key = QString::number(workspaceId) + u'-' + sha256;
    const QMutexLocker locked(&m_uploadLocks[qHash(key) % m_uploadLocks.size()]);
    // Other server processes on this data directory may hold a part of the same upload;
    // the lock file is one of 256, chosen by the hash's first byte (the same in every process).
    Result<FileLock> shared = FileLock::acquire(m_root + u'/' + kStaging + u'/' + kLocks + u"/upload-"_s +
                                                sha256.left(2) + u".lock"_s);
    if (!shared)
        return Result<Received>::failure(shared.error());
    std::optional<PartialUpload> held = partial(workspaceId, sha256);
    if (held && offset == 0) { // a part at 0 starts the upload again, whatever arrived before
        QFile::remove(held->path);
        held.reset();
    }
    Received refused{false, held ? held->bytes : 0};
    if (held && held->total != total) {
        refused.wrongTotal = true;
        return refused;
    }
    if (offset != refused.offset || offset + part.size() > total) {
        refused.wrongOffset = true;
        return refused;
    }
    const QString path = held ? held->path : partialPath(workspaceId, sha256, total);
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Result<Received>::failure(u"cannot create %1"_s.arg(QFileInfo(path).path()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Result<Received>::failure(u"%1: %2"_s.arg(path, file.errorString()));
    if (file.write(part) != part.size() || !file.flush())
        return Result<Received>::failure(u"%1: %2"_s.arg(path, file.errorString()), ENOSPC);
    file.close();
    if (offset + part.size() < total)
        return Received{false, offset + part.size()};
    return finish(path, sha256, accept);
}

// The last part arrived: bytes that do not hash to their name, or that the check refuses,
// are thrown away.
Result<BlobStore::Received> BlobStore::finish(const QString &partial, const QString &sha256, const Check &accept)
{
    Result<QString> actual = ContentHash::ofFile(partial); // OpenSSL's: ten times QCryptographicHash here
    if (!actual)
        return Result<Received>::failure(actual.error());
    Received outcome;
    if (actual.value() != sha256) {
        QFile::remove(partial);
        outcome.hashMismatch = true;
        return outcome;
    }
    const qint64 bytes = QFileInfo(partial).size();
    if (!exists(sha256) && accept && !accept(partial)) {
        QFile::remove(partial);
        outcome.refused = true;
        return outcome;
    }
    if (Status placed = place(partial, sha256); !placed)
        return Result<Received>::failure(placed.error(), placed.code());
    return Received{true, bytes};
}

Result<QString> BlobStore::stagingDir() const
{
    return madeDir(kStaging);
}

Result<QString> BlobStore::maintenanceDir() const
{
    return madeDir(kStaging + u'/' + kMaintenance);
}

Result<QString> BlobStore::madeDir(const QString &relative) const
{
    const QString dir = m_root + u'/' + relative;
    if (!QDir().mkpath(dir))
        return Result<QString>::failure(u"cannot create %1"_s.arg(dir));
    return dir;
}

QList<TemporaryFolder> BlobStore::temporaryFolders() const
{
    const QString staging = m_root + u'/' + kStaging;
    return {TemporaryFolder(staging, {kLocks, kMaintenance}), TemporaryFolder(staging + u'/' + kMaintenance)};
}

Status BlobStore::adopt(const QString &staged, const QString &sha256)
{
    return place(staged, sha256);
}

// A complete file named by its hash goes into place; another upload (another workspace,
// another client) may have been quicker, and then it only goes away.
Status BlobStore::place(const QString &file, const QString &sha256)
{
    if (exists(sha256)) {
        QFile::remove(file);
        return {};
    }
    const QString target = path(sha256);
    if (!QDir().mkpath(QFileInfo(target).path()))
        return Status::failure(u"cannot create %1"_s.arg(QFileInfo(target).path()));
    if (Status synced = syncFile(file); !synced)
        return synced;
    if (::rename(QFile::encodeName(file).constData(), QFile::encodeName(target).constData()) != 0)
        return Status::failure(u"%1: %2"_s.arg(target, QString::fromLocal8Bit(strerror(errno))), errno);
    return syncFile(QFileInfo(target).path());
}

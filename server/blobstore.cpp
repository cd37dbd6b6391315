#include "blobstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

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

Result<QString> hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QString>::failure(u"%1: %2"_s.arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return Result<QString>::failure(u"%1: cannot read"_s.arg(path));
    return QString::fromLatin1(hash.result().toHex());
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

QString BlobStore::partialPath(qint64 workspaceId, const QString &sha256) const
{
    return m_root + u"/uploads/"_s + QString::number(workspaceId) + u'-' + sha256 + u".part"_s;
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
    const QFileInfo partial(partialPath(workspaceId, sha256));
    return partial.exists() ? partial.size() : 0;
}

Result<BlobStore::Received> BlobStore::receive(qint64 workspaceId, const QString &sha256, qint64 offset, qint64 total,
                                               const QByteArray &part)
{
    const QString partial = partialPath(workspaceId, sha256);
    const QMutexLocker locked(&m_uploadLocks[qHash(partial) % m_uploadLocks.size()]);
    if (offset == 0) // a part at 0 starts the upload again, whatever arrived before
        QFile::remove(partial);
    const qint64 held = partialSize(workspaceId, sha256);
    if (offset != held || offset + part.size() > total)
        return Received{false, held, false, true};
    if (!QDir().mkpath(QFileInfo(partial).path()))
        return Result<Received>::failure(u"cannot create %1"_s.arg(QFileInfo(partial).path()));
    QFile file(partial);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Result<Received>::failure(u"%1: %2"_s.arg(partial, file.errorString()));
    if (file.write(part) != part.size() || !file.flush())
        return Result<Received>::failure(u"%1: %2"_s.arg(partial, file.errorString()), ENOSPC);
    file.close();
    if (offset + part.size() < total)
        return Received{false, offset + part.size(), false};
    return finish(partial, sha256);
}

// The last part arrived: bytes that do not hash to their name are thrown away.
Result<BlobStore::Received> BlobStore::finish(const QString &partial, const QString &sha256)
{
    Result<QString> actual = hashOf(partial);
    if (!actual)
        return Result<Received>::failure(actual.error());
    if (actual.value() != sha256) {
        QFile::remove(partial);
        return Received{false, 0, true};
    }
    const qint64 bytes = QFileInfo(partial).size();
    if (exists(sha256)) { // another upload (another workspace, another client) was quicker
        QFile::remove(partial);
        return Received{true, bytes, false};
    }
    const QString target = path(sha256);
    if (!QDir().mkpath(QFileInfo(target).path()))
        return Result<Received>::failure(u"cannot create %1"_s.arg(QFileInfo(target).path()));
    if (Status synced = syncFile(partial); !synced)
        return Result<Received>::failure(synced.error(), synced.code());
    if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0)
        return Result<Received>::failure(u"%1: %2"_s.arg(target, QString::fromLocal8Bit(strerror(errno))), errno);
    if (Status synced = syncFile(QFileInfo(target).path()); !synced)
        return Result<Received>::failure(synced.error(), synced.code());
    return Received{true, bytes, false};
}

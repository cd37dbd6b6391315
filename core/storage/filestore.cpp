#include "filestore.h"

#include "contenthash.h"
#include "diskflush.h"

#include <QDir>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString shard(const QString &sha256)
{
    return sha256.left(2);
}

class FileDescriptor final
{
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() { if (m_fd >= 0) ::close(m_fd); }
    Q_DISABLE_COPY_MOVE(FileDescriptor)
    int get() const { return m_fd; }
    int release() { const int fd = m_fd; m_fd = -1; return fd; }

private:
    int m_fd;
};

bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

} // namespace

FileStore::FileStore(QString root)
    : m_root(std::move(root))
{
}

QString FileStore::originalPath(const QString &sha256, const QString &format) const
{
    return m_root + u"/originals/" + shard(sha256) + u'/' + sha256 + u'.' + extensionFor(format);
}

QString FileStore::renditionPath(const QString &originalSha256, const QString &renditionName,
                                 const QString &renditionSha256) const
{
    return m_root + u"/renditions/" + shard(originalSha256) + u'/' + originalSha256 + u'-' + renditionName + u'-'
        + renditionSha256.left(16) + u".jpg";
}

Status FileStore::discard(const QString &path) const
{
    if (::unlink(QFile::encodeName(path).constData()) != 0 && errno != ENOENT)
        return Status::failure(path + u": cannot remove (" + systemError(errno) + u')', errno);
    return {};
}

QString FileStore::tempDirectory() const
{
    return m_root + u"/tmp"_s;
}

Status FileStore::ensureLayout() const
{
    for (const QString &dir : QStringList{m_root + u"/originals"_s, m_root + u"/renditions"_s, tempDirectory()}) {
        if (!QDir().mkpath(dir))
            return Status::failure(dir + u": cannot create the folder"_s);
    }
    return {};
}

QString FileStore::newTempPath(const QString &suffix) const
{
    return tempDirectory() + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces) + suffix;
}

// Copies in to out while hashing; returns the failure (empty when none) and its errno.
static std::pair<QString, int> copyWhileHashing(int in, int out, const QString &sourcePath, qint64 maxBytes,
                                         ContentHash &hash, qint64 &copied)
{
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(in, buffer.data(), size_t(buffer.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return {sourcePath + u": read failed (" + systemError(errno) + u')', errno};
        if (n == 0)
            return {};
        if (copied + n > maxBytes) // the file grew while we read it
            return {sourcePath + u": the file is over the limit of " + QString::number(maxBytes) + u" bytes"_s, 0};
        hash.addData(QByteArrayView(buffer.constData(), n));
        if (!writeAll(out, buffer.constData(), n))
            return {u"cannot copy "_s + sourcePath + u" into the workspace: " + systemError(errno), errno};
        copied += n;
    }
}

Result<StagedFile> FileStore::stage(const QString &sourcePath, qint64 maxBytes) const
{
    using R = Result<StagedFile>;
    const FileDescriptor in(::open(QFile::encodeName(sourcePath).constData(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0)
        return R::failure(sourcePath + u": cannot read (" + systemError(errno) + u')', errno);
    const qint64 size = ::lseek(in.get(), 0, SEEK_END);
    if (size < 0 || ::lseek(in.get(), 0, SEEK_SET) != 0)
        return R::failure(sourcePath + u": not a regular file"_s);
    if (size > maxBytes)
        return R::failure(sourcePath + u": the file is " + QString::number(size) + u" bytes, over the limit of "
                          + QString::number(maxBytes) + u" bytes"_s);
    if (size == 0)
        return R::failure(sourcePath + u": the file is empty"_s);

    StagedFile staged{newTempPath(u".original"_s), {}, 0};
    const QByteArray tempName = QFile::encodeName(staged.tempPath);
    FileDescriptor out(::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (out.get() < 0)
        return R::failure(staged.tempPath + u": cannot create (" + systemError(errno) + u')', errno);

    ContentHash hash;
    auto [failure, code] = copyWhileHashing(in.get(), out.get(), sourcePath, maxBytes, hash, staged.bytes);
    // place() flushes the copy to disk before it gets its final name.
    if (::close(out.release()) != 0 && failure.isEmpty()) {
        code = errno;
        failure = u"cannot copy "_s + sourcePath + u" into the workspace: " + systemError(errno);
    }
    if (!failure.isEmpty()) {
        ::unlink(tempName.constData());
        return R::failure(failure, code);
    }
    staged.sha256 = hash.hexDigest();
    return staged;
}

Status FileStore::place(const QString &tempPath, const QString &finalPath) const
{
    const QString dir = QFileInfo(finalPath).path();
    if (!QDir().mkpath(dir))
        return Status::failure(dir + u": cannot create the folder"_s);
    // The bytes must be on disk before the name is, and the name before the catalog row.
    if (Status flushed = DiskFlush::file(tempPath); !flushed)
        return flushed;
    if (Status renamed = DiskFlush::rename(tempPath, finalPath); !renamed)
        return renamed;
    return DiskFlush::directory(dir);
}

QString FileStore::extensionFor(const QString &format)
{
    if (format == u"jpeg")
        return u"jpg"_s;
    if (format == u"tiff")
        return u"tif"_s;
    return format.isEmpty() ? u"bin"_s : format;
}

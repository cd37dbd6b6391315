#include "filelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Result<FileLock> FileLock::acquire(const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Result<FileLock>::failure(u"cannot create %1"_s.arg(QFileInfo(path).path()));
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Result<FileLock>::failure(u"%1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(errno))));
    int locked = -1;
    do {
        locked = ::flock(fd, LOCK_EX);
    } while (locked != 0 && errno == EINTR);
    if (locked != 0) {
        const QString reason = QString::fromLocal8Bit(strerror(errno));
        ::close(fd);
        return Result<FileLock>::failure(u"%1: cannot lock: %2"_s.arg(path, reason));
    }
    return FileLock(fd);
}

FileLock::FileLock(FileLock &&other) noexcept : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

FileLock::~FileLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // closing the last descriptor releases the lock
}

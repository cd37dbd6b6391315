#include "diskflush.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

Status DiskFlush::file(QFileDevice &file)
{
    if (!file.flush())
        return Status::failure(file.fileName() + u": cannot write (" + file.errorString() + u')');
    if (::fsync(file.handle()) != 0) {
        const int error = errno;
        return Status::failure(file.fileName() + u": cannot flush to disk (" + systemError(error) + u')', error);
    }
    return {};
}

Status DiskFlush::file(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return Status::failure(path + u": cannot open (" + systemError(error) + u')', error);
    }
    const bool ok = ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok)
        return Status::failure(path + u": cannot flush to disk (" + systemError(error) + u')', error);
    return {};
}

Status DiskFlush::directory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return Status::failure(path + u": cannot open the folder (" + systemError(error) + u')', error);
    }
    const bool ok = ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok)
        return Status::failure(path + u": cannot flush the folder (" + systemError(error) + u')', error);
    return {};
}

Status DiskFlush::rename(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        const int error = errno;
        return Status::failure(u"cannot rename "_s + from + u" to " + to + u" (" + systemError(error) + u')', error);
    }
    return {};
}

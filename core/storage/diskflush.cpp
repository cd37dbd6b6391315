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

// fsync needs an open descriptor; a read-only one is enough, for files and folders alike.
Status flushByPath(const QString &path, int extraFlags, const QString &what)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | extraFlags);
    if (fd < 0) {
        const int error = errno;
        return Status::failure(path + u": cannot open the " + what + u" (" + systemError(error) + u')', error);
    }
    const bool ok = ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok)
        return Status::failure(path + u": cannot flush the " + what + u" to disk (" + systemError(error) + u')', error);
    return {};
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
    return flushByPath(path, 0, u"file"_s);
}

Status DiskFlush::directory(const QString &path)
{
    return flushByPath(path, O_DIRECTORY, u"folder"_s);
}

Status DiskFlush::rename(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        const int error = errno;
        return Status::failure(u"cannot rename "_s + from + u" to " + to + u" (" + systemError(error) + u')', error);
    }
    return {};
}

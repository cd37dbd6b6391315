#include "temporaryfolder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

// lstat(2): links are not followed, and the link count says whether the bytes go with the name.
std::optional<struct stat> statusOf(const QString &path)
{
    struct stat status = {};
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0)
        return std::nullopt;
    return status;
}

QDateTime modifiedOf(const struct stat &status)
{
    const qint64 ms = qint64(status.st_mtim.tv_sec) * 1000 + status.st_mtim.tv_nsec / 1000000;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// A file with other names (a backup's pin of an original) is counted, but its bytes and its
// time are the original's, not the entry's.
void add(TemporaryFolder::Entry &entry, const struct stat &status)
{
    const bool isDir = S_ISDIR(status.st_mode);
    entry.files += isDir ? 0 : 1;
    if (!isDir && status.st_nlink > 1)
        return;
    entry.bytes += isDir ? 0 : status.st_size;
    entry.modified = std::max(entry.modified, modifiedOf(status));
}

} // namespace

TemporaryFolder::TemporaryFolder(QString path, QStringList kept) : m_path(std::move(path)), m_kept(std::move(kept)) {}

QList<TemporaryFolder::Entry> TemporaryFolder::entries() const
{
    QList<Entry> found;
    const QStringList names =
        QDir(m_path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        if (m_kept.contains(name))
            continue;
        if (std::optional<Entry> now = entry(m_path + u'/' + name))
            found.append(*now);
    }
    return found;
}

std::optional<TemporaryFolder::Entry> TemporaryFolder::entry(const QString &path)
{
    const std::optional<struct stat> top = statusOf(path);
    if (!top)
        return std::nullopt;
    Entry entry{path, 0, 0, modifiedOf(*top)}; // its own time counts, whatever it is
    add(entry, *top);
    if (!S_ISDIR(top->st_mode))
        return entry;
    QDirIterator inside(path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
    while (inside.hasNext()) {
        if (const std::optional<struct stat> status = statusOf(inside.next()))
            add(entry, *status);
    }
    return entry;
}

bool TemporaryFolder::remove(const QString &path)
{
    const std::optional<struct stat> status = statusOf(path);
    if (status && S_ISDIR(status->st_mode))
        return QDir(path).removeRecursively();
    return QFile::remove(path);
}

#include "storedfiles.h"

#include "blobstore.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

StoredFiles::File fileOf(const QFileInfo &info, const QString &sha256, int rotation = 0)
{
    return {info.filePath(), sha256, rotation, info.size(), info.lastModified().toUTC()};
}

} // namespace

// BlobStore names a blob <root>/blobs/ab/<sha256>; the root is what comes before.
StoredFiles::StoredFiles(const BlobStore &store)
{
    const QString any(64, u'0');
    const QString path = store.path(any);
    m_root = path.left(path.size() - QString(u"/blobs/00/"_s + any).size());
}

QList<StoredFiles::File> StoredFiles::renditionsIn(const QString &dir, const QString &prefix) const
{
    static const QRegularExpression name(u"^([0-9a-f]{64})-[a-z]+-r([0-3])\\.jpg$"_s);
    QList<File> files;
    const QFileInfoList entries = QDir(dir).entryInfoList({prefix + u'*'}, QDir::Files);
    for (const QFileInfo &entry : entries) {
        const QRegularExpressionMatch match = name.match(entry.fileName());
        if (match.hasMatch())
            files.append(fileOf(entry, match.captured(1), match.captured(2).toInt()));
    }
    return files;
}

QList<StoredFiles::File> StoredFiles::renditions() const
{
    static const QRegularExpression fanOut(u"^[0-9a-f]{2}$"_s);
    QList<File> files;
    const QStringList dirs = QDir(m_root + u"/renditions"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &dir : dirs) {
        if (fanOut.match(dir).hasMatch())
            files.append(renditionsIn(m_root + u"/renditions/"_s + dir, {}));
    }
    return files;
}

QList<StoredFiles::File> StoredFiles::renditionsOf(const QString &sha256) const
{
    return renditionsIn(m_root + u"/renditions/"_s + sha256.left(2), sha256 + u'-');
}

QList<StoredFiles::File> StoredFiles::partialUploads(qint64 workspaceId) const
{
    const QString prefix = QString::number(workspaceId) + u'-';
    QList<File> files;
    const QFileInfoList entries = QDir(m_root + u"/uploads"_s).entryInfoList({prefix + u"*.part"_s}, QDir::Files);
    for (const QFileInfo &entry : entries) {
        const QString sha256 = entry.fileName().mid(prefix.size()).section(u'.', 0, 0); // <sha256>.<total>.part
        if (BlobStore::isSha256(sha256))
            files.append(fileOf(entry, sha256));
    }
    return files;
}

bool StoredFiles::hasPartialUpload(const QString &sha256) const
{
    return !QDir(m_root + u"/uploads"_s).entryList({u"*-"_s + sha256 + u".*part"_s}, QDir::Files).isEmpty();
}

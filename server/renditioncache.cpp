#include "renditioncache.h"

#include "blobstore.h"
#include "filenamepattern.h"
#include "imaging/imagingpool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// The cache's layout under its root: renditions/<fan-out>/<sha256>-<size>-r<rotation>.jpg,
// the fan-out folder being fanOutOf(sha256), and renditions/tmp/ for the worker.
const QString kRenditions = u"/renditions/"_s;
const QString kWork = u"tmp"_s;

const FileNamePattern &renditionName()
{
    static const FileNamePattern pattern(u"%1-%2-r%3.jpg"_s, {u"[0-9a-f]{64}"_s, u"[a-z]+"_s, u"[0-3]"_s});
    return pattern;
}

QString fanOutOf(const QString &sha256)
{
    return sha256.left(2);
}

// The seed's six sizes; four are the desktop's own renditions (same long side and quality).
RenditionSpec specFor(const QString &size)
{
    if (size == u"icon"_s)
        return {size, 64, 65, false};
    if (size == u"small"_s)
        return {size, 150, 65, false};
    if (size == u"card"_s)
        return {size, 300, 70, false};
    if (size == u"medium"_s)
        return {size, 500, 75, false};
    if (size == u"gallery"_s)
        return {size, 800, 80, false};
    return {u"large"_s, 1024, 85, true};
}

} // namespace

const QStringList RenditionCache::kSizes = {u"icon"_s, u"small"_s, u"card"_s, u"medium"_s, u"gallery"_s, u"large"_s};

RenditionCache::RenditionCache(QString root, BlobStore &blobs, ImagingPool &pool)
    : m_root(std::move(root)), m_blobs(blobs), m_pool(pool)
{}

QString RenditionCache::path(const QString &sha256, const QString &size, int rotation) const
{
    return m_root + kRenditions + fanOutOf(sha256) + u'/' +
           renditionName().name({sha256, size, QString::number(rotation)});
}

QString RenditionCache::workDir() const
{
    return m_root + kRenditions + kWork;
}

QList<RenditionCache::Rendition> RenditionCache::renditionsIn(const QString &fanOut, const QStringList &fields) const
{
    QList<Rendition> found;
    const QString dir = m_root + kRenditions + fanOut;
    const QFileInfoList files = QDir(dir).entryInfoList({renditionName().filter(fields)}, QDir::Files);
    for (const QFileInfo &file : files) {
        const std::optional<QStringList> named = renditionName().fields(file.fileName());
        if (named && fanOutOf(named->at(0)) == fanOut)
            found.append({file.filePath(), named->at(0), named->at(1), named->at(2).toInt(), file.size(),
                          file.lastModified().toUTC()});
    }
    return found;
}

QList<RenditionCache::Rendition> RenditionCache::renditions() const
{
    QList<Rendition> found;
    const QStringList dirs = QDir(m_root + kRenditions).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &dir : dirs)
        found.append(renditionsIn(dir, {}));
    return found;
}

QList<RenditionCache::Rendition> RenditionCache::renditionsOf(const QString &sha256) const
{
    return renditionsIn(fanOutOf(sha256), {sha256});
}

TemporaryFolder RenditionCache::temporaryFolder() const
{
    return TemporaryFolder(workDir());
}

Result<QString> RenditionCache::file(const QString &sha256, const QString &size, int rotation)
{
    const QString target = path(sha256, size, rotation);
    if (QFileInfo::exists(target))
        return target;
    const QMutexLocker locked(&m_locks[qHash(target) % m_locks.size()]);
    if (QFileInfo::exists(target)) // made while this request waited
        return target;
    return make(sha256, size, rotation, target);
}

Result<QString> RenditionCache::make(const QString &sha256, const QString &size, int rotation, const QString &target)
{
    const QString work = workDir();
    if (!QDir().mkpath(work) || !QDir().mkpath(QFileInfo(target).path()))
        return Result<QString>::failure(u"cannot create %1"_s.arg(QFileInfo(target).path()));
    ImagingRequest request;
    request.sourcePath = m_blobs.path(sha256);
    request.displayName = sha256;
    request.outputDir = work;
    request.rotationQuarterTurns = rotation;
    request.renditions = {specFor(size)};
    const ImagingResult made = m_pool.processInPool(request);
    if (!made.ok || made.renditions.isEmpty())
        return Result<QString>::failure(made.error.isEmpty() ? u"%1: no rendition was made"_s.arg(sha256) : made.error);
    if (::rename(QFile::encodeName(made.renditions.constFirst().path).constData(),
                 QFile::encodeName(target).constData()) != 0) {
        QFile::remove(made.renditions.constFirst().path);
        return Result<QString>::failure(u"cannot move the rendition to %1"_s.arg(target));
    }
    return target;
}

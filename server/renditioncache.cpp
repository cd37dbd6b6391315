#include "renditioncache.h"

#include "blobstore.h"
#include "imaging/imagingpool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

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
    return m_root + u"/renditions/"_s + sha256.left(2) + u'/' + sha256 + u'-' + size + u"-r"_s +
           QString::number(rotation) + u".jpg"_s;
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
    const QString work = m_root + u"/renditions/tmp"_s;
    if (!QDir().mkpath(work) || !QDir().mkpath(QFileInfo(target).path()))
        return Result<QString>::failure(u"cannot create %1"_s.arg(QFileInfo(target).path()));
    ImagingRequest request;
    request.sourcePath = m_blobs.path(sha256);
    request.displayName = sha256;
    request.outputDir = work;
    request.rotationQuarterTurns = rotation;
    request.renditions = {specFor(size)};
    const ImagingResult made = m_pool.process(request);
    if (!made.ok || made.renditions.isEmpty())
        return Result<QString>::failure(made.error.isEmpty() ? u"%1: no rendition was made"_s.arg(sha256) : made.error);
    if (::rename(QFile::encodeName(made.renditions.constFirst().path).constData(),
                 QFile::encodeName(target).constData()) != 0) {
        QFile::remove(made.renditions.constFirst().path);
        return Result<QString>::failure(u"cannot move the rendition to %1"_s.arg(target));
    }
    return target;
}

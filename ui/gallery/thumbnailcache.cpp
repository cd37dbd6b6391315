#include "gallery/thumbnailcache.h"

#include <QImageReader>
#include <QMetaObject>
#include <QMutexLocker>

namespace {

qint64 pixmapBytes(const QPixmap &pixmap)
{
    return qint64(pixmap.width()) * pixmap.height() * 4;
}

// Thumbnails are small JPEGs written by Vitrine, but a damaged or foreign file must not
// take the view down: the reader's own allocation limit guards the decode.
QImage readThumbnail(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(false); // renditions are stored upright
    reader.setAllocationLimit(64);
    return reader.read();
}

} // namespace

ThumbnailCache::ThumbnailCache(qint64 budgetBytes, QObject *parent) : QObject(parent)
{
    m_pixmaps.setMaxCost(budgetBytes);
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    m_pool.setObjectName(QStringLiteral("thumbnails"));
}

ThumbnailCache::~ThumbnailCache()
{
    dropQueued();
    m_pool.waitForDone();
}

void ThumbnailCache::setBudget(qint64 bytes)
{
    m_pixmaps.setMaxCost(bytes);
}

qint64 ThumbnailCache::budget() const
{
    return m_pixmaps.maxCost();
}

qint64 ThumbnailCache::usedBytes() const
{
    return m_pixmaps.totalCost();
}

QPixmap ThumbnailCache::find(const QString &path)
{
    if (const QPixmap *pixmap = m_pixmaps.object(path))
        return *pixmap;
    if (!path.isEmpty() && !m_failed.contains(path))
        request(path);
    return {};
}

bool ThumbnailCache::contains(const QString &path) const
{
    return m_pixmaps.contains(path);
}

void ThumbnailCache::request(const QString &path)
{
    if (m_pending.contains(path))
        return;
    m_pending.insert(path);
    {
        QMutexLocker lock(&m_mutex);
        m_queue.append(path);
    }
    startLoaders();
}

void ThumbnailCache::startLoaders()
{
    QMutexLocker lock(&m_mutex);
    while (m_loaders < m_pool.maxThreadCount() && m_loaders < m_queue.size()) {
        ++m_loaders;
        m_pool.start([this] { loadQueued(); });
    }
}

// Runs on a pool thread until the queue is empty.
void ThumbnailCache::loadQueued()
{
    for (;;) {
        QString path;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.isEmpty()) {
                --m_loaders;
                return;
            }
            path = m_queue.takeLast();
        }
        const QImage image = readThumbnail(path);
        QMetaObject::invokeMethod(this, [this, path, image] { deliver(path, image); }, Qt::QueuedConnection);
    }
}

void ThumbnailCache::deliver(const QString &path, const QImage &image)
{
    m_pending.remove(path);
    if (image.isNull()) {
        m_failed.insert(path);
    } else {
        auto *pixmap = new QPixmap(QPixmap::fromImage(image));
        m_pixmaps.insert(path, pixmap, pixmapBytes(*pixmap));
    }
    emit loaded(path);
}

void ThumbnailCache::dropQueued()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &path : std::as_const(m_queue))
        m_pending.remove(path);
    m_queue.clear();
}

int ThumbnailCache::queuedCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

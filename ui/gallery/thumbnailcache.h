#pragma once

#include <QCache>
#include <QMutex>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QStringList>
#include <QThreadPool>

// Decoded thumbnails by file path, within a memory budget (least recently used go first).
// A miss queues a load on a background pool; the newest request is served first, because
// it is what the user is looking at now, and dropQueued() forgets requests for cells that
// scrolled away before a loader got to them. Rendition files are content-addressed, so a
// path always names the same pixels and a cached entry never goes stale.
class ThumbnailCache final : public QObject
{
    Q_OBJECT
public:
    explicit ThumbnailCache(qint64 budgetBytes, QObject *parent = nullptr);
    ~ThumbnailCache() override;
    Q_DISABLE_COPY_MOVE(ThumbnailCache)

    void setBudget(qint64 bytes);
    qint64 budget() const;
    qint64 usedBytes() const;

    // The thumbnail if it is in memory; otherwise a null pixmap and a load is queued.
    QPixmap find(const QString &path);
    bool contains(const QString &path) const;
    void dropQueued();
    int queuedCount() const;
    // Files that could not be read are not asked for again (until clearFailures()).
    bool failed(const QString &path) const { return m_failed.contains(path); }
    void clearFailures() { m_failed.clear(); }

signals:
    void loaded(const QString &path);

private:
    void request(const QString &path);
    void startLoaders();
    void loadQueued();
    void deliver(const QString &path, const QImage &image);

    QCache<QString, QPixmap> m_pixmaps; // cost: bytes
    QSet<QString> m_pending; // queued or being loaded (GUI thread)
    QSet<QString> m_failed;
    mutable QMutex m_mutex; // guards m_queue and m_loaders
    QStringList m_queue; // newest last
    int m_loaders = 0;
    QThreadPool m_pool;
};

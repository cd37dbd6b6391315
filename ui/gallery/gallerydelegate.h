#pragma once

#include <QStyledItemDelegate>

class ThumbnailCache;
struct GalleryItem;

// Paints one gallery cell: the thumbnail (from the cache, never from disk), a star on the
// primary image, badges for the image type and the front view, the caption, and a corner
// kept free for the sync state. A thumbnail not in memory yet is asked for and a quiet
// placeholder painted; the view repaints when it arrives.
class GalleryDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    GalleryDelegate(ThumbnailCache *cache, QObject *parent = nullptr);

    void setFilesRoot(const QString &root) { m_filesRoot = root; }
    void setThumbnailSize(int pixels);
    int thumbnailSize() const { return m_thumbnailSize; }
    // The smallest rendition at least as large as the cells (thumb150/300/500).
    QString renditionName() const;
    QString thumbnailPath(const GalleryItem &item) const;

    // Cells painted since the last reset whose thumbnail was not in memory.
    int misses() const { return m_misses; }
    void resetMisses() { m_misses = 0; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize cellSize(const QFont &font) const;

private:
    void paintThumbnail(QPainter *painter, const QRect &area, const GalleryItem *item) const;
    void paintBadges(QPainter *painter, const QRect &area, const GalleryItem &item) const;
    static void paintStar(QPainter *painter, const QRectF &box);

    ThumbnailCache *m_cache;
    QString m_filesRoot;
    int m_thumbnailSize = 150;
    qreal m_devicePixelRatio = 1.0;
    mutable int m_misses = 0;
};

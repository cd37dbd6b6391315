#include "gallery/gallerydelegate.h"

#include "catalog/galleryitem.h"
#include "gallery/gallerymodel.h"
#include "gallery/thumbnailcache.h"
#include "storage/filestore.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

namespace {

constexpr int kPadding = 6;
constexpr int kCaptionGap = 4;

} // namespace

GalleryDelegate::GalleryDelegate(ThumbnailCache *cache, QObject *parent) : QStyledItemDelegate(parent), m_cache(cache)
{
}

void GalleryDelegate::setThumbnailSize(int pixels)
{
    m_thumbnailSize = std::clamp(pixels, 64, 500);
    m_devicePixelRatio = qApp ? qApp->devicePixelRatio() : 1.0;
}

QString GalleryDelegate::renditionName() const
{
    const int wanted = qCeil(m_thumbnailSize * m_devicePixelRatio);
    if (wanted <= 150)
        return QStringLiteral("thumb150");
    if (wanted <= 300)
        return QStringLiteral("thumb300");
    return QStringLiteral("thumb500");
}

// The rendition for this cell size, else the nearest one the image has.
QString GalleryDelegate::thumbnailPath(const GalleryItem &item) const
{
    if (item.renditions.isEmpty() || m_filesRoot.isEmpty())
        return {};
    const QString wanted = renditionName();
    const RenditionRecord *best = nullptr;
    for (const RenditionRecord &rendition : item.renditions) {
        if (rendition.name == wanted) {
            best = &rendition;
            break;
        }
        if (rendition.name.startsWith(QLatin1String("thumb")) && (!best || rendition.name > best->name))
            best = &rendition;
    }
    if (!best)
        best = &item.renditions.constFirst();
    return FileStore(m_filesRoot).renditionPath(item.sha256, best->name, best->sha256);
}

QSize GalleryDelegate::cellSize(const QFont &font) const
{
    const QFontMetrics metrics(font);
    return {m_thumbnailSize + 2 * kPadding, m_thumbnailSize + 2 * kPadding + kCaptionGap + metrics.height()};
}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return cellSize(option.font);
}

void GalleryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *model = qobject_cast<const GalleryModel *>(index.model());
    const GalleryItem *item = model ? model->item(index.row()) : nullptr;
    painter->save();
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect cell = option.rect.adjusted(1, 1, -1, -1);
    if (selected || (option.state & QStyle::State_MouseOver)) {
        painter->setRenderHint(QPainter::Antialiasing);
        QColor fill = palette.color(QPalette::Highlight);
        fill.setAlpha(selected ? 90 : 35);
        painter->setPen(selected ? QPen(palette.color(QPalette::Highlight), 1.5) : Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(cell, 6, 6);
    }
    const QRect thumbArea(cell.left() + kPadding - 1, cell.top() + kPadding - 1, m_thumbnailSize, m_thumbnailSize);
    paintThumbnail(painter, thumbArea, item);
    if (item) {
        paintBadges(painter, thumbArea, *item);
        const QRect captionArea(cell.left() + 2, thumbArea.bottom() + kCaptionGap, cell.width() - 4,
                                option.fontMetrics.height());
        const QString caption = item->caption.isEmpty() ? item->originalName : item->caption;
        painter->setPen(palette.color(selected ? QPalette::Text : QPalette::Text));
        painter->setFont(option.font);
        painter->drawText(captionArea, Qt::AlignHCenter | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(caption, Qt::ElideRight, captionArea.width()));
    }
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(cell.adjusted(1, 1, -1, -1), 5, 5);
    }
    painter->restore();
}

void GalleryDelegate::paintThumbnail(QPainter *painter, const QRect &area, const GalleryItem *item) const
{
    const QString path = item ? thumbnailPath(*item) : QString();
    const QPixmap pixmap = path.isEmpty() ? QPixmap() : m_cache->find(path);
    if (pixmap.isNull()) {
        if (!item || !m_cache->failed(path))
            ++m_misses;
        painter->fillRect(area.adjusted(8, 8, -8, -8), QColor(128, 128, 128, 40));
        return;
    }
    QSize size = pixmap.size() / pixmap.devicePixelRatio();
    size.scale(area.size(), Qt::KeepAspectRatio);
    if (size.width() > pixmap.width() && size.height() > pixmap.height())
        size = pixmap.size(); // never blow a small rendition up
    const QRect target(area.left() + (area.width() - size.width()) / 2, area.top() + (area.height() - size.height()) / 2,
                       size.width(), size.height());
    painter->setRenderHint(QPainter::SmoothPixmapTransform, target.size() != pixmap.size());
    painter->drawPixmap(target, pixmap);
}

void GalleryDelegate::paintBadges(QPainter *painter, const QRect &area, const GalleryItem &item) const
{
    painter->setRenderHint(QPainter::Antialiasing);
    if (item.primary)
        paintStar(painter, QRectF(area.left() + 2, area.top() + 2, 22, 22));
    QFont small = painter->font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    painter->setFont(small);
    const QFontMetrics metrics(small);
    int x = area.left() + 3;
    const auto badge = [&](const QString &text, const QColor &colour) {
        const int width = metrics.horizontalAdvance(text) + 8;
        const QRect box(x, area.bottom() - metrics.height() - 4, std::min(width, area.right() - x), metrics.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(box, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, box.width() - 4));
        x += width + 3;
    };
    if (!item.imageType.isEmpty())
        badge(item.imageType, QColor(40, 70, 120, 200));
    if (item.front)
        badge(GalleryDelegate::tr("Front"), QColor(20, 110, 60, 210));
}

void GalleryDelegate::paintStar(QPainter *painter, const QRectF &box)
{
    QPainterPath star;
    const QPointF centre = box.center();
    const qreal outer = box.width() / 2;
    for (int i = 0; i < 10; ++i) {
        const qreal radius = i % 2 == 0 ? outer : outer * 0.45;
        const qreal angle = -M_PI / 2 + i * M_PI / 5;
        const QPointF point(centre.x() + radius * std::cos(angle), centre.y() + radius * std::sin(angle));
        if (i == 0)
            star.moveTo(point);
        else
            star.lineTo(point);
    }
    star.closeSubpath();
    painter->setPen(QPen(QColor(120, 80, 0), 1));
    painter->setBrush(QColor(255, 196, 0));
    painter->drawPath(star);
}

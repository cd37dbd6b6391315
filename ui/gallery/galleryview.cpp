#include "gallery/galleryview.h"

#include "gallery/gallerydelegate.h"
#include "gallery/gallerymodel.h"
#include "gallery/thumbnailcache.h"

#include <QDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>

namespace {

constexpr qint64 kDefaultBudget = 256ll * 1024 * 1024;

// Files from the file manager, not images dragged within Vitrine.
bool isFileDrop(const QMimeData *data)
{
    return data && data->hasUrls() && !data->hasFormat(GalleryModel::kImageIdsMime);
}

} // namespace

GalleryView::GalleryView(QWidget *parent)
    : QListView(parent), m_cache(new ThumbnailCache(kDefaultBudget, this)), m_delegate(new GalleryDelegate(m_cache, this))
{
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static); // drops go to the model, which keeps the order
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true);
    setLayoutMode(QListView::Batched);
    setBatchSize(2000);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setDropIndicatorShown(true);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true); // setMovement(Static) turned it off
    setWordWrap(false);
    setMouseTracking(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setItemDelegate(m_delegate);
    setAccessibleName(tr("Gallery"));
    connect(m_cache, &ThumbnailCache::loaded, viewport(), qOverload<>(&QWidget::update));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, m_cache, &ThumbnailCache::dropQueued);
    connect(this, &QListView::activated, this, [this](const QModelIndex &index) {
        if (m_model && index.isValid())
            emit openRequested(m_model->imageId(index.row()));
    });
    updateGrid();
}

void GalleryView::setGalleryModel(GalleryModel *model)
{
    m_model = model;
    setModel(model);
}

void GalleryView::setFilesRoot(const QString &root)
{
    m_delegate->setFilesRoot(root);
    m_cache->clearFailures();
    viewport()->update();
}

void GalleryView::setThumbnailSize(int pixels)
{
    m_delegate->setThumbnailSize(pixels);
    m_cache->dropQueued();
    updateGrid();
}

int GalleryView::thumbnailSize() const
{
    return m_delegate->thumbnailSize();
}

void GalleryView::updateGrid()
{
    const QSize cell = m_delegate->cellSize(font());
    setGridSize(cell + QSize(6, 6));
    scheduleDelayedItemsLayout();
    viewport()->update();
}

QList<qint64> GalleryView::selectedImageIds() const
{
    QList<qint64> ids;
    if (!m_model)
        return ids;
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows))
        ids.append(m_model->imageId(index.row()));
    return ids;
}

qint64 GalleryView::currentImageId() const
{
    return m_model && currentIndex().isValid() ? m_model->imageId(currentIndex().row()) : 0;
}

void GalleryView::selectImage(qint64 imageId)
{
    if (!m_model)
        return;
    const int row = m_model->rowOf(imageId);
    if (row < 0)
        return;
    setCurrentIndex(m_model->index(row));
    scrollTo(m_model->index(row));
}

std::pair<int, int> GalleryView::visibleRows() const
{
    if (!m_model || m_model->rowCount() == 0)
        return {-1, -1};
    const QRect area = viewport()->rect();
    int first = indexAt(area.topLeft() + QPoint(2, 2)).row();
    if (first < 0)
        first = 0;
    int last = first;
    const int rows = m_model->rowCount();
    while (last + 1 < rows && visualRect(m_model->index(last + 1)).intersects(area))
        ++last;
    return {first, last};
}

void GalleryView::paintEvent(QPaintEvent *event)
{
    m_delegate->resetMisses();
    QListView::paintEvent(event);
    if (m_model && m_model->rowCount() > 0 && m_delegate->misses() == 0 && !m_model->isLoading())
        emit thumbnailsComplete();
}

void GalleryView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        emit openRequested(currentImageId());
        return;
    }
    QListView::keyPressEvent(event);
}

// Dragging out of a collection links images to an entity; only an entity's own gallery
// can be reordered, so only there is the drag a move.
void GalleryView::startDrag(Qt::DropActions supportedActions)
{
    if (m_model && !m_model->canReorder())
        supportedActions &= ~Qt::MoveAction;
    QListView::startDrag(supportedActions | Qt::LinkAction);
}

// Files dropped from outside import into what is in view wherever they land: the icon
// view's own drop handling would reject drops between cells or beside the last one.
void GalleryView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!isFileDrop(event->mimeData()))
        return QListView::dragEnterEvent(event);
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void GalleryView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!isFileDrop(event->mimeData()))
        return QListView::dragMoveEvent(event);
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void GalleryView::dropEvent(QDropEvent *event)
{
    if (!isFileDrop(event->mimeData()) || !m_model)
        return QListView::dropEvent(event);
    event->setDropAction(Qt::CopyAction);
    if (m_model->dropMimeData(event->mimeData(), Qt::CopyAction, -1, 0, {}))
        event->accept();
    else
        event->ignore();
}

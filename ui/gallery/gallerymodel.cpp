#include "gallery/gallerymodel.h"
#include "common/whenready.h"

#include "catalog/catalogthread.h"

#include <QFuture>
#include <QMimeData>
#include <QUrl>

namespace {

QByteArray encodeIds(const QList<qint64> &ids)
{
    QByteArray bytes;
    for (qint64 id : ids)
        bytes += QByteArray::number(id) + ' ';
    return bytes;
}

} // namespace

GalleryModel::GalleryModel(QObject *parent) : QAbstractListModel(parent)
{
    m_items.setMaxCost(20000);
}

void GalleryModel::setCatalog(CatalogThread *catalog)
{
    m_catalog = catalog;
    ++m_generation;
    beginResetModel();
    m_ids.clear();
    m_rowOf.clear();
    m_items.clear();
    m_blocksInFlight.clear();
    endResetModel();
    if (m_catalog)
        setSelection(m_selection);
}

void GalleryModel::setSelection(const GallerySelection &selection)
{
    m_selection = selection;
    ++m_generation;
    m_items.clear();
    m_blocksInFlight.clear();
    reload();
}

void GalleryModel::setSort(GallerySort sort)
{
    if (sort == m_sort)
        return;
    m_sort = sort;
    ++m_generation; // a new order: start from the top, like a new selection
    reload();
}

bool GalleryModel::canReorder() const
{
    return m_selection.kind == GallerySelection::Kind::Entity && m_sort == GallerySort::Order;
}

void GalleryModel::reload(const QList<qint64> &changedImages)
{
    if (!m_catalog)
        return;
    if (changedImages.isEmpty())
        markAllStale();
    else
        markStale(changedImages);
    m_loading = true;
    const int generation = m_generation;
    const bool replace = m_ids.isEmpty() || m_lastAppliedGeneration != generation;
    const GallerySelection selection = m_selection;
    const GallerySort sort = m_sort;
    whenReady(this, m_catalog->run([selection, sort](Catalog &catalog) { return catalog.galleryImageIds(selection, sort); }),
        [this, generation, replace](const Result<QList<qint64>> &ids) {
            if (generation != m_generation)
                return;
            if (!ids.ok())
                qWarning().noquote() << ids.error();
            applyIds(generation, ids.ok() ? ids.value() : QList<qint64>(), replace);
        });
}

void GalleryModel::applyIds(int generation, const QList<qint64> &ids, bool replace)
{
    m_lastAppliedGeneration = generation;
    m_blocksInFlight.clear();
    if (replace) {
        replaceIds(ids);
    } else if (ids != m_ids) {
        const QSet<qint64> wanted(ids.cbegin(), ids.cend());
        removeVanished(wanted);
        const QSet<qint64> existing(m_ids.cbegin(), m_ids.cend());
        arrangeSurvivors(ids, existing);
        insertNew(ids);
    }
    m_loading = false;
    if (!m_ids.isEmpty())
        emit dataChanged(index(0), index(int(m_ids.size()) - 1));
    emit loaded();
}

void GalleryModel::replaceIds(const QList<qint64> &ids)
{
    beginResetModel();
    m_ids = ids;
    rebuildRowIndex();
    endResetModel();
}

// Removes the rows whose images left the gallery, in runs, from the bottom up.
void GalleryModel::removeVanished(const QSet<qint64> &kept)
{
    int row = int(m_ids.size()) - 1;
    while (row >= 0) {
        if (kept.contains(m_ids.at(row))) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && !kept.contains(m_ids.at(row - 1)))
            --row;
        beginRemoveRows({}, row, last);
        m_ids.remove(row, last - row + 1);
        endRemoveRows();
        --row;
    }
    rebuildRowIndex();
}

// Puts the remaining rows in their new relative order, carrying selection and current
// item along (a layout change, not a reset).
void GalleryModel::arrangeSurvivors(const QList<qint64> &ids, const QSet<qint64> &existing)
{
    QList<qint64> arranged;
    arranged.reserve(m_ids.size());
    for (qint64 id : ids) {
        if (existing.contains(id))
            arranged.append(id);
    }
    if (arranged == m_ids)
        return;
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<qint64> beforeIds;
    for (const QModelIndex &index : before)
        beforeIds.append(imageId(index.row()));
    m_ids = arranged;
    rebuildRowIndex();
    QModelIndexList after;
    for (qint64 id : std::as_const(beforeIds))
        after.append(index(rowOf(id)));
    changePersistentIndexList(before, after);
    emit layoutChanged();
}

// Inserts the images that joined, in runs, at their places in ids.
void GalleryModel::insertNew(const QList<qint64> &ids)
{
    int row = 0;
    while (row < ids.size()) {
        if (row < m_ids.size() && m_ids.at(row) == ids.at(row)) {
            ++row;
            continue;
        }
        int end = row;
        while (end < ids.size() && !m_rowOf.contains(ids.at(end)))
            ++end;
        if (end == row) { // cannot happen when survivors are in order; keep the view right anyway
            replaceIds(ids);
            return;
        }
        beginInsertRows({}, row, end - 1);
        m_ids.insert(row, end - row, 0);
        for (int i = row; i < end; ++i)
            m_ids[i] = ids.at(i);
        endInsertRows();
        for (int i = row; i < end; ++i)
            m_rowOf.insert(ids.at(i), -1); // known from now on; rebuilt below
        row = end;
    }
    rebuildRowIndex();
}

void GalleryModel::rebuildRowIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_ids.size());
    for (int row = 0; row < m_ids.size(); ++row)
        m_rowOf.insert(m_ids.at(row), row);
}

int GalleryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

qint64 GalleryModel::imageId(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0;
}

int GalleryModel::rowOf(qint64 imageId) const
{
    return m_rowOf.value(imageId, -1);
}

const GalleryItem *GalleryModel::item(int row) const
{
    const qint64 id = imageId(row);
    if (id == 0)
        return nullptr;
    const Facts *facts = m_items.object(id);
    if (!facts || facts->epoch < m_factsEpoch)
        fetchBlock(row / kBlockRows);
    return facts ? &facts->item : nullptr;
}

void GalleryModel::fetchBlock(int block) const
{
    if (!m_catalog || m_blocksInFlight.contains(block))
        return;
    m_blocksInFlight.insert(block);
    const QList<qint64> ids = m_ids.mid(qsizetype(block) * kBlockRows, kBlockRows);
    const qint64 context = m_selection.kind == GallerySelection::Kind::Entity ? m_selection.entityId : 0;
    const int generation = m_generation;
    const int epoch = m_factsEpoch;
    auto *self = const_cast<GalleryModel *>(this);
    whenReady(self, m_catalog->run([ids, context](Catalog &catalog) { return catalog.galleryItems(ids, context); }),
        [self, block, generation, epoch](const Result<QList<GalleryItem>> &items) {
            self->m_blocksInFlight.remove(block);
            if (!items.ok()) {
                qWarning().noquote() << items.error();
                return;
            }
            self->storeItems(generation, epoch, items.value());
        });
}

void GalleryModel::storeItems(int generation, int epoch, const QList<GalleryItem> &items)
{
    if (generation != m_generation)
        return;
    int first = int(m_ids.size());
    int last = -1;
    for (const GalleryItem &item : items) {
        m_items.insert(item.id, new Facts{item, epoch});
        const int row = rowOf(item.id);
        if (row >= 0) {
            first = std::min(first, row);
            last = std::max(last, row);
        }
    }
    if (last >= first)
        emit dataChanged(index(first), index(last));
}

void GalleryModel::markStale(const QList<qint64> &imageIds)
{
    for (qint64 id : imageIds) {
        if (Facts *facts = m_items.object(id))
            facts->epoch = -1;
    }
}

void GalleryModel::markAllStale()
{
    ++m_factsEpoch;
}

QVariant GalleryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == ImageIdRole)
        return imageId(index.row());
    const GalleryItem *facts = item(index.row());
    if (!facts)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return facts->caption.isEmpty() ? facts->originalName : facts->caption;
    case Qt::ToolTipRole:
        return facts->caption.isEmpty() ? facts->originalName : facts->caption + u'\n' + facts->originalName;
    case Qt::AccessibleTextRole:
        return facts->primary ? tr("%1 (primary image)").arg(facts->caption.isEmpty() ? facts->originalName : facts->caption)
                              : (facts->caption.isEmpty() ? facts->originalName : facts->caption);
    case PrimaryRole:
        return facts->primary;
    case FrontRole:
        return facts->front;
    case ImageTypeRole:
        return facts->imageType;
    case SyncStateRole:
        return QString();
    default:
        return {};
    }
}

Qt::ItemFlags GalleryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (!index.isValid())
        return flags | Qt::ItemIsDropEnabled;
    return flags | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
}

Qt::DropActions GalleryModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction | Qt::LinkAction;
}

QStringList GalleryModel::mimeTypes() const
{
    return {kImageIdsMime, QStringLiteral("text/uri-list")};
}

QMimeData *GalleryModel::mimeData(const QModelIndexList &indexes) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && ids.size() < kMimeLimit)
            ids.append(imageId(index.row()));
    }
    std::sort(ids.begin(), ids.end(), [this](qint64 a, qint64 b) { return rowOf(a) < rowOf(b); });
    auto *data = new QMimeData;
    data->setData(kImageIdsMime, encodeIds(ids));
    return data;
}

QList<qint64> GalleryModel::idsFromMime(const QMimeData *data)
{
    QList<qint64> ids;
    if (!data)
        return ids;
    for (const QByteArray &part : data->data(kImageIdsMime).split(' ')) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (ok && id > 0)
            ids.append(id);
    }
    return ids;
}

bool GalleryModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &) const
{
    if (!data)
        return false;
    if (data->hasFormat(kImageIdsMime))
        return canReorder();
    return data->hasUrls();
}

bool GalleryModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    if (data->hasFormat(kImageIdsMime)) {
        const int destination = parent.isValid() ? parent.row() : (row < 0 ? int(m_ids.size()) : row);
        const QList<qint64> before = m_ids;
        moveImages(idsFromMime(data), destination);
        if (m_ids != before)
            emit reorderRequested(m_selection.entityId, before, m_ids);
        return false; // the move is done here; the view must not remove the dragged rows
    }
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty())
        emit filesDropped(paths);
    return !paths.isEmpty();
}

void GalleryModel::moveImages(const QList<qint64> &ids, int destinationRow)
{
    QList<qint64> moving;
    for (qint64 id : ids) {
        if (m_rowOf.contains(id) && !moving.contains(id))
            moving.append(id);
    }
    if (moving.isEmpty())
        return;
    const QSet<qint64> movingSet(moving.cbegin(), moving.cend());
    QList<qint64> order;
    int insertAt = 0;
    for (int row = 0; row < m_ids.size(); ++row) {
        if (row == destinationRow)
            insertAt = int(order.size());
        if (!movingSet.contains(m_ids.at(row)))
            order.append(m_ids.at(row));
    }
    if (destinationRow >= m_ids.size())
        insertAt = int(order.size());
    for (qsizetype i = 0; i < moving.size(); ++i)
        order.insert(insertAt + i, moving.at(i));
    const QSet<qint64> all(m_ids.cbegin(), m_ids.cend());
    arrangeSurvivors(order, all);
}

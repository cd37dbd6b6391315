#include "sidebar/entitylistmodel.h"
#include "common/whenready.h"

#include "catalog/catalogthread.h"
#include "gallery/gallerymodel.h"

#include <QMimeData>
#include <QUrl>

EntityListModel::EntityListModel(QObject *parent) : QAbstractListModel(parent) {}

void EntityListModel::setCatalog(CatalogThread *catalog)
{
    m_catalog = catalog;
    reload();
}

void EntityListModel::setKind(std::optional<EntityKind> kind)
{
    m_kind = kind;
    reload();
}

void EntityListModel::setFilter(const QString &filter)
{
    m_filter = filter;
    reload();
}

void EntityListModel::reload()
{
    const int generation = ++m_generation;
    if (!m_catalog || !m_kind) {
        apply(generation, {});
        return;
    }
    const EntityKind kind = *m_kind;
    const QString filter = m_filter;
    whenReady(this, m_catalog->run([kind, filter](Catalog &catalog) { return catalog.entities(kind, filter); }),
              [this, generation](const QList<Entity> &entities) { apply(generation, entities); });
}

// Keeps the view's selection when the list is the same entities again (a count changed).
void EntityListModel::apply(int generation, const QList<Entity> &entities)
{
    if (generation != m_generation)
        return;
    const bool sameRows = entities.size() == m_entities.size() &&
                          std::equal(entities.cbegin(), entities.cend(), m_entities.cbegin(),
                                     [](const Entity &a, const Entity &b) { return a.id == b.id; });
    if (sameRows) {
        m_entities = entities;
        if (!m_entities.isEmpty())
            emit dataChanged(index(0), index(int(m_entities.size()) - 1));
    } else {
        beginResetModel();
        m_entities = entities;
        endResetModel();
    }
    emit loaded();
}

qint64 EntityListModel::entityId(int row) const
{
    return row >= 0 && row < m_entities.size() ? m_entities.at(row).id : 0;
}

int EntityListModel::rowOf(qint64 entityId) const
{
    for (int row = 0; row < m_entities.size(); ++row) {
        if (m_entities.at(row).id == entityId)
            return row;
    }
    return -1;
}

std::optional<Entity> EntityListModel::entity(int row) const
{
    if (row < 0 || row >= m_entities.size())
        return std::nullopt;
    return m_entities.at(row);
}

int EntityListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entities.size());
}

QVariant EntityListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entity &entity = m_entities.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entity.name.isEmpty() || entity.name == entity.key
                   ? tr("%1 (%2)").arg(entity.key).arg(entity.imageCount)
                   : tr("%1 — %2 (%3)").arg(entity.key, entity.name).arg(entity.imageCount);
    case Qt::ToolTipRole:
        return tr("%1 %2: %n image(s)", nullptr, entity.imageCount).arg(entityKindName(entity.kind), entity.key);
    case EntityIdRole:
        return entity.id;
    case ImageCountRole:
        return entity.imageCount;
    default:
        return {};
    }
}

Qt::ItemFlags EntityListModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index) | (index.isValid() ? Qt::ItemIsDropEnabled : Qt::NoItemFlags);
}

QStringList EntityListModel::mimeTypes() const
{
    return {GalleryModel::kImageIdsMime, QStringLiteral("text/uri-list")};
}

Qt::DropActions EntityListModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction | Qt::LinkAction;
}

bool EntityListModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int,
                                      const QModelIndex &parent) const
{
    const int target = parent.isValid() ? parent.row() : row;
    return data && target >= 0 && target < m_entities.size() &&
           (data->hasFormat(GalleryModel::kImageIdsMime) || data->hasUrls());
}

bool EntityListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                   const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const qint64 target = entityId(parent.isValid() ? parent.row() : row);
    if (data->hasFormat(GalleryModel::kImageIdsMime)) {
        emit linkRequested(target, GalleryModel::idsFromMime(data));
        return false; // a link, never a move: the gallery keeps its rows
    }
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty())
        emit filesDropped(target, paths);
    return !paths.isEmpty();
}

#pragma once

#include "catalog/entity.h"

#include <QAbstractListModel>
#include <optional>

class CatalogThread;

// The entities of one kind, filtered by key or name, loaded on the catalog thread. Images
// dropped on an entity are linked to it; files dropped on it are imported into it.
class EntityListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { EntityIdRole = Qt::UserRole + 1, ImageCountRole };

    explicit EntityListModel(QObject *parent = nullptr);

    void setCatalog(CatalogThread *catalog);
    void setKind(std::optional<EntityKind> kind);
    void setFilter(const QString &filter);
    void reload();
    std::optional<EntityKind> kind() const { return m_kind; }
    qint64 entityId(int row) const;
    int rowOf(qint64 entityId) const;
    std::optional<Entity> entity(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    void loaded();
    void linkRequested(qint64 entityId, const QList<qint64> &imageIds);
    void filesDropped(qint64 entityId, const QStringList &paths);

private:
    void apply(int generation, const QList<Entity> &entities);

    CatalogThread *m_catalog = nullptr;
    std::optional<EntityKind> m_kind;
    QString m_filter;
    QList<Entity> m_entities;
    int m_generation = 0;
};

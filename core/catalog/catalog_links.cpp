// Catalog: links between images and entities, their order and the primary image.
#include "catalog/catalog.h"

#include "catalog/catalogrows.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Status Catalog::link(qint64 imageId, qint64 entityId)
{
    return write([&]() -> Status {
        if (Status status = requireImage(imageId); !status)
            return status;
        if (Status status = requireEntity(entityId); !status)
            return status;
        if (isTrashed(imageId))
            return Status::failure(failure(u"image %1 is in the trash: restore it before linking it"_s.arg(imageId)));
        if (Status status = insertLink(imageId, entityId); !status)
            return status;
        return reindexImage(imageId);
    });
}

// Appends the image to the entity's gallery unless it is there already; the caller
// reindexes the image once all its links are written.
Status Catalog::insertLink(qint64 imageId, qint64 entityId, std::optional<int> sortOrder)
{
    Result<QSqlQuery> existing =
        exec(u"SELECT 1 FROM links WHERE image_id = ? AND entity_id = ?"_s, {imageId, entityId});
    if (!existing)
        return Status::failure(existing.error());
    if (existing->next())
        return {};
    existing->finish();
    if (Status status = placeLink(imageId, entityId, sortOrder); !status)
        return status;
    if (Status status = settlePrimary(entityId); !status)
        return status;
    if (Status status = touchEntity(entityId); !status)
        return status;
    const std::optional<Entity> entity = entityById(entityId);
    const QString uid = imageUid(imageId);
    return enqueue(u"link.create"_s, uid,
                   {{u"image"_s, uid},
                    {u"entity"_s, entity ? entitySubject(*entity) : QString()},
                    {u"links"_s, linkState(entityId)}});
}

// At the end of the entity's gallery, or at sortOrder with the images from there on moved
// one place down (restoring from the trash).
Status Catalog::placeLink(qint64 imageId, qint64 entityId, std::optional<int> sortOrder)
{
    if (!sortOrder)
        return run(u"INSERT INTO links(image_id, entity_id, sort_order, linked_at) "
                   "SELECT ?, ?, coalesce(max(sort_order) + 1, 0), ? FROM links WHERE entity_id = ?"_s,
                   {imageId, entityId, CatalogRows::now(), entityId});
    if (Status status = run(u"UPDATE links SET sort_order = sort_order + 1 WHERE entity_id = ? AND sort_order >= ?"_s,
                            {entityId, *sortOrder});
        !status)
        return status;
    return run(u"INSERT INTO links(image_id, entity_id, sort_order, linked_at) VALUES (?, ?, ?, ?)"_s,
               {imageId, entityId, *sortOrder, CatalogRows::now()});
}

Status Catalog::unlink(qint64 imageId, qint64 entityId)
{
    return write([&]() -> Status {
        if (Status status = requireImage(imageId); !status)
            return status;
        return removeLink(imageId, entityId);
    });
}

Status Catalog::removeLink(qint64 imageId, qint64 entityId)
{
    const std::optional<Entity> entity = entityById(entityId);
    if (!entity)
        return Status::failure(failure(u"entity %1 does not exist"_s.arg(entityId)));
    Result<QSqlQuery> removed =
        exec(u"DELETE FROM links WHERE image_id = ? AND entity_id = ?"_s, {imageId, entityId});
    if (!removed)
        return Status::failure(removed.error());
    if (removed->numRowsAffected() < 1)
        return Status::failure(
            failure(u"image %1 is not linked to %2"_s.arg(imageId).arg(CatalogRows::entityLabel(*entity))));
    if (Status status = settlePrimary(entityId); !status)
        return status;
    if (Status status = touchEntity(entityId); !status)
        return status;
    if (Status status = reindexImage(imageId); !status)
        return status;
    const QString uid = imageUid(imageId);
    return enqueue(u"link.delete"_s, uid,
                   {{u"image"_s, uid}, {u"entity"_s, entitySubject(*entity)}, {u"links"_s, linkState(entityId)}});
}

Status Catalog::setPrimary(qint64 entityId, qint64 imageId, const QString &pinnedBy)
{
    return write([&]() -> Status {
        if (Status status = pinPrimary(entityId, imageId, pinnedBy, CatalogRows::now()); !status)
            return status;
        return forgetTrashedPins(entityId);
    });
}

Status Catalog::pinPrimary(qint64 entityId, qint64 imageId, const QString &pinnedBy, const QString &pinnedAt)
{
    const std::optional<Entity> entity = entityById(entityId);
    if (!entity)
        return Status::failure(failure(u"entity %1 does not exist"_s.arg(entityId)));
    Result<QSqlQuery> linked =
        exec(u"SELECT 1 FROM links WHERE image_id = ? AND entity_id = ?"_s, {imageId, entityId});
    if (!linked)
        return Status::failure(linked.error());
    if (!linked->next())
        return Status::failure(
            failure(u"image %1 is not linked to %2, so it cannot be its primary image"_s.arg(imageId).arg(
                CatalogRows::entityLabel(*entity))));
    linked->finish();
    // Unpin and demote first: the unique index allows one primary per entity at any instant.
    if (Status status = run(u"UPDATE links SET primary_pinned = 0, pinned_by = NULL, pinned_at = NULL "
                            "WHERE entity_id = ? AND primary_pinned = 1"_s,
                            {entityId});
        !status)
        return status;
    if (Status status =
            run(u"UPDATE links SET is_primary = 0 WHERE entity_id = ? AND image_id <> ? AND is_primary = 1"_s,
                {entityId, imageId});
        !status)
        return status;
    if (Status status = run(u"UPDATE links SET is_primary = 1, primary_pinned = 1, pinned_by = ?, pinned_at = ? "
                            "WHERE entity_id = ? AND image_id = ?"_s,
                            {CatalogRows::text(pinnedBy), pinnedAt, entityId, imageId});
        !status)
        return status;
    if (Status status = touchEntity(entityId); !status)
        return status;
    return enqueue(u"link.update"_s, entitySubject(*entity), linkState(entityId));
}

Status Catalog::unpinPrimary(qint64 entityId)
{
    return write([&]() -> Status {
        const std::optional<Entity> entity = entityById(entityId);
        if (!entity)
            return Status::failure(failure(u"entity %1 does not exist"_s.arg(entityId)));
        Result<QSqlQuery> update = exec(u"UPDATE links SET primary_pinned = 0, pinned_by = NULL, pinned_at = NULL "
                                        "WHERE entity_id = ? AND primary_pinned = 1"_s,
                                        {entityId});
        if (!update)
            return Status::failure(update.error());
        const bool wasPinned = update->numRowsAffected() > 0; // sqlite3_changes: read before the next statement
        if (Status status = forgetTrashedPins(entityId); !status)
            return status;
        if (!wasPinned)
            return {};
        if (Status status = settlePrimary(entityId); !status)
            return status;
        if (Status status = touchEntity(entityId); !status)
            return status;
        return enqueue(u"link.update"_s, entitySubject(*entity), linkState(entityId));
    });
}

Status Catalog::reorder(qint64 entityId, const QList<qint64> &imageIdsInOrder)
{
    return write([&]() -> Status {
        const std::optional<Entity> entity = entityById(entityId);
        if (!entity)
            return Status::failure(failure(u"entity %1 does not exist"_s.arg(entityId)));
        const QString label = CatalogRows::entityLabel(*entity);
        Result<QSqlQuery> current = exec(u"SELECT image_id FROM links WHERE entity_id = ?"_s, {entityId});
        if (!current)
            return Status::failure(current.error());
        QSet<qint64> linked;
        while (current->next())
            linked.insert(current->value(0).toLongLong());
        current->finish();
        QSet<qint64> named;
        for (qint64 id : imageIdsInOrder) {
            if (!linked.contains(id))
                return Status::failure(
                    failure(u"reorder of %1: image %2 is not one of its images"_s.arg(label).arg(id)));
            if (named.contains(id))
                return Status::failure(failure(u"reorder of %1: image %2 is named twice"_s.arg(label).arg(id)));
            named.insert(id);
        }
        if (named.size() != linked.size())
            return Status::failure(failure(u"reorder of %1 must name all its %2 images, not %3"_s.arg(label)
                                               .arg(linked.size())
                                               .arg(named.size())));
        for (qsizetype i = 0; i < imageIdsInOrder.size(); ++i) {
            if (Result<QSqlQuery> update =
                    exec(u"UPDATE links SET sort_order = ? WHERE entity_id = ? AND image_id = ?"_s,
                         {int(i), entityId, imageIdsInOrder.at(i)});
                !update)
                return Status::failure(update.error());
        }
        if (Status status = settlePrimary(entityId); !status)
            return status;
        if (Status status = touchEntity(entityId); !status)
            return status;
        return enqueue(u"link.update"_s, entitySubject(*entity), linkState(entityId));
    });
}

std::optional<ImageRecord> Catalog::primaryImage(qint64 entityId)
{
    return loadImage(u"JOIN links l ON l.image_id = i.id WHERE l.entity_id = ? AND l.is_primary = 1"_s, {entityId});
}

QList<LinkInfo> Catalog::linksOfImage(qint64 imageId)
{
    checkThread();
    Result<QSqlQuery> query = exec(u"SELECT "_s + CatalogRows::entityColumns() +
                                       u", l.sort_order, l.is_primary, l.primary_pinned, l.pinned_by, l.pinned_at "
                                       "FROM links l JOIN entities e ON e.id = l.entity_id WHERE l.image_id = ? "
                                       "ORDER BY e.kind, e.key"_s,
                                   {imageId});
    if (!query) {
        qCWarning(lcCatalog).noquote() << query.error();
        return {};
    }
    QList<LinkInfo> links;
    while (query->next()) {
        const QSqlQuery &q = query.value();
        LinkInfo link;
        link.entity = CatalogRows::entityFromRow(q);
        link.sortOrder = q.value(8).toInt();
        link.primary = q.value(9).toBool();
        link.pinned = q.value(10).toBool();
        link.pinnedBy = q.value(11).toString();
        link.pinnedAt = CatalogRows::dateTime(q.value(12));
        links.append(link);
    }
    return links;
}

// Keeps "exactly one primary" true for an entity with images: the pinned image, else the
// first by order. Demotes before promoting, as the unique index checks every row.
Status Catalog::settlePrimary(qint64 entityId)
{
    Result<QSqlQuery> chosen = exec(u"SELECT image_id FROM links WHERE entity_id = ? "
                                    "ORDER BY primary_pinned DESC, sort_order, image_id LIMIT 1"_s,
                                    {entityId});
    if (!chosen)
        return Status::failure(chosen.error());
    if (!chosen->next())
        return {};
    const qint64 imageId = chosen->value(0).toLongLong();
    chosen->finish();
    if (Result<QSqlQuery> demote = exec(u"UPDATE links SET is_primary = 0 WHERE entity_id = ? AND image_id <> ? "
                                        "AND is_primary = 1"_s,
                                        {entityId, imageId});
        !demote)
        return Status::failure(demote.error());
    Result<QSqlQuery> promote =
        exec(u"UPDATE links SET is_primary = 1 WHERE entity_id = ? AND image_id = ? AND is_primary = 0"_s,
             {entityId, imageId});
    return promote ? Status() : Status::failure(promote.error());
}

// The entity's whole gallery as the server should see it after a link change: images in
// order, the primary and whether a user pinned it.
QJsonObject Catalog::linkState(qint64 entityId)
{
    QJsonArray order;
    QJsonObject state;
    Result<QSqlQuery> query = exec(u"SELECT i.uid, l.is_primary, l.primary_pinned, l.pinned_by, l.pinned_at "
                                   "FROM links l JOIN images i ON i.id = l.image_id WHERE l.entity_id = ? "
                                   "ORDER BY l.sort_order, l.image_id"_s,
                                   {entityId});
    if (!query)
        return state;
    while (query->next()) {
        const QString uid = query->value(0).toString();
        order.append(uid);
        if (query->value(1).toBool()) {
            state.insert(u"primary"_s, uid);
            state.insert(u"pinned"_s, query->value(2).toBool());
            if (query->value(2).toBool()) {
                state.insert(u"pinnedBy"_s, query->value(3).toString());
                state.insert(u"pinnedAt"_s, query->value(4).toString());
            }
        }
    }
    if (const std::optional<Entity> entity = entityById(entityId))
        state.insert(u"entity"_s, entitySubject(*entity));
    state.insert(u"order"_s, order);
    return state;
}

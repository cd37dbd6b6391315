// Catalog: the trash. Deleting is two steps so nothing disappears on one click: trashing
// takes an image out of every gallery and remembers where it was; emptying forgets it.
#include "catalog/catalog.h"

#include "catalog/catalogrows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Status Catalog::trashImages(const QList<qint64> &imageIds)
{
    const QString trashedAt = CatalogRows::now();
    return write([&]() -> Status {
        for (qint64 id : imageIds) {
            if (Status status = trashImage(id, trashedAt); !status)
                return status;
        }
        return {};
    });
}

Status Catalog::trashImage(qint64 imageId, const QString &trashedAt)
{
    if (Status status = requireImage(imageId); !status)
        return status;
    if (isTrashed(imageId))
        return {};
    QJsonArray remembered;
    for (const LinkInfo &link : linksOfImage(imageId)) {
        QJsonObject place{{u"entity"_s, link.entity.id}, {u"order"_s, link.sortOrder}};
        if (link.pinned) {
            place.insert(u"pinnedBy"_s, link.pinnedBy);
            place.insert(u"pinnedAt"_s, CatalogRows::timestamp(link.pinnedAt));
        }
        remembered.append(place);
        if (Status status = removeLink(imageId, link.entity.id); !status)
            return status;
    }
    return run(u"INSERT INTO trash(image_id, trashed_at, links) VALUES (?, ?, ?)"_s,
               {imageId, trashedAt, QString::fromUtf8(QJsonDocument(remembered).toJson(QJsonDocument::Compact))});
}

Status Catalog::restoreImages(const QList<qint64> &imageIds)
{
    return write([&]() -> Status {
        for (qint64 id : imageIds) {
            if (Status status = restoreImage(id); !status)
                return status;
        }
        return {};
    });
}

// Links the image again at its old places (entities deleted since are skipped), and pins it
// again where it was pinned unless the entity's primary was chosen meanwhile (then the
// remembered pin is gone, see forgetTrashedPins; a pin found now is a second guard).
Status Catalog::restoreImage(qint64 imageId)
{
    Result<QSqlQuery> row = exec(u"SELECT links FROM trash WHERE image_id = ?"_s, {imageId});
    if (!row)
        return Status::failure(row.error());
    if (!row->next())
        return Status::failure(failure(u"image %1 is not in the trash"_s.arg(imageId)));
    const QJsonArray places = QJsonDocument::fromJson(row->value(0).toString().toUtf8()).array();
    row->finish();
    if (Status status = run(u"DELETE FROM trash WHERE image_id = ?"_s, {imageId}); !status)
        return status;
    for (const QJsonValue &value : places) {
        const QJsonObject place = value.toObject();
        const qint64 entityId = place.value(u"entity"_s).toInteger();
        if (!entityById(entityId))
            continue;
        if (Status status = insertLink(imageId, entityId, place.value(u"order"_s).toInt()); !status)
            return status;
        if (!place.contains(u"pinnedBy"_s))
            continue;
        Result<QSqlQuery> pinned =
            exec(u"SELECT 1 FROM links WHERE entity_id = ? AND primary_pinned = 1"_s, {entityId});
        if (!pinned)
            return Status::failure(pinned.error());
        const bool someoneElsePinned = pinned->next();
        pinned->finish();
        if (someoneElsePinned)
            continue;
        if (Status status = pinPrimary(entityId, imageId, place.value(u"pinnedBy"_s).toString(),
                                       place.value(u"pinnedAt"_s).toString());
            !status)
            return status;
    }
    return reindexImage(imageId);
}

Result<int> Catalog::emptyTrash()
{
    int forgotten = 0;
    Status status = write([&]() -> Status {
        Result<QSqlQuery> trashed = exec(u"SELECT image_id FROM trash ORDER BY image_id"_s);
        if (!trashed)
            return Status::failure(trashed.error());
        QList<qint64> ids;
        while (trashed->next())
            ids.append(trashed->value(0).toLongLong());
        trashed->finish();
        for (qint64 id : std::as_const(ids)) {
            if (Status forgot = forgetImageRows(id); !forgot)
                return forgot;
        }
        forgotten = int(ids.size());
        return {};
    });
    if (!status)
        return Result<int>::failure(status.error());
    return forgotten;
}

Status Catalog::forgetTrashedPins(qint64 entityId)
{
    return run(uR"(UPDATE trash SET links = (
                       SELECT json_group_array(CASE WHEN json_extract(place.value, '$.entity') = ?
                                                    THEN json_remove(place.value, '$.pinnedBy', '$.pinnedAt')
                                                    ELSE json(place.value) END)
                       FROM json_each(trash.links) AS place)
                   WHERE EXISTS (SELECT 1 FROM json_each(trash.links) AS place
                                 WHERE json_extract(place.value, '$.entity') = ?
                                   AND json_extract(place.value, '$.pinnedBy') IS NOT NULL))"_s,
               {entityId, entityId});
}

bool Catalog::isTrashed(qint64 imageId)
{
    Result<QSqlQuery> row = exec(u"SELECT 1 FROM trash WHERE image_id = ?"_s, {imageId});
    return row && row->next();
}

// Catalog: what the desktop's galleries and sidebar show. Each query is one statement
// whatever the number of images, for the catalog thread to run while the GUI stays free.
#include "catalog/catalog.h"

#include "catalog/catalogrows.h"

#include <QHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// The first test is evaluated once: with an empty trash, no row pays for the second.
const QString kNotTrashed =
    u"(NOT EXISTS (SELECT 1 FROM trash) OR NOT EXISTS (SELECT 1 FROM trash t WHERE t.image_id = i.id))"_s;

// The ORDER BY for a sort; order is the collection's own order (given by the caller).
QString orderBy(GallerySort sort, const QString &order)
{
    switch (sort) {
    case GallerySort::Order:
        return order;
    case GallerySort::DateTaken:
        return u"i.captured_at IS NULL, i.captured_at, i.id"_s;
    case GallerySort::DateImported:
        return u"i.created_at, i.id"_s;
    case GallerySort::Name:
        return u"i.original_name COLLATE NOCASE, i.id"_s;
    }
    return order;
}

} // namespace

Result<QList<qint64>> Catalog::galleryImageIds(const GallerySelection &selection, GallerySort sort)
{
    checkThread();
    QString sql;
    QVariantList binds;
    switch (selection.kind) {
    case GallerySelection::Kind::Entity:
        sql = u"SELECT i.id FROM links l JOIN images i ON i.id = l.image_id WHERE l.entity_id = ? ORDER BY "_s +
              orderBy(sort, u"l.sort_order, i.id"_s);
        binds = {selection.entityId};
        break;
    case GallerySelection::Kind::AllImages:
        sql = u"SELECT i.id FROM images i WHERE "_s + kNotTrashed + u" ORDER BY "_s + orderBy(sort, u"i.id"_s);
        break;
    case GallerySelection::Kind::Unassigned:
        sql = u"SELECT i.id FROM images i WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.image_id = i.id) AND "_s +
              kNotTrashed + u" ORDER BY "_s + orderBy(sort, u"i.id"_s);
        break;
    case GallerySelection::Kind::RecentlyImported:
        sql = u"SELECT i.id FROM images i WHERE i.created_at >= ? AND "_s + kNotTrashed + u" ORDER BY "_s +
              orderBy(sort, u"i.created_at DESC, i.id DESC"_s);
        binds = {CatalogRows::timestamp(
            QDateTime::currentDateTimeUtc().addDays(-GallerySelection::kRecentDays))};
        break;
    case GallerySelection::Kind::Trash:
        sql = u"SELECT i.id FROM trash t CROSS JOIN images i ON i.id = t.image_id ORDER BY "_s +
              orderBy(sort, u"t.trashed_at DESC, i.id DESC"_s);
        break;
    case GallerySelection::Kind::Search:
        return searchIds(selection.text, sort);
    }
    Result<QSqlQuery> query = exec(sql, binds);
    if (!query)
        return Result<QList<qint64>>::failure(query.error());
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

Result<QList<GalleryItem>> Catalog::galleryItems(const QList<qint64> &ids, qint64 contextEntityId)
{
    checkThread();
    const QString primary = contextEntityId != 0
                                ? u"EXISTS (SELECT 1 FROM links p WHERE p.image_id = i.id AND p.entity_id = ? "
                                  "AND p.is_primary = 1)"_s
                                : u"EXISTS (SELECT 1 FROM links p WHERE p.image_id = i.id AND p.is_primary = 1 "
                                  "AND ? = 0)"_s;
    const QString idList = CatalogRows::idArray(ids);
    Result<QSqlQuery> rows = exec(u"SELECT i.id, i.sha256, i.format, i.original_name, i.caption, i.image_type, i.front, "
                                  "i.width, i.height, i.exif_orientation, i.rotation, "_s +
                                      primary + u" FROM images i WHERE i.id IN (SELECT value FROM json_each(?))"_s,
                                  {contextEntityId, idList});
    if (!rows)
        return Result<QList<GalleryItem>>::failure(rows.error());
    QHash<qint64, GalleryItem> found;
    while (rows->next()) {
        const QSqlQuery &q = rows.value();
        GalleryItem item;
        item.id = q.value(0).toLongLong();
        item.sha256 = q.value(1).toString();
        item.format = q.value(2).toString();
        item.originalName = q.value(3).toString();
        item.caption = q.value(4).toString();
        item.imageType = q.value(5).toString();
        item.front = q.value(6).toBool();
        item.width = q.value(7).toInt();
        item.height = q.value(8).toInt();
        item.exifOrientation = q.value(9).toInt();
        item.rotationQuarterTurns = q.value(10).toInt();
        item.primary = q.value(11).toBool();
        found.insert(item.id, item);
    }
    rows->finish();
    Result<QSqlQuery> renditions = exec(u"SELECT image_id, name, width, height, bytes, sha256 FROM renditions "
                                        "WHERE image_id IN (SELECT value FROM json_each(?)) ORDER BY image_id, name"_s,
                                        {idList});
    if (!renditions)
        return Result<QList<GalleryItem>>::failure(renditions.error());
    while (renditions->next()) {
        const QSqlQuery &q = renditions.value();
        auto item = found.find(q.value(0).toLongLong());
        if (item != found.end())
            item->renditions.append(
                {q.value(1).toString(), q.value(2).toInt(), q.value(3).toInt(), q.value(4).toLongLong(), q.value(5).toString()});
    }
    QList<GalleryItem> items;
    items.reserve(found.size());
    for (qint64 id : ids) {
        if (auto item = found.constFind(id); item != found.cend())
            items.append(*item);
    }
    return items;
}

// Trashed images have no links, so the unassigned ones are all the others minus the
// linked ones: one pass over the links instead of a lookup per image.
CollectionCounts Catalog::collectionCounts()
{
    checkThread();
    CollectionCounts counts;
    Result<QSqlQuery> query = exec(
        u"SELECT (SELECT count(*) FROM images), (SELECT count(*) FROM trash), "
        "(SELECT count(*) FROM (SELECT DISTINCT image_id FROM links)), "
        "(SELECT count(*) FROM images i WHERE i.created_at >= ? AND "_s +
            kNotTrashed + u")"_s,
        {CatalogRows::timestamp(QDateTime::currentDateTimeUtc().addDays(-GallerySelection::kRecentDays))});
    if (!query || !query->next()) {
        qCWarning(lcCatalog).noquote() << (query ? failure(u"counting the collections"_s) : query.error());
        return counts;
    }
    const int images = query->value(0).toInt();
    counts.trash = query->value(1).toInt();
    counts.allImages = images - counts.trash;
    counts.unassigned = counts.allImages - query->value(2).toInt();
    counts.recentlyImported = query->value(3).toInt();
    return counts;
}

QMap<EntityKind, int> Catalog::entityCountsByKind()
{
    checkThread();
    QMap<EntityKind, int> counts;
    for (EntityKind kind : allEntityKinds())
        counts.insert(kind, 0);
    Result<QSqlQuery> query = exec(u"SELECT kind, count(*) FROM entities GROUP BY kind"_s);
    if (!query) {
        qCWarning(lcCatalog).noquote() << query.error();
        return counts;
    }
    while (query->next()) {
        if (std::optional<EntityKind> kind = entityKindFromName(query->value(0).toString()))
            counts.insert(*kind, query->value(1).toInt());
    }
    return counts;
}

QStringList Catalog::allTags()
{
    checkThread();
    QStringList tags;
    Result<QSqlQuery> query =
        exec(u"SELECT name FROM tags t WHERE EXISTS (SELECT 1 FROM image_tags it WHERE it.tag_id = t.id) "
             "ORDER BY folded"_s);
    while (query && query->next())
        tags.append(query->value(0).toString());
    if (!query)
        qCWarning(lcCatalog).noquote() << query.error();
    return tags;
}

QStringList Catalog::imageTypes()
{
    checkThread();
    QStringList types;
    Result<QSqlQuery> query =
        exec(u"SELECT DISTINCT image_type FROM images WHERE image_type <> '' ORDER BY image_type"_s);
    while (query && query->next())
        types.append(query->value(0).toString());
    if (!query)
        qCWarning(lcCatalog).noquote() << query.error();
    return types;
}

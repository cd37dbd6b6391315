// Catalog: statistics, the files the catalog references, forgetting images, the outbox.
#include "catalog/catalog.h"

#include "catalog/catalogrows.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

CatalogStats Catalog::stats()
{
    checkThread();
    CatalogStats stats;
    for (EntityKind kind : allEntityKinds())
        stats.entitiesPerKind.insert(entityKindName(kind), 0);
    if (Result<QSqlQuery> kinds = exec(u"SELECT kind, count(*) FROM entities GROUP BY kind"_s)) {
        while (kinds->next())
            stats.entitiesPerKind.insert(kinds->value(0).toString(), kinds->value(1).toInt());
    }
    if (Result<QSqlQuery> types = exec(u"SELECT image_type, count(*) FROM images GROUP BY image_type"_s)) {
        while (types->next())
            stats.imagesPerType.insert(types->value(0).toString(), types->value(1).toInt());
    }
    if (Result<QSqlQuery> totals =
            exec(u"SELECT count(*), coalesce(sum(bytes), 0), "
                 "(SELECT count(*) FROM images i WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.image_id = i.id)), "
                 "(SELECT coalesce(sum(bytes), 0) FROM renditions) FROM images"_s);
        totals && totals->next()) {
        stats.images = totals->value(0).toInt();
        stats.originalBytes = totals->value(1).toLongLong();
        stats.unassignedImages = totals->value(2).toInt();
        stats.renditionBytes = totals->value(3).toLongLong();
    }
    return stats;
}

Result<QList<StoredFileRef>> Catalog::referencedFiles()
{
    checkThread();
    QList<StoredFileRef> files;
    Result<QSqlQuery> query = exec(u"SELECT i.id, i.sha256, i.format, '', i.sha256, i.bytes FROM images i "
                                   "UNION ALL "
                                   "SELECT i.id, i.sha256, 'jpeg', r.name, r.sha256, r.bytes FROM renditions r "
                                   "JOIN images i ON i.id = r.image_id "
                                   "ORDER BY 1, 4"_s);
    if (!query)
        return Result<QList<StoredFileRef>>::failure(query.error());
    while (query->next()) {
        files.append(StoredFileRef {query->value(0).toLongLong(), query->value(1).toString(),
                                    query->value(2).toString(), query->value(3).toString(), query->value(4).toString(),
                                    query->value(5).toLongLong()});
    }
    return files;
}

Status Catalog::forgetImage(qint64 imageId)
{
    return write([&]() -> Status { return forgetImageRows(imageId); });
}

Status Catalog::forgetImageRows(qint64 imageId)
{
    const std::optional<ImageRecord> image = imageById(imageId);
    if (!image)
        return Status::failure(failure(u"image %1 does not exist"_s.arg(imageId)));
    QList<qint64> entityIds;
    for (const LinkInfo &link : linksOfImage(imageId))
        entityIds.append(link.entity.id);
    if (Status status = run(u"DELETE FROM image_search WHERE rowid = ?"_s, {imageId}); !status)
        return status;
    // Links, tags and renditions go with the row (ON DELETE CASCADE).
    if (Status status = run(u"DELETE FROM images WHERE id = ?"_s, {imageId}); !status)
        return status;
    for (qint64 entityId : std::as_const(entityIds)) {
        if (Status status = settlePrimary(entityId); !status)
            return status;
        if (Status status = touchEntity(entityId); !status)
            return status;
    }
    return enqueue(u"image.delete"_s, image->uid, {{u"uid"_s, image->uid}, {u"sha256"_s, image->sha256}});
}

Status Catalog::checkIntegrity()
{
    checkThread();
    QStringList problems;
    Result<QSqlQuery> integrity = exec(u"PRAGMA integrity_check(20)"_s);
    if (!integrity)
        return Status::failure(integrity.error());
    while (integrity->next()) {
        const QString line = integrity->value(0).toString();
        if (line != u"ok"_s)
            problems.append(line);
    }
    Result<QSqlQuery> keys = exec(u"PRAGMA foreign_key_check"_s);
    if (!keys)
        return Status::failure(keys.error());
    while (keys->next() && problems.size() < 20) {
        problems.append(u"row %1 of %2 refers to a missing row of %3"_s.arg(
            keys->value(1).toString(), keys->value(0).toString(), keys->value(2).toString()));
    }
    if (problems.isEmpty())
        return {};
    return Status::failure(failure(u"the catalog is damaged: "_s + problems.join(u"; "_s)));
}

int Catalog::pendingOutboxCount()
{
    checkThread();
    Result<QSqlQuery> query = exec(u"SELECT count(*) FROM outbox WHERE state = 'pending'"_s);
    return query && query->next() ? query->value(0).toInt() : 0;
}

QList<OutboxEntry> Catalog::outbox(int limit)
{
    checkThread();
    QList<OutboxEntry> entries;
    Result<QSqlQuery> query = exec(u"SELECT id, created_at, operation, subject_uid, payload, state, attempts, "
                                   "next_attempt_at, last_error FROM outbox ORDER BY id LIMIT ?"_s,
                                   {limit < 0 ? -1 : limit});
    if (!query) {
        qCWarning(lcCatalog).noquote() << query.error();
        return entries;
    }
    while (query->next()) {
        const QSqlQuery &q = query.value();
        entries.append(OutboxEntry {q.value(0).toLongLong(), CatalogRows::dateTime(q.value(1)), q.value(2).toString(),
                                    q.value(3).toString(), QJsonDocument::fromJson(q.value(4).toByteArray()).object(),
                                    q.value(5).toString(), q.value(6).toInt(), CatalogRows::dateTime(q.value(7)),
                                    q.value(8).toString()});
    }
    return entries;
}

Status Catalog::enqueue(const QString &operation, const QString &subjectUid, const QJsonObject &payload)
{
    return run(u"INSERT INTO outbox(created_at, operation, subject_uid, payload) VALUES (?, ?, ?, ?)"_s,
               {CatalogRows::now(), operation, subjectUid,
                QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact))});
}

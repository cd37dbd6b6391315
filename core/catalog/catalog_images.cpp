// Catalog: images, their renditions, edits, tags and rotation.
#include "catalog/catalog.h"

#include "catalog/catalogrows.h"
#include "catalog/catalogschema.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString kImageColumns = u"SELECT i.id, i.uid, i.sha256, i.original_name, i.format, i.width, i.height, i.bytes, "
                              "i.captured_at, i.gps_lat, i.gps_lon, i.gps_alt, i.camera_make, i.camera_model, "
                              "i.exif_orientation, i.rotation, i.caption, i.alt_text, i.description, i.image_type, "
                              "i.front, i.created_at, i.modified_at, i.revision FROM images i "_s;

ImageRecord imageFromRow(const QSqlQuery &q)
{
    ImageRecord image;
    image.id = q.value(0).toLongLong();
    image.uid = q.value(1).toString();
    image.sha256 = q.value(2).toString();
    image.originalName = q.value(3).toString();
    image.facts.format = q.value(4).toString();
    image.facts.width = q.value(5).toInt();
    image.facts.height = q.value(6).toInt();
    image.bytes = q.value(7).toLongLong();
    image.facts.capturedAt = CatalogRows::dateTime(q.value(8));
    if (!q.value(9).isNull() && !q.value(10).isNull()) {
        GpsPosition gps {q.value(9).toDouble(), q.value(10).toDouble(), std::nullopt};
        if (!q.value(11).isNull())
            gps.altitude = q.value(11).toDouble();
        image.facts.gps = gps;
    }
    image.facts.cameraMake = q.value(12).toString();
    image.facts.cameraModel = q.value(13).toString();
    image.facts.exifOrientation = q.value(14).toInt();
    image.rotationQuarterTurns = q.value(15).toInt();
    image.caption = q.value(16).toString();
    image.altText = q.value(17).toString();
    image.description = q.value(18).toString();
    image.imageType = q.value(19).toString();
    image.front = q.value(20).toBool();
    image.createdAt = CatalogRows::dateTime(q.value(21));
    image.modifiedAt = CatalogRows::dateTime(q.value(22));
    image.revision = q.value(23).toLongLong();
    return image;
}

QString renditionProblem(const QList<RenditionRecord> &renditions)
{
    QSet<QString> names;
    for (const RenditionRecord &rendition : renditions) {
        if (rendition.name.trimmed().isEmpty())
            return u"a rendition has no name"_s;
        if (names.contains(rendition.name))
            return u"rendition \"%1\" is listed twice"_s.arg(rendition.name);
        if (!CatalogRows::isSha256(rendition.sha256))
            return u"rendition \"%1\" has no valid SHA-256"_s.arg(rendition.name);
        names.insert(rendition.name);
    }
    return {};
}

QVariant optionalDouble(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QJsonObject createPayload(const ImageRecord &image)
{
    QJsonObject payload {
        {u"uid"_s, image.uid},
        {u"sha256"_s, image.sha256},
        {u"format"_s, image.facts.format},
        {u"width"_s, image.facts.width},
        {u"height"_s, image.facts.height},
        {u"bytes"_s, image.bytes},
        {u"originalName"_s, image.originalName},
        {u"capturedAt"_s, image.facts.capturedAt.toString(Qt::ISODateWithMs)},
        {u"cameraMake"_s, image.facts.cameraMake},
        {u"cameraModel"_s, image.facts.cameraModel},
        {u"exifOrientation"_s, image.facts.exifOrientation},
        {u"rotation"_s, image.rotationQuarterTurns},
        {u"createdAt"_s, CatalogRows::timestamp(image.createdAt)},
    };
    if (image.facts.gps) {
        QJsonObject gps {{u"latitude"_s, image.facts.gps->latitude}, {u"longitude"_s, image.facts.gps->longitude}};
        if (image.facts.gps->altitude)
            gps.insert(u"altitude"_s, *image.facts.gps->altitude);
        payload.insert(u"gps"_s, gps);
    }
    return payload;
}

} // namespace

Result<RecordedImport> Catalog::recordImport(const NewImage &image, const QList<qint64> &entityIds)
{
    using R = Result<RecordedImport>;
    const QString sha256 = image.sha256.trimmed().toLower();
    const QString label = image.originalName.isEmpty() ? sha256 : image.originalName;
    if (!CatalogRows::isSha256(sha256))
        return R::failure(failure(u"%1: \"%2\" is not a SHA-256"_s.arg(label, image.sha256)));
    if (image.facts.format.isEmpty())
        return R::failure(failure(u"%1: the image has no format"_s.arg(label)));
    if (const QString problem = renditionProblem(image.renditions); !problem.isEmpty())
        return R::failure(failure(label + u": "_s + problem));
    QList<qint64> targets;
    for (qint64 id : entityIds) {
        if (!targets.contains(id))
            targets.append(id);
    }
    qint64 imageId = 0;
    bool duplicate = false;
    const Status status = write([&]() -> Status {
        for (qint64 entityId : std::as_const(targets)) {
            if (Status status = requireEntity(entityId); !status)
                return Status::failure(label + u": "_s + status.error());
        }
        Result<QSqlQuery> existing = exec(u"SELECT id FROM images WHERE sha256 = ?"_s, {sha256});
        if (!existing)
            return Status::failure(existing.error());
        duplicate = existing->next();
        if (duplicate) {
            imageId = existing->value(0).toLongLong();
        } else {
            Result<qint64> inserted = insertImage(image);
            if (!inserted)
                return Status::failure(inserted.error());
            imageId = inserted.value();
        }
        existing->finish();
        // Importing an image again that the user had trashed is asking for it back.
        if (duplicate && isTrashed(imageId)) {
            if (Status status = restoreImage(imageId); !status)
                return status;
        }
        for (qint64 entityId : std::as_const(targets)) {
            if (Status status = insertLink(imageId, entityId); !status)
                return status;
        }
        return reindexImage(imageId);
    });
    if (!status)
        return R::failure(status.error());
    RecordedImport recorded;
    recorded.image = imageById(imageId).value_or(ImageRecord {});
    recorded.duplicate = duplicate;
    for (const LinkInfo &link : linksOfImage(imageId))
        recorded.entities.append(link.entity);
    return recorded;
}

Result<qint64> Catalog::insertImage(const NewImage &image)
{
    const QString sha256 = image.sha256.trimmed().toLower();
    const QString uid = QUuid::createUuidV5(m_workspaceId, sha256).toString(QUuid::WithoutBraces);
    const ImageFacts &facts = image.facts;
    const int orientation = facts.exifOrientation >= 1 && facts.exifOrientation <= 8 ? facts.exifOrientation : 1;
    const QString now = CatalogRows::now();
    Result<QSqlQuery> insert = exec(
        u"INSERT INTO images(uid, sha256, format, width, height, bytes, original_name, captured_at, "
        "gps_lat, gps_lon, gps_alt, camera_make, camera_model, exif_orientation, created_at, modified_at, revision) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"_s,
        {uid, sha256, facts.format, std::max(facts.width, 0), std::max(facts.height, 0),
         std::max<qint64>(image.bytes, 0), CatalogRows::text(image.originalName),
         facts.capturedAt.isValid() ? QVariant(facts.capturedAt.toString(Qt::ISODateWithMs)) : QVariant(),
         facts.gps ? QVariant(facts.gps->latitude) : QVariant(),
         facts.gps ? QVariant(facts.gps->longitude) : QVariant(),
         facts.gps ? optionalDouble(facts.gps->altitude) : QVariant(), CatalogRows::text(facts.cameraMake),
         CatalogRows::text(facts.cameraModel), orientation, now, now});
    if (!insert)
        return Result<qint64>::failure(insert.error());
    const qint64 id = insert->lastInsertId().toLongLong();
    if (Status status = insertRenditions(id, image.renditions); !status)
        return Result<qint64>::failure(status.error());
    const std::optional<ImageRecord> record = loadImage(u"WHERE i.id = ?"_s, {id});
    if (!record)
        return Result<qint64>::failure(failure(u"image %1 cannot be read back"_s.arg(id)));
    if (Status status = enqueue(u"image.create"_s, uid, createPayload(*record)); !status)
        return Result<qint64>::failure(status.error());
    return id;
}

Status Catalog::insertRenditions(qint64 imageId, const QList<RenditionRecord> &renditions)
{
    for (const RenditionRecord &rendition : renditions) {
        Result<QSqlQuery> insert =
            exec(u"INSERT INTO renditions(image_id, name, width, height, bytes, sha256) VALUES (?, ?, ?, ?, ?, ?)"_s,
                 {imageId, rendition.name, rendition.width, rendition.height, rendition.bytes, rendition.sha256});
        if (!insert)
            return Status::failure(insert.error());
    }
    return {};
}

std::optional<ImageRecord> Catalog::imageById(qint64 id)
{
    return loadImage(u"WHERE i.id = ?"_s, {id});
}

std::optional<ImageRecord> Catalog::imageByUid(const QString &uid)
{
    return loadImage(u"WHERE i.uid = ?"_s, {uid.trimmed().toLower()});
}

std::optional<ImageRecord> Catalog::imageBySha256(const QString &sha256)
{
    return loadImage(u"WHERE i.sha256 = ?"_s, {sha256.trimmed().toLower()});
}

QList<ImageRecord> Catalog::imagesOfEntity(qint64 entityId)
{
    return loadImages(u"JOIN links l ON l.image_id = i.id WHERE l.entity_id = ? ORDER BY l.sort_order, i.id"_s,
                      {entityId});
}

QList<ImageRecord> Catalog::allImages(int limit, int offset)
{
    return loadImages(u"ORDER BY i.id LIMIT ? OFFSET ?"_s, {limit < 0 ? -1 : limit, std::max(offset, 0)});
}

QList<ImageRecord> Catalog::unassignedImages()
{
    return loadImages(u"WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.image_id = i.id) "
                      "AND NOT EXISTS (SELECT 1 FROM trash t WHERE t.image_id = i.id) ORDER BY i.id"_s, {});
}

QList<ImageRecord> Catalog::imagesCreatedBefore(const QDateTime &when)
{
    return loadImages(u"WHERE i.created_at < ? ORDER BY i.created_at, i.id"_s, {CatalogRows::timestamp(when)});
}

Status Catalog::editImage(qint64 imageId, const ImageEdit &edit)
{
    return write([&]() -> Status {
        const std::optional<ImageRecord> current = imageById(imageId);
        if (!current)
            return Status::failure(failure(u"image %1 does not exist"_s.arg(imageId)));
        QStringList assignments;
        QVariantList binds;
        QJsonObject payload {{u"uid"_s, current->uid}};
        const auto change = [&](const std::optional<QString> &value, const QString &now, const char16_t *column,
                                const char16_t *field) {
            if (!value || *value == now)
                return;
            assignments.append(QString::fromUtf16(column) + u" = ?"_s);
            binds.append(CatalogRows::text(*value));
            payload.insert(QString::fromUtf16(field), *value);
        };
        change(edit.caption, current->caption, u"caption", u"caption");
        change(edit.altText, current->altText, u"alt_text", u"altText");
        change(edit.description, current->description, u"description", u"description");
        change(edit.imageType, current->imageType, u"image_type", u"imageType");
        if (edit.front && *edit.front != current->front) {
            assignments.append(u"front = ?"_s);
            binds.append(*edit.front ? 1 : 0);
            payload.insert(u"front"_s, *edit.front);
        }
        if (assignments.isEmpty())
            return {};
        binds.append(imageId);
        if (Result<QSqlQuery> update =
                exec(u"UPDATE images SET "_s + assignments.join(u", "_s) + u" WHERE id = ?"_s, binds);
            !update)
            return Status::failure(update.error());
        if (Status status = touchImage(imageId); !status)
            return status;
        if (Status status = reindexImage(imageId); !status)
            return status;
        return enqueue(u"image.update"_s, current->uid, payload);
    });
}

Status Catalog::setTags(qint64 imageId, const QStringList &tags)
{
    return changeTags(imageId, [&](const QStringList &) { return tags; });
}

Status Catalog::addTags(qint64 imageId, const QStringList &tags)
{
    return changeTags(imageId, [&](const QStringList &current) { return current + tags; });
}

Status Catalog::removeTags(qint64 imageId, const QStringList &tags)
{
    return changeTags(imageId, [&](const QStringList &current) {
        QStringList kept;
        for (const QString &tag : current) {
            const bool removed = std::any_of(tags.cbegin(), tags.cend(), [&](const QString &gone) {
                return gone.simplified().compare(tag, Qt::CaseInsensitive) == 0;
            });
            if (!removed)
                kept.append(tag);
        }
        return kept;
    });
}

Status Catalog::changeTags(qint64 imageId, const std::function<QStringList(const QStringList &)> &change)
{
    return write([&]() -> Status {
        const std::optional<ImageRecord> current = imageById(imageId);
        if (!current)
            return Status::failure(failure(u"image %1 does not exist"_s.arg(imageId)));
        const QStringList wanted = CatalogRows::normalizedTags(change(current->tags));
        // Tags are matched ignoring case ("ROT" is the existing "rot"), so compare folded.
        const auto folded = [](const QStringList &tags) {
            QStringList result;
            for (const QString &tag : tags)
                result.append(tag.toCaseFolded());
            result.sort();
            return result;
        };
        if (folded(wanted) == folded(current->tags))
            return {};
        if (Status status = writeTags(imageId, wanted); !status)
            return status;
        if (Status status = touchImage(imageId); !status)
            return status;
        if (Status status = reindexImage(imageId); !status)
            return status;
        const std::optional<ImageRecord> updated = imageById(imageId);
        return enqueue(
            u"image.update"_s, current->uid,
            {{u"uid"_s, current->uid}, {u"tags"_s, QJsonArray::fromStringList(updated ? updated->tags : wanted)}});
    });
}

Status Catalog::writeTags(qint64 imageId, const QStringList &tags)
{
    if (Result<QSqlQuery> clear = exec(u"DELETE FROM image_tags WHERE image_id = ?"_s, {imageId}); !clear)
        return Status::failure(clear.error());
    for (const QString &tag : tags) {
        const QString folded = tag.toCaseFolded();
        if (Status status =
                run(u"INSERT INTO tags(name, folded) VALUES (?, ?) ON CONFLICT(folded) DO NOTHING"_s, {tag, folded});
            !status)
            return status;
        if (Status status = run(u"INSERT OR IGNORE INTO image_tags(image_id, tag_id) "
                                "SELECT ?, id FROM tags WHERE folded = ?"_s,
                                {imageId, folded});
            !status)
            return status;
    }
    return {};
}

Status Catalog::setRotation(qint64 imageId, int quarterTurns, const QList<RenditionRecord> &renditions)
{
    const int rotation = ((quarterTurns % 4) + 4) % 4;
    if (const QString problem = renditionProblem(renditions); !problem.isEmpty())
        return Status::failure(failure(u"image %1: %2"_s.arg(imageId).arg(problem)));
    return write([&]() -> Status {
        const std::optional<ImageRecord> current = imageById(imageId);
        if (!current)
            return Status::failure(failure(u"image %1 does not exist"_s.arg(imageId)));
        if (Status status = replaceRenditionRows(imageId, renditions); !status)
            return status;
        if (rotation == current->rotationQuarterTurns)
            return {};
        if (Result<QSqlQuery> update = exec(u"UPDATE images SET rotation = ? WHERE id = ?"_s, {rotation, imageId});
            !update)
            return Status::failure(update.error());
        if (Status status = touchImage(imageId); !status)
            return status;
        return enqueue(u"image.update"_s, current->uid, {{u"uid"_s, current->uid}, {u"rotation"_s, rotation}});
    });
}

Status Catalog::replaceRenditions(qint64 imageId, const QList<RenditionRecord> &renditions)
{
    if (const QString problem = renditionProblem(renditions); !problem.isEmpty())
        return Status::failure(failure(u"image %1: %2"_s.arg(imageId).arg(problem)));
    return write([&]() -> Status {
        if (Status status = requireImage(imageId); !status)
            return status;
        return replaceRenditionRows(imageId, renditions);
    });
}

Status Catalog::replaceRenditionRows(qint64 imageId, const QList<RenditionRecord> &renditions)
{
    if (Result<QSqlQuery> clear = exec(u"DELETE FROM renditions WHERE image_id = ?"_s, {imageId}); !clear)
        return Status::failure(clear.error());
    return insertRenditions(imageId, renditions);
}

Status Catalog::touchImage(qint64 imageId)
{
    Result<QSqlQuery> update = exec(u"UPDATE images SET revision = revision + 1, modified_at = ? WHERE id = ?"_s,
                                    {CatalogRows::now(), imageId});
    return update ? Status() : Status::failure(update.error());
}

Status Catalog::requireImage(qint64 imageId)
{
    Result<QSqlQuery> query = exec(u"SELECT 1 FROM images WHERE id = ?"_s, {imageId});
    if (!query)
        return Status::failure(query.error());
    if (!query->next())
        return Status::failure(failure(u"image %1 does not exist"_s.arg(imageId)));
    return {};
}

QString Catalog::imageUid(qint64 imageId)
{
    Result<QSqlQuery> query = exec(u"SELECT uid FROM images WHERE id = ?"_s, {imageId});
    return query && query->next() ? query->value(0).toString() : QString();
}

std::optional<ImageRecord> Catalog::loadImage(const QString &sqlTail, const QVariantList &binds)
{
    const QList<ImageRecord> images = loadImages(sqlTail, binds);
    return images.isEmpty() ? std::nullopt : std::optional<ImageRecord>(images.first());
}

QList<ImageRecord> Catalog::loadImages(const QString &sqlTail, const QVariantList &binds)
{
    Result<QList<ImageRecord>> images = queryImages(sqlTail, binds);
    if (!images) {
        qCWarning(lcCatalog).noquote() << images.error();
        return {};
    }
    return std::move(images).value();
}

Result<QList<ImageRecord>> Catalog::queryImages(const QString &sqlTail, const QVariantList &binds)
{
    using R = Result<QList<ImageRecord>>;
    checkThread();
    QList<ImageRecord> images;
    QHash<qint64, qsizetype> indexById;
    {
        Result<QSqlQuery> query = exec(kImageColumns + sqlTail, binds);
        if (!query)
            return R::failure(query.error());
        while (query->next()) {
            images.append(imageFromRow(query.value()));
            indexById.insert(images.last().id, images.size() - 1);
        }
    }
    if (images.isEmpty())
        return images;
    QList<qint64> ids;
    ids.reserve(images.size());
    for (const ImageRecord &image : std::as_const(images))
        ids.append(image.id);
    const QString idArray = CatalogRows::idArray(ids);
    Result<QSqlQuery> tags = exec(u"SELECT it.image_id, t.name FROM image_tags it JOIN tags t ON t.id = it.tag_id "
                                  "WHERE it.image_id IN (SELECT value FROM json_each(?)) "
                                  "ORDER BY it.image_id, t.folded"_s,
                                  {idArray});
    if (!tags)
        return R::failure(tags.error());
    while (tags->next())
        images[indexById.value(tags->value(0).toLongLong())].tags.append(tags->value(1).toString());
    Result<QSqlQuery> renditions = exec(u"SELECT image_id, name, width, height, bytes, sha256 FROM renditions "
                                        "WHERE image_id IN (SELECT value FROM json_each(?)) ORDER BY image_id, name"_s,
                                        {idArray});
    if (!renditions)
        return R::failure(renditions.error());
    while (renditions->next()) {
        const QSqlQuery &r = renditions.value();
        images[indexById.value(r.value(0).toLongLong())].renditions.append(
            RenditionRecord {r.value(1).toString(), r.value(2).toInt(), r.value(3).toInt(), r.value(4).toLongLong(),
                             r.value(5).toString()});
    }
    return images;
}

Status Catalog::reindexImage(qint64 imageId)
{
    if (Result<QSqlQuery> clear = exec(u"DELETE FROM image_search WHERE rowid = ?"_s, {imageId}); !clear)
        return Status::failure(clear.error());
    Result<QSqlQuery> insert =
        exec(u"INSERT INTO image_search(rowid, caption, alt_text, description, tags, entities) "_s +
                 CatalogSchema::searchRowSelect() + u"WHERE i.id = ?"_s,
             {imageId});
    return insert ? Status() : Status::failure(insert.error());
}

Status Catalog::reindexEntityImages(qint64 entityId)
{
    const QString linked = u"(SELECT image_id FROM links WHERE entity_id = ?)"_s;
    if (Result<QSqlQuery> clear = exec(u"DELETE FROM image_search WHERE rowid IN "_s + linked, {entityId}); !clear)
        return Status::failure(clear.error());
    Result<QSqlQuery> insert =
        exec(u"INSERT INTO image_search(rowid, caption, alt_text, description, tags, entities) "_s +
                 CatalogSchema::searchRowSelect() + u"WHERE i.id IN "_s + linked,
             {entityId});
    return insert ? Status() : Status::failure(insert.error());
}

#include "recordjson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace RecordJson {

QString entityReference(const Entity &entity)
{
    return entityKindName(entity.kind) + u':' + entity.key;
}

QJsonObject entity(const Entity &entity)
{
    QJsonObject json{{u"id"_s, entity.id},
                     {u"kind"_s, entityKindName(entity.kind)},
                     {u"key"_s, entity.key},
                     {u"name"_s, entity.name},
                     {u"imageCount"_s, entity.imageCount}};
    if (entity.parentId)
        json.insert(u"parentId"_s, *entity.parentId);
    if (!entity.baseKey.isEmpty())
        json.insert(u"baseKey"_s, entity.baseKey);
    return json;
}

QJsonObject image(const ImageRecord &image)
{
    const ImageFacts &facts = image.facts;
    QJsonObject json{{u"id"_s, image.id},
                     {u"uid"_s, image.uid},
                     {u"sha256"_s, image.sha256},
                     {u"originalName"_s, image.originalName},
                     {u"format"_s, facts.format},
                     {u"width"_s, facts.width},
                     {u"height"_s, facts.height},
                     {u"bytes"_s, image.bytes},
                     {u"exifOrientation"_s, facts.exifOrientation},
                     {u"rotation"_s, image.rotationQuarterTurns * 90},
                     {u"caption"_s, image.caption},
                     {u"altText"_s, image.altText},
                     {u"description"_s, image.description},
                     {u"imageType"_s, image.imageType},
                     {u"front"_s, image.front},
                     {u"tags"_s, QJsonArray::fromStringList(image.tags)},
                     {u"createdAt"_s, image.createdAt.toUTC().toString(Qt::ISODate)},
                     {u"modifiedAt"_s, image.modifiedAt.toUTC().toString(Qt::ISODate)},
                     {u"revision"_s, image.revision}};
    if (facts.capturedAt.isValid())
        json.insert(u"capturedAt"_s, facts.capturedAt.toString(Qt::ISODate));
    if (facts.gps)
        json.insert(u"gps"_s, QJsonObject{{u"latitude"_s, facts.gps->latitude}, {u"longitude"_s, facts.gps->longitude}});
    if (!facts.cameraMake.isEmpty() || !facts.cameraModel.isEmpty())
        json.insert(u"camera"_s, QJsonObject{{u"make"_s, facts.cameraMake}, {u"model"_s, facts.cameraModel}});
    QJsonArray renditions;
    for (const RenditionRecord &rendition : image.renditions)
        renditions.append(QJsonObject{{u"name"_s, rendition.name},
                                      {u"width"_s, rendition.width},
                                      {u"height"_s, rendition.height},
                                      {u"bytes"_s, rendition.bytes}});
    json.insert(u"renditions"_s, renditions);
    return json;
}

QJsonObject imageWithLinks(const ImageRecord &record, const QList<LinkInfo> &links)
{
    QJsonObject json = image(record);
    QJsonArray entities;
    for (const LinkInfo &link : links) {
        QJsonObject entry = entity(link.entity);
        entry.insert(u"sortOrder"_s, link.sortOrder);
        entry.insert(u"primary"_s, link.primary);
        entry.insert(u"pinned"_s, link.pinned);
        entities.append(entry);
    }
    json.insert(u"entities"_s, entities);
    return json;
}

} // namespace RecordJson

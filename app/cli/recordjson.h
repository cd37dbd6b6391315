#pragma once

#include "catalog/entity.h"
#include "catalog/imagerecord.h"
#include "catalog/linkinfo.h"

#include <QJsonObject>

// How vitrine-cli shows catalog records with --json: stable field names, ISO dates.
namespace RecordJson {
QJsonObject entity(const Entity &entity);
QJsonObject image(const ImageRecord &image);
QJsonObject imageWithLinks(const ImageRecord &image, const QList<LinkInfo> &links);
QString entityReference(const Entity &entity); // "product:SKU-1"
}

#pragma once

#include "catalog/entitykind.h"

#include <QString>
#include <optional>

// A customer, product, job… that images are linked to. The key (SKU, customer number, job
// number) is unique per kind; a product variant names its parent and its base key.
struct Entity final
{
    qint64 id = 0;
    EntityKind kind = EntityKind::Product;
    QString key;
    QString name;
    std::optional<qint64> parentId;
    QString baseKey;
    int imageCount = 0; // linked images, when read from the catalog
    qint64 revision = 0;
};

#pragma once

#include "catalog/entity.h"

#include <QDateTime>
#include <QString>

// One link of an image to an entity, seen from the image.
struct LinkInfo final
{
    Entity entity;
    int sortOrder = 0;
    bool primary = false; // the entity's primary image
    bool pinned = false; // chosen by a user (setPrimary) rather than the first by order
    QString pinnedBy;
    QDateTime pinnedAt;
};

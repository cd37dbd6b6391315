#pragma once

#include <QMap>
#include <QString>

// Counts and sizes for `vitrine-cli stats`.
struct CatalogStats final
{
    QMap<QString, int> entitiesPerKind; // every kind name, 0 included
    QMap<QString, int> imagesPerType; // image type -> count; "" for images without a type
    int images = 0;
    int unassignedImages = 0; // linked to no entity
    qint64 originalBytes = 0;
    qint64 renditionBytes = 0;
};

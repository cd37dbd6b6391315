#pragma once

#include "catalog/renditionrecord.h"

#include <QList>
#include <QString>

// What the gallery shows of one image: enough to paint its cell and find its thumbnail.
struct GalleryItem final
{
    qint64 id = 0;
    QString sha256;
    QString format;
    QString originalName;
    QString caption;
    QString imageType;
    bool front = false;
    // The primary image of the entity in view; in a collection, of any entity.
    bool primary = false;
    int width = 0; // as stored, before EXIF orientation and rotation
    int height = 0;
    int exifOrientation = 1;
    int rotationQuarterTurns = 0;
    QList<RenditionRecord> renditions; // sorted by name
};

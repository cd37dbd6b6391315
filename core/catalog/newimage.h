#pragma once

#include "catalog/renditionrecord.h"
#include "imaging/imagefacts.h"

#include <QList>
#include <QString>

// What the import hands to the catalog once the original and its renditions are in place.
struct NewImage final
{
    QString sha256; // of the original, lower-case hex (64 characters)
    qint64 bytes = 0;
    QString originalName; // the file name it was imported from, for the user's reference
    ImageFacts facts;
    QList<RenditionRecord> renditions;
};

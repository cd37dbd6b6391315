#pragma once

#include "catalog/entity.h"
#include "catalog/imagerecord.h"

#include <QList>

// The outcome of Catalog::recordImport. For a duplicate (the same bytes were already in
// the workspace) image is the existing image and nothing but missing links was written.
struct RecordedImport final
{
    ImageRecord image;
    bool duplicate = false;
    QList<Entity> entities; // every entity the image is linked to afterwards
};

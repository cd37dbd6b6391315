#pragma once

#include "imaging/importlimits.h"
#include "imaging/renditionspec.h"

#include <QList>

struct ImportOptions final
{
    QList<qint64> entityIds;  // every imported image is linked to these entities
    QList<RenditionSpec> renditions = RenditionSpec::defaults();
    ImportLimits limits;
};

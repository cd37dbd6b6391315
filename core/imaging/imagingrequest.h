#pragma once

#include "imaging/imagingresult.h"
#include "imaging/importlimits.h"
#include "imaging/renditionspec.h"

#include <QList>
#include <QString>

// One file for the imaging worker: sniff, check limits, read metadata, decode scaled,
// orient, write renditions. Answered by an ImagingResult.
struct ImagingRequest final
{
    QString sourcePath;   // the file to read (a staged copy under the store's tmp/)
    QString displayName;  // the user's file name, for messages (and the test fault switch)
    QString outputDir;    // where the worker writes renditions as new unique files
    int rotationQuarterTurns = 0; // user rotation, clockwise, applied after EXIF orientation
    QList<RenditionSpec> renditions = RenditionSpec::defaults();
    // What this file is checked against: size, pixels, allocation, CPU and wall time.
    // (The pool's own ImportLimits set the worker processes' memory limit.)
    ImportLimits limits;
};

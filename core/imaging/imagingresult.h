#pragma once

#include "imaging/imagefacts.h"

#include <QList>
#include <QString>

// One rendition the worker wrote: a new, uniquely named JPEG in the request's outputDir.
// The caller moves it into place (or deletes it).
struct RenditionFile final
{
    QString name;   // the RenditionSpec's name, e.g. "thumb150"
    QString path;   // absolute path inside ImagingRequest::outputDir
    int width = 0;  // upright pixel size
    int height = 0;
    qint64 bytes = 0;
};

// What became of one ImagingRequest. On failure no rendition file is left behind.
struct ImagingResult final
{
    bool ok = false;
    QString error; // names displayName and the reason: "photo.jpg: not an image (a shell script)"
    ImageFacts facts;
    QList<RenditionFile> renditions; // in the order of ImagingRequest::renditions
};

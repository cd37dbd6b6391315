#pragma once

#include <QList>
#include <QString>

// One rendition the import makes: a JPEG whose long side is at most longSide pixels
// (never upscaled), written at the given quality.
struct RenditionSpec final
{
    QString name;   // "thumb150", "thumb300", "thumb500", "web1024": part of the file name
    int longSide = 0;
    int quality = 80; // JPEG quality, 65..85 for the defaults
    bool progressive = false;

    // The source documents' sizes: 150/300/500 px thumbnails and a 1024 px optimized,
    // progressive JPEG; smaller renditions get lower quality (they hide artefacts less
    // badly per byte but are viewed small).
    static QList<RenditionSpec> defaults();
};

#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

// What the imaging worker learned about one image: the sniffed format, the pixel size
// of the stored original (as encoded, before orientation) and its EXIF/XMP/IPTC facts.
// Produced in the isolated worker, serialised over the pipe, recorded by the catalog.
struct GpsPosition final
{
    double latitude = 0.0;   // degrees, north positive
    double longitude = 0.0;  // degrees, east positive
    std::optional<double> altitude; // metres above sea level
};

struct ImageFacts final
{
    QString format;          // "jpeg", "png", "webp", "gif", "tiff" (see ImageFormat)
    int width = 0;           // encoded pixel size, before EXIF orientation
    int height = 0;
    int exifOrientation = 1; // 1..8 as in EXIF; 1 when absent or invalid
    QDateTime capturedAt;    // invalid when unknown
    std::optional<GpsPosition> gps;
    QString cameraMake;
    QString cameraModel;
    QString metadataWarning; // non-empty when metadata was unreadable but the image was fine
};

#pragma once

#include "imaging/imageformat.h"

#include <QByteArrayView>
#include <QSize>

// Reads the pixel size a file's header claims, with no decoder involved, so that a file
// claiming an absurd size is refused before any library allocates for it. Returns an
// invalid size when the header is unreadable or the format keeps its size deep inside
// (TIFF: the caller then asks QImageReader).
class ImageHeader final
{
public:
    ImageHeader() = delete;

    static QSize claimedSize(QByteArrayView bytes, ImageFormat format);

private:
    static QSize jpegSize(QByteArrayView bytes);
    static QSize pngSize(QByteArrayView bytes);
    static QSize gifSize(QByteArrayView bytes);
    static QSize webpSize(QByteArrayView bytes);
};

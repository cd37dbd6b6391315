#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QImage>

struct ViewerImage;

// Reads a viewer image's pixels from disk. Blocking: call it on a pool thread, never on
// the GUI thread. Errors name the file and the reason.
class ViewerImageReader final
{
    Q_DECLARE_TR_FUNCTIONS(ViewerImageReader)
public:
    ViewerImageReader() = delete;

    // An original is decoded at most this many pixels on its long side: more would cost
    // memory without showing more on any screen at sensible zoom.
    static constexpr int maxLongSide = 8192;

    // The largest rendition that can be read (renditions are upright already).
    static Result<QImage> readRendition(const ViewerImage &image);
    // The original, oriented (EXIF orientation and the user's rotation applied once).
    static Result<QImage> readOriginal(const ViewerImage &image);

private:
    static Result<QImage> read(const QString &path, int allocationLimitMb);
};

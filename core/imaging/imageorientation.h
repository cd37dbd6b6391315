#pragma once

#include <QImage>
#include <QSize>

// Turns stored pixels upright: the EXIF orientation (1..8) first, then the user's rotation
// in clockwise quarter turns. Both combine into one mirror and one rotation, so an image
// is transformed once.
class ImageOrientation final
{
public:
    ImageOrientation(int exifOrientation, int quarterTurns);

    // True when width and height trade places.
    bool swapsAxes() const;
    QSize apply(QSize stored) const;
    QImage apply(const QImage &stored) const;

private:
    bool m_mirror = false; // horizontal, applied before the rotation
    int m_turns = 0;       // clockwise quarter turns, 0..3
};

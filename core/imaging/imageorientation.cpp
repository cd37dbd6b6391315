#include "imageorientation.h"

#include <QTransform>

ImageOrientation::ImageOrientation(int exifOrientation, int quarterTurns)
{
    // EXIF orientation as "mirror horizontally, then turn clockwise n quarter turns".
    struct Step { bool mirror; int turns; };
    static const Step steps[] = {
        {false, 0}, // 1: upright
        {true, 0},  // 2: mirrored
        {false, 2}, // 3: upside down
        {true, 2},  // 4: mirrored vertically
        {true, 3},  // 5: transposed
        {false, 1}, // 6: needs a quarter turn clockwise
        {true, 1},  // 7: transversed
        {false, 3}, // 8: needs a quarter turn anticlockwise
    };
    const Step step = exifOrientation >= 1 && exifOrientation <= 8 ? steps[exifOrientation - 1]
                                                                   : steps[0];
    m_mirror = step.mirror;
    m_turns = (((step.turns + quarterTurns) % 4) + 4) % 4;
}

bool ImageOrientation::swapsAxes() const
{
    return m_turns % 2 == 1;
}

QSize ImageOrientation::apply(QSize stored) const
{
    return swapsAxes() ? stored.transposed() : stored;
}

QImage ImageOrientation::apply(const QImage &stored) const
{
    QImage image = stored;
    if (m_mirror && m_turns == 2)
        return image.mirrored(false, true); // mirror + half turn = vertical mirror
    if (m_mirror)
        image = image.mirrored(true, false);
    if (m_turns == 2)
        return image.mirrored(true, true);
    if (m_turns != 0)
        image = image.transformed(QTransform().rotate(90.0 * m_turns));
    return image;
}

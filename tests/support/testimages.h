#pragma once

#include "imaging/imagefacts.h"

#include <QByteArray>
#include <QColor>
#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>
#include <optional>

// Images made on the fly for tests: every format the import accepts, the hostile and
// broken inputs it must refuse, and EXIF written with exiv2.
//
// Every image shows the same asymmetric test pattern when upright: a red top-left quadrant,
// a green top-right quadrant and a blue bottom half. No rotation or mirror of it looks the
// same, so isUprightPattern() tells whether a rendition was oriented correctly.
class TestImages final
{
public:
    TestImages() = delete;

    // The upright pattern itself (Format_RGB32, or ARGB32 with a transparent bottom-right
    // quadrant when withAlpha).
    static QImage pattern(QSize size, bool withAlpha = false);

    static QByteArray jpeg(QSize size = {64, 48}, int quality = 90);
    static QByteArray png(QSize size = {64, 48});
    // The pattern with a fully transparent bottom-right quadrant (white once flattened).
    static QByteArray pngWithAlpha(QSize size = {64, 48});
    static QByteArray webp(QSize size = {64, 48});
    // Written by our own encoder (Qt cannot write GIF). With frames > 1 the later frames
    // are plain black, so a rendition showing the pattern proves the first frame was used.
    static QByteArray gif(QSize size = {64, 48}, int frames = 1);
    static QByteArray tiff(QSize size = {64, 48});

    // A JPEG whose stored pixels are the pattern transformed so that applying EXIF
    // orientation exifOrientation (1..8) shows it upright; the tag is written by exiv2.
    // For 5..8 the stored image is upright.transposed() in size.
    static QByteArray orientedJpeg(int exifOrientation, QSize upright = {64, 48});
    // A copy of jpeg with camera, capture time (DateTimeOriginal) and GPS written by exiv2.
    static QByteArray withExif(const QByteArray &jpeg, const QString &make, const QString &model,
                               const QDateTime &capturedAt, std::optional<GpsPosition> gps = {});
    // A JPEG of distinct bytes (and pixels) for each seed, showing the upright pattern.
    static QByteArray uniqueJpeg(int seed, QSize size = {64, 48});

    // A readable JPEG with a broken Exif APP1 segment (an IFD pointing past its end).
    static QByteArray corruptExifJpeg(QSize size = {64, 48});
    static QByteArray truncated(const QByteArray &bytes, int keepBytes);
    // Tiny files whose headers claim 65535×65535 pixels.
    static QByteArray hugeHeaderPng();
    static QByteArray hugeHeaderJpeg();

    // Not images (each is what a ".jpg" could really be).
    static QByteArray fakeMp4();      // an ISO media ftyp box and an mdat
    static QByteArray shellScript();
    static QByteArray svg();
    static QByteArray xpm();
    static QByteArray psd();

    // Writes bytes to dir/name and returns the path (empty on failure).
    static QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes);

    // True when image shows the upright pattern (colours checked at the quadrant centres,
    // with a tolerance for JPEG artefacts). quarterTurns > 0: the pattern turned clockwise.
    static bool isUprightPattern(const QImage &image);
    static bool isPatternTurned(const QImage &image, int quarterTurns);
    // The colour at a point given in fractions of the width and height (0..1).
    static QColor colourAt(const QImage &image, double fx, double fy);
    // Coarse colour name of a pixel: "red", "green", "blue", "white", "black" or "other".
    static QString colourName(const QColor &colour);
};

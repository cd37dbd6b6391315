#pragma once

#include "common/result.h"
#include "imaging/imageformat.h"
#include "imaging/importlimits.h"

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QImageReader>
#include <QSize>

// Decodes an untrusted image from memory with the sniffed format forced (no auto-detection),
// Qt's allocation limit set, the pixel count checked before decoding, and shrink-on-load:
// for JPEG, QImageReader::setScaledSize makes libjpeg decode at a reduced DCT scale.
// Errors are reasons in the user's words, to follow "<file name>: ".
class ImageDecoder final
{
public:
    ImageDecoder(const QByteArray &bytes, ImageFormat format, const ImportLimits &limits);
    Q_DISABLE_COPY_MOVE(ImageDecoder)

    // The stored pixel size from the header; refuses more than limits.maxPixels.
    Result<QSize> readSize();
    // Decodes the first frame scaled to exactly scaledSize (an empty size: full size), as
    // Format_RGB32 with any alpha flattened onto white. Call readSize() first.
    Result<QImage> read(QSize scaledSize);

    // The size a rendition of at most longSide pixels gets: aspect kept, never upscaled.
    static QSize fittedSize(QSize source, int longSide);
    // The reason for refusing a claimed size, or an empty string if it is within limits.
    static QString pixelLimitReason(QSize claimed, const ImportLimits &limits);

private:
    static QImage flattened(QImage image);

    QByteArray m_bytes;
    QBuffer m_buffer;
    QImageReader m_reader;
    ImageFormat m_format;
    ImportLimits m_limits;
};

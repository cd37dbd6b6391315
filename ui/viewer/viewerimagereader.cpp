#include "viewer/viewerimagereader.h"

#include "imaging/imageorientation.h"
#include "viewer/viewerimage.h"

#include <QFileInfo>
#include <QImageReader>
#include <QPainter>

#include <algorithm>

namespace {

// Renditions are flattened on white when they are made; the original must look the same
// when it replaces one, and an opaque format paints fastest.
QImage opaque(QImage image)
{
    if (!image.hasAlphaChannel())
        return image.format() == QImage::Format_RGB32 ? image : image.convertToFormat(QImage::Format_RGB32);
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, image);
    return flat;
}

} // namespace

Result<QImage> ViewerImageReader::readRendition(const ViewerImage &image)
{
    if (image.renditionPaths.isEmpty())
        return Result<QImage>::failure(tr("%1 has no renditions").arg(image.title));
    QString firstError;
    for (const QString &path : image.renditionPaths) {
        Result<QImage> read = ViewerImageReader::read(path, 64); // at most 1024 px: small
        if (read)
            return read;
        if (firstError.isEmpty())
            firstError = read.error();
    }
    return Result<QImage>::failure(firstError);
}

Result<QImage> ViewerImageReader::readOriginal(const ViewerImage &image)
{
    // The import refused anything over its pixel limit, so the memory one decode needs is
    // known from the header; Qt's default limit (256 MB) would refuse large photos.
    const QSize stored = QImageReader(image.originalPath).size();
    const qint64 bytes = stored.isValid() ? qint64(stored.width()) * stored.height() * 4 : 0;
    const int limitMb = int(std::clamp<qint64>(bytes / (1024 * 1024) + 64, 256, 1024));
    Result<QImage> read = ViewerImageReader::read(image.originalPath, limitMb);
    if (!read)
        return read;
    return ImageOrientation(image.exifOrientation, image.quarterTurns).apply(read.value());
}

Result<QImage> ViewerImageReader::read(const QString &path, int allocationLimitMb)
{
    if (!QFileInfo::exists(path))
        return Result<QImage>::failure(tr("Cannot show %1: the file is missing").arg(path));
    QImageReader reader(path);
    reader.setAutoTransform(false); // orientation is applied exactly once, by the caller
    reader.setAllocationLimit(allocationLimitMb);
    const QSize size = reader.size();
    if (size.isValid() && std::max(size.width(), size.height()) > maxLongSide)
        reader.setScaledSize(size.scaled(maxLongSide, maxLongSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return Result<QImage>::failure(tr("Cannot show %1: %2").arg(path, reader.errorString()));
    return opaque(std::move(image));
}

#include "viewer/viewerimage.h"

#include "catalog/imagerecord.h"
#include "imaging/imageorientation.h"
#include "storage/filestore.h"

#include <algorithm>

ViewerImage ViewerImage::fromRecord(const ImageRecord &record, const FileStore &store)
{
    ViewerImage image;
    image.id = record.id;
    image.title = record.caption.trimmed().isEmpty() ? record.originalName : record.caption.trimmed();
    image.exifOrientation = record.facts.exifOrientation;
    image.quarterTurns = record.rotationQuarterTurns;
    image.originalPath = store.originalPath(record.sha256, record.facts.format);

    QList<RenditionRecord> renditions = record.renditions;
    std::sort(renditions.begin(), renditions.end(), [](const RenditionRecord &a, const RenditionRecord &b) {
        const qint64 areaA = qint64(a.width) * a.height;
        const qint64 areaB = qint64(b.width) * b.height;
        // Of two the same size (a small image), the larger file was written at higher quality.
        return areaA != areaB ? areaA > areaB : a.bytes > b.bytes;
    });
    for (const RenditionRecord &rendition : std::as_const(renditions))
        image.renditionPaths.append(store.renditionPath(record.sha256, rendition.name, rendition.sha256));

    const QSize stored(record.facts.width, record.facts.height);
    if (!stored.isEmpty())
        image.uprightSize = ImageOrientation(image.exifOrientation, image.quarterTurns).apply(stored);
    else if (!renditions.isEmpty()) // facts unknown: the largest rendition is the best guess
        image.uprightSize = QSize(renditions.first().width, renditions.first().height);
    return image;
}

bool ViewerImage::samePixels(const ViewerImage &other) const
{
    return id == other.id && uprightSize == other.uprightSize && renditionPaths == other.renditionPaths
        && originalPath == other.originalPath && exifOrientation == other.exifOrientation
        && quarterTurns == other.quarterTurns;
}

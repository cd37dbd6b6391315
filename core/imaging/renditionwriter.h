#pragma once

#include "common/result.h"
#include "imaging/imagingresult.h"
#include "imaging/renditionspec.h"

#include <QImage>
#include <QList>
#include <QString>

// Writes the renditions of one upright image as new, uniquely named JPEG files
// ("<prefix><name>-XXXXXX.jpg" in a directory): the largest first, each smaller one scaled
// smoothly from the previous. All or nothing: on failure, what was written is removed.
class RenditionWriter final
{
public:
    RenditionWriter(QString outputDir, QString filePrefix);

    // image: upright, already at (or above) the largest rendition's size.
    // uprightSize: the full upright size of the source, which the rendition sizes follow.
    Result<QList<RenditionFile>> write(const QImage &image, QSize uprightSize,
                                       const QList<RenditionSpec> &specs);

private:
    Result<RenditionFile> writeOne(const QImage &image, const RenditionSpec &spec);

    QString m_outputDir;
    QString m_filePrefix;
};

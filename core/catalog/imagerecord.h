#pragma once

#include "catalog/renditionrecord.h"
#include "imaging/imagefacts.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// One image as the catalog knows it.
struct ImageRecord final
{
    qint64 id = 0;
    QString uid; // deterministic per workspace and content (UUID v5 of the sha256)
    QString sha256;
    QString originalName;
    ImageFacts facts; // format, encoded pixel size, EXIF facts (metadataWarning is not kept)
    qint64 bytes = 0;
    int rotationQuarterTurns = 0; // the user's rotation, clockwise, 0..3, on top of EXIF
    QString caption;
    QString altText;
    QString description;
    QString imageType;
    bool front = false;
    QStringList tags; // sorted case-insensitively
    QDateTime createdAt;
    QDateTime modifiedAt;
    qint64 revision = 0; // local revision, incremented by every user change
    QList<RenditionRecord> renditions; // sorted by name
};

#pragma once

#include "catalog/entity.h"

#include <QList>
#include <QMetaType>
#include <QString>

// What became of one file of an import batch.
struct ImportItemResult final
{
    enum class Outcome { Imported, Duplicate, Failed, NotAttempted };

    QString sourcePath;
    Outcome outcome = Outcome::NotAttempted;
    QString message;          // the reason, naming the file, for Failed and NotAttempted
    qint64 imageId = 0;       // the new image, or the existing one a duplicate matched
    QString imageUid;
    QList<Entity> entities;   // for a duplicate: the entities the existing image belongs to

    static QString outcomeName(Outcome outcome);
};
Q_DECLARE_METATYPE(ImportItemResult)

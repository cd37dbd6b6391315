#pragma once

#include "catalog/storedfileref.h"

#include <QList>
#include <QString>

// What StoreCleanup::apply would do, for the user to read and confirm first.
struct CleanupPlan final
{
    struct OrphanFile
    {
        QString path;
        qint64 bytes = 0;
        qint64 imageId = 0; // set for a rendition of an image forgotten for its missing original
    };

    QList<OrphanFile> orphanFiles;     // files no record refers to: removed
    QList<StoredFileRef> missingFiles; // records whose file is missing: removed (a missing
                                       // original forgets its image; a missing rendition
                                       // drops only that rendition's record)
    QList<OrphanFile> tooRecent;       // unrecorded files younger than the minimum age:
                                       // maybe an import about to record them; left alone

    qint64 orphanBytes() const;
    bool isEmpty() const { return orphanFiles.isEmpty() && missingFiles.isEmpty(); }
};

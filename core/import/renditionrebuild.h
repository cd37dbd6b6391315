#pragma once

#include "catalog/imagerecord.h"
#include "common/result.h"
#include "imaging/importlimits.h"
#include "imaging/renditionspec.h"

class FileStore;
class ImagingPool;

// Makes an image's renditions again from its untouched original, for a user rotation or
// for compress-old. The new files get new content-addressed names beside the old ones;
// the caller records them in the catalog and only then discards the files they replace.
// Must run on one of the imaging pool's threads.
class RenditionRebuild final
{
public:
    RenditionRebuild(const FileStore &store, ImagingPool &pool, ImportLimits limits = {});

    Result<QList<RenditionRecord>> make(const ImageRecord &image, int rotationQuarterTurns,
                                        const QList<RenditionSpec> &specs);
    // Removes the files of `before` that `after` no longer names.
    void discardReplaced(const ImageRecord &before, const QList<RenditionRecord> &after) const;

private:
    const FileStore &m_store;
    ImagingPool &m_pool;
    ImportLimits m_limits;
};

#include "renditionrebuild.h"

#include "imaging/imagingpool.h"
#include "renditionplacement.h"
#include "storage/filestore.h"

#include <algorithm>

RenditionRebuild::RenditionRebuild(const FileStore &store, ImagingPool &pool, ImportLimits limits)
    : m_store(store)
    , m_pool(pool)
    , m_limits(limits)
{
}

Result<QList<RenditionRecord>> RenditionRebuild::make(const ImageRecord &image, int rotationQuarterTurns,
                                                      const QList<RenditionSpec> &specs)
{
    using R = Result<QList<RenditionRecord>>;
    const ImagingRequest request{m_store.originalPath(image.sha256, image.facts.format), image.originalName,
                                 m_store.tempDirectory(), rotationQuarterTurns, specs, m_limits};
    const ImagingResult made = m_pool.process(request);
    if (!made.ok) {
        RenditionPlacement::discard(m_store, made.renditions);
        return R::failure(made.error);
    }
    R placed = RenditionPlacement::place(m_store, image.sha256, made.renditions);
    if (!placed)
        RenditionPlacement::discard(m_store, made.renditions);
    return placed;
}

void RenditionRebuild::discardReplaced(const ImageRecord &before, const QList<RenditionRecord> &after) const
{
    for (const RenditionRecord &old : before.renditions) {
        const bool kept = std::any_of(after.cbegin(), after.cend(), [&old](const RenditionRecord &r) {
            return r.name == old.name && r.sha256 == old.sha256;
        });
        if (!kept)
            (void)m_store.discard(m_store.renditionPath(before.sha256, old.name, old.sha256));
    }
}

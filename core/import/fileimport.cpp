#include "fileimport.h"

#include "catalog/catalog.h"
#include "imaging/imagingpool.h"
#include "renditionplacement.h"
#include "storage/filestore.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;
using Outcome = ImportItemResult::Outcome;

namespace {

// The worker names the file by its bare name; the user wants the path they gave.
QString withFullPath(const QString &sourcePath, const QString &displayName, const QString &error)
{
    const QString prefix = displayName + u": "_s;
    return sourcePath + u": " + (error.startsWith(prefix) ? error.mid(prefix.size()) : error);
}

} // namespace

FileImport::FileImport(Catalog &catalog, const FileStore &store, ImagingPool &pool, const ImportOptions &options)
    : m_catalog(catalog)
    , m_store(store)
    , m_pool(pool)
    , m_options(options)
{
}

ImportItemResult FileImport::run(const QString &sourcePath, int *errorCode)
{
    const Result<StagedFile> staged = m_store.stage(sourcePath, m_options.limits.maxFileBytes);
    if (!staged)
        return failed(sourcePath, staged.error(), staged.code(), errorCode);

    if (const auto existing = m_catalog.imageBySha256(staged->sha256)) {
        (void)m_store.discard(staged->tempPath);
        return duplicateOf(sourcePath, existing->id);
    }

    ImagingRequest request{staged->tempPath, QFileInfo(sourcePath).fileName(), m_store.tempDirectory(), 0,
                           m_options.renditions, m_options.limits};
    const ImagingResult made = m_pool.process(request);
    if (!made.ok) {
        (void)m_store.discard(staged->tempPath);
        RenditionPlacement::discard(m_store, made.renditions);
        return failed(sourcePath, withFullPath(sourcePath, request.displayName, made.error), 0, errorCode);
    }

    const Result<QList<RenditionRecord>> renditions = RenditionPlacement::place(m_store, staged->sha256, made.renditions);
    const Status original = renditions ? m_store.place(staged->tempPath, m_store.originalPath(staged->sha256, made.facts.format))
                                       : Status::failure(renditions.error(), renditions.code());
    if (!original) {
        (void)m_store.discard(staged->tempPath);
        RenditionPlacement::discard(m_store, made.renditions);
        return failed(sourcePath, original.error(), original.code(), errorCode);
    }

    const NewImage image{staged->sha256, staged->bytes, QFileInfo(sourcePath).fileName(), made.facts, renditions.value()};
    const Result<RecordedImport> recorded = m_catalog.recordImport(image, m_options.entityIds);
    if (!recorded)
        return failed(sourcePath, recorded.error(), recorded.code(), errorCode);
    if (recorded->duplicate) // another thread or process recorded the same bytes first
        return duplicateOf(sourcePath, recorded->image.id);

    ImportItemResult result{sourcePath, Outcome::Imported, {}, recorded->image.id, recorded->image.uid, recorded->entities};
    if (!made.facts.metadataWarning.isEmpty())
        result.message = sourcePath + u": imported; " + made.facts.metadataWarning;
    return result;
}

ImportItemResult FileImport::duplicateOf(const QString &sourcePath, qint64 imageId)
{
    // Linking the existing image to the requested entities is what the user meant.
    const auto existing = m_catalog.imageById(imageId);
    QList<Entity> entities;
    for (const LinkInfo &link : m_catalog.linksOfImage(imageId))
        entities.append(link.entity);
    for (const qint64 entityId : m_options.entityIds) {
        const bool linked = std::any_of(entities.cbegin(), entities.cend(),
                                        [entityId](const Entity &e) { return e.id == entityId; });
        if (!linked && m_catalog.link(imageId, entityId))
            if (const auto entity = m_catalog.entityById(entityId))
                entities.append(*entity);
    }
    const QString uid = existing ? existing->uid : QString();
    const QString name = existing ? existing->originalName : QString();
    return {sourcePath, Outcome::Duplicate,
            sourcePath + u": already in the workspace as image " + uid + u" (\"" + name + u"\")",
            imageId, uid, entities};
}

ImportItemResult FileImport::failed(const QString &sourcePath, const QString &message, int code, int *errorCode) const
{
    if (errorCode)
        *errorCode = code;
    return {sourcePath, Outcome::Failed, message, 0, {}, {}};
}

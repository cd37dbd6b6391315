#include "imagerotation.h"

#include "catalog/catalog.h"
#include "imaging/imagingpool.h"
#include "renditionrebuild.h"
#include "storage/filestore.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

ImageRotation::ImageRotation(Workspace workspace, ImagingPool &pool, QList<RenditionSpec> specs)
    : m_workspace(std::move(workspace))
    , m_pool(pool)
    , m_specs(std::move(specs))
{
}

Status ImageRotation::rotate(qint64 imageId, int quarterTurns)
{
    return QtConcurrent::run(m_pool.threadPool(), [this, imageId, quarterTurns] {
               return rotateOnPoolThread(imageId, quarterTurns);
           }).result();
}

Status ImageRotation::rotateOnPoolThread(qint64 imageId, int quarterTurns)
{
    auto catalog = Catalog::open(m_workspace.catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!catalog)
        return Status::failure(catalog.error());
    const auto image = catalog.value()->imageById(imageId);
    if (!image)
        return Status::failure(u"no image "_s + QString::number(imageId) + u" in workspace " + m_workspace.name());
    const int turns = ((image->rotationQuarterTurns + quarterTurns) % 4 + 4) % 4;

    const FileStore store(m_workspace.storeDirectory());
    RenditionRebuild rebuild(store, m_pool);
    const auto made = rebuild.make(*image, turns, m_specs);
    if (!made)
        return Status::failure(made.error());
    if (const Status recorded = catalog.value()->setRotation(imageId, turns, made.value()); !recorded)
        return recorded;
    rebuild.discardReplaced(*image, made.value());
    return {};
}

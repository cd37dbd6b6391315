#include "commands/unlinkcommand.h"

#include "catalog/catalog.h"

UnlinkCommand::UnlinkCommand(CommandContext context, qint64 entityId, qint64 imageId)
    : CatalogCommand(context, tr("Remove link")), m_entityId(entityId), m_imageId(imageId),
      m_before(std::make_shared<Before>())
{
}

void UnlinkCommand::redo()
{
    write(
        [entity = m_entityId, image = m_imageId, before = m_before](Catalog &catalog) -> Status {
            Result<QList<qint64>> order =
                catalog.galleryImageIds(GallerySelection::ofEntity(entity), GallerySort::Order);
            if (!order)
                return Status::failure(order.error());
            before->order = order.value();
            for (const LinkInfo &link : catalog.linksOfImage(image)) {
                if (link.entity.id == entity) {
                    before->pinned = link.pinned;
                    before->pinnedBy = link.pinnedBy;
                }
            }
            return catalog.unlink(image, entity);
        },
        {m_imageId});
}

void UnlinkCommand::undo()
{
    write(
        [entity = m_entityId, image = m_imageId, before = m_before](Catalog &catalog) -> Status {
            if (Status status = catalog.link(image, entity); !status)
                return status;
            // Back at its old place among the images the entity has now.
            Result<QList<qint64>> order =
                catalog.galleryImageIds(GallerySelection::ofEntity(entity), GallerySort::Order);
            if (!order)
                return Status::failure(order.error());
            QList<qint64> restored = order.value();
            restored.removeAll(image);
            restored.insert(std::clamp(int(before->order.indexOf(image)), 0, int(restored.size())), image);
            if (Status status = catalog.reorder(entity, restored); !status)
                return status;
            return before->pinned ? catalog.setPrimary(entity, image, before->pinnedBy) : Status();
        },
        {m_imageId});
}

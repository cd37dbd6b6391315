#include "commands/primarycommand.h"

#include "catalog/catalog.h"

namespace {

void rememberPin(Catalog &catalog, qint64 entityId, qint64 &pinnedImage, QString &pinnedBy)
{
    pinnedImage = 0;
    const std::optional<ImageRecord> primary = catalog.primaryImage(entityId);
    if (!primary)
        return;
    for (const LinkInfo &link : catalog.linksOfImage(primary->id)) {
        if (link.entity.id == entityId && link.pinned) {
            pinnedImage = primary->id;
            pinnedBy = link.pinnedBy;
        }
    }
}

} // namespace

PrimaryCommand::PrimaryCommand(CommandContext context, qint64 entityId, qint64 imageId)
    : CatalogCommand(context, imageId != 0 ? tr("Set as primary") : tr("Unpin primary image")), m_entityId(entityId),
      m_imageId(imageId), m_before(std::make_shared<Before>())
{
}

void PrimaryCommand::redo()
{
    write([entity = m_entityId, image = m_imageId, before = m_before](Catalog &catalog) -> Status {
        rememberPin(catalog, entity, before->pinnedImage, before->pinnedBy);
        return image != 0 ? catalog.setPrimary(entity, image, userName()) : catalog.unpinPrimary(entity);
    });
}

void PrimaryCommand::undo()
{
    write([entity = m_entityId, before = m_before](Catalog &catalog) -> Status {
        if (before->pinnedImage != 0)
            return catalog.setPrimary(entity, before->pinnedImage, before->pinnedBy);
        return catalog.unpinPrimary(entity);
    });
}

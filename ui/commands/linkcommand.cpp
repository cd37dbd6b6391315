#include "commands/linkcommand.h"

#include "catalog/catalog.h"

LinkCommand::LinkCommand(CommandContext context, qint64 entityId, QList<qint64> imageIds)
    : CatalogCommand(context, tr("Link %n image(s)", nullptr, int(imageIds.size()))), m_entityId(entityId),
      m_imageIds(std::move(imageIds)), m_added(std::make_shared<QList<qint64>>())
{
}

void LinkCommand::redo()
{
    write([entity = m_entityId, ids = m_imageIds, added = m_added](Catalog &catalog) -> Status {
        Result<QList<qint64>> linked = catalog.galleryImageIds(GallerySelection::ofEntity(entity), GallerySort::Order);
        if (!linked)
            return Status::failure(linked.error());
        added->clear();
        for (qint64 id : ids) {
            if (linked->contains(id) || added->contains(id))
                continue;
            if (Status status = catalog.link(id, entity); !status)
                return status;
            added->append(id);
        }
        return {};
    });
}

void LinkCommand::undo()
{
    write([entity = m_entityId, added = m_added](Catalog &catalog) -> Status {
        for (qint64 id : std::as_const(*added)) {
            if (Status status = catalog.unlink(id, entity); !status)
                return status;
        }
        return {};
    });
}

#include "commands/tagscommand.h"

#include "catalog/catalog.h"

TagsCommand::TagsCommand(CommandContext context, qint64 imageId, QStringList tags)
    : CatalogCommand(context, tr("Edit tags")), m_imageId(imageId), m_tags(std::move(tags)),
      m_before(std::make_shared<QStringList>())
{
}

void TagsCommand::redo()
{
    write(
        [id = m_imageId, tags = m_tags, before = m_before](Catalog &catalog) -> Status {
            const std::optional<ImageRecord> image = catalog.imageById(id);
            if (!image)
                return Status::failure(tr("image %1 no longer exists").arg(id));
            *before = image->tags;
            return catalog.setTags(id, tags);
        },
        {m_imageId});
}

void TagsCommand::undo()
{
    write([id = m_imageId, before = m_before](Catalog &catalog) { return catalog.setTags(id, *before); }, {m_imageId});
}

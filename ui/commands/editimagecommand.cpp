#include "commands/editimagecommand.h"

#include "catalog/catalog.h"

namespace {

// The current values of exactly the fields the edit changes.
ImageEdit currentValues(const ImageRecord &image, const ImageEdit &edit)
{
    ImageEdit before;
    if (edit.caption)
        before.caption = image.caption;
    if (edit.altText)
        before.altText = image.altText;
    if (edit.description)
        before.description = image.description;
    if (edit.imageType)
        before.imageType = image.imageType;
    if (edit.front)
        before.front = image.front;
    return before;
}

QString describe(const ImageEdit &edit)
{
    if (edit.caption)
        return EditImageCommand::tr("Edit caption");
    if (edit.altText)
        return EditImageCommand::tr("Edit alt text");
    if (edit.description)
        return EditImageCommand::tr("Edit description");
    if (edit.imageType)
        return EditImageCommand::tr("Change image type");
    return EditImageCommand::tr("Change front flag");
}

} // namespace

EditImageCommand::EditImageCommand(CommandContext context, qint64 imageId, ImageEdit edit)
    : CatalogCommand(context, describe(edit)), m_imageId(imageId), m_edit(std::move(edit)),
      m_before(std::make_shared<ImageEdit>())
{
}

void EditImageCommand::redo()
{
    write(
        [id = m_imageId, edit = m_edit, before = m_before](Catalog &catalog) -> Status {
            const std::optional<ImageRecord> image = catalog.imageById(id);
            if (!image)
                return Status::failure(EditImageCommand::tr("image %1 no longer exists").arg(id));
            *before = currentValues(*image, edit);
            return catalog.editImage(id, edit);
        },
        {m_imageId});
}

void EditImageCommand::undo()
{
    write([id = m_imageId, before = m_before](Catalog &catalog) { return catalog.editImage(id, *before); },
          {m_imageId});
}

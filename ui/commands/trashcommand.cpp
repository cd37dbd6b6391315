#include "commands/trashcommand.h"

#include "catalog/catalog.h"

TrashCommand::TrashCommand(CommandContext context, QList<qint64> imageIds, Direction direction)
    : CatalogCommand(context,
                     direction == Direction::ToTrash ? tr("Move %n image(s) to the trash", nullptr, int(imageIds.size()))
                                                     : tr("Restore %n image(s)", nullptr, int(imageIds.size()))),
      m_imageIds(std::move(imageIds)), m_direction(direction)
{
}

void TrashCommand::redo()
{
    move(m_direction == Direction::ToTrash);
}

void TrashCommand::undo()
{
    move(m_direction != Direction::ToTrash);
}

void TrashCommand::move(bool toTrash)
{
    write(
        [ids = m_imageIds, toTrash](Catalog &catalog) {
            return toTrash ? catalog.trashImages(ids) : catalog.restoreImages(ids);
        },
        m_imageIds);
}

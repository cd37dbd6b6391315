#pragma once

#include "commands/catalogcommand.h"

#include <QCoreApplication>

// Moves images to the trash (or, from the trash view, restores them); undo does the
// opposite. Nothing is forgotten until the user empties the trash.
class TrashCommand final : public CatalogCommand
{
    Q_DECLARE_TR_FUNCTIONS(TrashCommand)

public:
    enum class Direction { ToTrash, Restore };
    TrashCommand(CommandContext context, QList<qint64> imageIds, Direction direction);
    void redo() override;
    void undo() override;

private:
    void move(bool toTrash);

    QList<qint64> m_imageIds;
    Direction m_direction;
};

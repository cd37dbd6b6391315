#pragma once

#include "commands/catalogcommand.h"

#include <QCoreApplication>
#include <memory>

// Removes an image from an entity's gallery; undo links it again at the same place and
// pins it again if it was the pinned primary.
class UnlinkCommand final : public CatalogCommand
{
    Q_DECLARE_TR_FUNCTIONS(UnlinkCommand)

public:
    UnlinkCommand(CommandContext context, qint64 entityId, qint64 imageId);
    void redo() override;
    void undo() override;

private:
    struct Before
    {
        QList<qint64> order;
        bool pinned = false;
        QString pinnedBy;
    };
    qint64 m_entityId;
    qint64 m_imageId;
    std::shared_ptr<Before> m_before;
};

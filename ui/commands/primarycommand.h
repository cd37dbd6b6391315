#pragma once

#include "commands/catalogcommand.h"

#include <QCoreApplication>
#include <memory>

// Pins an image as its entity's primary (imageId != 0) or unpins the entity's primary
// (imageId == 0); undo restores the pin that was there, or the automatic choice.
class PrimaryCommand final : public CatalogCommand
{
    Q_DECLARE_TR_FUNCTIONS(PrimaryCommand)

public:
    PrimaryCommand(CommandContext context, qint64 entityId, qint64 imageId);
    void redo() override;
    void undo() override;

private:
    struct Before
    {
        qint64 pinnedImage = 0; // 0: nothing was pinned
        QString pinnedBy;
    };
    qint64 m_entityId;
    qint64 m_imageId;
    std::shared_ptr<Before> m_before;
};

#pragma once

#include "commands/catalogcommand.h"

#include <QCoreApplication>
#include <memory>

// Links images to an entity (appended to its gallery); undo removes the links it made.
class LinkCommand final : public CatalogCommand
{
    Q_DECLARE_TR_FUNCTIONS(LinkCommand)

public:
    LinkCommand(CommandContext context, qint64 entityId, QList<qint64> imageIds);
    void redo() override;
    void undo() override;

private:
    qint64 m_entityId;
    QList<qint64> m_imageIds;
    std::shared_ptr<QList<qint64>> m_added; // those not linked before
};

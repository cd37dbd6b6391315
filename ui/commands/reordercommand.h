#pragma once

#include "commands/catalogcommand.h"

#include <QCoreApplication>

// Puts an entity's images in a new order (a drag in its gallery); undo restores the old one.
class ReorderCommand final : public CatalogCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReorderCommand)

public:
    ReorderCommand(CommandContext context, qint64 entityId, QList<qint64> before, QList<qint64> after);
    void redo() override;
    void undo() override;

private:
    void apply(const QList<qint64> &order);

    qint64 m_entityId;
    QList<qint64> m_before;
    QList<qint64> m_after;
};

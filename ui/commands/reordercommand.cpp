#include "commands/reordercommand.h"

#include "catalog/catalog.h"

ReorderCommand::ReorderCommand(CommandContext context, qint64 entityId, QList<qint64> before, QList<qint64> after)
    : CatalogCommand(context, tr("Reorder images")), m_entityId(entityId), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void ReorderCommand::redo()
{
    apply(m_after);
}

void ReorderCommand::undo()
{
    apply(m_before);
}

void ReorderCommand::apply(const QList<qint64> &order)
{
    write([entity = m_entityId, order](Catalog &catalog) { return catalog.reorder(entity, order); });
}

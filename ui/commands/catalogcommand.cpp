#include "commands/catalogcommand.h"

#include "catalog/catalogthread.h"
#include "commands/commandfeedback.h"

CatalogCommand::CatalogCommand(CommandContext context, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_context(context)
{
}

QString CatalogCommand::userName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("desktop") : name;
}

void CatalogCommand::write(std::function<Status(Catalog &)> work, const QList<qint64> &touchedImages)
{
    QFuture<Status> future = m_context.catalog->runWrite(std::move(work), touchedImages);
    if (m_context.feedback)
        m_context.feedback->watch(future, text());
}

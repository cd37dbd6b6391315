#pragma once

#include "common/result.h"

#include <QList>
#include <QUndoCommand>
#include <functional>

class Catalog;
class CatalogThread;
class CommandFeedback;

// What every undoable change needs: the catalog thread to write through and where to
// report a refused write.
struct CommandContext final
{
    CatalogThread *catalog = nullptr;
    CommandFeedback *feedback = nullptr;
};

// An undoable change to the catalog. redo() and undo() queue their writes on the catalog
// thread, which runs them in order, so an undo always follows the redo it reverses; what
// a redo learns about the old state (to undo it) is kept in shared state the queued work
// fills in.
class CatalogCommand : public QUndoCommand
{
public:
    CatalogCommand(CommandContext context, const QString &text, QUndoCommand *parent = nullptr);
    Q_DISABLE_COPY_MOVE(CatalogCommand)

    // The name recorded as "pinned by" on a primary image the user chose.
    static QString userName();

protected:
    void write(std::function<Status(Catalog &)> work, const QList<qint64> &touchedImages = {});

    CommandContext m_context;
};

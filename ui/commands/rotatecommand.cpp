#include "commands/rotatecommand.h"

#include "catalog/catalogthread.h"
#include "commands/commandfeedback.h"
#include "import/imagerotation.h"

#include <QtConcurrent/QtConcurrentRun>

RotateCommand::RotateCommand(CommandContext context, Workspace workspace, ImagingPool *pool,
                             QList<RenditionSpec> specs, QList<qint64> imageIds, int quarterTurns)
    : CatalogCommand(context, quarterTurns > 0 ? tr("Rotate right") : tr("Rotate left")),
      m_workspace(std::move(workspace)), m_pool(pool), m_specs(std::move(specs)), m_imageIds(std::move(imageIds)), m_quarterTurns(quarterTurns)
{
}

void RotateCommand::redo()
{
    rotate(m_quarterTurns);
}

void RotateCommand::undo()
{
    rotate(-m_quarterTurns);
}

// ImageRotation waits for the imaging pool, so it runs off the GUI thread; the views are
// told once the new renditions are recorded.
void RotateCommand::rotate(int quarterTurns)
{
    CatalogThread *catalog = m_context.catalog;
    QFuture<Status> done = QtConcurrent::run([workspace = m_workspace, pool = m_pool, specs = m_specs, ids = m_imageIds,
                                              quarterTurns, catalog]() -> Status {
        ImageRotation rotation(workspace, *pool, specs);
        Status result;
        for (qint64 id : ids) {
            if (Status status = rotation.rotate(id, quarterTurns); !status && result)
                result = status;
        }
        catalog->notifyChanged(ids);
        return result;
    });
    if (m_context.feedback)
        m_context.feedback->watch(done, text());
}

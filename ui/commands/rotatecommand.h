#pragma once

#include "commands/catalogcommand.h"
#include "imaging/renditionspec.h"
#include "storage/workspace.h"

#include <QCoreApplication>

class ImagingPool;

// Turns images by quarter turns: the rotation is stored and the renditions rebuilt on the
// imaging pool, the original is never touched. Undo turns them back.
class RotateCommand final : public CatalogCommand
{
    Q_DECLARE_TR_FUNCTIONS(RotateCommand)

public:
    // specs: the renditions made again, at the sizes chosen in Settings.
    RotateCommand(CommandContext context, Workspace workspace, ImagingPool *pool, QList<RenditionSpec> specs,
                  QList<qint64> imageIds, int quarterTurns);
    void redo() override;
    void undo() override;

private:
    void rotate(int quarterTurns);

    Workspace m_workspace;
    ImagingPool *m_pool;
    QList<RenditionSpec> m_specs;
    QList<qint64> m_imageIds;
    int m_quarterTurns;
};

#pragma once

#include "common/result.h"
#include "imaging/renditionspec.h"
#include "storage/workspace.h"

class ImagingPool;

// Turns an image by quarter turns: the turn is stored in the catalog and the renditions are
// made again from the original, whose bytes never change. Blocks the caller while it runs
// on the imaging pool (call it from a background thread in a GUI).
class ImageRotation final
{
public:
    // specs: the renditions to make again (the sizes the user chose for imports).
    ImageRotation(Workspace workspace, ImagingPool &pool, QList<RenditionSpec> specs = RenditionSpec::defaults());

    // quarterTurns: +1 = 90° clockwise, -1 = counter-clockwise, 2 = 180°.
    Status rotate(qint64 imageId, int quarterTurns);

private:
    Status rotateOnPoolThread(qint64 imageId, int quarterTurns);

    Workspace m_workspace;
    ImagingPool &m_pool;
    QList<RenditionSpec> m_specs;
};

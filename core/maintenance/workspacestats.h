#pragma once

#include "catalog/catalogstats.h"
#include "common/result.h"
#include "storage/workspace.h"
#include "storeusage.h"

// Everything `vitrine-cli stats` shows: counts per entity kind and image type, and the
// bytes of originals and renditions, both as the catalog records them and as measured on
// disk (a difference means files to verify or clean up).
struct WorkspaceStats final
{
    CatalogStats catalog;
    int recordedOriginals = 0;
    int recordedRenditions = 0;
    StoreUsage onDisk;
    qint64 catalogFileBytes = 0; // the catalog file and its -wal file

    // Opens its own catalog connection in the calling thread.
    static Result<WorkspaceStats> collect(const Workspace &workspace);
};

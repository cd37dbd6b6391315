#include "workspacestats.h"

#include "catalog/catalog.h"
#include "storedfilelocation.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

Result<WorkspaceStats> WorkspaceStats::collect(const Workspace &workspace)
{
    using R = Result<WorkspaceStats>;
    WorkspaceStats stats;
    {
        auto catalog = Catalog::open(workspace.catalogPath(), Catalog::OpenMode::OpenExisting);
        if (!catalog)
            return R::failure(catalog.error());
        stats.catalog = catalog.value()->stats();
        const auto refs = catalog.value()->referencedFiles();
        if (!refs)
            return R::failure(refs.error());
        for (const StoredFileRef &ref : refs.value())
            ++(StoredFileLocation::isOriginal(ref) ? stats.recordedOriginals : stats.recordedRenditions);
    }
    stats.onDisk = StoreUsage::measure(workspace.storeDirectory());
    stats.catalogFileBytes = QFileInfo(workspace.catalogPath()).size()
        + QFileInfo(workspace.catalogPath() + u"-wal"_s).size();
    return stats;
}

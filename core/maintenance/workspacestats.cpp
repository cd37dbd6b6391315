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
        const QList<StoredFileRef> refs = catalog.value()->referencedFiles();
        for (const StoredFileRef &ref : refs)
            ++(StoredFileLocation::isOriginal(ref) ? stats.recordedOriginals : stats.recordedRenditions);
    }
    stats.onDisk = StoreUsage::measure(workspace.storeDirectory());
    stats.catalogFileBytes = QFileInfo(workspace.catalogPath()).size()
        + QFileInfo(workspace.catalogPath() + u"-wal"_s).size();
    return stats;
}

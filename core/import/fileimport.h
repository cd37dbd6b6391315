#pragma once

#include "importitemresult.h"
#include "importoptions.h"

class Catalog;
class FileStore;
class ImagingPool;

// One file through the import pipeline, on a pool thread: copy into the store while
// hashing → skip if the bytes are already there → worker process (sniff, limits, EXIF,
// renditions) → check and place the files → record image, links and outbox entry in one
// transaction. Files reach their final names before the catalog row exists, so a crash
// at any point leaves at most unreferenced files for cleanup, never a row without a file.
class FileImport final
{
public:
    FileImport(Catalog &catalog, const FileStore &store, ImagingPool &pool, const ImportOptions &options);

    // errorCode is set to the errno of a storage failure (ENOSPC stops the batch).
    ImportItemResult run(const QString &sourcePath, int *errorCode);

private:
    ImportItemResult duplicateOf(const QString &sourcePath, qint64 imageId);
    ImportItemResult failed(const QString &sourcePath, const QString &message, int code, int *errorCode) const;

    Catalog &m_catalog;
    const FileStore &m_store;
    ImagingPool &m_pool;
    const ImportOptions &m_options;
};

#pragma once

#include <QString>

class FileStore;
struct StoredFileRef;

// Where a file the catalog refers to lives in the store, and what its content must hash to.
class StoredFileLocation final
{
public:
    StoredFileLocation() = delete;

    static QString pathOf(const FileStore &store, const StoredFileRef &ref);
    // An original's content hashes to its name; a rendition's to the SHA-256 recorded for it.
    static QString expectedSha256(const StoredFileRef &ref);
    static bool isOriginal(const StoredFileRef &ref);
};

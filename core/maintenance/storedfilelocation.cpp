#include "storedfilelocation.h"

#include "catalog/storedfileref.h"
#include "storage/filestore.h"

QString StoredFileLocation::pathOf(const FileStore &store, const StoredFileRef &ref)
{
    return isOriginal(ref) ? store.originalPath(ref.sha256, ref.format)
                           : store.renditionPath(ref.sha256, ref.renditionName, expectedSha256(ref));
}

QString StoredFileLocation::expectedSha256(const StoredFileRef &ref)
{
    return isOriginal(ref) ? ref.sha256 : ref.expectedSha256;
}

bool StoredFileLocation::isOriginal(const StoredFileRef &ref)
{
    return ref.renditionName.isEmpty();
}

#pragma once

#include <QString>

// A file the catalog says must exist in the FileStore: an original (renditionName empty,
// path FileStore::originalPath(sha256, format)) or a rendition (path
// FileStore::renditionPath(sha256, renditionName); format is then "jpeg").
struct StoredFileRef final
{
    qint64 imageId = 0;
    QString sha256; // the image's (original's) sha256: names the file
    QString format;
    QString renditionName; // empty for the original
    QString expectedSha256; // what the file's content must hash to
    qint64 bytes = 0;
};

#pragma once

#include <QString>

// One rendition of an image as recorded in the catalog (the file lives in the FileStore
// under the image's sha256 and this name).
struct RenditionRecord final
{
    QString name; // "thumb150", "web1024", …
    int width = 0;
    int height = 0;
    qint64 bytes = 0;
    QString sha256; // of the rendition file, lower-case hex
};

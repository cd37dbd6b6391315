#pragma once

#include <QStringList>

// What compress-old did. bytesBefore/bytesAfter cover the renditions it re-encoded.
struct CompressOldReport final
{
    int candidates = 0;        // images older than the cut-off
    int recompressed = 0;
    int alreadyCompressed = 0; // every rendition already at or below the quality
    qint64 bytesBefore = 0;
    qint64 bytesAfter = 0;
    QStringList failures;      // one line per image left as it was, naming it and why
    bool cancelled = false;
};

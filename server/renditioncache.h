#pragma once

#include "common/result.h"

#include <QMutex>
#include <QString>
#include <QStringList>
#include <array>

class BlobStore;
class ImagingPool;

// The server's renditions (docs/api.md §8): made from the original by the isolated imaging
// worker on the first request for a (sha256, size, rotation) and kept as
// <root>/renditions/ab/<sha256>-<size>-r<rotation>.jpg. Concurrent first requests for the
// same rendition make it once; a rendition never changes, so its file is its cache entry.
class RenditionCache final
{
public:
    static const QStringList kSizes; // icon, small, card, medium, gallery, large

    RenditionCache(QString root, BlobStore &blobs, ImagingPool &pool);

    // The rendition's file, made now if needed. The blob must be complete.
    Result<QString> file(const QString &sha256, const QString &size, int rotation);

private:
    QString path(const QString &sha256, const QString &size, int rotation) const;
    Result<QString> make(const QString &sha256, const QString &size, int rotation, const QString &target);

    QString m_root;
    BlobStore &m_blobs;
    ImagingPool &m_pool;
    std::array<QMutex, 32> m_locks;
};

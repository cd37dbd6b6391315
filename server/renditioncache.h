#pragma once

#include "common/result.h"
#include "temporaryfolder.h"

#include <QDateTime>
#include <QList>
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
// The worker writes into <root>/renditions/tmp/ first. These names are the cache's alone:
// maintenance asks it for its files.
class RenditionCache final
{
public:
    struct Rendition
    {
        QString path;
        QString sha256;
        QString size;
        int rotation = 0;
        qint64 bytes = 0;
        QDateTime modified; // UTC
    };
    static const QStringList kSizes; // icon, small, card, medium, gallery, large

    RenditionCache(QString root, BlobStore &blobs, ImagingPool &pool);

    // The rendition's file, made now if needed. The blob must be complete.
    Result<QString> file(const QString &sha256, const QString &size, int rotation);
    // Every rendition on the server (of all workspaces: they are shared by content).
    QList<Rendition> renditions() const;
    QList<Rendition> renditionsOf(const QString &sha256) const;
    // Where the worker writes renditions before they move into place.
    TemporaryFolder temporaryFolder() const;

private:
    QString path(const QString &sha256, const QString &size, int rotation) const;
    // The renditions in one fan-out folder whose name has these fields (sha256, size, rotation; empty: any).
    QList<Rendition> renditionsIn(const QString &fanOut, const QStringList &fields) const;
    QString workDir() const;
    Result<QString> make(const QString &sha256, const QString &size, int rotation, const QString &target);

    QString m_root;
    BlobStore &m_blobs;
    ImagingPool &m_pool;
    std::array<QMutex, 32> m_locks;
};

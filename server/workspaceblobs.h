#pragma once

#include "common/result.h"

#include <QStringList>

class ServerDatabase;

// Which originals each workspace holds. The bytes are shared (BlobStore); a workspace only
// sees the blobs uploaded to it, so one workspace cannot learn what another holds.
class WorkspaceBlobs final
{
public:
    static constexpr int kMaxBatch = 1000;

    explicit WorkspaceBlobs(ServerDatabase &database) : m_database(database) {}

    // The hashes of the list the workspace does not hold, in the list's order, once each.
    Result<QStringList> missing(qint64 workspaceId, const QStringList &sha256s);
    Result<bool> holds(qint64 workspaceId, const QString &sha256);
    // Records the blob for the workspace; true when it was new there.
    Result<bool> add(qint64 workspaceId, const QString &sha256, qint64 bytes);

private:
    ServerDatabase &m_database;

    // ---- maintenance: statistics, cleanup, backup and restore ----
public:
    struct Held
    {
        QString sha256;
        qint64 bytes = 0;
        QString since; // ISO time the workspace got it
    };
    Result<QList<Held>> held(qint64 workspaceId);
    // How many workspaces hold the blob: at 0 its bytes may leave the disk.
    Result<int> holders(const QString &sha256);
};

#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

class BlobStore;
class RecordStore;
class RenditionCache;
class WorkspaceBlobs;

// GET …/statistics (docs/api.md §9.2): counts of the workspace's live records, and the
// bytes of its originals, renditions and partial uploads as if it were stored alone (a
// blob shared with another workspace counts in both).
class WorkspaceStatistics final
{
public:
    WorkspaceStatistics(RecordStore &records, WorkspaceBlobs &blobs, const BlobStore &store,
                        const RenditionCache &renditions);

    Result<QJsonObject> collect(qint64 workspaceId, const QString &workspaceName);

private:
    struct Counts;
    Status countRecords(qint64 workspaceId, Counts &counts);
    Status countFiles(qint64 workspaceId, Counts &counts);

    RecordStore &m_records;
    WorkspaceBlobs &m_blobs;
    const BlobStore &m_store;
    const RenditionCache &m_renditions;
};

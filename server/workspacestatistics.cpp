#include "workspacestatistics.h"

#include "blobstore.h"
#include "recordstore.h"
#include "renditioncache.h"
#include "workspaceblobs.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

const QStringList kKinds = {u"customer"_s, u"product"_s, u"job"_s, u"category"_s, u"invoice"_s, u"company"_s};

QJsonObject sizeJson(qint64 count, qint64 bytes)
{
    return {{u"count"_s, count}, {u"bytes"_s, bytes}};
}

QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject json;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace

struct WorkspaceStatistics::Counts
{
    qint64 images = 0;
    qint64 deletedImages = 0;
    QSet<QString> liveImages;
    QSet<QString> inGalleries;
    QMap<QString, qint64> perFormat;
    QMap<QString, qint64> perType;
    QMap<QString, qint64> perKind;
    qint64 blobs = 0, blobBytes = 0;
    qint64 renditions = 0, renditionBytes = 0;
    qint64 partials = 0, partialBytes = 0;
};

WorkspaceStatistics::WorkspaceStatistics(RecordStore &records, WorkspaceBlobs &blobs, const BlobStore &store,
                                         const RenditionCache &renditions)
    : m_records(records), m_blobs(blobs), m_store(store), m_renditions(renditions)
{}

Result<QJsonObject> WorkspaceStatistics::collect(qint64 workspaceId, const QString &workspaceName)
{
    Result<RecordStore::Head> head = m_records.head(workspaceId);
    if (!head)
        return Result<QJsonObject>::failure(head.error());
    Counts counts;
    for (const QString &kind : kKinds)
        counts.perKind.insert(kind, 0);
    if (Status counted = countRecords(workspaceId, counts); !counted)
        return Result<QJsonObject>::failure(counted.error());
    if (Status counted = countFiles(workspaceId, counts); !counted)
        return Result<QJsonObject>::failure(counted.error());
    return QJsonObject{{u"workspace"_s, workspaceName},
                       {u"identity"_s, head->identity},
                       {u"lastSeq"_s, head->lastSeq},
                       {u"images"_s, counts.images},
                       {u"deletedImages"_s, counts.deletedImages},
                       {u"unassignedImages"_s, qint64((counts.liveImages - counts.inGalleries).size())},
                       {u"imagesPerFormat"_s, countsJson(counts.perFormat)},
                       {u"imagesPerType"_s, countsJson(counts.perType)},
                       {u"entitiesPerKind"_s, countsJson(counts.perKind)},
                       {u"blobs"_s, sizeJson(counts.blobs, counts.blobBytes)},
                       {u"renditions"_s, sizeJson(counts.renditions, counts.renditionBytes)},
                       {u"partialUploads"_s, sizeJson(counts.partials, counts.partialBytes)}};
}

Status WorkspaceStatistics::countRecords(qint64 workspaceId, Counts &counts)
{
    return m_records.forEachRecord(workspaceId, [&counts](const RecordStore::Record &record) -> Status {
        if (record.type == u"image"_s && record.deleted) {
            ++counts.deletedImages;
        } else if (record.type == u"image"_s) {
            ++counts.images;
            counts.liveImages.insert(record.id);
            ++counts.perFormat[record.body.value(u"format"_s).toString()];
            ++counts.perType[record.body.value(u"imageType"_s).toString()];
        } else if (record.type == u"entity"_s && !record.deleted) {
            ++counts.perKind[record.id.section(u':', 0, 0)];
        } else if (record.type == u"gallery"_s && !record.deleted) {
            for (const QJsonValue &uid : record.body.value(u"order"_s).toArray())
                counts.inGalleries.insert(uid.toString());
        }
        return {};
    });
}

Status WorkspaceStatistics::countFiles(qint64 workspaceId, Counts &counts)
{
    Result<QList<WorkspaceBlobs::Held>> held = m_blobs.held(workspaceId);
    if (!held)
        return Status::failure(held.error());
    QSet<QString> hashes;
    for (const WorkspaceBlobs::Held &blob : held.value()) {
        hashes.insert(blob.sha256);
        ++counts.blobs;
        counts.blobBytes += blob.bytes;
    }
    for (const RenditionCache::Rendition &rendition : m_renditions.renditions()) {
        if (hashes.contains(rendition.sha256)) {
            ++counts.renditions;
            counts.renditionBytes += rendition.bytes;
        }
    }
    for (const BlobStore::PartialUpload &partial : m_store.partialUploads(workspaceId)) {
        ++counts.partials;
        counts.partialBytes += partial.bytes;
    }
    return {};
}

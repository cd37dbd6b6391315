#include "workspacecleanup.h"

#include "blobstore.h"
#include "recordstore.h"
#include "temporaryfolder.h"
#include "workspaceblobs.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

struct WorkspaceCleanup::Pass
{
    qint64 workspaceId = 0;
    QString user;
    Options options;
    QDateTime cutoff;          // older than this may go
    QDateTime abandonedCutoff; // partial uploads and temporary files older than this go
    Report report;
    QSet<QString> liveContent; // SHA-256s of the workspace's live images
    QList<WorkspaceBlobs::Held> held;
    QSet<QString> bytesLeft; // blobs whose bytes left the disk (or would, in a dry run)
};

QJsonObject WorkspaceCleanup::Report::toJson() const
{
    return {{u"dryRun"_s, dryRun},
            {u"removedBlobs"_s, removedBlobs},
            {u"removedBlobBytes"_s, removedBlobBytes},
            {u"removedRenditions"_s, removedRenditions},
            {u"removedRenditionBytes"_s, removedRenditionBytes},
            {u"removedPartialUploads"_s, removedPartialUploads},
            {u"removedPartialBytes"_s, removedPartialBytes},
            {u"removedTemporaryFiles"_s, removedTemporaryFiles},
            {u"removedTemporaryBytes"_s, removedTemporaryBytes},
            {u"missingBlobs"_s, QJsonArray::fromStringList(missingBlobs)},
            {u"skipped"_s, skipped},
            {u"failed"_s, failed}};
}

WorkspaceCleanup::WorkspaceCleanup(RecordStore &records, WorkspaceBlobs &blobs, BlobStore &store,
                                   const RenditionCache &renditions)
    : m_records(records), m_blobs(blobs), m_store(store), m_renditions(renditions)
{}

Result<WorkspaceCleanup::Report> WorkspaceCleanup::run(qint64 workspaceId, const QString &user,
                                                       const Options &options)
{
    Pass pass;
    pass.workspaceId = workspaceId;
    pass.user = user;
    pass.options = options;
    pass.cutoff = QDateTime::currentDateTimeUtc().addSecs(-options.minAgeSeconds);
    pass.abandonedCutoff = std::min(pass.cutoff, QDateTime::currentDateTimeUtc().addSecs(-kAbandonedSeconds));
    pass.report.dryRun = options.dryRun;
    for (const auto &step : {&WorkspaceCleanup::survey, &WorkspaceCleanup::removeBlobs,
                             &WorkspaceCleanup::removeRenditions}) {
        if (Status done = (this->*step)(pass); !done)
            return Result<Report>::failure(done.error());
    }
    removePartialUploads(pass);
    removeTemporaryFiles(pass);
    return pass.report;
}

// What the workspace holds and uses, and the live images whose original cannot be found.
Status WorkspaceCleanup::survey(Pass &pass)
{
    const Status read = m_records.forEachRecord(pass.workspaceId, [&pass](const RecordStore::Record &record) {
        if (record.type == u"image"_s && !record.deleted)
            pass.liveContent.insert(record.body.value(u"sha256"_s).toString());
        return Status();
    });
    if (!read)
        return read;
    Result<QList<WorkspaceBlobs::Held>> held = m_blobs.held(pass.workspaceId);
    if (!held)
        return Status::failure(held.error());
    pass.held = held.value();
    QSet<QString> holds;
    for (const WorkspaceBlobs::Held &blob : std::as_const(pass.held))
        holds.insert(blob.sha256);
    for (const QString &sha256 : std::as_const(pass.liveContent)) {
        if (!holds.contains(sha256) || !m_store.exists(sha256))
            pass.report.missingBlobs.append(sha256);
    }
    std::sort(pass.report.missingBlobs.begin(), pass.report.missingBlobs.end());
    return {};
}

Status WorkspaceCleanup::removeBlobs(Pass &pass)
{
    const QString cutoff = pass.cutoff.toString(Qt::ISODateWithMs);
    for (const WorkspaceBlobs::Held &blob : std::as_const(pass.held)) {
        // Times are stored in one ISO format, so they compare as text.
        if (pass.liveContent.contains(blob.sha256) || blob.since > cutoff)
            continue;
        Result<bool> removed = removeBlob(pass, blob.sha256);
        if (!removed)
            return Status::failure(removed.error());
        if (removed.value()) {
            ++pass.report.removedBlobs;
            pass.report.removedBlobBytes += blob.bytes;
        }
    }
    return {};
}

// True when the workspace let go of the blob (or would). Its bytes go too when no workspace
// holds it any more and no upload of it is under way.
Result<bool> WorkspaceCleanup::removeBlob(Pass &pass, const QString &sha256)
{
    if (pass.options.dryRun) {
        Result<int> holders = m_blobs.holders(sha256);
        if (!holders)
            return Result<bool>::failure(holders.error());
        if (holders.value() <= 1)
            pass.bytesLeft.insert(sha256);
        return true;
    }
    Result<bool> dropped = m_records.dropBlob(pass.workspaceId, sha256, pass.cutoff.toString(Qt::ISODateWithMs),
                                              pass.user);
    if (!dropped)
        return dropped;
    if (!dropped.value()) {
        ++pass.report.skipped; // an image came to refer to it meanwhile
        return false;
    }
    Result<int> holders = m_blobs.holders(sha256);
    if (!holders)
        return Result<bool>::failure(holders.error());
    if (holders.value() == 0 && !m_store.hasPartialUpload(sha256) && m_store.exists(sha256)) {
        if (removeFile(pass, m_store.path(sha256)))
            pass.bytesLeft.insert(sha256);
    } else if (holders.value() == 0 && !m_store.exists(sha256)) {
        pass.bytesLeft.insert(sha256);
    }
    return true;
}

// Of each blob the workspace held: all renditions when its bytes left the disk, else
// those of rotations no live image shows, once they are old enough.
Status WorkspaceCleanup::removeRenditions(Pass &pass)
{
    for (const WorkspaceBlobs::Held &blob : std::as_const(pass.held)) {
        const bool bytesLeft = pass.bytesLeft.contains(blob.sha256);
        const QList<RenditionCache::Rendition> renditions = m_renditions.renditionsOf(blob.sha256);
        if (renditions.isEmpty())
            continue;
        Result<QSet<int>> shown = m_records.liveRotations(blob.sha256);
        if (!shown)
            return Status::failure(shown.error());
        for (const RenditionCache::Rendition &rendition : renditions) {
            if (!bytesLeft && (shown->contains(rendition.rotation) || rendition.modified >= pass.cutoff))
                continue;
            if (Status removed = removeRendition(pass, rendition, bytesLeft); !removed)
                return removed;
        }
    }
    return {};
}

Status WorkspaceCleanup::removeRendition(Pass &pass, const RenditionCache::Rendition &rendition, bool bytesLeft)
{
    if (!pass.options.dryRun) {
        // Checked again: an image may have come to show this rotation, the bytes may be back.
        Result<QSet<int>> shown = m_records.liveRotations(rendition.sha256);
        if (!shown)
            return Status::failure(shown.error());
        const bool stillUnused =
            bytesLeft ? !m_store.exists(rendition.sha256) : !shown->contains(rendition.rotation);
        if (!stillUnused || !QFileInfo::exists(rendition.path)) {
            ++pass.report.skipped;
            return {};
        }
        if (!removeFile(pass, rendition.path))
            return {};
    }
    ++pass.report.removedRenditions;
    pass.report.removedRenditionBytes += rendition.bytes;
    return {};
}

void WorkspaceCleanup::removePartialUploads(Pass &pass)
{
    for (const BlobStore::PartialUpload &partial : m_store.partialUploads(pass.workspaceId)) {
        if (partial.modified >= pass.abandonedCutoff)
            continue;
        if (!pass.options.dryRun) {
            const QFileInfo now(partial.path); // a part may have arrived meanwhile
            if (!now.exists() || now.lastModified().toUTC() >= pass.abandonedCutoff) {
                ++pass.report.skipped;
                continue;
            }
            if (!removeFile(pass, partial.path))
                continue;
        }
        ++pass.report.removedPartialUploads;
        pass.report.removedPartialBytes += partial.bytes;
    }
}

// Other server processes on this data directory may be using the folders: only what nothing
// has changed in for a day goes (a backup being sent keeps its folder's time fresh).
void WorkspaceCleanup::removeTemporaryFiles(Pass &pass)
{
    QList<TemporaryFolder> folders = m_store.temporaryFolders();
    folders.append(m_renditions.temporaryFolder());
    for (const TemporaryFolder &folder : std::as_const(folders)) {
        for (const TemporaryFolder::Entry &entry : folder.entries()) {
            if (entry.modified >= pass.abandonedCutoff)
                continue;
            if (!pass.options.dryRun) {
                const std::optional<TemporaryFolder::Entry> now = TemporaryFolder::entry(entry.path);
                if (!now || now->modified >= pass.abandonedCutoff) {
                    ++pass.report.skipped;
                    continue;
                }
                if (!removeTemporary(pass, entry.path))
                    continue;
            }
            pass.report.removedTemporaryFiles += entry.files;
            pass.report.removedTemporaryBytes += entry.bytes;
        }
    }
}

bool WorkspaceCleanup::removeFile(Pass &pass, const QString &path)
{
    QFile file(path);
    return file.remove() || failed(pass, path, file.errorString());
}

bool WorkspaceCleanup::removeTemporary(Pass &pass, const QString &path)
{
    return TemporaryFolder::remove(path) || failed(pass, path, u"not all of it could be removed"_s);
}

bool WorkspaceCleanup::failed(Pass &pass, const QString &path, const QString &reason)
{
    ++pass.report.failed;
    std::fprintf(stderr, "vitrine-server: cleanup of workspace %lld: cannot remove %s: %s\n",
                 static_cast<long long>(pass.workspaceId), qPrintable(path), qPrintable(reason));
    return false;
}

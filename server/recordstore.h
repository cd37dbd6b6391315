#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class ServerDatabase;

// The workspace's records (images, entities, galleries, and a "blob" record per original
// that became available) with the server's revisions, and
// the change feed over them. Every write names the revision it was based on and is refused
// when that is not the current one; each change takes the workspace's next sequence number
// in the same transaction, so a client that has seen number N has seen every change up to N.
// A delete leaves a tombstone. What a record's body may hold is the caller's business.
class RecordStore final
{
public:
    struct Record
    {
        QString type;
        QString id;
        qint64 revision = 0;
        bool deleted = false;
        QJsonObject body;
        qint64 seq = 0;
        QString modifiedAt;
        QString modifiedBy;
        // body + revision, deleted, modifiedAt, modifiedBy
        QJsonObject toJson() const;
    };
    struct Write
    {
        // SameContent: another live image holds the same SHA-256 (a workspace holds each
        // content once); record is that image.
        enum class Outcome { Done, Exists, Stale, Gone, Missing, SameContent };
        Outcome outcome = Outcome::Done;
        Record record; // the new record, or the current one when refused
    };
    struct ChangePage
    {
        QString identity;
        QList<Record> changes;
        qint64 next = 0;
        bool more = false;
    };

    explicit RecordStore(ServerDatabase &database) : m_database(database) {}

    Result<std::optional<Record>> get(qint64 workspaceId, const QString &type, const QString &id);
    // A create over a tombstone brings the record back at the tombstone's revision + 1.
    Result<Write> create(qint64 workspaceId, const QString &type, const QString &id, const QJsonObject &body,
                         const QString &user);
    Result<Write> update(qint64 workspaceId, const QString &type, const QString &id, qint64 baseRevision,
                         const QJsonObject &body, const QString &user);
    // Deleting an image takes it out of every gallery (the pinned image stays primary, else
    // the first in order is); deleting an entity deletes its gallery. All in one transaction.
    Result<Write> remove(qint64 workspaceId, const QString &type, const QString &id, qint64 baseRevision,
                         const QString &user);
    Result<ChangePage> changes(qint64 workspaceId, qint64 after, int limit);
    // Whether the database answers a statement now (GET /health).
    Status reachable();

private:
    Result<std::optional<Record>> read(qint64 workspaceId, const QString &type, const QString &id);
    Result<Write> store(qint64 workspaceId, Record record, bool exists);
    Result<Write> change(qint64 workspaceId, const QString &type, const QString &id, qint64 baseRevision,
                         const std::optional<QJsonObject> &body, const QString &user);
    static std::optional<Write> refusal(const std::optional<Record> &current, qint64 baseRevision);
    Result<std::optional<Record>> liveImageWithContent(qint64 workspaceId, const QString &sha256);
    // In a delete's transaction: what goes with the record.
    Status removeFromGalleries(qint64 workspaceId, const QString &imageUid, const QString &user);
    Status removeGallery(qint64 workspaceId, const QString &entityId, const QString &user);

    ServerDatabase &m_database;

    // ---- maintenance: statistics, cleanup, backup and restore (docs/api.md §9.2–9.5) ----
public:
    struct Head
    {
        QString identity;
        qint64 lastSeq = 0;
    };
    struct Replacement
    {
        QString previousIdentity;
        QStringList previousBlobs; // the SHA-256s the workspace held before
    };
    using NextRecord = std::function<Result<std::optional<Record>>()>;

    Result<Head> head(qint64 workspaceId);
    // Every record of the workspace, tombstones included, in seq order, read by one
    // statement: a consistent snapshot on SQLite and PostgreSQL alike. visit must not use
    // the database (the statement is still open).
    Status forEachRecord(qint64 workspaceId, const std::function<Status(const Record &)> &visit);
    // The rotations in which live images of any workspace show this original.
    Result<QSet<int>> liveRotations(const QString &sha256);
    // Cleanup: the workspace lets go of a blob that it has held since heldBefore (ISO time)
    // or earlier and that no live image of it refers to; its "blob" record becomes a
    // tombstone. Checked again and done in one transaction; false (nothing changed) when
    // the blob no longer qualifies.
    Result<bool> dropBlob(qint64 workspaceId, const QString &sha256, const QString &heldBefore, const QString &user);
    // Restore: the workspace's records become those nextRecord gives (until it gives none,
    // each kept as it is: revision, seq, tombstone), it holds exactly blobs (SHA-256,
    // bytes), and it takes the new identity. One transaction: all of it or nothing.
    Result<Replacement> replaceWorkspace(qint64 workspaceId, const NextRecord &nextRecord,
                                         const QList<QPair<QString, qint64>> &blobs, const QString &identity);

private:
    Status insertRestored(qint64 workspaceId, const Record &record);
};

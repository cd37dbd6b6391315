#include "recordstore.h"

#include "serverdatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

const QString kColumns = u"type, id, revision, deleted, body, seq, modified_at, modified_by"_s;

RecordStore::Record recordFrom(const QSqlQuery &row)
{
    RecordStore::Record record;
    record.type = row.value(0).toString();
    record.id = row.value(1).toString();
    record.revision = row.value(2).toLongLong();
    record.deleted = row.value(3).toBool();
    record.body = QJsonDocument::fromJson(row.value(4).toString().toUtf8()).object();
    record.seq = row.value(5).toLongLong();
    record.modifiedAt = row.value(6).toString();
    record.modifiedBy = row.value(7).toString();
    return record;
}

} // namespace

QJsonObject RecordStore::Record::toJson() const
{
    QJsonObject json = body;
    json.insert(u"revision"_s, revision);
    json.insert(u"deleted"_s, deleted);
    json.insert(u"modifiedAt"_s, modifiedAt);
    json.insert(u"modifiedBy"_s, modifiedBy);
    return json;
}

Result<std::optional<RecordStore::Record>> RecordStore::read(qint64 workspaceId, const QString &type, const QString &id)
{
    using Answer = Result<std::optional<Record>>;
    Result<QSqlQuery> row =
        m_database.exec(u"SELECT %1 FROM records WHERE workspace_id = ? AND type = ? AND id = ?"_s.arg(kColumns),
                        {workspaceId, type, id});
    if (!row)
        return Answer::failure(row.error());
    if (!row->next())
        return Answer(std::nullopt);
    return Answer(recordFrom(row.value()));
}

Result<std::optional<RecordStore::Record>> RecordStore::liveImageWithContent(qint64 workspaceId, const QString &sha256)
{
    using Answer = Result<std::optional<Record>>;
    Result<QSqlQuery> row = m_database.exec(
        u"SELECT %1 FROM records WHERE workspace_id = ? AND type = 'image' AND %2 = ? AND deleted = 0"_s.arg(
            kColumns, m_database.jsonText(u"sha256"_s)),
        {workspaceId, sha256});
    if (!row)
        return Answer::failure(row.error());
    if (!row->next())
        return Answer(std::nullopt);
    return Answer(recordFrom(row.value()));
}

Result<std::optional<RecordStore::Record>> RecordStore::get(qint64 workspaceId, const QString &type, const QString &id)
{
    return read(workspaceId, type, id);
}

// In the caller's transaction: the workspace's next sequence number, then the row.
Result<RecordStore::Write> RecordStore::store(qint64 workspaceId, Record record, bool exists)
{
    Result<QSqlQuery> bumped = m_database.exec(
        u"UPDATE workspaces SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq"_s, {workspaceId});
    if (!bumped)
        return Result<Write>::failure(bumped.error());
    if (!bumped->next())
        return Result<Write>::failure(u"workspace %1 does not exist"_s.arg(workspaceId));
    record.seq = bumped->value(0).toLongLong();
    bumped->finish();
    record.modifiedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString body = QString::fromUtf8(QJsonDocument(record.body).toJson(QJsonDocument::Compact));
    const QString sql = exists ? u"UPDATE records SET revision = ?, deleted = ?, body = ?, seq = ?, modified_at = ?, "
                                 "modified_by = ? WHERE workspace_id = ? AND type = ? AND id = ?"_s
                               : u"INSERT INTO records(revision, deleted, body, seq, modified_at, modified_by, "
                                 "workspace_id, type, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    Result<QSqlQuery> written =
        m_database.exec(sql, {record.revision, record.deleted ? 1 : 0, body, record.seq, record.modifiedAt,
                              record.modifiedBy, workspaceId, record.type, record.id});
    if (!written)
        return Result<Write>::failure(written.error());
    return Write{Write::Outcome::Done, record};
}

Result<RecordStore::Write> RecordStore::create(qint64 workspaceId, const QString &type, const QString &id,
                                               const QJsonObject &body, const QString &user)
{
    Result<Write> result = Result<Write>::failure(QString());
    const Status status = m_database.write([&]() -> Status {
        Result<std::optional<Record>> current = read(workspaceId, type, id);
        if (!current)
            return Status::failure(current.error());
        if (current.value() && !current.value()->deleted) {
            result = Write{Write::Outcome::Exists, *current.value()};
            return {};
        }
        if (type == u"image"_s) {
            Result<std::optional<Record>> same = liveImageWithContent(workspaceId, body.value(u"sha256"_s).toString());
            if (!same)
                return Status::failure(same.error());
            if (same.value()) {
                result = Write{Write::Outcome::SameContent, *same.value()};
                return {};
            }
        }
        const qint64 revision = current.value() ? current.value()->revision + 1 : 1;
        result = store(workspaceId, Record{type, id, revision, false, body, 0, {}, user}, current.value().has_value());
        return result ? Status() : Status::failure(result.error());
    });
    return status ? result : Result<Write>::failure(status.error());
}

// Why a change based on baseRevision cannot be made to current, if it cannot.
std::optional<RecordStore::Write> RecordStore::refusal(const std::optional<Record> &current, qint64 baseRevision)
{
    if (!current)
        return Write{Write::Outcome::Missing, {}};
    if (current->deleted)
        return Write{Write::Outcome::Gone, *current};
    if (current->revision != baseRevision)
        return Write{Write::Outcome::Stale, *current};
    return std::nullopt;
}

Result<RecordStore::Write> RecordStore::update(qint64 workspaceId, const QString &type, const QString &id,
                                               qint64 baseRevision, const QJsonObject &body, const QString &user)
{
    return change(workspaceId, type, id, baseRevision, body, user);
}

Result<RecordStore::Write> RecordStore::remove(qint64 workspaceId, const QString &type, const QString &id,
                                               qint64 baseRevision, const QString &user)
{
    return change(workspaceId, type, id, baseRevision, std::nullopt, user);
}

// An update (body) or a delete (no body: a tombstone keeping the last body, and what goes
// with the record), all in one transaction, if baseRevision is the current one.
Result<RecordStore::Write> RecordStore::change(qint64 workspaceId, const QString &type, const QString &id,
                                               qint64 baseRevision, const std::optional<QJsonObject> &body,
                                               const QString &user)
{
    Result<Write> result = Result<Write>::failure(QString());
    const Status status = m_database.write([&]() -> Status {
        Result<std::optional<Record>> current = read(workspaceId, type, id);
        if (!current)
            return Status::failure(current.error());
        if (std::optional<Write> refused = refusal(current.value(), baseRevision)) {
            result = *refused;
            return {};
        }
        const bool deleting = !body.has_value();
        result = store(workspaceId,
                       Record{type, id, baseRevision + 1, deleting, body.value_or(current.value()->body), 0, {}, user},
                       true);
        if (!result)
            return Status::failure(result.error());
        if (deleting && type == u"image"_s)
            return removeFromGalleries(workspaceId, id, user);
        if (deleting && type == u"entity"_s)
            return removeGallery(workspaceId, id, user);
        return {};
    });
    return status ? result : Result<Write>::failure(status.error());
}

Status RecordStore::removeFromGalleries(qint64 workspaceId, const QString &imageUid, const QString &user)
{
    Result<QSqlQuery> rows =
        m_database.exec(u"SELECT %1 FROM records WHERE workspace_id = ? AND type = 'gallery' AND deleted = 0 "
                        "AND %2"_s.arg(kColumns, m_database.jsonArrayHoldsBound(u"order"_s)),
                        {workspaceId, imageUid});
    if (!rows)
        return Status::failure(rows.error());
    QList<Record> galleries;
    while (rows->next())
        galleries.append(recordFrom(rows.value()));
    rows->finish();
    for (Record gallery : std::as_const(galleries)) {
        QJsonArray order = gallery.body.value(u"order"_s).toArray();
        for (qsizetype i = order.size() - 1; i >= 0; --i) {
            if (order.at(i).toString() == imageUid)
                order.removeAt(i);
        }
        gallery.body.insert(u"order"_s, order);
        if (gallery.body.value(u"primary"_s).toString() == imageUid) {
            gallery.body.insert(u"primary"_s, order.isEmpty() ? QJsonValue(QJsonValue::Null) : order.first());
            gallery.body.insert(u"pinned"_s, false);
            gallery.body.insert(u"pinnedBy"_s, QJsonValue::Null);
            gallery.body.insert(u"pinnedAt"_s, QJsonValue::Null);
        }
        gallery.revision += 1;
        gallery.modifiedBy = user;
        if (Result<Write> written = store(workspaceId, gallery, true); !written)
            return Status::failure(written.error());
    }
    return {};
}

Status RecordStore::removeGallery(qint64 workspaceId, const QString &entityId, const QString &user)
{
    Result<std::optional<Record>> gallery = read(workspaceId, u"gallery"_s, entityId);
    if (!gallery)
        return Status::failure(gallery.error());
    if (!gallery.value() || gallery.value()->deleted)
        return {};
    Record tombstone = *gallery.value();
    tombstone.revision += 1;
    tombstone.deleted = true;
    tombstone.modifiedBy = user;
    Result<Write> written = store(workspaceId, tombstone, true);
    return written ? Status() : Status::failure(written.error());
}

Result<RecordStore::ChangePage> RecordStore::changes(qint64 workspaceId, qint64 after, int limit)
{
    ChangePage page;
    page.next = after;
    Result<QSqlQuery> identity = m_database.exec(u"SELECT identity FROM workspaces WHERE id = ?"_s, {workspaceId});
    if (!identity)
        return Result<ChangePage>::failure(identity.error());
    if (identity->next())
        page.identity = identity->value(0).toString();
    identity->finish();
    // One more than asked tells whether there is more.
    Result<QSqlQuery> rows = m_database.exec(
        u"SELECT %1 FROM records WHERE workspace_id = ? AND seq > ? ORDER BY seq LIMIT ?"_s.arg(kColumns),
        {workspaceId, after, limit + 1});
    if (!rows)
        return Result<ChangePage>::failure(rows.error());
    while (rows->next()) {
        if (page.changes.size() == limit) {
            page.more = true;
            break;
        }
        page.changes.append(recordFrom(rows.value()));
        page.next = page.changes.constLast().seq;
    }
    return page;
}

// ---- maintenance: statistics, cleanup, backup and restore ----

Result<RecordStore::Head> RecordStore::head(qint64 workspaceId)
{
    Result<QSqlQuery> row =
        m_database.exec(u"SELECT identity, last_seq FROM workspaces WHERE id = ?"_s, {workspaceId});
    if (!row)
        return Result<Head>::failure(row.error());
    if (!row->next())
        return Result<Head>::failure(u"workspace %1 does not exist"_s.arg(workspaceId));
    return Head{row->value(0).toString(), row->value(1).toLongLong()};
}

Status RecordStore::forEachRecord(qint64 workspaceId, const std::function<Status(const Record &)> &visit)
{
    Result<QSqlQuery> rows = m_database.exec(
        u"SELECT %1 FROM records WHERE workspace_id = ? ORDER BY seq"_s.arg(kColumns), {workspaceId});
    if (!rows)
        return Status::failure(rows.error());
    while (rows->next()) {
        if (Status visited = visit(recordFrom(rows.value())); !visited)
            return visited;
    }
    return {};
}

Result<QSet<int>> RecordStore::liveRotations(const QString &sha256)
{
    Result<QSqlQuery> rows = m_database.exec(
        u"SELECT body FROM records WHERE type = 'image' AND deleted = 0 AND %1 = ?"_s.arg(
            m_database.jsonText(u"sha256"_s)),
        {sha256});
    if (!rows)
        return Result<QSet<int>>::failure(rows.error());
    QSet<int> rotations;
    while (rows->next()) {
        const QJsonObject body = QJsonDocument::fromJson(rows->value(0).toString().toUtf8()).object();
        rotations.insert(body.value(u"rotation"_s).toInt());
    }
    return rotations;
}

Result<bool> RecordStore::dropBlob(qint64 workspaceId, const QString &sha256, const QString &heldBefore,
                                   const QString &user)
{
    bool dropped = false;
    const Status status = m_database.write([&]() -> Status {
        Result<QSqlQuery> held = m_database.exec(
            u"SELECT 1 FROM blobs WHERE workspace_id = ? AND sha256 = ? AND created_at <= ?"_s,
            {workspaceId, sha256, heldBefore});
        if (!held)
            return Status::failure(held.error());
        if (!held->next())
            return {};
        held->finish();
        Result<std::optional<Record>> image = liveImageWithContent(workspaceId, sha256);
        if (!image)
            return Status::failure(image.error());
        if (image.value())
            return {};
        Result<QSqlQuery> removed =
            m_database.exec(u"DELETE FROM blobs WHERE workspace_id = ? AND sha256 = ?"_s, {workspaceId, sha256});
        if (!removed)
            return Status::failure(removed.error());
        Result<std::optional<Record>> announced = read(workspaceId, u"blob"_s, sha256);
        if (!announced)
            return Status::failure(announced.error());
        dropped = true;
        if (!announced.value() || announced.value()->deleted)
            return {};
        Record tombstone = *announced.value();
        tombstone.revision += 1;
        tombstone.deleted = true;
        tombstone.modifiedBy = user;
        Result<Write> written = store(workspaceId, tombstone, true);
        return written ? Status() : Status::failure(written.error());
    });
    return status ? Result<bool>(dropped) : Result<bool>::failure(status.error());
}

Status RecordStore::insertRestored(qint64 workspaceId, const Record &record)
{
    Result<QSqlQuery> written = m_database.exec(
        u"INSERT INTO records(workspace_id, type, id, revision, deleted, body, seq, modified_at, modified_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {workspaceId, record.type, record.id, record.revision, record.deleted ? 1 : 0,
         QString::fromUtf8(QJsonDocument(record.body).toJson(QJsonDocument::Compact)), record.seq, record.modifiedAt,
         record.modifiedBy});
    return written ? Status() : Status::failure(written.error());
}

Result<RecordStore::Replacement> RecordStore::replaceWorkspace(qint64 workspaceId, const NextRecord &nextRecord,
                                                               const QList<QPair<QString, qint64>> &blobs,
                                                               const QString &identity)
{
    Replacement replaced;
    const Status status = m_database.write([&]() -> Status {
        Result<Head> before = head(workspaceId);
        if (!before)
            return Status::failure(before.error());
        replaced.previousIdentity = before->identity;
        Result<QSqlQuery> held = m_database.exec(u"SELECT sha256 FROM blobs WHERE workspace_id = ?"_s, {workspaceId});
        if (!held)
            return Status::failure(held.error());
        while (held->next())
            replaced.previousBlobs.append(held->value(0).toString());
        held->finish();
        for (const QString &table : {u"records"_s, u"blobs"_s}) {
            if (Result<QSqlQuery> emptied =
                    m_database.exec(u"DELETE FROM %1 WHERE workspace_id = ?"_s.arg(table), {workspaceId});
                !emptied)
                return Status::failure(emptied.error());
        }
        qint64 lastSeq = 0;
        for (;;) {
            Result<std::optional<Record>> record = nextRecord();
            if (!record)
                return Status::failure(record.error());
            if (!record.value())
                break;
            lastSeq = std::max(lastSeq, record.value()->seq);
            if (Status inserted = insertRestored(workspaceId, *record.value()); !inserted)
                return inserted;
        }
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (const auto &[sha256, bytes] : blobs) {
            if (Result<QSqlQuery> added = m_database.exec(
                    u"INSERT INTO blobs(workspace_id, sha256, bytes, created_at) VALUES (?, ?, ?, ?)"_s,
                    {workspaceId, sha256, bytes, now});
                !added)
                return Status::failure(added.error());
        }
        Result<QSqlQuery> renamed = m_database.exec(
            u"UPDATE workspaces SET identity = ?, last_seq = ? WHERE id = ?"_s, {identity, lastSeq, workspaceId});
        return renamed ? Status() : Status::failure(renamed.error());
    });
    return status ? Result<Replacement>(replaced) : Result<Replacement>::failure(status.error());
}

Status RecordStore::reachable()
{
    Result<QSqlQuery> answered = m_database.exec(u"SELECT 1"_s);
    return answered ? Status() : Status::failure(answered.error());
}

#include "workspaceblobs.h"

#include "serverdatabase.h"

#include <QDateTime>
#include <QSet>

using namespace Qt::StringLiterals;

Result<QStringList> WorkspaceBlobs::missing(qint64 workspaceId, const QStringList &sha256s)
{
    QStringList absent;
    QSet<QString> seen;
    for (const QString &sha256 : sha256s) {
        if (seen.contains(sha256))
            continue;
        seen.insert(sha256);
        Result<bool> held = holds(workspaceId, sha256);
        if (!held)
            return Result<QStringList>::failure(held.error());
        if (!held.value())
            absent.append(sha256);
    }
    return absent;
}

Result<bool> WorkspaceBlobs::holds(qint64 workspaceId, const QString &sha256)
{
    Result<QSqlQuery> row =
        m_database.exec(u"SELECT 1 FROM blobs WHERE workspace_id = ? AND sha256 = ?"_s, {workspaceId, sha256});
    if (!row)
        return Result<bool>::failure(row.error());
    return row->next();
}

Result<bool> WorkspaceBlobs::add(qint64 workspaceId, const QString &sha256, qint64 bytes)
{
    Result<QSqlQuery> added =
        m_database.exec(u"INSERT INTO blobs(workspace_id, sha256, bytes, created_at) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(workspace_id, sha256) DO NOTHING"_s,
                        {workspaceId, sha256, bytes, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    if (!added)
        return Result<bool>::failure(added.error());
    return added->numRowsAffected() > 0;
}

// ---- maintenance: statistics, cleanup, backup and restore ----

Result<QList<WorkspaceBlobs::Held>> WorkspaceBlobs::held(qint64 workspaceId)
{
    Result<QSqlQuery> rows = m_database.exec(
        u"SELECT sha256, bytes, created_at FROM blobs WHERE workspace_id = ? ORDER BY sha256"_s, {workspaceId});
    if (!rows)
        return Result<QList<Held>>::failure(rows.error());
    QList<Held> blobs;
    while (rows->next())
        blobs.append({rows->value(0).toString(), rows->value(1).toLongLong(), rows->value(2).toString()});
    return blobs;
}

Result<int> WorkspaceBlobs::holders(const QString &sha256)
{
    Result<QSqlQuery> row = m_database.exec(u"SELECT COUNT(*) FROM blobs WHERE sha256 = ?"_s, {sha256});
    if (!row)
        return Result<int>::failure(row.error());
    return row->next() ? row->value(0).toInt() : 0;
}

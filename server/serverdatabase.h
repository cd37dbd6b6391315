#pragma once

#include "common/result.h"
#include "databaselocation.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>
#include <memory>

// The server's metadata (users, tokens, workspaces, grants, failed logins, blobs, records)
// in SQLite under the data directory, or in PostgreSQL shared by several server processes.
// Requests run on the HTTP server's worker threads, and a QSqlDatabase connection belongs
// to one thread, so each thread gets its own connection on first use.
//
// Writes are serialized the same way on both: SQLite's BEGIN IMMEDIATE takes the file's
// write lock; on PostgreSQL every write transaction first takes one advisory lock, across
// all server processes. So a write that reads a revision and then changes the row sees no
// other write in between, and the change sequence is committed in order.
class ServerDatabase final
{
public:
    static Result<std::unique_ptr<ServerDatabase>> open(const DatabaseLocation &location);
    ~ServerDatabase();
    Q_DISABLE_COPY_MOVE(ServerDatabase)

    const DatabaseLocation &location() const { return m_location; }
    bool isPostgreSQL() const { return m_location.kind() == DatabaseLocation::Kind::PostgreSQL; }

    // Runs one statement on this thread's connection.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    // Runs work in one serialized transaction: all of it or nothing.
    Status write(const std::function<Status()> &work);

    // Whether this thread's last attempt to reach the database failed to connect at all (a
    // PostgreSQL server that is down), as opposed to a statement that failed: the request
    // then gets 503 and may be retried. Cleared when a connection opens again.
    static bool isUnreachable();

    // SQL fragments where the two dialects differ, on the records' JSON column `body`:
    // the text of a top-level member,
    QString jsonText(const QString &member) const;
    // and "the array member holds the string bound to this place's ?".
    QString jsonArrayHoldsBound(const QString &member) const;

private:
    explicit ServerDatabase(DatabaseLocation location);
    Result<QSqlDatabase> connection();
    Result<QSqlDatabase> openConnection(const QString &name);
    Status runSetup(QSqlDatabase db, const QString &statement);
    Result<QSqlQuery> run(QSqlDatabase db, const QString &sql, const QVariantList &binds);
    QString failure(const QSqlError &error) const;
    Status createSchema();
    Result<int> schemaVersion();
    Status writeSchema(int current);

    DatabaseLocation m_location;
    QString m_connectionPrefix;
};

#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <functional>
#include <memory>

// The server's own metadata (users, tokens, workspaces, grants, failed logins) in SQLite
// under the data directory. Requests run on the HTTP server's worker threads, and a
// QSqlDatabase connection belongs to one thread, so each thread gets its own connection
// to the same file on first use (WAL, busy timeout: writers queue, readers never block).
class ServerDatabase final
{
public:
    static Result<std::unique_ptr<ServerDatabase>> open(const QString &path);
    ~ServerDatabase();
    Q_DISABLE_COPY_MOVE(ServerDatabase)

    QString path() const { return m_path; }
    // Runs one statement on this thread's connection.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    // Runs work in one BEGIN IMMEDIATE transaction: all of it or nothing.
    Status write(const std::function<Status()> &work);

private:
    explicit ServerDatabase(QString path);
    Result<QSqlDatabase> connection();
    Status createSchema();

    QString m_path;
    QString m_connectionPrefix;
};

#include "serverdatabase.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

constexpr int kSchemaVersion = 1;

const QStringList kSchema = {
    uR"(CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL))"_s,
    uR"(CREATE TABLE workspaces (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        identity TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0))"_s,
    uR"(CREATE TABLE grants (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'staff', 'admin')),
        PRIMARY KEY (user_id, workspace_id)))"_s,
    uR"(CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT))"_s,
    uR"(CREATE TABLE login_failures (
        id INTEGER PRIMARY KEY,
        user_name TEXT NOT NULL,
        address TEXT NOT NULL,
        at TEXT NOT NULL))"_s,
    u"CREATE INDEX login_failures_by_name ON login_failures(user_name, at)"_s,
    u"CREATE INDEX login_failures_by_address ON login_failures(address, at)"_s,
    uR"(CREATE TABLE blobs (
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (workspace_id, sha256)))"_s,
    // Images, entities and galleries: one row per record, its latest state (a tombstone
    // after a delete); seq is the workspace's change counter at the record's last change.
    uR"(CREATE TABLE records (
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('image', 'entity', 'gallery', 'blob')),
        id TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        deleted INTEGER NOT NULL DEFAULT 0,
        body TEXT NOT NULL CHECK (json_valid(body)),
        seq INTEGER NOT NULL,
        modified_at TEXT NOT NULL,
        modified_by TEXT NOT NULL,
        PRIMARY KEY (workspace_id, type, id)))"_s,
    u"CREATE UNIQUE INDEX records_by_seq ON records(workspace_id, seq)"_s,
    u"CREATE INDEX images_by_sha256 ON records(workspace_id, json_extract(body, '$.sha256')) WHERE type = 'image'"_s,
};

// One connection per thread, removed when the thread ends.
struct ThreadConnection
{
    QString name;
    ~ThreadConnection()
    {
        if (!name.isEmpty())
            QSqlDatabase::removeDatabase(name);
    }
};

thread_local ThreadConnection t_connection;
QAtomicInteger<quint64> s_connectionCount;

} // namespace

ServerDatabase::ServerDatabase(QString path)
    : m_path(std::move(path)), m_connectionPrefix(u"vitrine-server-"_s + QUuid::createUuid().toString(QUuid::Id128))
{}

ServerDatabase::~ServerDatabase() = default;

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const QString &path)
{
    std::unique_ptr<ServerDatabase> database(new ServerDatabase(path));
    if (Status status = database->createSchema(); !status)
        return Result<std::unique_ptr<ServerDatabase>>::failure(status.error());
    return database;
}

Result<QSqlDatabase> ServerDatabase::connection()
{
    if (t_connection.name.startsWith(m_connectionPrefix))
        return QSqlDatabase::database(t_connection.name, false);
    if (!t_connection.name.isEmpty())
        QSqlDatabase::removeDatabase(t_connection.name);
    t_connection.name = m_connectionPrefix + u'-' + QString::number(++s_connectionCount);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, t_connection.name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=15000"_s);
    if (!db.open())
        return Result<QSqlDatabase>::failure(u"%1: cannot open: %2"_s.arg(m_path, db.lastError().text()));
    for (const QString &pragma :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s, u"PRAGMA foreign_keys=ON"_s}) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return Result<QSqlDatabase>::failure(u"%1: %2"_s.arg(m_path, query.lastError().text()));
    }
    return db;
}

Result<QSqlQuery> ServerDatabase::exec(const QString &sql, const QVariantList &binds)
{
    Result<QSqlDatabase> db = connection();
    if (!db)
        return Result<QSqlQuery>::failure(db.error());
    QSqlQuery query(db.value());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Result<QSqlQuery>::failure(u"%1: %2"_s.arg(m_path, query.lastError().text()));
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec())
        return Result<QSqlQuery>::failure(u"%1: %2"_s.arg(m_path, query.lastError().text()));
    return query;
}

Status ServerDatabase::write(const std::function<Status()> &work)
{
    if (Result<QSqlQuery> begin = exec(u"BEGIN IMMEDIATE"_s); !begin)
        return Status::failure(begin.error());
    Status status = work();
    if (status) {
        if (Result<QSqlQuery> commit = exec(u"COMMIT"_s); commit)
            return {};
        else
            status = Status::failure(commit.error());
    }
    (void)exec(u"ROLLBACK"_s);
    return status;
}

Status ServerDatabase::createSchema()
{
    Result<QSqlQuery> version = exec(u"PRAGMA user_version"_s);
    if (!version)
        return Status::failure(version.error());
    const int current = version->next() ? version->value(0).toInt() : 0;
    version->finish();
    if (current > kSchemaVersion)
        return Status::failure(u"%1 was written by a newer vitrine-server (schema %2)"_s.arg(m_path).arg(current));
    if (current == kSchemaVersion)
        return {};
    return write([this]() -> Status {
        for (const QString &statement : kSchema) {
            if (Result<QSqlQuery> done = exec(statement); !done)
                return Status::failure(done.error());
        }
        Result<QSqlQuery> bump = exec(u"PRAGMA user_version = %1"_s.arg(kSchemaVersion));
        return bump ? Status() : Status::failure(bump.error());
    });
}

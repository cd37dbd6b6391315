#include "serverdatabase.h"

#include "serverschema.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QSqlError>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

// Any fixed number: every vitrine-server write transaction on one PostgreSQL database
// takes this advisory lock, so the processes sharing the database write one at a time.
constexpr qint64 kWriteLock = 0x76697472696e65; // "vitrine"
constexpr int kSetupPatienceMs = 15000;

// One connection per thread, removed when the thread ends.
struct ThreadConnection
{
    QString name;
    bool inTransaction = false;
    bool unreachable = false;
    ~ThreadConnection()
    {
        if (!name.isEmpty())
            QSqlDatabase::removeDatabase(name);
    }
};

thread_local ThreadConnection t_connection;
QAtomicInteger<quint64> s_connectionCount;

} // namespace

ServerDatabase::ServerDatabase(DatabaseLocation location)
    : m_location(std::move(location)),
      m_connectionPrefix(u"vitrine-server-"_s + QUuid::createUuid().toString(QUuid::Id128))
{
}

ServerDatabase::~ServerDatabase() = default;

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const DatabaseLocation &location)
{
    std::unique_ptr<ServerDatabase> database(new ServerDatabase(location));
    if (Status status = database->createSchema(); !status)
        return Result<std::unique_ptr<ServerDatabase>>::failure(status.error());
    return database;
}

bool ServerDatabase::isUnreachable()
{
    return t_connection.unreachable;
}

QString ServerDatabase::failure(const QSqlError &error) const
{
    return u"%1: %2"_s.arg(m_location.description(), error.text());
}

Result<QSqlDatabase> ServerDatabase::connection()
{
    if (t_connection.name.startsWith(m_connectionPrefix))
        return QSqlDatabase::database(t_connection.name, false);
    if (!t_connection.name.isEmpty())
        QSqlDatabase::removeDatabase(t_connection.name);
    t_connection.name = m_connectionPrefix + u'-' + QString::number(++s_connectionCount);
    t_connection.inTransaction = false;
    return openConnection(t_connection.name);
}

Result<QSqlDatabase> ServerDatabase::openConnection(const QString &name)
{
    const bool postgres = isPostgreSQL();
    QSqlDatabase db = QSqlDatabase::contains(name)
                          ? QSqlDatabase::database(name, false)
                          : QSqlDatabase::addDatabase(postgres ? u"QPSQL"_s : u"QSQLITE"_s, name);
    if (postgres) {
        db.setHostName(m_location.host());
        db.setPort(m_location.port());
        db.setUserName(m_location.user());
        db.setPassword(m_location.password());
        db.setDatabaseName(m_location.databaseName());
        db.setConnectOptions(m_location.connectOptions());
    } else {
        db.setDatabaseName(m_location.path());
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=15000"_s);
    }
    t_connection.unreachable = !db.open();
    if (t_connection.unreachable)
        return Result<QSqlDatabase>::failure(
            u"%1: cannot open: %2"_s.arg(m_location.description(), db.lastError().text()));
    const QStringList setup =
        postgres ? QStringList{u"SET client_min_messages = warning"_s}
                 : QStringList{u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s, u"PRAGMA foreign_keys=ON"_s};
    for (const QString &statement : setup) {
        if (Status done = runSetup(db, statement); !done)
            return Result<QSqlDatabase>::failure(done.error());
    }
    return db;
}

// SQLite answers "database is locked" at once, without waiting, when two processes open a
// new file together and both switch it to WAL; the switch is tried again for a while.
Status ServerDatabase::runSetup(QSqlDatabase db, const QString &statement)
{
    const QDeadlineTimer deadline(kSetupPatienceMs);
    for (;;) {
        QSqlQuery query(db);
        if (query.exec(statement))
            return {};
        if (isPostgreSQL() || deadline.hasExpired())
            return Status::failure(failure(query.lastError()));
        QThread::msleep(20);
    }
}

Result<QSqlQuery> ServerDatabase::run(QSqlDatabase db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // PostgreSQL cannot prepare BEGIN, COMMIT or SET: statements without values run directly.
    if (binds.isEmpty()) {
        if (!query.exec(sql))
            return Result<QSqlQuery>::failure(failure(query.lastError()));
        return query;
    }
    if (!query.prepare(sql))
        return Result<QSqlQuery>::failure(failure(query.lastError()));
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec())
        return Result<QSqlQuery>::failure(failure(query.lastError()));
    return query;
}

Result<QSqlQuery> ServerDatabase::exec(const QString &sql, const QVariantList &binds)
{
    Result<QSqlDatabase> db = connection();
    if (!db)
        return Result<QSqlQuery>::failure(db.error());
    Result<QSqlQuery> done = run(db.value(), sql, binds);
    if (done || !isPostgreSQL() || t_connection.inTransaction)
        return done;
    // A PostgreSQL server that restarted (or a proxy that dropped the connection) leaves
    // this thread's connection dead: outside a transaction, open it again and retry once.
    if (db.value().isOpen() && run(db.value(), u"SELECT 1"_s, {}))
        return done;
    db.value().close();
    Result<QSqlDatabase> reopened = openConnection(t_connection.name);
    if (!reopened)
        return done;
    return run(reopened.value(), sql, binds);
}

Status ServerDatabase::write(const std::function<Status()> &work)
{
    const QString begin = isPostgreSQL() ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s;
    if (Result<QSqlQuery> begun = exec(begin); !begun)
        return Status::failure(begun.error());
    t_connection.inTransaction = true;
    Status status;
    if (isPostgreSQL()) {
        if (Result<QSqlQuery> locked = exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kWriteLock)); !locked)
            status = Status::failure(locked.error());
    }
    if (status)
        status = work();
    if (status) {
        if (Result<QSqlQuery> commit = exec(u"COMMIT"_s); !commit)
            status = Status::failure(commit.error());
    }
    if (!status)
        (void)exec(u"ROLLBACK"_s);
    t_connection.inTransaction = false;
    return status;
}

QString ServerDatabase::jsonText(const QString &member) const
{
    return isPostgreSQL() ? u"(body->>'%1')"_s.arg(member) : u"json_extract(body, '$.%1')"_s.arg(member);
}

QString ServerDatabase::jsonArrayHoldsBound(const QString &member) const
{
    return isPostgreSQL() ? u"(body->'%1') @> jsonb_build_array(CAST(? AS text))"_s.arg(member)
                          : u"EXISTS (SELECT 1 FROM json_each(body, '$.%1') WHERE value = ?)"_s.arg(member);
}

Result<int> ServerDatabase::schemaVersion()
{
    // SQLite keeps it in the file header; PostgreSQL in a table of its own, absent at first.
    if (isPostgreSQL()) {
        Result<QSqlQuery> table = exec(u"SELECT to_regclass('vitrine_schema') IS NOT NULL"_s);
        if (!table)
            return Result<int>::failure(table.error());
        if (!table->next() || !table->value(0).toBool())
            return 0;
    }
    Result<QSqlQuery> version =
        exec(isPostgreSQL() ? u"SELECT max(version) FROM vitrine_schema"_s : u"PRAGMA user_version"_s);
    if (!version)
        return Result<int>::failure(version.error());
    return version->next() ? version->value(0).toInt() : 0;
}

Status ServerDatabase::createSchema()
{
    Result<int> before = schemaVersion();
    if (!before)
        return Status::failure(before.error());
    if (before.value() == ServerSchema::kVersion)
        return {};
    // Checked again under the write lock: another server process may be creating it now.
    // On PostgreSQL the lock is taken before the transaction begins, because a transaction
    // that looked up a missing table keeps believing it missing after another one made it.
    const QString lock = u"SELECT pg_advisory_lock(%1)"_s.arg(kWriteLock);
    if (isPostgreSQL()) {
        if (Result<QSqlQuery> locked = exec(lock); !locked)
            return Status::failure(locked.error());
    }
    const Status status = write([this]() -> Status {
        Result<int> current = schemaVersion();
        if (!current)
            return Status::failure(current.error());
        return writeSchema(current.value());
    });
    if (isPostgreSQL())
        (void)exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(kWriteLock));
    return status;
}

Status ServerDatabase::writeSchema(int current)
{
    if (current > ServerSchema::kVersion)
        return Status::failure(
            u"%1 was written by a newer vitrine-server (schema %2)"_s.arg(m_location.description()).arg(current));
    if (current == ServerSchema::kVersion)
        return {};
    for (const QString &statement : ServerSchema::statements(m_location.kind())) {
        if (Result<QSqlQuery> done = exec(statement); !done)
            return Status::failure(done.error());
    }
    const QString bump =
        isPostgreSQL() ? u"INSERT INTO vitrine_schema(version) VALUES (%1)"_s : u"PRAGMA user_version = %1"_s;
    Result<QSqlQuery> bumped = exec(bump.arg(ServerSchema::kVersion));
    return bumped ? Status() : Status::failure(bumped.error());
}

#include "catalog/catalog.h"

#include "catalog/catalogrows.h"
#include "catalog/catalogschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtEndian>
#include <atomic>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCatalog, "vitrine.catalog")

namespace {

constexpr int kBusyTimeoutMs = 15000;

QString nextConnectionName()
{
    static std::atomic<quint64> counter {0};
    return u"vitrine-catalog-%1"_s.arg(++counter);
}

QString damagedMessage(const QString &path, const QString &reason)
{
    return u"%1: the catalog is damaged (%2). It was not changed; restore the workspace "
           "from a backup with `vitrine-cli restore`."_s.arg(path, reason);
}

bool isDamageError(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    constexpr int sqliteCorrupt = 11;
    constexpr int sqliteNotADatabase = 26;
    return code == sqliteCorrupt || code == sqliteNotADatabase || error.databaseText().contains(u"malformed"_s) ||
        error.databaseText().contains(u"not a database"_s);
}

// Checks the SQLite header before SQLite sees the file: a file that is not a database, or
// one shorter than its header says (truncated), is refused without being touched. A
// non-empty -wal file may hold the missing pages, so the size is then left to SQLite.
Status checkHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(u"%1: cannot read the catalog (%2)"_s.arg(path, file.errorString()));
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return Status::failure(damagedMessage(path, u"not an SQLite database"_s));
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint32 rawPageSize = qFromBigEndian<quint16>(bytes + 16);
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    const QFileInfo wal(path + u"-wal"_s);
    if (pageCount == 0 || changeCounter != validFor || (wal.exists() && wal.size() > 0))
        return {};
    if (file.size() < pageSize * pageCount) {
        return Status::failure(
            damagedMessage(path, u"truncated: %1 of %2 bytes"_s.arg(file.size()).arg(pageSize * pageCount)));
    }
    return {};
}

} // namespace

Catalog::Catalog(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_thread(QThread::currentThread())
{ }

Catalog::~Catalog()
{
    checkThread();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Catalog>> Catalog::open(const QString &path, OpenMode mode)
{
    using R = Result<std::unique_ptr<Catalog>>;
    const QFileInfo info(path);
    if (mode == OpenMode::Create) {
        if (info.exists() || info.isSymLink())
            return R::failure(u"%1: a file of that name already exists; a new catalog is never "
                              "written over an existing file"_s.arg(path));
        if (!info.absoluteDir().exists())
            return R::failure(u"%1: the folder does not exist"_s.arg(path));
        // NewOnly: if another process created the file meanwhile, we do not touch it.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return R::failure(u"%1: cannot create the catalog (%2)"_s.arg(path, file.errorString()));
        file.close();
        R created = openConnection(path, mode);
        if (!created) {
            // Only the files this call created: the empty catalog and its companions.
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
                QFile::remove(path + suffix);
        }
        return created;
    }
    if (!info.exists())
        return R::failure(u"%1: no catalog at this path"_s.arg(path));
    if (!info.isFile())
        return R::failure(u"%1: not a catalog file"_s.arg(path));
    // A catalog whose first transactions never reached the main file lives in its -wal.
    const QFileInfo wal(path + u"-wal"_s);
    if (info.size() == 0 && !(wal.exists() && wal.size() > 0))
        return R::failure(damagedMessage(path, u"the file is empty"_s));
    if (info.size() > 0) {
        if (Status status = checkHeader(path); !status)
            return R::failure(status.error());
    }
    return openConnection(path, mode);
}

Result<std::unique_ptr<Catalog>> Catalog::openConnection(const QString &path, OpenMode mode)
{
    using R = Result<std::unique_ptr<Catalog>>;
    std::unique_ptr<Catalog> catalog(new Catalog(path, nextConnectionName()));
    if (Status status = catalog->connect(); !status)
        return R::failure(status.error());
    if (mode == OpenMode::OpenExisting) {
        if (Status status = catalog->validateExisting(); !status)
            return R::failure(status.error());
    }
    if (Status status = catalog->applyPragmas(); !status)
        return R::failure(status.error());
    Status prepared = mode == OpenMode::Create ? catalog->createWorkspace() : CatalogSchema::migrate(catalog->m_db);
    if (!prepared)
        return R::failure(catalog->failure(u"cannot prepare the catalog: "_s + prepared.error()));
    if (Status status = catalog->loadMeta(); !status)
        return R::failure(status.error());
    return catalog;
}

Status Catalog::connect()
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!m_db.isValid())
        return Status::failure(failure(u"the Qt SQLite driver (QSQLITE) is not available"_s));
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs));
    if (!m_db.open())
        return Status::failure(failure(u"cannot open the catalog: "_s + m_db.lastError().text()));
    return {};
}

// The first reads: a damaged file or one from a newer Vitrine is refused here, before
// anything (even the journal mode) is written.
Status Catalog::validateExisting()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
        const QSqlError error = query.lastError();
        if (isDamageError(error))
            return Status::failure(damagedMessage(m_path, error.databaseText()));
        return Status::failure(failure(u"cannot read the catalog: "_s + error.text()));
    }
    const int version = query.value(0).toInt();
    if (version > CatalogSchema::latestVersion()) {
        return Status::failure(u"%1: this catalog was written by a newer Vitrine (schema %2; this "
                               "version knows up to %3). Upgrade Vitrine to open it."_s.arg(m_path)
                                   .arg(version)
                                   .arg(CatalogSchema::latestVersion()));
    }
    if (version < 1)
        return Status::failure(failure(u"not a Vitrine catalog (no schema version)"_s));
    query.finish();
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'workspace_id'"_s) || !query.next()) {
        const QSqlError error = query.lastError();
        if (error.type() == QSqlError::NoError)
            return Status::failure(damagedMessage(m_path, u"no workspace id"_s));
        return Status::failure(isDamageError(error) ? damagedMessage(m_path, error.databaseText())
                                                    : failure(u"cannot read the catalog: "_s + error.text()));
    }
    return {};
}

Status Catalog::applyPragmas()
{
    const QStringList pragmas = {
        u"PRAGMA busy_timeout = %1"_s.arg(kBusyTimeoutMs),
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA synchronous = FULL"_s,
        u"PRAGMA journal_mode = WAL"_s,
    };
    for (const QString &pragma : pragmas) {
        Result<QSqlQuery> query = exec(pragma);
        if (!query)
            return Status::failure(query.error());
        if (pragma.contains(u"journal_mode"_s) &&
            (!query->next() || query->value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0))
            return Status::failure(failure(u"cannot switch the catalog to WAL mode"_s));
    }
    return {};
}

Status Catalog::createWorkspace()
{
    return CatalogSchema::create(m_db, QUuid::createUuid(), QDateTime::currentDateTimeUtc());
}

Status Catalog::loadMeta()
{
    Result<QSqlQuery> query = exec(u"SELECT value FROM meta WHERE key = 'workspace_id'"_s);
    if (!query)
        return Status::failure(query.error());
    if (query->next())
        m_workspaceId = QUuid::fromString(query->value(0).toString());
    if (m_workspaceId.isNull())
        return Status::failure(damagedMessage(m_path, u"no valid workspace id"_s));
    const Result<int> version = CatalogSchema::userVersion(m_db);
    if (!version)
        return Status::failure(failure(version.error()));
    m_schemaVersion = version.value();
    return {};
}

QString Catalog::path() const
{
    return m_path;
}

QUuid Catalog::workspaceId() const
{
    return m_workspaceId;
}

int Catalog::schemaVersion() const
{
    return m_schemaVersion;
}

int Catalog::latestSchemaVersion()
{
    return CatalogSchema::latestVersion();
}

QString Catalog::connectionName() const
{
    return m_connectionName;
}

Status Catalog::write(const std::function<Status()> &body)
{
    checkThread();
    if (Result<QSqlQuery> begin = exec(u"BEGIN IMMEDIATE"_s); !begin)
        return Status::failure(begin.error());
    Status status = body();
    if (status) {
        Result<QSqlQuery> commit = exec(u"COMMIT"_s);
        if (commit)
            return {};
        status = Status::failure(commit.error());
    }
    (void)exec(u"ROLLBACK"_s);
    return status;
}

Result<QSqlQuery> Catalog::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Result<QSqlQuery>::failure(failure(query.lastError().text()));
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec())
        return Result<QSqlQuery>::failure(failure(query.lastError().text()));
    return query;
}

Status Catalog::run(const QString &sql, const QVariantList &binds)
{
    Result<QSqlQuery> query = exec(sql, binds);
    return query ? Status() : Status::failure(query.error());
}

QString Catalog::failure(const QString &what) const
{
    return m_path + u": "_s + what;
}

void Catalog::checkThread() const
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "Catalog",
               "a Catalog must be used only in the thread that opened it");
}

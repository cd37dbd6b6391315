#pragma once

#include "common/result.h"

#include <QString>

// Where the server keeps its metadata: a SQLite file under the data directory, or a
// PostgreSQL database named by a libpq-style URL,
//   postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?host=/socket/dir&port=N&sslmode=...]
// Parts left out fall back to libpq's environment (PGHOST, PGUSER, PGPASSWORD, ...).
class DatabaseLocation final
{
public:
    enum class Kind { SQLite, PostgreSQL };

    static DatabaseLocation sqlite(const QString &path);
    // Refuses anything that is not a postgresql:// (or postgres://) URL with a database name.
    static Result<DatabaseLocation> parse(const QString &url);

    Kind kind() const { return m_kind; }
    QString kindName() const; // "sqlite" or "postgresql", as /api/v1/health says
    // For messages and logs: the path, or the URL without its password.
    QString description() const;

    QString path() const { return m_path; } // SQLite
    QString host() const { return m_host; } // a name, an address, or a socket directory
    int port() const { return m_port; }     // -1: libpq's default
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_databaseName; }
    // Further libpq connection options as Qt's QPSQL driver takes them ("sslmode=require;...").
    QString connectOptions() const { return m_connectOptions; }

private:
    Kind m_kind = Kind::SQLite;
    QString m_path;
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_password;
    QString m_databaseName;
    QString m_connectOptions;
};

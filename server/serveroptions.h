#pragma once

#include "common/result.h"
#include "databaselocation.h"

#include <QString>
#include <QStringList>
#include <optional>

// The command line of vitrine-server (every command also takes --database URL):
//   vitrine-server [serve] --data DIR [--database URL] [--listen HOST:PORT]
//                  [--tls-cert FILE --tls-key FILE] [--token-days N]
//   vitrine-server user add|passwd NAME --data DIR   (the password is read from stdin)
//   vitrine-server user remove NAME --data DIR
//   vitrine-server workspace add NAME --data DIR
//   vitrine-server workspace grant WORKSPACE USER ROLE --data DIR
class ServerOptions final
{
public:
    enum class Command { Serve, UserAdd, UserPasswd, UserRemove, WorkspaceAdd, WorkspaceGrant, Help };

    static Result<ServerOptions> parse(const QStringList &arguments); // without the program name
    static QString usage();

    Command command = Command::Serve;
    QStringList operands; // user or workspace names, role
    QString dataDir;
    // PostgreSQL when --database is given; else SQLite's server.sqlite in dataDir.
    std::optional<DatabaseLocation> database;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    QString tlsCert;
    QString tlsKey;
    int tokenDays = 30;

private:
    Status parseOption(const QString &name, const QString &value);
};

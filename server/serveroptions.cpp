#include "serveroptions.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace {

struct CommandShape
{
    QStringList words;
    ServerOptions::Command command;
    int operands;
};

const QList<CommandShape> kCommands = {
    {{u"serve"_s}, ServerOptions::Command::Serve, 0},
    {{u"user"_s, u"add"_s}, ServerOptions::Command::UserAdd, 1},
    {{u"user"_s, u"passwd"_s}, ServerOptions::Command::UserPasswd, 1},
    {{u"user"_s, u"remove"_s}, ServerOptions::Command::UserRemove, 1},
    {{u"workspace"_s, u"add"_s}, ServerOptions::Command::WorkspaceAdd, 1},
    {{u"workspace"_s, u"grant"_s}, ServerOptions::Command::WorkspaceGrant, 3},
    {{u"help"_s}, ServerOptions::Command::Help, 0},
};

const QStringList kValueOptions = {u"--data"_s,     u"--database"_s, u"--listen"_s,
                                   u"--tls-cert"_s, u"--tls-key"_s,  u"--token-days"_s};

} // namespace

QString ServerOptions::usage()
{
    return uR"(usage:
  vitrine-server [serve] --data DIR [--database URL] [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]
                 [--token-days N]
  vitrine-server user add NAME --data DIR        (password from standard input)
  vitrine-server user passwd NAME --data DIR     (password from standard input)
  vitrine-server user remove NAME --data DIR
  vitrine-server workspace add NAME --data DIR
  vitrine-server workspace grant WORKSPACE USER viewer|staff|admin --data DIR
The first start on an empty DIR creates the workspace "main" and the user "admin"; its
password is VITRINE_ADMIN_PASSWORD when set, else a random one printed once.
--database postgresql://USER@HOST:PORT/DBNAME keeps users, workspaces and records in
PostgreSQL instead of DIR/server.sqlite (originals and renditions stay under DIR), so that
several servers sharing DIR can serve the same workspaces. Every command takes it.
)"_s;
}

Result<ServerOptions> ServerOptions::parse(const QStringList &arguments)
{
    ServerOptions options;
    QStringList words;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--help"_s || argument == u"-h"_s) {
            options.command = Command::Help;
            return options;
        }
        if (kValueOptions.contains(argument)) {
            if (i + 1 >= arguments.size())
                return Result<ServerOptions>::failure(u"%1 needs a value"_s.arg(argument));
            if (Status status = options.parseOption(argument, arguments.at(++i)); !status)
                return Result<ServerOptions>::failure(status.error());
        } else if (argument.startsWith(u"--"_s)) {
            return Result<ServerOptions>::failure(u"unknown option %1"_s.arg(argument));
        } else {
            words.append(argument);
        }
    }
    if (words.isEmpty())
        words.append(u"serve"_s);
    for (const CommandShape &shape : kCommands) {
        if (words.mid(0, shape.words.size()) != shape.words)
            continue;
        options.command = shape.command;
        options.operands = words.mid(shape.words.size());
        if (options.operands.size() != shape.operands)
            return Result<ServerOptions>::failure(
                u"\"%1\" takes %2 name(s)"_s.arg(shape.words.join(u' ')).arg(shape.operands));
        if (options.command != Command::Help && options.dataDir.isEmpty())
            return Result<ServerOptions>::failure(u"--data DIR is required"_s);
        return options;
    }
    return Result<ServerOptions>::failure(u"unknown command \"%1\""_s.arg(words.join(u' ')));
}

Status ServerOptions::parseOption(const QString &name, const QString &value)
{
    if (name == u"--data"_s) {
        dataDir = value;
    } else if (name == u"--database"_s) {
        Result<DatabaseLocation> location = DatabaseLocation::parse(value);
        if (!location)
            return Status::failure(location.error());
        database = location.value();
    } else if (name == u"--listen"_s) {
        const qsizetype colon = value.lastIndexOf(u':');
        bool ok = false;
        const uint number = colon > 0 ? value.mid(colon + 1).toUInt(&ok) : 0;
        if (!ok || number > 65535 || QHostAddress(value.left(colon)).isNull())
            return Status::failure(
                u"--listen wants HOST:PORT with a numeric address, e.g. 127.0.0.1:8080 (got \"%1\")"_s.arg(value));
        host = value.left(colon);
        port = quint16(number);
    } else if (name == u"--tls-cert"_s) {
        tlsCert = value;
    } else if (name == u"--tls-key"_s) {
        tlsKey = value;
    } else if (name == u"--token-days"_s) {
        bool ok = false;
        tokenDays = value.toInt(&ok);
        if (!ok || tokenDays < 1 || tokenDays > 3650)
            return Status::failure(u"--token-days wants a number of days from 1 to 3650"_s);
    }
    return {};
}

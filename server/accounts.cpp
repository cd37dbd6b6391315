#include "accounts.h"

#include "passwordhash.h"
#include "serverdatabase.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Status checkPassword(const QString &password)
{
    if (password.size() < Accounts::kMinimumPasswordLength)
        return Status::failure(u"a password needs at least %1 characters"_s.arg(Accounts::kMinimumPasswordLength));
    return {};
}

Status statusOf(const Result<QSqlQuery> &query)
{
    return query ? Status() : Status::failure(query.error());
}

} // namespace

const QStringList Accounts::kRoles = {u"viewer"_s, u"staff"_s, u"admin"_s};

Accounts::Accounts(ServerDatabase &database, int tokenDays)
    : m_database(database), m_throttle(database), m_tokenDays(tokenDays)
{}

bool Accounts::isValidUserName(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9._@-]{1,64}$"_s);
    return valid.match(name).hasMatch();
}

bool Accounts::isValidWorkspaceName(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9._-]{1,64}$"_s);
    return valid.match(name).hasMatch() && name != u"."_s && name != u".."_s;
}

Result<qint64> Accounts::idOf(const QString &table, const QString &name)
{
    Result<QSqlQuery> row = m_database.exec(u"SELECT id FROM %1 WHERE name = ?"_s.arg(table), {name});
    if (!row)
        return Result<qint64>::failure(row.error());
    if (!row->next())
        return Result<qint64>::failure(
            u"no %1 named \"%2\""_s.arg(table == u"users"_s ? u"user"_s : u"workspace"_s, name));
    return row->value(0).toLongLong();
}

Status Accounts::addUser(const QString &name, const QString &password)
{
    if (!isValidUserName(name))
        return Status::failure(u"\"%1\" is not a valid user name (letters, digits, . _ @ -; at most 64)"_s.arg(name));
    if (Status status = checkPassword(password); !status)
        return status;
    if (idOf(u"users"_s, name))
        return Status::failure(u"the user \"%1\" exists already"_s.arg(name));
    return statusOf(m_database.exec(u"INSERT INTO users(name, password_hash, created_at) VALUES (?, ?, ?)"_s,
                                    {name, PasswordHash::make(password), now()}));
}

Status Accounts::setPassword(const QString &name, const QString &password)
{
    if (Status status = checkPassword(password); !status)
        return status;
    Result<qint64> user = idOf(u"users"_s, name);
    if (!user)
        return Status::failure(user.error());
    const QString hash = PasswordHash::make(password);
    return m_database.write([&]() -> Status {
        if (Status status =
                statusOf(m_database.exec(u"UPDATE users SET password_hash = ? WHERE id = ?"_s, {hash, user.value()}));
            !status)
            return status;
        return statusOf(m_database.exec(u"UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"_s,
                                        {now(), user.value()}));
    });
}

Status Accounts::removeUser(const QString &name)
{
    Result<qint64> user = idOf(u"users"_s, name);
    if (!user)
        return Status::failure(user.error());
    return statusOf(m_database.exec(u"DELETE FROM users WHERE id = ?"_s, {user.value()}));
}

Status Accounts::addWorkspace(const QString &name)
{
    if (!isValidWorkspaceName(name))
        return Status::failure(
            u"\"%1\" is not a valid workspace name (letters, digits, . _ -; at most 64)"_s.arg(name));
    if (idOf(u"workspaces"_s, name))
        return Status::failure(u"the workspace \"%1\" exists already"_s.arg(name));
    return statusOf(m_database.exec(u"INSERT INTO workspaces(name, identity, created_at) VALUES (?, ?, ?)"_s,
                                    {name, QUuid::createUuid().toString(QUuid::WithoutBraces), now()}));
}

Status Accounts::grant(const QString &workspace, const QString &user, const QString &role)
{
    if (!kRoles.contains(role))
        return Status::failure(u"\"%1\" is not a role (viewer, staff or admin)"_s.arg(role));
    Result<qint64> workspaceId = idOf(u"workspaces"_s, workspace);
    if (!workspaceId)
        return Status::failure(workspaceId.error());
    Result<qint64> userId = idOf(u"users"_s, user);
    if (!userId)
        return Status::failure(userId.error());
    return statusOf(m_database.exec(u"INSERT INTO grants(user_id, workspace_id, role) VALUES (?, ?, ?) "
                                    "ON CONFLICT(user_id, workspace_id) DO UPDATE SET role = excluded.role"_s,
                                    {userId.value(), workspaceId.value(), role}));
}

Result<bool> Accounts::bootstrap(const QString &adminPassword)
{
    // In one write: server processes starting together on one PostgreSQL database must not
    // both create the first workspace and user.
    Result<bool> created = false;
    const Status status = m_database.write([&]() -> Status {
        created = createFirstAccounts(adminPassword);
        return created ? Status() : Status::failure(created.error());
    });
    return status ? created : Result<bool>::failure(status.error());
}

Result<bool> Accounts::createFirstAccounts(const QString &adminPassword)
{
    Result<QSqlQuery> users = m_database.exec(u"SELECT 1 FROM users LIMIT 1"_s);
    if (!users)
        return Result<bool>::failure(users.error());
    if (users->next())
        return false;
    users->finish();
    if (Status status = checkPassword(adminPassword); !status)
        return Result<bool>::failure(status.error());
    if (!idOf(u"workspaces"_s, u"main"_s)) {
        if (Status status = addWorkspace(u"main"_s); !status)
            return Result<bool>::failure(status.error());
    }
    if (Status status = addUser(u"admin"_s, adminPassword); !status)
        return Result<bool>::failure(status.error());
    if (Status status = grant(u"main"_s, u"admin"_s, u"admin"_s); !status)
        return Result<bool>::failure(status.error());
    return true;
}

Result<QString> Accounts::issueToken(qint64 userId)
{
    const QString token = QString::fromLatin1(
        PasswordHash::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString expires = QDateTime::currentDateTimeUtc().addDays(m_tokenDays).toString(Qt::ISODateWithMs);
    Result<QSqlQuery> added =
        m_database.exec(u"INSERT INTO tokens(hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)"_s,
                        {tokenHash(token), userId, now(), expires});
    if (!added)
        return Result<QString>::failure(added.error());
    return token;
}

Result<Accounts::Login> Accounts::login(const QString &name, const QString &password, const QString &address)
{
    Login login;
    Result<LoginThrottle::Admission> admitted = m_throttle.admit(name, address);
    if (!admitted)
        return Result<Login>::failure(admitted.error());
    if (admitted->retryAfterSeconds > 0) {
        login.outcome = Login::Outcome::RateLimited;
        login.retryAfterSeconds = admitted->retryAfterSeconds;
        return login;
    }
    Result<QSqlQuery> row = m_database.exec(u"SELECT id, password_hash FROM users WHERE name = ?"_s, {name});
    if (!row)
        return Result<Login>::failure(row.error());
    const bool known = row->next();
    const qint64 userId = known ? row->value(0).toLongLong() : 0;
    const QString stored = known ? row->value(1).toString() : QString();
    row->finish();
    if (!known)
        PasswordHash::spendVerifyTime(); // an unknown name answers as slowly as a wrong password
    if (!known || !PasswordHash::verify(password, stored))
        return login; // the attempt stays counted as a failure
    if (Status status = m_throttle.succeeded(admitted.value(), name); !status)
        return Result<Login>::failure(status.error());
    Result<QString> token = issueToken(userId);
    if (!token)
        return Result<Login>::failure(token.error());
    login.outcome = Login::Outcome::SignedIn;
    login.token = token.value();
    login.expiresAt = QDateTime::currentDateTimeUtc().addDays(m_tokenDays);
    login.userName = name;
    login.userId = userId;
    return login;
}

Result<std::optional<Accounts::Session>> Accounts::authenticate(const QString &token)
{
    using Answer = Result<std::optional<Session>>;
    if (token.isEmpty())
        return Answer(std::nullopt);
    Result<QSqlQuery> row = m_database.exec(u"SELECT u.id, u.name FROM tokens t JOIN users u ON u.id = t.user_id "
                                            "WHERE t.hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?"_s,
                                            {tokenHash(token), now()});
    if (!row)
        return Answer::failure(row.error());
    if (!row->next())
        return Answer(std::nullopt);
    return Answer(Session{row->value(0).toLongLong(), row->value(1).toString()});
}

Status Accounts::logout(const QString &token)
{
    return statusOf(m_database.exec(u"UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL"_s,
                                    {now(), tokenHash(token)}));
}

Result<std::optional<Accounts::Access>> Accounts::access(qint64 userId, const QString &workspace)
{
    using Answer = Result<std::optional<Access>>;
    Result<QSqlQuery> row =
        m_database.exec(u"SELECT w.id, g.role FROM grants g JOIN workspaces w ON w.id = g.workspace_id "
                        "WHERE g.user_id = ? AND w.name = ?"_s,
                        {userId, workspace});
    if (!row)
        return Answer::failure(row.error());
    if (!row->next())
        return Answer(std::nullopt);
    return Answer(Access{row->value(0).toLongLong(), row->value(1).toString(), {}});
}

Result<QList<Accounts::Membership>> Accounts::memberships(qint64 userId)
{
    Result<QSqlQuery> rows =
        m_database.exec(u"SELECT w.name, g.role, w.identity FROM grants g JOIN workspaces w ON w.id = g.workspace_id "
                        "WHERE g.user_id = ? ORDER BY w.name"_s,
                        {userId});
    if (!rows)
        return Result<QList<Membership>>::failure(rows.error());
    QList<Membership> found;
    while (rows->next())
        found.append({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()});
    return found;
}

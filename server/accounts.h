#pragma once

#include "common/result.h"
#include "loginthrottle.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

class ServerDatabase;

// Who may use the server and how: users with salted password hashes, workspaces with
// their identity, each user's role in each workspace, and bearer tokens (random, stored
// only as their SHA-256, expiring, revocable).
class Accounts final
{
public:
    struct Session
    {
        qint64 userId = 0;
        QString userName;
    };
    struct Membership
    {
        QString workspace;
        QString role; // viewer, staff or admin
        QString identity;
    };
    struct Access
    {
        qint64 workspaceId = 0;
        QString role;
        QString userName; // who asks (filled in by the HTTP layer)
        bool allows(const QString &neededRole) const { return kRoles.indexOf(role) >= kRoles.indexOf(neededRole); }
    };
    struct Login
    {
        enum class Outcome { SignedIn, WrongCredentials, RateLimited };
        Outcome outcome = Outcome::WrongCredentials;
        QString token;
        QDateTime expiresAt;
        QString userName;
        qint64 userId = 0;
        int retryAfterSeconds = 0;
    };

    static constexpr int kMinimumPasswordLength = 8;
    static const QStringList kRoles;

    explicit Accounts(ServerDatabase &database, int tokenDays = 30);

    Status addUser(const QString &name, const QString &password);
    // Also revokes the user's tokens: a changed password signs out every session.
    Status setPassword(const QString &name, const QString &password);
    Status removeUser(const QString &name);
    Status addWorkspace(const QString &name);
    Status grant(const QString &workspace, const QString &user, const QString &role);

    // First start: with no user yet, creates the workspace "main" and the user "admin"
    // (admin of it) with the given password. Returns false when there were users already.
    Result<bool> bootstrap(const QString &adminPassword);

    Result<Login> login(const QString &name, const QString &password, const QString &address);
    // The token's session, or nothing for an unknown, expired or revoked token.
    Result<std::optional<Session>> authenticate(const QString &token);
    Status logout(const QString &token);
    Result<QList<Membership>> memberships(qint64 userId);
    // The user's role in the workspace, or nothing when the workspace does not exist or the
    // user has no role in it (the two are not told apart, so names cannot be probed).
    Result<std::optional<Access>> access(qint64 userId, const QString &workspace);

    static bool isValidUserName(const QString &name);
    static bool isValidWorkspaceName(const QString &name);

private:
    Result<bool> createFirstAccounts(const QString &adminPassword); // in bootstrap's transaction
    Result<qint64> idOf(const QString &table, const QString &name);
    Result<QString> issueToken(qint64 userId);

    ServerDatabase &m_database;
    LoginThrottle m_throttle;
    int m_tokenDays;
};

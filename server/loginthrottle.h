#pragma once

#include "common/result.h"

#include <QString>

class ServerDatabase;

// Guesses at passwords are slowed down: after kMaxFailures failed logins for one user name,
// or from one client address, within kWindowMinutes, further attempts are refused until
// the oldest failure leaves the window. Failures are kept in the database, so the limit
// holds across server processes sharing it and across restarts.
class LoginThrottle final
{
public:
    static constexpr int kMaxFailures = 5;
    static constexpr int kWindowMinutes = 15;

    explicit LoginThrottle(ServerDatabase &database) : m_database(database) {}

    // Seconds until another attempt is allowed; 0 when it is allowed now.
    Result<int> retryAfter(const QString &userName, const QString &address);
    Status recordFailure(const QString &userName, const QString &address);
    // A successful login forgets the user name's failures (not the address's).
    Status forgetFailures(const QString &userName);

private:
    ServerDatabase &m_database;
};

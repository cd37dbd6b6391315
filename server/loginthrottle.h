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

    struct Admission
    {
        int retryAfterSeconds = 0; // > 0: refused
        qint64 attempt = 0;        // the failure recorded in advance, taken back on success
    };

    // Checks the limits and, when allowed, counts the attempt as a failure in the same
    // transaction, so parallel guesses cannot slip past the limit while a hash is computed.
    Result<Admission> admit(const QString &userName, const QString &address);
    // A successful login takes its attempt back and forgets the user name's failures.
    Status succeeded(const Admission &admission, const QString &userName);

private:
    Result<int> retryAfter(const QString &userName, const QString &address);

    ServerDatabase &m_database;
};

#include "loginthrottle.h"

#include "serverdatabase.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

Result<int> LoginThrottle::retryAfter(const QString &userName, const QString &address)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString windowStart = timestamp(now.addSecs(-60 * kWindowMinutes));
    int wait = 0;
    // The kMaxFailures-th most recent failure decides: once it leaves the window, one more try is allowed.
    for (const auto &[column, value] : {std::pair{u"user_name"_s, userName}, std::pair{u"address"_s, address}}) {
        Result<QSqlQuery> rows = m_database.exec(u"SELECT at FROM login_failures WHERE %1 = ? AND at > ? "
                                                 "ORDER BY at DESC LIMIT 1 OFFSET %2"_s.arg(column)
                                                     .arg(kMaxFailures - 1),
                                                 {value, windowStart});
        if (!rows)
            return Result<int>::failure(rows.error());
        if (rows->next()) {
            const QDateTime oldest = QDateTime::fromString(rows->value(0).toString(), Qt::ISODateWithMs);
            wait = std::max(wait, int(now.secsTo(oldest.addSecs(60 * kWindowMinutes))) + 1);
        }
    }
    return wait;
}

Result<LoginThrottle::Admission> LoginThrottle::admit(const QString &userName, const QString &address)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Admission admission;
    const Status status = m_database.write([&]() -> Status {
        Result<int> wait = retryAfter(userName, address);
        if (!wait)
            return Status::failure(wait.error());
        admission.retryAfterSeconds = wait.value();
        if (admission.retryAfterSeconds > 0)
            return {};
        // Old failures are of no use: the table stays small however long the server runs.
        if (Result<QSqlQuery> old = m_database.exec(u"DELETE FROM login_failures WHERE at < ?"_s,
                                                    {timestamp(now.addSecs(-60 * kWindowMinutes))});
            !old)
            return Status::failure(old.error());
        Result<QSqlQuery> added =
            m_database.exec(u"INSERT INTO login_failures(user_name, address, at) VALUES (?, ?, ?) RETURNING id"_s,
                            {userName, address, timestamp(now)});
        if (!added)
            return Status::failure(added.error());
        admission.attempt = added->next() ? added->value(0).toLongLong() : 0;
        return {};
    });
    if (!status)
        return Result<Admission>::failure(status.error());
    return admission;
}

Status LoginThrottle::succeeded(const Admission &admission, const QString &userName)
{
    return m_database.write([&]() -> Status {
        Result<QSqlQuery> taken = m_database.exec(u"DELETE FROM login_failures WHERE id = ?"_s, {admission.attempt});
        if (!taken)
            return Status::failure(taken.error());
        Result<QSqlQuery> forgot = m_database.exec(u"DELETE FROM login_failures WHERE user_name = ?"_s, {userName});
        return forgot ? Status() : Status::failure(forgot.error());
    });
}

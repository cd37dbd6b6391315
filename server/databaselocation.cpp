#include "databaselocation.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// libpq options a URL may carry besides host and port; others are refused rather than
// silently ignored.
const QStringList kPassedOptions = {
    u"sslmode"_s,          u"sslrootcert"_s,         u"sslcert"_s, u"sslkey"_s, u"connect_timeout"_s,
    u"application_name"_s, u"target_session_attrs"_s};

} // namespace

DatabaseLocation DatabaseLocation::sqlite(const QString &path)
{
    DatabaseLocation location;
    location.m_kind = Kind::SQLite;
    location.m_path = path;
    return location;
}

Result<DatabaseLocation> DatabaseLocation::parse(const QString &text)
{
    using Answer = Result<DatabaseLocation>;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"postgresql"_s && url.scheme() != u"postgres"_s))
        return Answer::failure(u"--database wants a URL like postgresql://user@host:5432/vitrine"_s);
    DatabaseLocation location;
    location.m_kind = Kind::PostgreSQL;
    location.m_host = url.host();
    location.m_port = url.port(-1);
    location.m_user = url.userName();
    location.m_password = url.password();
    location.m_databaseName = url.path().mid(1);
    if (location.m_databaseName.isEmpty() || location.m_databaseName.contains(u'/'))
        return Answer::failure(u"--database: the URL must name one database, as in postgresql://host/vitrine"_s);
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == u"host"_s) {
            location.m_host = value;
        } else if (name == u"user"_s) {
            location.m_user = value;
        } else if (name == u"port"_s) {
            bool ok = false;
            location.m_port = value.toInt(&ok);
            if (!ok || location.m_port < 1 || location.m_port > 65535)
                return Answer::failure(u"--database: port=%1 is not a port number"_s.arg(value));
        } else if (kPassedOptions.contains(name) && !value.contains(u';')) {
            options.append(name + u'=' + value);
        } else {
            return Answer::failure(u"--database: the URL option \"%1\" is not supported"_s.arg(name));
        }
    }
    location.m_connectOptions = options.join(u';');
    return location;
}

QString DatabaseLocation::kindName() const
{
    return m_kind == Kind::SQLite ? u"sqlite"_s : u"postgresql"_s;
}

QString DatabaseLocation::description() const
{
    if (m_kind == Kind::SQLite)
        return m_path;
    QString where = m_host.isEmpty() ? u"(default host)"_s : m_host;
    if (m_port > 0)
        where += u':' + QString::number(m_port);
    const QString who = m_user.isEmpty() ? QString() : m_user + u'@';
    return u"postgresql://%1%2/%3"_s.arg(who, where, m_databaseName);
}

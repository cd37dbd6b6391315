// vitrine-server's accounts end to end: the real program on a free port of 127.0.0.1, its
// first start, logins, tokens, the login throttle, the admin commands and the access log,
// each answer checked for its status and its JSON error code, and for what did not change.
// Logins are slow on purpose (PBKDF2), so each test logs in only a few times, and tests
// with failed logins get a data directory of their own: failures count per address too.
#include "httpexpect.h"
#include "serverprocess.h"
#include "testuser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QString kLogin = u"/api/v1/auth/login"_s;
const QString kMe = u"/api/v1/auth/me"_s;
const QString kLogout = u"/api/v1/auth/logout"_s;
const QString kHealth = u"/api/v1/health"_s;
constexpr int kMaxFailures = 5; // LoginThrottle::kMaxFailures
constexpr int kWindowSeconds = 15 * 60; // LoginThrottle::kWindowMinutes

QString tokenOf(const HttpReply &reply)
{
    return reply.json.value(u"token"_s).toString();
}

QJsonArray workspacesOf(const HttpReply &reply)
{
    return reply.json.value(u"workspaces"_s).toArray();
}

// The access log: one JSON object a line, or a description of the first bad line.
QList<QJsonObject> accessLog(const QString &log, QString *problem)
{
    QList<QJsonObject> lines;
    for (const QString &line : log.split(u'\n', Qt::SkipEmptyParts)) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        const QJsonObject entry = document.object();
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            *problem = u"not a JSON object: "_s + line;
            return lines;
        }
        if (!entry.value(u"method"_s).isString() || !entry.value(u"path"_s).toString().startsWith(u'/') ||
            !entry.value(u"status"_s).isDouble() || entry.value(u"remote"_s).toString() != u"127.0.0.1"_s ||
            !entry.value(u"time"_s).isString() || !entry.value(u"ms"_s).isDouble() ||
            !entry.value(u"bytes"_s).isDouble()) {
            *problem = u"an access-log line lacks a field: "_s + line;
            return lines;
        }
        lines.append(entry);
    }
    return lines;
}

// Why the log is not well-formed or holds one of the secrets; empty when all is well.
QString accessLogProblem(const QString &log, const QStringList &secrets)
{
    QString problem;
    const QList<QJsonObject> lines = accessLog(log, &problem);
    if (!problem.isEmpty())
        return problem;
    if (lines.isEmpty())
        return u"the access log is empty"_s;
    for (const QString &secret : secrets)
        if (!secret.isEmpty() && log.contains(secret))
            return u"the log holds a secret: "_s + secret;
    return {};
}

// "METHOD PATH STATUS" of each access-log line, sorted.
QStringList requestsIn(const QString &log)
{
    QString problem;
    QStringList requests;
    for (const QJsonObject &entry : accessLog(log, &problem))
        requests.append(u"%1 %2 %3"_s.arg(entry.value(u"method"_s).toString(), entry.value(u"path"_s).toString())
                            .arg(entry.value(u"status"_s).toInt()));
    requests.sort();
    return requests;
}

bool isIdentity(const QString &text)
{
    const QUuid uuid = QUuid::fromString(text);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == text;
}

} // namespace

// Starts `server` or fails the test.
#define START(server, ...)                                                                                        \
    QVERIFY2((server).start(__VA_ARGS__), qPrintable((server).errorString()))
// Stops it with SIGTERM or fails the test (exit 0 and "vitrine-server: stopped").
#define STOP(server) QVERIFY2((server).stop(), qPrintable((server).errorString()))
// The shared check, and an error never carries a token.
#define EXPECT_AUTH_ERROR(reply, expectedStatus, expectedCode)                                                    \
    do {                                                                                                          \
        const HttpReply &authAnswer_ = (reply);                                                                   \
        EXPECT_ERROR(authAnswer_, expectedStatus, expectedCode);                                                  \
        QVERIFY(!authAnswer_.json.contains(u"token"_s));                                                          \
    } while (false)

class TestServerAuth final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_dataDirs = 0;

    QString newDataDir() { return m_dir.filePath(u"data"_s + QString::number(++m_dataDirs)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(ServerProcess::program()), qPrintable(ServerProcess::program()));
    }

    void commandLineIsChecked()
    {
        const QString dir = m_dir.filePath(u"never-created"_s);
        ServerProcess server(dir);
        struct Refused
        {
            QStringList arguments;
            QString says;
        };
        const QList<Refused> refused = {
            // Tokens cannot be made to expire at once: 0 days is refused (real expiry is not tested).
            {{u"serve"_s, u"--data"_s, dir, u"--token-days"_s, u"0"_s}, u"--token-days"_s},
            {{u"serve"_s, u"--data"_s, dir, u"--token-days"_s, u"-1"_s}, u"--token-days"_s},
            {{u"serve"_s, u"--data"_s, dir, u"--token-days"_s, u"3651"_s}, u"--token-days"_s},
            {{u"serve"_s, u"--data"_s, dir, u"--token-days"_s, u"1.5"_s}, u"--token-days"_s},
            {{u"serve"_s, u"--data"_s, dir, u"--token-days"_s}, u"needs a value"_s},
            {{u"serve"_s, u"--data"_s, dir, u"--listen"_s, u"localhost:8080"_s}, u"--listen"_s},
            {{u"serve"_s, u"--data"_s, dir, u"--listen"_s, u"127.0.0.1:65536"_s}, u"--listen"_s},
            {{u"serve"_s, u"--data"_s, dir, u"--listen"_s, u"127.0.0.1"_s}, u"--listen"_s},
            {{u"serve"_s, u"--data"_s, dir, u"--frobnicate"_s}, u"unknown option"_s},
            {{u"serve"_s}, u"--data DIR is required"_s},
            {{u"frobnicate"_s, u"--data"_s, dir}, u"unknown command"_s},
            {{u"user"_s, u"add"_s, u"--data"_s, dir}, u"takes 1"_s},
            {{u"workspace"_s, u"grant"_s, u"main"_s, u"admin"_s, u"--data"_s, dir}, u"takes 3"_s},
        };
        for (const Refused &case_ : refused) {
            const ServerProcess::Command run = server.run(case_.arguments, {}, false);
            QVERIFY2(run.exitCode == 2, qPrintable(case_.arguments.join(u' ') + u": "_s + run.err));
            QVERIFY2(run.err.contains(case_.says), qPrintable(run.err));
            QVERIFY2(run.err.contains(u"usage:"_s), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
        QVERIFY2(!QFileInfo::exists(dir), "a refused command line created the data directory");

        const ServerProcess::Command help = server.run({u"--help"_s}, {}, false);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"usage:"_s));

        ServerProcess tls(newDataDir());
        tls.setAdminPassword(kAdmin.password);
        const ServerProcess::Command halfTls =
            tls.run({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--tls-cert"_s, m_dir.filePath(u"cert.pem"_s)});
        QCOMPARE(halfTls.exitCode, 2);
        QVERIFY2(halfTls.err.contains(u"--tls-key"_s), qPrintable(halfTls.err));
        QVERIFY(!halfTls.out.contains(u"listening"_s));
    }

    // A second server given a port that is taken must say so and stop, not share the port
    // (cpp-httplib's default socket options would let it, with SO_REUSEPORT).
    void aPortInUseIsRefused()
    {
        ServerProcess first(newDataDir());
        first.setAdminPassword(kAdmin.password);
        START(first);
        ServerProcess second(newDataDir());
        second.setAdminPassword(kAdmin.password);
        QVERIFY(!second.start({u"--listen"_s, u"127.0.0.1:%1"_s.arg(first.port())}));
        QVERIFY2(second.errorString().contains(u"in use"_s), qPrintable(second.errorString()));
        EXPECT_STATUS(HttpClient(first.baseUrl()).get(u"/api/v1/health"_s), 200);
        STOP(first);
    }

    void healthNeedsNoLogin()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());

        const HttpReply health = http.get(kHealth);
        EXPECT_STATUS(health, 200);
        QVERIFY(health.isJson);
        QCOMPARE(health.json.value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(health.json.value(u"database"_s).toString(),
                 server.databaseUrl().isEmpty() ? u"sqlite"_s : u"postgresql"_s);
        QVERIFY(!health.json.value(u"version"_s).toString().isEmpty());
        QVERIFY(health.header("Content-Type").startsWith("application/json"));
        QCOMPARE(health.header("Cache-Control"), QByteArray("no-store"));

        EXPECT_AUTH_ERROR(http.get(u"/api/v1/nothing-here"_s), 404, u"not_found"_s);
        EXPECT_AUTH_ERROR(http.get(kLogin), 405, u"method_not_allowed"_s); // login is POST only
        EXPECT_AUTH_ERROR(http.send({"DELETE", kHealth, {}, {}, {}, {}}), 405, u"method_not_allowed"_s);

        STOP(server);
        QCOMPARE(requestsIn(server.standardError()),
                 QStringList({u"DELETE /api/v1/health 405"_s, u"GET /api/v1/auth/login 405"_s,
                              u"GET /api/v1/health 200"_s, u"GET /api/v1/nothing-here 404"_s}));
    }

    void firstStartCreatesTheAdminOnce()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        // A password that was given is not printed.
        QVERIFY2(!server.startupOutput().contains(u"First start"_s), qPrintable(server.startupOutput()));
        QVERIFY(!server.startupOutput().contains(kAdmin.password));
        HttpClient http(server.baseUrl());

        const HttpReply login = http.login(u"admin"_s, kAdmin.password);
        EXPECT_STATUS(login, 200);
        const QString token = tokenOf(login);
        QCOMPARE(token.size(), 43); // 32 random bytes, base64url without padding
        QCOMPARE(login.json[u"user"_s][u"name"_s].toString(), u"admin"_s);
        const QDateTime expires = QDateTime::fromString(login.json.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
        QVERIFY2(qAbs(QDateTime::currentDateTimeUtc().addDays(30).secsTo(expires)) < 3600,
                 qPrintable(login.describe())); // --token-days defaults to 30

        const HttpReply me = http.me(token);
        EXPECT_STATUS(me, 200);
        QCOMPARE(me.json.value(u"user"_s).toString(), u"admin"_s);
        const QJsonArray workspaces = workspacesOf(me);
        QCOMPARE(workspaces.size(), 1);
        QCOMPARE(workspaces.at(0)[u"name"_s].toString(), u"main"_s);
        QCOMPARE(workspaces.at(0)[u"role"_s].toString(), u"admin"_s);
        const QString identity = workspaces.at(0)[u"identity"_s].toString();
        QVERIFY2(isIdentity(identity), qPrintable(identity));
        // The login's answer describes the user as /auth/me does (docs/api.md §3).
        QCOMPARE(login.json[u"user"_s][u"workspaces"_s].toArray(), workspaces);
        STOP(server);
        const QString firstLog = server.standardError();

        // Restarted with another VITRINE_ADMIN_PASSWORD: nothing is created or changed again.
        const QString otherPassword = u"another-password-2"_s;
        server.setAdminPassword(otherPassword);
        START(server);
        QVERIFY2(!server.startupOutput().contains(u"First start"_s), qPrintable(server.startupOutput()));
        HttpClient again(server.baseUrl());
        const HttpReply meAgain = again.me(token); // the token outlives the process
        EXPECT_STATUS(meAgain, 200);
        QCOMPARE(workspacesOf(meAgain), workspaces); // the same workspace, role and identity
        EXPECT_AUTH_ERROR(again.login(u"admin"_s, otherPassword), 401, u"unauthorized"_s);
        EXPECT_STATUS(again.login(u"admin"_s, kAdmin.password), 200);
        const ServerProcess::Command addMain = server.workspaceAdd(u"main"_s);
        QVERIFY(addMain.exitCode != 0);
        QVERIFY2(addMain.err.contains(u"exists already"_s), qPrintable(addMain.err));
        STOP(server);

        for (const QString &log : {firstLog, server.standardError()}) {
            const QString problem = accessLogProblem(log, {kAdmin.password, otherPassword, token});
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    void firstStartWithoutPasswordPrintsOneOnce()
    {
        ServerProcess server(newDataDir());
        START(server);
        static const QRegularExpression shown(u"^First start: .*\\n  ([A-Za-z0-9]{20})\\n"_s,
                                              QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = shown.match(server.startupOutput());
        QVERIFY2(match.hasMatch(), qPrintable(server.startupOutput()));
        const QString password = match.captured(1);
        HttpClient http(server.baseUrl());
        const HttpReply login = http.login(u"admin"_s, password);
        EXPECT_STATUS(login, 200);
        const QString token = tokenOf(login);
        STOP(server);
        QVERIFY(!server.standardError().contains(password));

        START(server);
        QVERIFY2(!server.startupOutput().contains(u"First start"_s), qPrintable(server.startupOutput()));
        QVERIFY(!server.startupOutput().contains(password));
        HttpClient again(server.baseUrl());
        const HttpReply me = again.me(token);
        EXPECT_STATUS(me, 200);
        QCOMPARE(me.json.value(u"user"_s).toString(), u"admin"_s);
        STOP(server);
        QVERIFY(!server.standardOutput().contains(password));
        QVERIFY(!server.standardError().contains(password));
    }

    void wrongCredentialsAreRefusedAlike()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());

        const HttpReply wrongPassword = http.login(u"admin"_s, u"wrong-password"_s);
        EXPECT_AUTH_ERROR(wrongPassword, 401, u"unauthorized"_s);
        const HttpReply unknownUser = http.login(u"nobody"_s, u"wrong-password"_s);
        EXPECT_AUTH_ERROR(unknownUser, 401, u"unauthorized"_s);
        // Nothing tells an unknown user from a wrong password.
        QCOMPARE(unknownUser.body, wrongPassword.body);
        QCOMPARE(unknownUser.header("WWW-Authenticate"), wrongPassword.header("WWW-Authenticate"));

        // Two failures lock nobody out, and the right password still works.
        const HttpReply right = http.login(u"admin"_s, kAdmin.password);
        EXPECT_STATUS(right, 200);
        EXPECT_STATUS(http.me(tokenOf(right)), 200);
        STOP(server);
        const QString problem =
            accessLogProblem(server.standardError(), {kAdmin.password, u"wrong-password"_s, tokenOf(right)});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void malformedLoginsAreBadRequests()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());

        const QList<QByteArray> bodies = {
            "{bad json",
            "[\"admin\", \"admin-secret-1\"]",
            "\"admin\"",
            "",
            "{}",
            "{\"user\": \"admin\"}",
            "{\"password\": \"admin-secret-1\"}",
            "{\"user\": \"\", \"password\": \"admin-secret-1\"}",
            "{\"user\": \"admin\", \"password\": \"\"}",
            "{\"user\": 1, \"password\": \"admin-secret-1\"}",
            "{\"user\": \"admin\", \"password\": 12345678}",
            "{\"user\": null, \"password\": null}",
        };
        for (const QByteArray &body : bodies) {
            const HttpReply reply = http.send({"POST", kLogin, body, "application/json", {}, {}});
            QVERIFY2(reply.status == 400, qPrintable(QString::fromUtf8(body) + u" -> "_s + reply.describe()));
            EXPECT_AUTH_ERROR(reply, 400, u"bad_request"_s);
        }
        // None of them counted as a failed login (more than five would lock the address).
        const HttpReply right = http.login(u"admin"_s, kAdmin.password);
        EXPECT_STATUS(right, 200);
        STOP(server);
        QCOMPARE(requestsIn(server.standardError()).count(u"POST /api/v1/auth/login 400"_s), bodies.size());
    }

    void tokensAreRequired()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());

        const HttpReply none = http.me({});
        EXPECT_AUTH_ERROR(none, 401, u"unauthorized"_s);
        QCOMPARE(none.header("WWW-Authenticate"), QByteArray("Bearer"));
        EXPECT_AUTH_ERROR(http.logout({}), 401, u"unauthorized"_s);
        const HttpReply garbage = http.me(u"garbage-token-123"_s);
        EXPECT_AUTH_ERROR(garbage, 401, u"token_expired"_s);
        QVERIFY(garbage.header("WWW-Authenticate").contains("invalid_token"));
        EXPECT_AUTH_ERROR(http.logout(u"garbage-token-123"_s), 401, u"token_expired"_s);
        // Another scheme is no token at all.
        EXPECT_AUTH_ERROR(http.send({"GET", kMe, {}, {}, {}, "Basic " + QByteArray("admin:admin-secret-1").toBase64()}),
                     401, u"unauthorized"_s);

        const QString first = tokenOf(http.login(u"admin"_s, kAdmin.password));
        const QString second = tokenOf(http.login(u"admin"_s, kAdmin.password));
        QVERIFY(!first.isEmpty());
        QVERIFY(!second.isEmpty());
        QVERIFY(first != second);
        EXPECT_STATUS(http.me(first), 200);
        // A token that differs in one character is unknown.
        QString altered = first;
        altered[0] = altered.at(0) == u'A' ? u'B' : u'A';
        EXPECT_AUTH_ERROR(http.me(altered), 401, u"token_expired"_s);

        const HttpReply logout = http.logout(first);
        EXPECT_STATUS(logout, 204);
        QVERIFY(logout.body.isEmpty());
        EXPECT_AUTH_ERROR(http.me(first), 401, u"token_expired"_s);
        EXPECT_AUTH_ERROR(http.logout(first), 401, u"token_expired"_s);
        EXPECT_STATUS(http.me(second), 200); // only that session ended
        STOP(server);

        // Revocation is kept in the database.
        START(server);
        HttpClient again(server.baseUrl());
        EXPECT_AUTH_ERROR(again.me(first), 401, u"token_expired"_s);
        EXPECT_STATUS(again.me(second), 200);
        STOP(server);
    }

    void removedUsersLoseTheirTokens()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());
        // Admin commands work beside the running server, on the same database.
        const ServerProcess::Command added = server.userAdd(u"bob"_s, u"bob-password-1"_s);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(server.workspaceGrant(u"main"_s, u"bob"_s, u"viewer"_s).exitCode, 0);
        const QString bob = tokenOf(http.login(u"bob"_s, u"bob-password-1"_s));
        QVERIFY(!bob.isEmpty());
        const HttpReply me = http.me(bob);
        EXPECT_STATUS(me, 200);
        QCOMPARE(me.json.value(u"user"_s).toString(), u"bob"_s);
        QCOMPARE(workspacesOf(me).size(), 1);
        QCOMPARE(workspacesOf(me).at(0)[u"role"_s].toString(), u"viewer"_s);

        const ServerProcess::Command removed = server.userRemove(u"bob"_s);
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        EXPECT_AUTH_ERROR(http.me(bob), 401, u"token_expired"_s);
        EXPECT_AUTH_ERROR(http.logout(bob), 401, u"token_expired"_s);
        EXPECT_AUTH_ERROR(http.login(u"bob"_s, u"bob-password-1"_s), 401, u"unauthorized"_s);
        const ServerProcess::Command removedAgain = server.userRemove(u"bob"_s);
        QVERIFY(removedAgain.exitCode != 0);
        QVERIFY2(removedAgain.err.contains(u"no user named \"bob\""_s), qPrintable(removedAgain.err));

        // The admin is untouched.
        const HttpReply admin = http.me(tokenOf(http.login(u"admin"_s, kAdmin.password)));
        EXPECT_STATUS(admin, 200);
        QCOMPARE(workspacesOf(admin).size(), 1);
        QCOMPARE(workspacesOf(admin).at(0)[u"role"_s].toString(), u"admin"_s);
        STOP(server);
    }

    void tokenDaysSetTheExpiry()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server, {u"--token-days"_s, u"1"_s});
        HttpClient http(server.baseUrl());
        const HttpReply login = http.login(u"admin"_s, kAdmin.password);
        EXPECT_STATUS(login, 200);
        const QDateTime expires = QDateTime::fromString(login.json.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
        QVERIFY2(expires.isValid(), qPrintable(login.describe()));
        QVERIFY2(qAbs(QDateTime::currentDateTimeUtc().addDays(1).secsTo(expires)) < 300, qPrintable(login.describe()));
        // Real expiry is not tested: it would take a day (--token-days 0 is refused).
        STOP(server);
    }

    void failedLoginsAreRateLimited()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());
        QCOMPARE(server.userAdd(u"alice"_s, u"alice-password-1"_s).exitCode, 0);
        QCOMPARE(server.userAdd(u"bob"_s, u"bob-password-1"_s).exitCode, 0);

        for (int i = 0; i < kMaxFailures; ++i)
            EXPECT_AUTH_ERROR(http.login(u"alice"_s, u"guess-%1"_s.arg(i)), 401, u"unauthorized"_s);
        // The sixth attempt is refused before the password is looked at, even the right one.
        const HttpReply limited = http.login(u"alice"_s, u"alice-password-1"_s);
        EXPECT_AUTH_ERROR(limited, 429, u"rate_limited"_s);
        bool ok = false;
        const int retryAfter = limited.header("Retry-After").toInt(&ok);
        QVERIFY2(ok && retryAfter >= 1 && retryAfter <= kWindowSeconds, qPrintable(limited.describe()));
        QVERIFY2(limited.json[u"error"_s][u"message"_s].toString().contains(QString::number(retryAfter)),
                 qPrintable(limited.describe()));

        // The failures also count for the address they came from: from 127.0.0.1 every user
        // is refused now, with the right password too, and unknown names alike.
        EXPECT_AUTH_ERROR(http.login(u"bob"_s, u"bob-password-1"_s), 429, u"rate_limited"_s);
        EXPECT_AUTH_ERROR(http.login(u"admin"_s, kAdmin.password), 429, u"rate_limited"_s);
        EXPECT_AUTH_ERROR(http.login(u"nobody"_s, u"whatever-1"_s), 429, u"rate_limited"_s);
        // Tokens and requests that need no login are not throttled.
        EXPECT_STATUS(http.get(kHealth), 200);
        STOP(server);
        const QString firstLog = server.standardError();
        QCOMPARE(requestsIn(firstLog).count(u"POST /api/v1/auth/login 429"_s), 4);

        // The failures are kept in the database: a restart does not lift the limit.
        START(server);
        HttpClient again(server.baseUrl());
        const HttpReply stillLimited = again.login(u"alice"_s, u"alice-password-1"_s);
        EXPECT_AUTH_ERROR(stillLimited, 429, u"rate_limited"_s);
        const int retryAgain = stillLimited.header("Retry-After").toInt(&ok);
        QVERIFY2(ok && retryAgain >= 1 && retryAgain <= retryAfter, qPrintable(stillLimited.describe()));
        STOP(server);

        for (const QString &log : {firstLog, server.standardError()}) {
            const QString problem = accessLogProblem(
                log, {kAdmin.password, u"alice-password-1"_s, u"bob-password-1"_s, u"guess-0"_s, u"whatever-1"_s});
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    void concurrentGuessesStayWithinTheLimit()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());
        QCOMPARE(server.userAdd(u"carol"_s, u"carol-password-1"_s).exitCode, 0);

        // Six guesses at once (QNetworkAccessManager's connections per host): at most five
        // may be tried, the sixth is to be refused.
        QList<HttpRequest> guesses;
        for (int i = 0; i < kMaxFailures + 1; ++i)
            guesses.append({"POST", kLogin,
                            QJsonDocument(QJsonObject{{u"user"_s, u"carol"_s}, {u"password"_s, u"guess-%1"_s.arg(i)}})
                                .toJson(QJsonDocument::Compact),
                            "application/json", {}, {}});
        int tried = 0;
        int limited = 0;
        for (const HttpReply &reply : http.sendAll(guesses)) {
            tried += reply.status == 401 && reply.errorCode() == u"unauthorized"_s;
            limited += reply.status == 429 && reply.errorCode() == u"rate_limited"_s;
        }
        QCOMPARE(tried + limited, kMaxFailures + 1);
        QVERIFY2(tried <= kMaxFailures, qPrintable(u"%1 guesses were tried, %2 refused"_s.arg(tried).arg(limited)));
        EXPECT_AUTH_ERROR(http.login(u"carol"_s, u"carol-password-1"_s), 429, u"rate_limited"_s);
        STOP(server);
    }

    void passwdRevokesTokens()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());
        QCOMPARE(server.userAdd(u"dave"_s, u"dave-password-1"_s).exitCode, 0);
        const QString dave = tokenOf(http.login(u"dave"_s, u"dave-password-1"_s));
        const QString admin = tokenOf(http.login(u"admin"_s, kAdmin.password));
        QVERIFY(!dave.isEmpty());
        QVERIFY(!admin.isEmpty());

        // Refused changes change nothing: the session goes on.
        const ServerProcess::Command tooShort = server.userPasswd(u"dave"_s, u"short"_s);
        QVERIFY(tooShort.exitCode != 0);
        QVERIFY2(tooShort.err.contains(u"at least 8"_s), qPrintable(tooShort.err));
        const ServerProcess::Command nobody = server.userPasswd(u"nobody"_s, u"nobody-password-1"_s);
        QVERIFY(nobody.exitCode != 0);
        QVERIFY2(nobody.err.contains(u"no user named"_s), qPrintable(nobody.err));
        EXPECT_STATUS(http.me(dave), 200);

        const ServerProcess::Command changed = server.userPasswd(u"dave"_s, u"dave-password-2"_s);
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        EXPECT_AUTH_ERROR(http.me(dave), 401, u"token_expired"_s);
        EXPECT_STATUS(http.me(admin), 200); // only dave's sessions ended
        EXPECT_AUTH_ERROR(http.login(u"dave"_s, u"dave-password-1"_s), 401, u"unauthorized"_s);
        const HttpReply relogin = http.login(u"dave"_s, u"dave-password-2"_s);
        EXPECT_STATUS(relogin, 200);
        EXPECT_STATUS(http.me(tokenOf(relogin)), 200);
        STOP(server);
        const QString problem =
            accessLogProblem(server.standardError(), {u"dave-password-1"_s, u"dave-password-2"_s, kAdmin.password, dave,
                                                      admin, tokenOf(relogin)});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void userAddRefusesBadInput()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());

        const ServerProcess::Command tooShort = server.userAdd(u"erin"_s, u"seven-7"_s);
        QVERIFY(tooShort.exitCode != 0);
        QVERIFY2(tooShort.err.contains(u"at least 8"_s), qPrintable(tooShort.err));
        const ServerProcess::Command noInput = server.run({u"user"_s, u"add"_s, u"erin"_s});
        QVERIFY(noInput.exitCode != 0);
        QVERIFY2(noInput.err.contains(u"at least 8"_s), qPrintable(noInput.err));

        const QStringList badNames = {u"../x"_s, u"..\\x"_s, u"a/b"_s, u"/etc/passwd"_s, u"x y"_s, u""_s,
                                      u"%2e%2e%2fx"_s, QString(65, u'a')};
        for (const QString &name : badNames) {
            const ServerProcess::Command add = server.userAdd(name, u"good-password-1"_s);
            QVERIFY2(add.exitCode != 0, qPrintable(name));
            QVERIFY2(add.err.contains(u"not a valid user name"_s), qPrintable(add.err));
        }
        const ServerProcess::Command duplicate = server.userAdd(u"admin"_s, u"other-password-1"_s);
        QVERIFY(duplicate.exitCode != 0);
        QVERIFY2(duplicate.err.contains(u"exists already"_s), qPrintable(duplicate.err));

        // No user was made, and the admin's password is the same.
        for (const QString &name : QStringList{u"erin"_s, u"../x"_s, u"a/b"_s}) {
            const ServerProcess::Command remove = server.userRemove(name);
            QVERIFY2(remove.exitCode != 0 && remove.err.contains(u"no user named"_s), qPrintable(remove.err));
        }
        EXPECT_AUTH_ERROR(http.login(u"erin"_s, u"seven-7"_s), 401, u"unauthorized"_s);
        EXPECT_AUTH_ERROR(http.login(u"admin"_s, u"other-password-1"_s), 401, u"unauthorized"_s);
        EXPECT_STATUS(http.login(u"admin"_s, kAdmin.password), 200);
        STOP(server);
    }

    void workspaceGrantsShowInMe()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());
        QCOMPARE(server.userAdd(u"frank"_s, u"frank-password-1"_s).exitCode, 0);

        QCOMPARE(server.workspaceAdd(u"shop"_s).exitCode, 0);
        const ServerProcess::Command again = server.workspaceAdd(u"shop"_s);
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.contains(u"exists already"_s), qPrintable(again.err));
        for (const QString &name : QStringList{u"../x"_s, u".."_s, u"."_s, u"a/b"_s, u""_s, u"x y"_s}) {
            const ServerProcess::Command add = server.workspaceAdd(name);
            QVERIFY2(add.exitCode != 0, qPrintable(name));
            QVERIFY2(add.err.contains(u"not a valid workspace name"_s), qPrintable(add.err));
        }

        for (const QString &role : QStringList{u"owner"_s, u"Admin"_s, u""_s}) {
            const ServerProcess::Command grant = server.workspaceGrant(u"shop"_s, u"frank"_s, role);
            QVERIFY(grant.exitCode != 0);
            QVERIFY2(grant.err.contains(u"is not a role"_s), qPrintable(grant.err));
        }
        const ServerProcess::Command noWorkspace = server.workspaceGrant(u"nowhere"_s, u"frank"_s, u"viewer"_s);
        QVERIFY(noWorkspace.exitCode != 0);
        QVERIFY2(noWorkspace.err.contains(u"no workspace named"_s), qPrintable(noWorkspace.err));
        const ServerProcess::Command noUser = server.workspaceGrant(u"shop"_s, u"nobody"_s, u"viewer"_s);
        QVERIFY(noUser.exitCode != 0);
        QVERIFY2(noUser.err.contains(u"no user named"_s), qPrintable(noUser.err));

        const QString frank = tokenOf(http.login(u"frank"_s, u"frank-password-1"_s));
        QVERIFY(!frank.isEmpty());
        const HttpReply nothing = http.me(frank);
        EXPECT_STATUS(nothing, 200);
        QCOMPARE(workspacesOf(nothing), QJsonArray()); // the refused grants granted nothing

        QCOMPARE(server.workspaceGrant(u"shop"_s, u"frank"_s, u"staff"_s).exitCode, 0);
        QCOMPARE(server.workspaceGrant(u"main"_s, u"frank"_s, u"viewer"_s).exitCode, 0);
        const QJsonArray granted = workspacesOf(http.me(frank));
        QCOMPARE(granted.size(), 2);
        QCOMPARE(granted.at(0)[u"name"_s].toString(), u"main"_s);
        QCOMPARE(granted.at(0)[u"role"_s].toString(), u"viewer"_s);
        QCOMPARE(granted.at(1)[u"name"_s].toString(), u"shop"_s);
        QCOMPARE(granted.at(1)[u"role"_s].toString(), u"staff"_s);
        QVERIFY(isIdentity(granted.at(0)[u"identity"_s].toString()));
        QVERIFY(isIdentity(granted.at(1)[u"identity"_s].toString()));
        QVERIFY(granted.at(0)[u"identity"_s] != granted.at(1)[u"identity"_s]);

        // A second grant changes the role in place.
        QCOMPARE(server.workspaceGrant(u"shop"_s, u"frank"_s, u"admin"_s).exitCode, 0);
        const QJsonArray changed = workspacesOf(http.me(frank));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(1)[u"role"_s].toString(), u"admin"_s);
        QCOMPARE(changed.at(1)[u"identity"_s], granted.at(1)[u"identity"_s]);
        STOP(server);
    }

    void accessLogHoldsNoSecrets()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());
        const QString token = tokenOf(http.login(u"admin"_s, kAdmin.password));
        QVERIFY(!token.isEmpty());
        EXPECT_STATUS(http.me(token), 200);
        EXPECT_STATUS(http.get(kHealth + u"?token="_s + token), 200); // a query is not logged
        EXPECT_AUTH_ERROR(http.login(u"admin"_s, u"wrong-secret-9"_s), 401, u"unauthorized"_s);
        EXPECT_AUTH_ERROR(http.me(u"garbage-token-xyz"_s), 401, u"token_expired"_s);
        EXPECT_STATUS(http.logout(token), 204);
        STOP(server);

        const QString log = server.standardError();
        const QString problem =
            accessLogProblem(log, {kAdmin.password, u"wrong-secret-9"_s, token, u"garbage-token-xyz"_s});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(requestsIn(log), QStringList({u"GET /api/v1/auth/me 200"_s, u"GET /api/v1/auth/me 401"_s,
                                               u"GET /api/v1/health 200"_s, u"POST /api/v1/auth/login 200"_s,
                                               u"POST /api/v1/auth/login 401"_s, u"POST /api/v1/auth/logout 204"_s}));
        QVERIFY(!server.standardOutput().contains(token));
        QVERIFY(!server.standardOutput().contains(kAdmin.password));
    }

    void sigtermStopsCleanly()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl(), true);
        EXPECT_STATUS(http.get(kHealth), 200); // opens a connection the login below reuses

        // SIGTERM while a login is being answered: the answer is finished, then the server ends.
        bool stopped = false;
        QElapsedTimer stopping;
        QTimer::singleShot(30, [&] {
            stopping.start();
            stopped = server.stop();
        });
        const HttpReply login = http.login(u"admin"_s, kAdmin.password);
        QTRY_VERIFY2(!server.isRunning(), "SIGTERM did not stop the server");
        QVERIFY2(stopped, qPrintable(server.errorString()));
        EXPECT_STATUS(login, 200);
        qInfo("the server stopped %lld ms after SIGTERM", stopping.elapsed());
        QVERIFY(server.standardOutput().endsWith(u"vitrine-server: stopped\n"_s));
        QVERIFY(requestsIn(server.standardError()).contains(u"POST /api/v1/auth/login 200"_s));

        // Stopped, it answers no more.
        HttpClient after(server.baseUrl());
        QCOMPARE(after.get(kHealth).status, 0);
    }

    void idleConnectionsDelayTheStop()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl(), true);
        EXPECT_STATUS(http.get(kHealth), 200); // the connection stays open, idle, as a desktop's would

        QElapsedTimer stopping;
        stopping.start();
        const bool stopped = server.stop(20000);
        const qint64 elapsed = stopping.elapsed();
        QVERIFY2(stopped, qPrintable(server.errorString()));
        QVERIFY2(elapsed < 3000, qPrintable(u"the server took %1 ms to stop"_s.arg(elapsed)));
    }

    void sigtermRightAfterListeningIsNotLost()
    {
        // SIGTERM the moment the server says it listens, to several servers starting at once
        // (the race needs a server preempted between its "listening" line and httplib's
        // listen loop): each must stop. A server that does not gets killed.
        constexpr int kParallel = 4;
        constexpr int kRounds = 12;
        QStringList dataDirs;
        for (int i = 0; i < kParallel; ++i)
            dataDirs.append(newDataDir());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"VITRINE_ADMIN_PASSWORD"_s, kAdmin.password);
        int attempts = 0;
        int lost = 0;
        for (int round = 0; round < kRounds && lost == 0; ++round) {
            std::vector<std::unique_ptr<QProcess>> servers;
            QEventLoop loop;
            const auto allEnded = [&servers] {
                return std::all_of(servers.cbegin(), servers.cend(), [](const std::unique_ptr<QProcess> &process) {
                    return process->state() == QProcess::NotRunning;
                });
            };
            for (const QString &dataDir : std::as_const(dataDirs)) {
                servers.push_back(std::make_unique<QProcess>());
                QProcess *process = servers.back().get();
                process->setProcessEnvironment(environment);
                QObject::connect(process, &QProcess::readyReadStandardOutput, process, [process] {
                    if (process->peek(4096).contains("vitrine-server: listening on "))
                        process->terminate();
                });
                QObject::connect(process, &QProcess::finished, &loop, [&loop, &allEnded] {
                    if (allEnded())
                        loop.quit();
                });
                process->start(ServerProcess::program(),
                               {u"serve"_s, u"--data"_s, dataDir, u"--listen"_s, u"127.0.0.1:0"_s});
            }
            // Generous: four servers start and stop at once, under a sanitizer on two cores; a
            // lost SIGTERM leaves a server running for good, so the wait only decides how soon
            // that is seen.
            QTimer::singleShot(30000, &loop, &QEventLoop::quit);
            if (!allEnded())
                loop.exec();
            for (const std::unique_ptr<QProcess> &process : servers) {
                ++attempts;
                const QByteArray out = process->readAllStandardOutput();
                if (process->state() != QProcess::NotRunning) {
                    ++lost;
                    process->kill();
                    process->waitForFinished(5000);
                    QVERIFY2(out.contains("listening on"), out.constData());
                    continue;
                }
                QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                         qPrintable(QString::fromUtf8(out + process->readAllStandardError())));
                QVERIFY2(out.contains("listening on") && out.endsWith("vitrine-server: stopped\n"), out.constData());
            }
        }
        QVERIFY2(lost == 0, qPrintable(u"%1 of %2 servers ran on after SIGTERM"_s.arg(lost).arg(attempts)));
    }

    void authEndpointsFollowTheProtocol()
    {
        ServerProcess server(newDataDir());
        server.setAdminPassword(kAdmin.password);
        START(server);
        HttpClient http(server.baseUrl());

        // Every GET answers HEAD too: same status and headers, no body.
        const HttpReply head = http.send({"HEAD", kHealth, {}, {}, {}, {}});
        EXPECT_STATUS(head, 200);
        QVERIFY(head.body.isEmpty());
        EXPECT_STATUS(http.send({"HEAD", kMe, {}, {}, {}, {}}), 401);

        const HttpReply health = http.get(kHealth);
        QCOMPARE(health.header("X-Content-Type-Options"), QByteArray("nosniff"));

        // The path exists, the method does not: 405 with Allow (docs/api.md §2.5).
        const HttpReply wrongMethod = http.get(kLogin);
        EXPECT_ERROR(wrongMethod, 405, u"method_not_allowed"_s);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST"));

        // A JSON request with another Content-Type is refused before it is looked at (§2.3).
        const QByteArray body = QJsonDocument(QJsonObject{{u"user"_s, u"admin"_s}, {u"password"_s, u"plain-text-1"_s}})
                                    .toJson(QJsonDocument::Compact);
        const HttpReply plain = http.send({"POST", kLogin, body, "text/plain", {}, {}});
        QCOMPARE(plain.status, 415);

        // JSON request bodies are limited to 1 MiB (§2.3, §2.9).
        const QByteArray big = QJsonDocument(QJsonObject{{u"user"_s, u"admin"_s},
                                                         {u"password"_s, QString(2 * 1024 * 1024, u'x')}})
                                   .toJson(QJsonDocument::Compact);
        const HttpReply tooBig = http.send({"POST", kLogin, big, "application/json", {}, {}});
        QCOMPARE(tooBig.status, 413);
        STOP(server);
    }
};

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_serverauth.moc"

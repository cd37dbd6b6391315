// Two vitrine-server processes serving the same workspaces, as behind a load balancer: one
// data directory (originals, renditions) and one database. On PostgreSQL that is the
// supported way to grow; on SQLite the two processes share the file, which must be just as
// correct. Checked: the first start of both at once, sessions and the login limit seen by
// both, records and originals written on one and read on the other, one winner among
// writers on both with the same base revision, and a change feed that a reader can follow
// while both servers write without ever skipping a change.
#include "httpexpect.h"
#include "serverprocess.h"
#include "servertestfunctions.h"
#include "testuser.h"

#include <QImage>
#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <memory>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

const QString kMain = ws(u"main"_s);
constexpr quint32 kNoise = 7; // the noise images of this test (noisePng's stream)

} // namespace

class TestServerScaleOut : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    std::unique_ptr<HttpClient> m_httpA;
    std::unique_ptr<HttpClient> m_httpB;
    QString m_token; // the staff member's, from a login on server A

    HttpRequest request(const QUrl &server, const QByteArray &method, const QString &path, const QByteArray &body = {},
                        const Headers &headers = {})
    {
        HttpRequest request = apiRequest(method, path, m_token, body, headers);
        request.server = server;
        return request;
    }
    HttpReply send(const QUrl &server, const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const Headers &headers = {})
    {
        return m_httpA->send(request(server, method, path, body, headers));
    }
    QUrl a() const { return m_a->baseUrl(); }
    QUrl b() const { return m_b->baseUrl(); }

    // The cursor at the end of main's change feed (read on server A), or -1.
    qint64 feedEnd() { return readFeed(*m_httpA, u"main"_s, m_token).next; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        const QString data = m_root.filePath(u"data"_s);
        m_a = std::make_unique<ServerProcess>(data);
        m_b = std::make_unique<ServerProcess>(data);
        m_a->setAdminPassword(kAdmin.password);
        m_b->setAdminPassword(kAdmin.password);
        // Both at once on an empty database: each must start, and one admin be made.
        QVERIFY2(m_a->launch(), qPrintable(m_a->errorString()));
        QVERIFY2(m_b->launch(), qPrintable(m_b->errorString()));
        QVERIFY2(m_a->waitUntilListening(), qPrintable(m_a->errorString()));
        QVERIFY2(m_b->waitUntilListening(), qPrintable(m_b->errorString()));
        m_httpA = std::make_unique<HttpClient>(a());
        m_httpB = std::make_unique<HttpClient>(b());

        const ServerProcess::Command added = m_a->userAdd(kStaff.name, kStaff.password);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const ServerProcess::Command granted = m_a->workspaceGrant(u"main"_s, kStaff.name, u"staff"_s);
        QVERIFY2(granted.exitCode == 0, qPrintable(granted.err));
        const HttpReply login = m_httpA->login(kStaff.name, kStaff.password);
        EXPECT_STATUS(login, 200);
        m_token = login.json.value(u"token"_s).toString();
    }

    void cleanupTestCase()
    {
        if (m_a && m_a->isRunning())
            QVERIFY2(m_a->stop(), qPrintable(m_a->errorString()));
        if (m_b && m_b->isRunning())
            QVERIFY2(m_b->stop(), qPrintable(m_b->errorString()));
    }

    void bothServersKnowTheSameAdmin()
    {
        for (HttpClient *http : {m_httpA.get(), m_httpB.get()}) {
            const HttpReply login = http->login(u"admin"_s, kAdmin.password);
            EXPECT_STATUS(login, 200);
            const QJsonArray workspaces = login.json.value(u"user"_s).toObject().value(u"workspaces"_s).toArray();
            QCOMPARE(workspaces.size(), 1);
            QCOMPARE(workspaces.at(0).toObject().value(u"name"_s).toString(), u"main"_s);
        }
        // One first start happened, not two: the user list holds one admin and the staff
        // member, and "main" exists once (a second one would have failed the start).
        const HttpReply me = m_httpB->me(m_token);
        EXPECT_STATUS(me, 200);
        QCOMPARE(me.json.value(u"user"_s).toString(), kStaff.name);
    }

    void sessionsAreShared()
    {
        const HttpReply login = m_httpB->login(kStaff.name, kStaff.password);
        EXPECT_STATUS(login, 200);
        const QString token = login.json.value(u"token"_s).toString();
        EXPECT_STATUS(m_httpA->me(token), 200);
        EXPECT_STATUS(m_httpA->logout(token), 204);
        EXPECT_ERROR(m_httpB->me(token), 401, u"token_expired"_s);
    }

    void failedLoginsCountOnBoth()
    {
        const ServerProcess::Command added = m_a->userAdd(u"gus"_s, u"gus-password-1"_s);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        for (int i = 0; i < 5; ++i) {
            HttpClient &http = i % 2 ? *m_httpB : *m_httpA;
            EXPECT_ERROR(http.login(u"gus"_s, u"wrong-password"_s), 401, u"unauthorized"_s);
        }
        EXPECT_ERROR(m_httpB->login(u"gus"_s, u"gus-password-1"_s), 429, u"rate_limited"_s);
        EXPECT_ERROR(m_httpA->login(u"gus"_s, u"gus-password-1"_s), 429, u"rate_limited"_s);
    }

    void writesOnOneAreReadOnTheOther()
    {
        const QByteArray bytes = noisePng(1, 24, kNoise);
        const QString sha256 = sha256Of(bytes);
        HttpRequest upload = request(a(), "PUT", kMain + u"/blobs/"_s + sha256, bytes);
        upload.contentType = "application/octet-stream";
        EXPECT_STATUS(m_httpA->send(upload), 201);
        const HttpReply original = send(b(), "GET", kMain + u"/blobs/"_s + sha256);
        EXPECT_STATUS(original, 200);
        QCOMPARE(original.body, bytes);

        const QString uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject fields{{u"uid"_s, uid},
                                 {u"sha256"_s, sha256},
                                 {u"format"_s, u"png"_s},
                                 {u"width"_s, 24},
                                 {u"height"_s, 24},
                                 {u"bytes"_s, bytes.size()},
                                 {u"originalName"_s, u"noise.png"_s},
                                 {u"caption"_s, u"Made on A"_s}};
        const HttpReply created = send(a(), "PUT", kMain + u"/images/"_s + uid, json(fields), {{"If-None-Match", "*"}});
        EXPECT_STATUS(created, 201);
        const HttpReply read = send(b(), "GET", kMain + u"/images/"_s + uid);
        EXPECT_STATUS(read, 200);
        QCOMPARE(read.json, created.json);

        // B makes the rendition of an original A received; A then serves the same bytes.
        const QString rendition = kMain + u"/renditions/"_s + sha256 + u"/small"_s;
        const HttpReply madeOnB = send(b(), "GET", rendition);
        EXPECT_STATUS(madeOnB, 200);
        QVERIFY(!QImage::fromData(madeOnB.body).isNull());
        const HttpReply servedByA = send(a(), "GET", rendition);
        EXPECT_STATUS(servedByA, 200);
        QCOMPARE(servedByA.body, madeOnB.body);
    }

    // The same original sent at once to both servers, as a client's retry through a load
    // balancer would: every upload succeeds, and the bytes are stored once, intact.
    void theSameUploadOnBothServers()
    {
        QByteArray bytes = noisePng(2, 24, kNoise);
        bytes.append(QByteArray(3 * 1024 * 1024, '\0')); // trailing bytes: PNG readers ignore them
        const QString sha256 = sha256Of(bytes);
        QList<HttpRequest> uploads;
        for (int i = 0; i < 12; ++i) {
            uploads.append(request(i % 2 ? b() : a(), "PUT", kMain + u"/blobs/"_s + sha256, bytes));
            uploads.last().contentType = "application/octet-stream";
        }
        int created = 0;
        for (const HttpReply &reply : m_httpA->sendAll(uploads)) {
            QVERIFY2(reply.status == 201 || reply.status == 200, qPrintable(reply.describe()));
            created += reply.status == 201;
        }
        QCOMPARE(created, 1);
        const HttpReply stored = send(b(), "GET", kMain + u"/blobs/"_s + sha256);
        EXPECT_STATUS(stored, 200);
        QCOMPARE(stored.body, bytes);
    }

    void sameRevisionWritersOnBothOneWins()
    {
        const QString entity = kMain + u"/entities/product/SCALE-1"_s;
        EXPECT_STATUS(send(a(), "PUT", entity, json({{u"name"_s, u"Shelf"_s}}), {{"If-None-Match", "*"}}), 201);
        qint64 revision = 1;
        for (int round = 0; round < 8; ++round) {
            const QList<HttpReply> replies =
                m_httpA->sendAll({request(a(), "PATCH", entity, json({{u"name"_s, u"A%1"_s.arg(round)}}),
                                          {{"If-Match", quoted(revision)}}),
                                  request(b(), "PATCH", entity, json({{u"name"_s, u"B%1"_s.arg(round)}}),
                                          {{"If-Match", quoted(revision)}})});
            const int winner = replies[0].status == 200 ? 0 : 1;
            EXPECT_STATUS(replies[winner], 200);
            EXPECT_ERROR(replies[1 - winner], 412, u"stale_revision"_s);
            QCOMPARE(replies[1 - winner].json.value(u"current"_s).toObject(), replies[winner].json);
            revision += 1;
            QCOMPARE(send(round % 2 ? a() : b(), "GET", entity).json, replies[winner].json);
        }
    }

    // PostgreSQL goes away under a running server (a restart, a failover): requests get 503
    // with Retry-After, not 500, and once it is back the same server carries on, its data
    // intact. A cluster of the test's own, so that the shared one stays up for the others.
    void aDatabaseOutageIsAnsweredWithRetryAfter()
    {
        if (!qEnvironmentVariableIsSet("VITRINE_TEST_POSTGRES"))
            QSKIP("PostgreSQL only: a SQLite file does not go away");
        const QString script = qEnvironmentVariable("VITRINE_TEST_POSTGRES_SCRIPT");
        // Under /tmp, not in a private temporary folder: the cluster runs as another user.
        const QString cluster = u"/tmp/vitrine-outage-"_s + QUuid::createUuid().toString(QUuid::Id128);
        const auto cluster_ = [&](const QString &action) {
            QProcess process;
            process.start(u"bash"_s, {script, action, cluster});
            return process.waitForFinished(120000) && process.exitCode() == 0;
        };
        QVERIFY(cluster_(u"start"_s));
        const auto removeCluster = qScopeGuard([&] { cluster_(u"stop"_s); });
        QFile url(cluster + u"/url"_s);
        QVERIFY(url.open(QIODevice::ReadOnly));

        ServerProcess server(m_root.filePath(u"outage"_s));
        server.setDatabaseUrl(QString::fromUtf8(url.readAll().trimmed()));
        server.setAdminPassword(kAdmin.password);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        HttpClient http(server.baseUrl());
        const HttpReply login = http.login(u"admin"_s, kAdmin.password);
        EXPECT_STATUS(login, 200);
        const QString token = login.json.value(u"token"_s).toString();
        const QString entity = kMain + u"/entities/product/OUTAGE-1"_s;
        HttpRequest create;
        create.method = "PUT";
        create.path = entity;
        create.body = json({{u"name"_s, u"Before"_s}});
        create.token = token;
        create.headers = {{"If-None-Match", "*"}};
        EXPECT_STATUS(http.send(create), 201);

        QVERIFY(cluster_(u"pause"_s));
        for (int i = 0; i < 3; ++i) { // every worker thread's connection finds it gone
            const HttpReply down = http.me(token);
            EXPECT_ERROR(down, 503, u"unavailable"_s);
            QCOMPARE(down.header("Retry-After"), "5");
        }
        const HttpReply health = http.get(u"/api/v1/health"_s);
        EXPECT_STATUS(health, 503);
        QCOMPARE(health.json.value(u"status"_s).toString(), u"unavailable"_s);
        QVERIFY(cluster_(u"resume"_s));
        EXPECT_STATUS(http.get(u"/api/v1/health"_s), 200);
        for (int i = 0; i < 10; ++i)
            EXPECT_STATUS(http.me(token), 200);
        const HttpReply after = http.get(entity, token);
        EXPECT_STATUS(after, 200);
        QCOMPARE(after.json.value(u"name"_s).toString(), u"Before"_s);
        QVERIFY2(server.stop(), qPrintable(server.errorString()));
    }

    // A reader follows the feed (on B) while writers on both servers create entities. A
    // change committed with a lower sequence number after a higher one was visible would be
    // skipped by the reader for good: it must see every change, in order, exactly once.
    void aFollowerOfTheFeedMissesNothing()
    {
        const qint64 start = feedEnd();
        QVERIFY(start >= 0);
        constexpr int kWrites = 60;
        std::atomic<bool> writersDone = false;
        QList<qint64> seen;
        QString readerError;
        std::thread reader([&] {
            HttpClient http(b(), true);
            qint64 cursor = start;
            const QString token = m_token;
            for (int polls = 0; polls < 5000; ++polls) {
                const bool last = writersDone;
                HttpRequest poll;
                poll.path = kMain + u"/changes?limit=7&after=%1"_s.arg(cursor);
                poll.token = token;
                const HttpReply page = http.send(poll);
                if (page.status != 200) {
                    readerError = page.describe();
                    return;
                }
                for (const QJsonValue &change : page.json.value(u"changes"_s).toArray())
                    seen.append(change.toObject().value(u"seq"_s).toInteger());
                cursor = page.json.value(u"next"_s).toInteger();
                if (last && !page.json.value(u"more"_s).toBool())
                    return;
            }
            readerError = u"the reader did not reach the end of the feed"_s;
        });
        QList<HttpRequest> creates;
        for (int i = 0; i < kWrites; ++i)
            creates.append(request(i % 2 ? b() : a(), "PUT", kMain + u"/entities/job/FEED-%1"_s.arg(i),
                                   json({{u"name"_s, u"Job %1"_s.arg(i)}}), {{"If-None-Match", "*"}}));
        const QList<HttpReply> replies = m_httpA->sendAll(creates);
        writersDone = true;
        reader.join();
        for (const HttpReply &reply : replies)
            EXPECT_STATUS(reply, 201);
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));

        QList<qint64> expected;
        for (qint64 seq = start + 1; seq <= start + kWrites; ++seq)
            expected.append(seq);
        QCOMPARE(seen, expected);
    }
};

QTEST_GUILESS_MAIN(TestServerScaleOut)
#include "tst_serverscaleout.moc"

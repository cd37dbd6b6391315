// Two vitrine-server processes serving the same workspaces, as behind a load balancer: one
// data directory (originals, renditions) and one database. On PostgreSQL that is the
// supported way to grow; on SQLite the two processes share the file, which must be just as
// correct. Checked: the first start of both at once, sessions and the login limit seen by
// both, records and originals written on one and read on the other, one winner among
// writers on both with the same base revision, and a change feed that a reader can follow
// while both servers write without ever skipping a change.
#include "httpexpect.h"
#include "serverprocess.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <memory>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

const QString kAdminPassword = u"admin-secret-1"_s;
const QString kMain = u"/api/v1/workspaces/main"_s;
const QString kStaffName = u"stella"_s;
const QString kStaffPassword = u"stella-password-1"_s;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray quoted(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

// A small PNG of noise, different for every seed.
QByteArray noisePng(int seed)
{
    QImage image(24, 24, QImage::Format_RGB32);
    quint32 state = quint32(seed) * 2654435761u + 7u;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            image.setPixel(x, y, 0xff000000u | (state >> 8));
        }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

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
                        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        HttpRequest request;
        request.server = server;
        request.method = method;
        request.path = path;
        request.body = body;
        request.token = m_token;
        request.headers = headers;
        return request;
    }
    HttpReply send(const QUrl &server, const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return m_httpA->send(request(server, method, path, body, headers));
    }
    QUrl a() const { return m_a->baseUrl(); }
    QUrl b() const { return m_b->baseUrl(); }

    // The cursor at the end of main's change feed, or -1.
    qint64 feedEnd()
    {
        qint64 cursor = 0;
        for (;;) {
            const HttpReply page = send(a(), "GET", kMain + u"/changes?limit=1000&after=%1"_s.arg(cursor));
            if (page.status != 200)
                return -1;
            cursor = page.json.value(u"next"_s).toInteger();
            if (!page.json.value(u"more"_s).toBool())
                return cursor;
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        const QString data = m_root.filePath(u"data"_s);
        m_a = std::make_unique<ServerProcess>(data);
        m_b = std::make_unique<ServerProcess>(data);
        m_a->setAdminPassword(kAdminPassword);
        m_b->setAdminPassword(kAdminPassword);
        // Both at once on an empty database: each must start, and one admin be made.
        QVERIFY2(m_a->launch(), qPrintable(m_a->errorString()));
        QVERIFY2(m_b->launch(), qPrintable(m_b->errorString()));
        QVERIFY2(m_a->waitUntilListening(), qPrintable(m_a->errorString()));
        QVERIFY2(m_b->waitUntilListening(), qPrintable(m_b->errorString()));
        m_httpA = std::make_unique<HttpClient>(a());
        m_httpB = std::make_unique<HttpClient>(b());

        const ServerProcess::Command added = m_a->userAdd(kStaffName, kStaffPassword);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const ServerProcess::Command granted = m_a->workspaceGrant(u"main"_s, kStaffName, u"staff"_s);
        QVERIFY2(granted.exitCode == 0, qPrintable(granted.err));
        const HttpReply login = m_httpA->login(kStaffName, kStaffPassword);
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
            const HttpReply login = http->login(u"admin"_s, kAdminPassword);
            EXPECT_STATUS(login, 200);
            const QJsonArray workspaces = login.json.value(u"user"_s).toObject().value(u"workspaces"_s).toArray();
            QCOMPARE(workspaces.size(), 1);
            QCOMPARE(workspaces.at(0).toObject().value(u"name"_s).toString(), u"main"_s);
        }
        // One first start happened, not two: the user list holds one admin and the staff
        // member, and "main" exists once (a second one would have failed the start).
        const HttpReply me = m_httpB->me(m_token);
        EXPECT_STATUS(me, 200);
        QCOMPARE(me.json.value(u"user"_s).toString(), kStaffName);
    }

    void sessionsAreShared()
    {
        const HttpReply login = m_httpB->login(kStaffName, kStaffPassword);
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
        const QByteArray bytes = noisePng(1);
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
        QByteArray bytes = noisePng(2);
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

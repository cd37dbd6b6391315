#pragma once

#include "httpclient.h"
#include "serverprocess.h"
#include "servertestfunctions.h"
#include "testuser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

inline const QString kMain = QStringLiteral("main");   // made by the first start; kAdmin is its admin
inline const QString kOther = QStringLiteral("other"); // made by ServerTestSession::start()

// One vitrine-server for a whole test case, on a data directory of its own, and the requests
// the server tests share. The users of testuser.h are made and granted once, and each logs
// in once: logins are slow on purpose (PBKDF2), so the tests reuse the tokens.
//
// The steps of setting up and tearing down answer with what went wrong (empty when all
// went well), for EXPECT_DONE in the test. A request that fails inside a composite step
// (uploadBlob, makeImage, feed) gives a warning and an empty result.
class ServerTestSession final
{
public:
    ServerTestSession() = default;
    Q_DISABLE_COPY_MOVE(ServerTestSession)

    // Starts the server (the admin's password: kAdmin's), adds kStaff, kViewer, kOtherStaff
    // and the workspace "other", and grants staff and viewer in main, otherStaff staff in other.
    QString start();
    // Logs each user in and keeps the tokens.
    QString logIn(const QList<TestUser> &users);
    // A stop and a start on the same data directory; http() then talks to the new port.
    QString restart();
    // Stops the server and checks that nothing failed inside it: the server logs every
    // internal failure, and no request of a test may cause one.
    QString finish();

    QString rootDir() const { return m_dir.path(); } // a temporary folder, data/ in it
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    ServerProcess &server() { return *m_server; }
    HttpClient &http() { return *m_http; }
    // The user's bearer token after logIn(), empty before. The reference stays valid as long
    // as the session, so a test may bind it before initTestCase logs in.
    const QString &token(const TestUser &user) { return m_tokens[user.name]; }

    // ---- requests ----

    HttpReply call(const QByteArray &method, const QString &path, const QString &token, const QByteArray &body = {},
                   const Headers &headers = {}, const QByteArray &contentType = "application/json");

    HttpReply putBlob(const QString &workspace, const QString &sha256, const QByteArray &bytes, const QString &token,
                      const QByteArray &contentRange = {});
    // The whole original; true when it was stored (201) or held already (200).
    bool uploadBlob(const QString &workspace, const Blob &blob, const QString &token);
    HttpReply getBlob(const QString &workspace, const QString &sha256, const QString &token,
                      const Headers &headers = {});
    HttpReply missing(const QString &workspace, const QJsonArray &hashes, const QString &token);

    HttpReply createImage(const QString &workspace, const QString &uid, const QJsonObject &body, const QString &token);
    // The blob uploaded and a new image of it created (revision 1), with imageFields() and
    // texts; the record.
    QJsonObject makeImage(const QString &workspace, const Blob &blob, const QString &token,
                          const QJsonObject &texts = {});
    HttpReply getImage(const QString &workspace, const QString &uid, const QString &token);
    HttpReply patchImage(const QString &workspace, const QString &uid, qint64 revision, const QJsonObject &body,
                         const QString &token);
    HttpReply deleteImage(const QString &workspace, const QString &uid, qint64 revision, const QString &token);

    // PUT …/entities/KIND/KEY (entity: "kind:key") with If-None-Match: *.
    HttpReply createEntity(const QString &workspace, const QString &entity, const QJsonObject &body,
                           const QString &token);
    HttpReply getGallery(const QString &workspace, const QString &entity, const QString &token);

    // The changes after `after` to the end of the feed (readFeed); the cursor at the end
    // in *next, the workspace identity in *identity.
    QList<QJsonObject> feed(const QString &workspace, const QString &token, qint64 after = 0, int limit = 1000,
                            qint64 *next = nullptr, QString *identity = nullptr);
    // The cursor at the end of the feed; -1 after an error.
    qint64 feedEnd(const QString &workspace, const QString &token);
    // The workspace's identity as GET /auth/me tells it to the user of token.
    QString identityFromMe(const QString &token, const QString &workspace);

private:
    QString addUsers(); // the users, the workspace "other" and the grants of start()

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::map<QString, QString> m_tokens; // user name → token; a map, so references stay valid
};

// A step of the session (start, logIn, restart, finish) in a Qt Test function: the test
// fails with what went wrong, and returns (like QVERIFY).
#define EXPECT_DONE(step)                                                                                              \
    do {                                                                                                               \
        const QString problem_ = (step);                                                                               \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                                            \
    } while (false)

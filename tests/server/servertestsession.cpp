#include "servertestsession.h"

#include <QFile>
#include <QUuid>

#include <tuple>

using namespace Qt::StringLiterals;

QString ServerTestSession::start()
{
    if (!m_dir.isValid())
        return u"no temporary folder: "_s + m_dir.errorString();
    if (!QFile::exists(ServerProcess::program()))
        return u"no server program at "_s + ServerProcess::program();
    m_server = std::make_unique<ServerProcess>(dataDir());
    m_server->setAdminPassword(kAdmin.password);
    if (!m_server->start())
        return m_server->errorString();
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    return addUsers();
}

QString ServerTestSession::addUsers()
{
    for (const TestUser &user : {kStaff, kViewer, kOtherStaff}) {
        const ServerProcess::Command added = m_server->userAdd(user.name, user.password);
        if (added.exitCode != 0)
            return u"user add %1: %2"_s.arg(user.name, added.err);
    }
    const ServerProcess::Command other = m_server->workspaceAdd(kOther);
    if (other.exitCode != 0)
        return u"workspace add %1: %2"_s.arg(kOther, other.err);
    for (const auto &[workspace, user, role] :
         {std::tuple{kMain, kStaff.name, u"staff"_s}, std::tuple{kMain, kViewer.name, u"viewer"_s},
          std::tuple{kOther, kOtherStaff.name, u"staff"_s}}) {
        const ServerProcess::Command granted = m_server->workspaceGrant(workspace, user, role);
        if (granted.exitCode != 0)
            return u"workspace grant %1 %2 %3: %4"_s.arg(workspace, user, role, granted.err);
    }
    return {};
}

QString ServerTestSession::logIn(const QList<TestUser> &users)
{
    for (const TestUser &user : users) {
        const HttpReply reply = m_http->login(user.name, user.password);
        QString &token = m_tokens[user.name];
        token = reply.json.value(u"token"_s).toString();
        if (reply.status != 200 || token.isEmpty())
            return u"login %1: %2"_s.arg(user.name, reply.describe());
    }
    return {};
}

QString ServerTestSession::restart()
{
    if (!m_server->stop() || !m_server->start())
        return m_server->errorString();
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    return {};
}

QString ServerTestSession::finish()
{
    if (!m_server)
        return {};
    if (m_server->isRunning() && !m_server->stop())
        return m_server->errorString();
    if (m_server->standardError().contains(u"internal error"_s))
        return m_server->standardError();
    return {};
}

HttpReply ServerTestSession::call(const QByteArray &method, const QString &path, const QString &token,
                                  const QByteArray &body, const Headers &headers, const QByteArray &contentType)
{
    return m_http->send(apiRequest(method, path, token, body, headers, contentType));
}

HttpReply ServerTestSession::putBlob(const QString &workspace, const QString &sha256, const QByteArray &bytes,
                                     const QString &token, const QByteArray &contentRange)
{
    return m_http->send(blobRequest(workspace, sha256, bytes, token, contentRange));
}

bool ServerTestSession::uploadBlob(const QString &workspace, const Blob &blob, const QString &token)
{
    const HttpReply reply = putBlob(workspace, blob.sha256, blob.bytes, token);
    if (reply.status != 201 && reply.status != 200)
        qWarning("uploading %s: %s", qPrintable(blob.sha256), qPrintable(reply.describe()));
    return reply.status == 201 || reply.status == 200;
}

HttpReply ServerTestSession::getBlob(const QString &workspace, const QString &sha256, const QString &token,
                                     const Headers &headers)
{
    return call("GET", ws(workspace) + u"/blobs/"_s + sha256, token, {}, headers);
}

HttpReply ServerTestSession::missing(const QString &workspace, const QJsonArray &hashes, const QString &token)
{
    return call("POST", ws(workspace) + u"/blobs/missing"_s, token, json({{u"sha256"_s, hashes}}));
}

HttpReply ServerTestSession::createImage(const QString &workspace, const QString &uid, const QJsonObject &body,
                                         const QString &token)
{
    return m_http->send(createImageRequest(workspace, uid, body, token));
}

QJsonObject ServerTestSession::makeImage(const QString &workspace, const Blob &blob, const QString &token,
                                         const QJsonObject &texts)
{
    if (!uploadBlob(workspace, blob, token))
        return {};
    const QString uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject body = imageFields(uid, blob);
    for (auto it = texts.begin(); it != texts.end(); ++it)
        body.insert(it.key(), it.value());
    const HttpReply reply = createImage(workspace, uid, body, token);
    if (reply.status != 201) {
        qWarning("creating image %s: %s", qPrintable(uid), qPrintable(reply.describe()));
        return {};
    }
    return reply.json;
}

HttpReply ServerTestSession::getImage(const QString &workspace, const QString &uid, const QString &token)
{
    return call("GET", ws(workspace) + u"/images/"_s + uid, token);
}

HttpReply ServerTestSession::patchImage(const QString &workspace, const QString &uid, qint64 revision,
                                        const QJsonObject &body, const QString &token)
{
    return m_http->send(patchImageRequest(workspace, uid, revision, body, token));
}

HttpReply ServerTestSession::deleteImage(const QString &workspace, const QString &uid, qint64 revision,
                                         const QString &token)
{
    return call("DELETE", ws(workspace) + u"/images/"_s + uid, token, {}, {{"If-Match", quoted(revision)}});
}

HttpReply ServerTestSession::createEntity(const QString &workspace, const QString &entity, const QJsonObject &body,
                                          const QString &token)
{
    return call("PUT", entityPath(workspace, entity), token, json(body), {{"If-None-Match", "*"}});
}

HttpReply ServerTestSession::getGallery(const QString &workspace, const QString &entity, const QString &token)
{
    return call("GET", entityPath(workspace, entity) + u"/gallery"_s, token);
}

QList<QJsonObject> ServerTestSession::feed(const QString &workspace, const QString &token, qint64 after, int limit,
                                           qint64 *next, QString *identity)
{
    const FeedRead read = readFeed(*m_http, workspace, token, after, limit);
    if (!read.error.isEmpty())
        qWarning("feed of %s: %s", qPrintable(workspace), qPrintable(read.error));
    if (next)
        *next = read.next;
    if (identity)
        *identity = read.identity;
    return read.changes;
}

qint64 ServerTestSession::feedEnd(const QString &workspace, const QString &token)
{
    qint64 next = -1;
    feed(workspace, token, 0, 1000, &next);
    return next;
}

QString ServerTestSession::identityFromMe(const QString &token, const QString &workspace)
{
    for (const QJsonValue &entry : m_http->me(token).json.value(u"workspaces"_s).toArray())
        if (entry.toObject().value(u"name"_s).toString() == workspace)
            return entry.toObject().value(u"identity"_s).toString();
    return {};
}

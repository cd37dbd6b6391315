#include "httpclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 30000;

HttpReply replyOf(QNetworkReply *reply)
{
    HttpReply result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.status = status.isValid() ? status.toInt() : 0;
    if (reply->error() != QNetworkReply::NoError)
        result.networkError = reply->errorString();
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &error);
    result.isJson = error.error == QJsonParseError::NoError && document.isObject();
    if (result.isJson)
        result.json = document.object();
    return result;
}

} // namespace

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QString HttpReply::errorCode() const
{
    return json.value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString HttpReply::describe() const
{
    return u"%1 %2%3"_s.arg(status).arg(QString::fromUtf8(body),
                                         networkError.isEmpty() ? QString() : u" ("_s + networkError + u')');
}

HttpClient::HttpClient(QUrl baseUrl, bool keepAlive) : m_baseUrl(std::move(baseUrl)), m_keepAlive(keepAlive)
{
    m_manager.setProxy(QNetworkProxy::NoProxy);
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QList<HttpReply> HttpClient::sendAll(const QList<HttpRequest> &requests)
{
    QList<QNetworkReply *> replies;
    for (const HttpRequest &request : requests) {
        QUrl url = request.server.isEmpty() ? m_baseUrl : request.server;
        const qsizetype question = request.path.indexOf(u'?');
        // Tolerant: a path's "%2F" (a slash inside one name) is sent as it is, not encoded again.
        url.setPath(question < 0 ? request.path : request.path.left(question), QUrl::TolerantMode);
        if (question >= 0)
            url.setQuery(request.path.mid(question + 1));
        QNetworkRequest outgoing(url);
        outgoing.setTransferTimeout(kTimeoutMs);
        if (!m_keepAlive)
            outgoing.setRawHeader("Connection", "close");
        for (const auto &[name, value] : request.headers)
            outgoing.setRawHeader(name, value);
        if (!request.authorization.isEmpty())
            outgoing.setRawHeader("Authorization", request.authorization);
        else if (!request.token.isEmpty())
            outgoing.setRawHeader("Authorization", "Bearer " + request.token.toUtf8());
        const bool withBody = !request.body.isNull() || request.method == "POST" || request.method == "PUT";
        if (withBody)
            outgoing.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
        // An explicit Content-Length, also 0: without one a POST waits for a body to come.
        if (withBody)
            outgoing.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        replies.append(withBody ? m_manager.sendCustomRequest(outgoing, request.method,
                                                              request.body.isNull() ? QByteArray("") : request.body)
                                : m_manager.sendCustomRequest(outgoing, request.method));
    }
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(kTimeoutMs + 5000);
    const auto allDone = [&replies] {
        return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *reply) { return reply->isFinished(); });
    };
    for (QNetworkReply *reply : std::as_const(replies))
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&loop, &allDone] {
            if (allDone())
                loop.quit();
        });
    if (!allDone())
        loop.exec();
    QList<HttpReply> results;
    for (QNetworkReply *reply : std::as_const(replies)) {
        if (!reply->isFinished()) {
            reply->abort();
            HttpReply none;
            none.networkError = u"no answer within %1 ms"_s.arg(kTimeoutMs);
            results.append(none);
        } else {
            results.append(replyOf(reply));
        }
        reply->deleteLater();
    }
    return results;
}

HttpReply HttpClient::send(const HttpRequest &request)
{
    return sendAll({request}).constFirst();
}

HttpReply HttpClient::get(const QString &path, const QString &token)
{
    return send({"GET", path, QByteArray(), "application/json", token, QByteArray()});
}

HttpReply HttpClient::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return send({"POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token,
                 QByteArray()});
}

HttpReply HttpClient::postEmpty(const QString &path, const QString &token)
{
    return send({"POST", path, QByteArray(""), "application/json", token, QByteArray()});
}

HttpReply HttpClient::login(const QString &user, const QString &password)
{
    return post(u"/api/v1/auth/login"_s, {{u"user"_s, user}, {u"password"_s, password}});
}

HttpReply HttpClient::me(const QString &token)
{
    return get(u"/api/v1/auth/me"_s, token);
}

HttpReply HttpClient::logout(const QString &token)
{
    return postEmpty(u"/api/v1/auth/logout"_s, token);
}

HttpReply HttpClient::sendRaw(const QByteArray &request)
{
    HttpReply result;
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(m_baseUrl.host(), quint16(m_baseUrl.port()));
    if (!socket.waitForConnected(kTimeoutMs)) {
        result.networkError = socket.errorString();
        return result;
    }
    socket.write(request);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < kTimeoutMs) {
        socket.waitForReadyRead(100);
        answer += socket.readAll();
    }
    answer += socket.readAll();
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        result.networkError = u"no complete answer: "_s + QString::fromLatin1(answer.left(200));
        return result;
    }
    const QList<QByteArray> lines = answer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.constFirst().trimmed().split(' ');
    result.status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            result.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    result.body = answer.mid(headEnd + 4);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &error);
    result.isJson = error.error == QJsonParseError::NoError && document.isObject();
    if (result.isJson)
        result.json = document.object();
    return result;
}

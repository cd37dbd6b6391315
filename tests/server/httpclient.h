#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

// The answer to one request: status 0 when there was none (connection refused, timeout).
struct HttpReply
{
    int status = 0;
    QString networkError; // QNetworkReply's text, for messages
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QJsonObject json; // the body parsed, when it is a JSON object
    bool isJson = false;

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    QString errorCode() const; // error.code of an error body
    // "401 {...}" for failure messages.
    QString describe() const;
};

// One outgoing request.
struct HttpRequest
{
    QByteArray method = "GET";
    QString path; // e.g. /api/v1/auth/me, may hold a query
    QByteArray body; // sent as is; null: no body (POST and PUT always get one, maybe empty)
    QByteArray contentType = "application/json";
    QString token; // bearer token; empty: no Authorization header
    QByteArray authorization; // a raw Authorization header, used instead of token when set
    // More headers (If-Match, Content-Range, Range…), sent as given.
    QList<QPair<QByteArray, QByteArray>> headers = {};
    // Another server to send this one to (scheme, host and port); empty: the client's own.
    QUrl server = {};
};

// A tiny synchronous client on QNetworkAccessManager (no proxy) for one server: each call
// runs an event loop until the answer is complete (30 s at most). Requests say
// "Connection: close" unless keep-alive is asked for: a connection left idle holds up the
// server's stop (see tst_serverauth's idleConnectionsDelayTheStop).
class HttpClient final
{
public:
    explicit HttpClient(QUrl baseUrl, bool keepAlive = false);

    HttpReply send(const HttpRequest &request);
    // All sent at once, answered in any order; the replies in the order of the requests.
    QList<HttpReply> sendAll(const QList<HttpRequest> &requests);

    HttpReply get(const QString &path, const QString &token = {});
    HttpReply post(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpReply postEmpty(const QString &path, const QString &token = {});

    // The bytes of a whole request (request line, headers, blank line, body) sent as they
    // are on a socket of its own, bypassing QUrl's normalisation of the path: for paths
    // with "..", percent-encoded dots and slashes, and for requests without a Content-Type.
    // Add "Connection: close": the answer is read until the server closes the connection.
    HttpReply sendRaw(const QByteArray &request);

    // POST /api/v1/auth/login; /auth/me and /auth/logout with a token.
    HttpReply login(const QString &user, const QString &password);
    HttpReply me(const QString &token);
    HttpReply logout(const QString &token);

private:
    QUrl m_baseUrl;
    bool m_keepAlive = false;
    QNetworkAccessManager m_manager;
};

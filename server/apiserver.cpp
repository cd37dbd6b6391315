#include "apiserver.h"

#include "maintenancegate.h"
#include "serverdatabase.h"
#include "uploadcheck.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QUrl>

#include <httplib.h>

#include <cctype>
#include <cstdio>
#include <sys/socket.h>
#include <limits>
#include <regex>

using namespace Qt::StringLiterals;

namespace {

constexpr size_t kMaxBodyBytes = 16 * 1024 * 1024; // a blob PUT: 15 MiB, plus headroom
constexpr size_t kMaxJsonBytes = 1024 * 1024;
constexpr size_t kRequestThreads = 32; // each holds a database connection of its own
thread_local QElapsedTimer t_requestTimer;

// The most a request may declare in Content-Length. Bodies are read whole into memory before
// a handler sees them, except on the routes that stream them to disk (a restore, bounded
// by the free space: 507).
size_t bodyLimitOf(const httplib::Request &request)
{
    static const std::regex streamed("^/api/v1/workspaces/[A-Za-z0-9._-]{1,64}/backup$");
    if (request.method == "PUT" && std::regex_match(request.path, streamed))
        return std::numeric_limits<size_t>::max();
    static const std::regex uploads("^/api/v1/workspaces/[A-Za-z0-9._-]{1,64}/uploads$");
    if (request.method == "POST" && std::regex_match(request.path, uploads))
        return size_t(ApiServer::kMaxUploadRequestBytes); // streamed to disk file by file
    return kMaxBodyBytes;
}

// cpp-httplib decodes the whole path before routing, so a "%2F" in an entity key would split
// the key into two segments. The path is decoded again from the raw target with "%2F" and
// "%25" left encoded; a handler decodes the one name it reads (pathName()), exactly once.
std::string routingPath(const std::string &target)
{
    const std::string raw = target.substr(0, target.find('?'));
    std::string path;
    path.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '%' || i + 2 >= raw.size() || !std::isxdigit(static_cast<unsigned char>(raw[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
            path += raw[i];
            continue;
        }
        const char decoded = char(std::stoi(raw.substr(i + 1, 2), nullptr, 16));
        path += decoded == '/' ? std::string("%2F") : decoded == '%' ? std::string("%25") : std::string(1, decoded);
        i += 2;
    }
    return path;
}

std::unique_ptr<httplib::Server> makeHttp(const ApiServer::Settings &settings)
{
    if (settings.tlsCert.isEmpty())
        return std::make_unique<httplib::Server>();
    return std::make_unique<httplib::SSLServer>(settings.tlsCert.toLocal8Bit().constData(),
                                                settings.tlsKey.toLocal8Bit().constData());
}

} // namespace

ApiServer::ApiServer(Accounts &accounts, WorkspaceBlobs &blobs, BlobStore &store, RecordStore &records,
                     RenditionCache &renditions, ImagingPool &imaging, Settings settings)
    : m_accounts(accounts), m_blobs(blobs), m_store(store), m_records(records), m_renditions(renditions),
      m_gate(std::make_unique<MaintenanceGate>()),
      m_settings(std::move(settings)), m_server(makeHttp(m_settings)), m_http(std::make_unique<Router>(*m_server)),
      m_uploadCheck(std::make_unique<UploadCheck>(imaging))
{
    m_server->set_payload_max_length(std::numeric_limits<size_t>::max()); // per route: bodyLimitOf
    m_server->set_read_timeout(30, 0);
    m_server->set_write_timeout(30, 0);
    // Short: an idle kept-alive connection holds up a clean stop for this long.
    m_server->set_keep_alive_timeout(2);
    // Headers and body leave in separate writes; with Nagle's algorithm the body of every
    // answer after the first on a kept-alive connection waits for the client's delayed ACK
    // (about 40 ms): 16 thumbnail readers got 300 answers a second instead of thousands.
    m_server->set_tcp_nodelay(true);
    // A thread serves one connection until it closes or idles out. With cpp-httplib's 8
    // threads and its 5 requests per connection, 16 readers spent seconds reconnecting and
    // waiting for a thread; image work is queued for the imaging pool whatever the count.
    m_server->new_task_queue = [] { return new httplib::ThreadPool(kRequestThreads); };
    m_server->set_keep_alive_max_count(100);
    // Not cpp-httplib's default, SO_REUSEPORT: with it a second server on the same port
    // would start without a word and share the connections. The socket is remembered for
    // bind(), which raises cpp-httplib's listen backlog of 5.
    m_server->set_socket_options([this](int socket) {
        const int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        m_listeningSocket = socket;
    });
    m_server->set_pre_routing_handler([](const httplib::Request &request, httplib::Response &response) {
        t_requestTimer.start();
        response.set_header("X-Content-Type-Options", "nosniff");
        if (request.target.find('%') != std::string::npos)
            const_cast<httplib::Request &>(request).path = routingPath(request.target);
        if (request.has_header("Content-Length") &&
            request.get_header_value<uint64_t>("Content-Length") > bodyLimitOf(request)) {
            response.set_header("Connection", "close"); // the body is not read
            replyError(response, 413, u"payload_too_large"_s, u"The request body is too large."_s);
            return httplib::Server::HandlerResponse::Handled;
        }
        // A chunked body declares no size, so the limit above cannot see it; only a restore,
        // written to disk as it comes, may arrive that way.
        if (QByteArray::fromStdString(request.get_header_value("Transfer-Encoding")).toLower().contains("chunked") &&
            bodyLimitOf(request) != std::numeric_limits<size_t>::max()) {
            response.set_header("Connection", "close");
            replyError(response, 411, u"length_required"_s, u"Send this request with a Content-Length."_s);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    m_server->set_error_handler([this](const httplib::Request &request, httplib::Response &response) {
        if (!response.body.empty())
            return;
        const std::string allowed = response.status == 404 ? m_http->allowed(request.path) : std::string();
        if (!allowed.empty()) { // the path exists, the method does not
            response.set_header("Allow", allowed);
            replyError(response, 405, u"method_not_allowed"_s,
                       u"%1 is not a method of this resource; it has %2."_s.arg(
                           QString::fromStdString(request.method), QString::fromStdString(allowed)));
        } else if (response.status == 404)
            replyError(response, 404, u"not_found"_s, u"There is no such resource."_s);
        else if (response.status == 413)
            replyError(response, 413, u"payload_too_large"_s, u"The request body is too large."_s);
        else if (response.status >= 400 && response.status < 500)
            replyError(response, response.status, u"bad_request"_s, u"The request is malformed."_s);
    });
    m_server->set_exception_handler([](const httplib::Request &, httplib::Response &response, std::exception_ptr) {
        replyInternal(response, u"an exception escaped a request handler"_s);
    });
    m_server->set_logger(
        [this](const httplib::Request &request, const httplib::Response &response) { logAccess(request, response); });
    routeHealth();
    routeAuth();
    routeBlobs();
    routeImages();
    routeEntities();
    routeMaintenance();
    routeUploads();
}

ApiServer::~ApiServer() = default;

Result<quint16> ApiServer::bind()
{
    if (!m_server->is_valid())
        return Result<quint16>::failure(
            u"cannot use the TLS certificate %1 with the key %2"_s.arg(m_settings.tlsCert, m_settings.tlsKey));
    const std::string host = m_settings.host.toStdString();
    const int port =
        m_settings.port == 0 ? m_server->bind_to_any_port(host) : (m_server->bind_to_port(host, m_settings.port)
                                                                        ? int(m_settings.port)
                                                                        : -1);
    if (port <= 0)
        return Result<quint16>::failure(
            u"cannot listen on %1:%2 (in use, or not an address of this machine)"_s.arg(m_settings.host)
                .arg(m_settings.port));
    // A burst of new connections (clients reconnecting at once) overflowed a backlog of 5:
    // the dropped ones waited a second to try again.
    if (m_listeningSocket >= 0)
        ::listen(m_listeningSocket, SOMAXCONN);
    return quint16(port);
}

void ApiServer::run()
{
    m_server->listen_after_bind();
}

void ApiServer::stop()
{
    m_server->stop();
}

void ApiServer::routeHealth()
{
    m_http->Get("/api/v1/health", [this](const httplib::Request &, httplib::Response &response) {
        const Status database = m_records.reachable();
        if (!database) {
            std::fprintf(stderr, "vitrine-server: health: %s\n", qPrintable(database.error()));
            response.set_header("Retry-After", "5");
        }
        reply(response, database ? 200 : 503,
              {{u"status"_s, database ? u"ok"_s : u"unavailable"_s},
               {u"version"_s, QCoreApplication::applicationVersion()},
               {u"database"_s, m_settings.databaseKind}});
    });
}

void ApiServer::reply(httplib::Response &response, int status, const QJsonObject &body)
{
    response.status = status;
    if (!response.has_header("Cache-Control"))
        response.set_header("Cache-Control", "no-store");
    response.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
}

void ApiServer::replyError(httplib::Response &response, int status, const QString &code, const QString &message)
{
    reply(response, status, {{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}});
}

void ApiServer::replyInternal(httplib::Response &response, const QString &detail)
{
    std::fprintf(stderr, "vitrine-server: internal error: %s\n", qPrintable(detail));
    if (ServerDatabase::isUnreachable()) { // the database is down, not this request wrong
        response.set_header("Retry-After", "5");
        return replyError(response, 503, u"unavailable"_s,
                          u"The server cannot reach its database just now; try again shortly."_s);
    }
    replyError(response, 500, u"internal"_s, u"The server could not complete the request."_s);
}

std::optional<QJsonObject> ApiServer::jsonBody(const httplib::Request &request, httplib::Response &response)
{
    const std::string type = request.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0 && type.rfind("application/merge-patch+json", 0) != 0) {
        replyError(response, 415, u"unsupported_media_type"_s, u"Send the body as Content-Type: application/json."_s);
        return std::nullopt;
    }
    if (request.body.size() > kMaxJsonBytes) {
        replyError(response, 413, u"payload_too_large"_s, u"A JSON body may have at most 1 MiB."_s);
        return std::nullopt;
    }
    QJsonParseError error{};
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(request.body.data(), qsizetype(request.body.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        replyError(response, 400, u"bad_request"_s, u"The body must be a JSON object."_s);
        return std::nullopt;
    }
    return document.object();
}

QString ApiServer::pathName(const httplib::Request &request, size_t index)
{
    return QUrl::fromPercentEncoding(QByteArray::fromStdString(request.matches[index]));
}

QString ApiServer::bearerToken(const httplib::Request &request)
{
    // The scheme's name is case-insensitive (RFC 7235).
    const QString header = QString::fromStdString(request.get_header_value("Authorization"));
    if (!header.startsWith(u"Bearer "_s, Qt::CaseInsensitive))
        return {};
    return header.mid(7).trimmed();
}

void ApiServer::logAccess(const httplib::Request &request, const httplib::Response &response) const
{
    const QJsonObject line{{u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                           {u"remote"_s, QString::fromStdString(request.remote_addr)},
                           {u"method"_s, QString::fromStdString(request.method)},
                           {u"path"_s, QString::fromStdString(request.path)},
                           {u"status"_s, response.status},
                           {u"bytes"_s, qint64(response.body.size())},
                           {u"ms"_s, t_requestTimer.isValid() ? double(t_requestTimer.nsecsElapsed()) / 1e6 : 0.0}};
    std::fprintf(stderr, "%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
}

// ApiServer: statistics, cleanup, backup and restore of a workspace (docs/api.md §9.2–9.5).
#include "apiserver.h"

#include "blobstore.h"
#include "maintenancegate.h"
#include "renditioncache.h"
#include "serverbackup.h"
#include "serverrestore.h"
#include "workspacecleanup.h"
#include "workspacestatistics.h"

#include <QDateTime>
#include <QIODevice>
#include <QMutexLocker>
#include <QTemporaryFile>

#include <httplib.h>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const std::string kWorkspace = "/api/v1/workspaces/([A-Za-z0-9._-]{1,64})";
constexpr qint64 kMaxMinAgeSeconds = 10LL * 366 * 24 * 3600;

// A backup goes to the client as it is written, in chunks of the chunked transfer encoding.
class SinkDevice final : public QIODevice
{
public:
    explicit SinkDevice(httplib::DataSink &sink) : m_sink(sink) { open(QIODevice::WriteOnly | QIODevice::Unbuffered); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        return m_sink.write(data, size_t(size)) ? size : -1;
    }

private:
    httplib::DataSink &m_sink;
};

QString workspaceOf(const httplib::Request &request)
{
    return QString::fromStdString(request.matches[1]);
}

} // namespace

void ApiServer::routeMaintenance()
{
    m_http->Get(kWorkspace + "/statistics", [this](const httplib::Request &request, httplib::Response &response) {
        sendStatistics(request, response);
    });
    m_http->Post(kWorkspace + "/maintenance/cleanup",
                 [this](const httplib::Request &request, httplib::Response &response) { cleanUp(request, response); });
    m_http->Get(kWorkspace + "/backup", [this](const httplib::Request &request, httplib::Response &response) {
        sendBackup(request, response);
    });
    m_http->Put(kWorkspace + "/backup", [this](const httplib::Request &request, httplib::Response &response,
                                               const httplib::ContentReader &content) {
        restoreBackup(request, response, content);
    });
}

void ApiServer::sendStatistics(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"viewer"_s);
    if (!access)
        return;
    Result<QJsonObject> statistics = WorkspaceStatistics(m_records, m_blobs, m_store, m_renditions)
                                         .collect(access->workspaceId, workspaceOf(request));
    if (!statistics)
        return replyInternal(response, statistics.error());
    reply(response, 200, statistics.value());
}

void ApiServer::cleanUp(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"admin"_s);
    if (!access)
        return;
    WorkspaceCleanup::Options options;
    if (!request.body.empty()) { // the body is optional
        const std::optional<QJsonObject> body = jsonBody(request, response);
        if (!body)
            return;
        const QJsonValue dryRun = body->value(u"dryRun"_s);
        const QJsonValue minAge = body->value(u"minAgeSeconds"_s);
        if (!dryRun.isUndefined() && !dryRun.isBool())
            return replyError(response, 400, u"bad_request"_s, u"\"dryRun\" is true or false."_s);
        if (!minAge.isUndefined() && (!minAge.isDouble() || minAge.toDouble() < 0 ||
                                      minAge.toDouble() > double(kMaxMinAgeSeconds) ||
                                      std::floor(minAge.toDouble()) != minAge.toDouble()))
            return replyError(response, 400, u"bad_request"_s,
                              u"\"minAgeSeconds\" is a whole number of seconds from 0 to %1."_s.arg(kMaxMinAgeSeconds));
        options.dryRun = dryRun.toBool(false);
        options.minAgeSeconds = minAge.isUndefined() ? options.minAgeSeconds : minAge.toInteger();
    }
    // One maintenance job at a time: blobs are shared, so one job's removal is another's loss.
    const QMutexLocker locked(&m_gate->work());
    Result<WorkspaceCleanup::Report> report =
        WorkspaceCleanup(m_records, m_blobs, m_store, m_renditions).run(access->workspaceId, access->userName, options);
    if (!report)
        return replyInternal(response, report.error());
    reply(response, 200, report->toJson());
}

// The archive is written while it is sent; a failure half-way ends the connection without
// the closing chunk, so the client knows the archive is incomplete.
void ApiServer::sendBackup(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"admin"_s);
    if (!access)
        return;
    response.set_header("Cache-Control", "no-store");
    if (request.method == "HEAD") { // no snapshot for a HEAD
        response.set_header("Content-Type", "application/x-tar");
        response.status = 200;
        return;
    }
    auto backup = std::make_shared<ServerBackup>(m_records, m_store, *m_gate);
    if (Status taken = backup->snapshot(access->workspaceId, workspaceOf(request)); !taken)
        return replyInternal(response, taken.error());
    response.set_header("Content-Disposition", "attachment; filename=\"" + backup->fileName().toStdString() + "\"");
    response.set_chunked_content_provider("application/x-tar", [backup](size_t, httplib::DataSink &sink) {
        SinkDevice device(sink);
        if (Status written = backup->write(&device); !written) {
            std::fprintf(stderr, "vitrine-server: backup not completed: %s\n", qPrintable(written.error()));
            return false;
        }
        sink.done();
        return true;
    });
}

// The archive is received into a temporary file beside the store (never into memory), then
// checked whole before the workspace is replaced. Answers given before the body was read
// close the connection.
void ApiServer::restoreBackup(const httplib::Request &request, httplib::Response &response,
                              const httplib::ContentReader &content)
{
    const auto refuse = [&response](int status, const QString &code, const QString &message) {
        response.set_header("Connection", "close");
        replyError(response, status, code, message);
    };
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"admin"_s);
    if (!access)
        return response.set_header("Connection", "close");
    if (request.get_header_value("Content-Type").rfind("application/x-tar", 0) != 0)
        return refuse(415, u"unsupported_media_type"_s, u"Send the archive as Content-Type: application/x-tar."_s);
    const qint64 declared = qint64(request.get_header_value<uint64_t>("Content-Length"));
    const Result<QString> dir = m_store.maintenanceDir();
    if (!dir) {
        response.set_header("Connection", "close"); // the body is not read
        return replyInternal(response, dir.error());
    }
    // The archive, and its members unpacked beside it.
    if (declared < 0 || ServerRestore::lacksSpace(dir.value(), 2 * declared))
        return refuse(507, u"insufficient_storage"_s,
                      u"The server has no room for this archive; nothing was changed."_s);
    QTemporaryFile archive(dir.value() + u"/upload-XXXXXX.tar"_s);
    if (!archive.open()) {
        response.set_header("Connection", "close");
        return replyInternal(response, u"%1: cannot create a file for an archive"_s.arg(dir.value()));
    }
    bool written = true;
    const bool received = content([&](const char *data, size_t length) {
        written = archive.write(data, qint64(length)) == qint64(length);
        return written;
    });
    if (!written || !archive.flush()) {
        response.set_header("Connection", "close");
        if (ServerRestore::lacksSpace(dir.value(), 0))
            return refuse(507, u"insufficient_storage"_s, u"The server's disk is full; nothing was changed."_s);
        return replyInternal(response, u"%1: %2"_s.arg(archive.fileName(), archive.errorString()));
    }
    if (!received)
        return refuse(400, u"bad_request"_s, u"The archive did not arrive whole; nothing was changed."_s);
    Result<ServerRestore::Report> restored = ServerRestore(m_records, m_blobs, m_store, m_renditions, *m_gate)
                                                 .restore(archive.fileName(), access->workspaceId);
    if (!restored && restored.code() == ServerRestore::kRefused)
        return replyError(response, 422, u"invalid_backup"_s,
                          u"The archive is refused: %1. Nothing was changed."_s.arg(restored.error()));
    if (!restored && restored.code() == ENOSPC)
        return replyError(response, 507, u"insufficient_storage"_s,
                          u"The server's disk is full; nothing was changed."_s);
    if (!restored)
        return replyInternal(response, restored.error());
    reply(response, 200,
          {{u"workspace"_s, workspaceOf(request)},
           {u"identity"_s, restored->identity},
           {u"previousIdentity"_s, restored->previousIdentity},
           {u"images"_s, restored->images},
           {u"entities"_s, restored->entities},
           {u"blobs"_s, restored->blobs}});
}

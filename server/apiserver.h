#pragma once

#include "accounts.h"
#include "common/result.h"
#include "recordstore.h"
#include "router.h"
#include "uploadform.h"

#include <QJsonObject>
#include <QString>
#include <memory>
#include <optional>

namespace httplib {
class ContentReader;
class Server;
struct Request;
struct Response;
} // namespace httplib

// The HTTP API of docs/api.md on cpp-httplib: a pool of worker threads, each request
// handled on one of them. Errors are JSON {"error": {"code", "message"}}; a failure inside
// the server is logged and answered "internal" without details. One access-log line
// (JSON) per request goes to standard error; it never holds a token or a password.
class BlobStore;
class MaintenanceGate;
class ImagingPool;
class RenditionCache;
class UploadCheck;
class WorkspaceBlobs;

class ApiServer final
{
public:
    struct Settings
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8080; // 0: any free port
        QString tlsCert;
        QString tlsKey;
        QString databaseKind = QStringLiteral("sqlite");
    };

    // The most an upload request (POST …/uploads) may hold; its files are streamed to disk.
    static constexpr qint64 kMaxUploadRequestBytes = 320LL * 1024 * 1024;

    ApiServer(Accounts &accounts, WorkspaceBlobs &blobs, BlobStore &store, RecordStore &records,
              RenditionCache &renditions, ImagingPool &imaging, Settings settings);
    ~ApiServer();
    Q_DISABLE_COPY_MOVE(ApiServer)

    // Opens the listening socket; returns the port (useful with port 0).
    Result<quint16> bind();
    // Serves until stop(); requests in flight are finished first.
    void run();
    void stop();

private:
    void routeHealth();
    // apiserver_auth.cpp
    void routeAuth();
    // {"name", "workspaces": [{"name", "role", "identity"}]}, or nothing after answering 500.
    std::optional<QJsonObject> describeUser(const Accounts::Session &session, httplib::Response &response);
    std::optional<Accounts::Session> requireSession(const httplib::Request &request, httplib::Response &response);
    // The caller's access to the workspace named in the path's first capture, if its role
    // is at least neededRole; otherwise the answer (401, 404 or 403) is written.
    std::optional<Accounts::Access> requireAccess(const httplib::Request &request, httplib::Response &response,
                                                  const QString &neededRole);
    // apiserver_blobs.cpp
    void routeBlobs();
    void findMissingBlobs(const httplib::Request &request, httplib::Response &response);
    void receiveBlob(const httplib::Request &request, httplib::Response &response);
    void sendBlob(const httplib::Request &request, httplib::Response &response);
    void sendRendition(const httplib::Request &request, httplib::Response &response);
    // Streams a file: the whole, or the one range asked for (206), or 416. etag: the answer's
    // validator, for If-Range.
    static void sendFile(const httplib::Request &request, httplib::Response &response, const QString &path,
                         const char *contentType, const std::string &etag);
    // The workspace holds a stored blob from now on; true when it is new there (its change
    // feed then says so). format: "jpeg", "png", … as the caller found it in the bytes.
    Result<bool> holdBlob(const Accounts::Access &access, const QString &sha256, qint64 bytes, const QString &format);
    // apiserver_images.cpp
    void routeImages();
    // The record as clients see it: with the rendition URLs for its current rotation.
    static QJsonObject imageJson(const RecordStore::Record &record, const QString &workspace);
    void getImage(const httplib::Request &request, httplib::Response &response);
    void putImage(const httplib::Request &request, httplib::Response &response);
    void createImage(const httplib::Request &request, httplib::Response &response, const Accounts::Access &access,
                     const QString &user);
    void changeImage(const httplib::Request &request, httplib::Response &response, bool patch);
    void deleteImage(const httplib::Request &request, httplib::Response &response);
    void sendChanges(const httplib::Request &request, httplib::Response &response);
    // Writes the answer for a record write: 200 with the record and its ETag, or 404, or
    // 409/410/412 with the current record. json: the record as clients see it; what: "Image
    // 3f1c…", for the messages.
    static void replyWrite(httplib::Response &response, const RecordStore::Write &write, const QJsonObject &json,
                           const QString &what);
    static std::optional<qint64> ifMatchRevision(const httplib::Request &request);
    // The If-Match revision, or nothing after answering 428.
    static std::optional<qint64> requireIfMatch(const httplib::Request &request, httplib::Response &response);
    // The image uid of the path, or nothing after answering 400.
    static std::optional<QString> imageUid(const httplib::Request &request, httplib::Response &response);
    // apiserver_entities.cpp
    void routeEntities();
    void getEntity(const httplib::Request &request, httplib::Response &response);
    void putEntity(const httplib::Request &request, httplib::Response &response, bool patch);
    void deleteEntity(const httplib::Request &request, httplib::Response &response);
    void getGallery(const httplib::Request &request, httplib::Response &response);
    void putGallery(const httplib::Request &request, httplib::Response &response);
    void listEntityImages(const httplib::Request &request, httplib::Response &response);
    // "kind:key" of the entity in the path.
    static QString entityIdOf(const httplib::Request &request);
    std::optional<RecordStore::Record> requireLiveEntity(const Accounts::Access &access, const QString &id,
                                                         httplib::Response &response);
    // apiserver_maintenance.cpp
    void routeMaintenance();
    void sendStatistics(const httplib::Request &request, httplib::Response &response);
    void cleanUp(const httplib::Request &request, httplib::Response &response);
    void sendBackup(const httplib::Request &request, httplib::Response &response);
    void restoreBackup(const httplib::Request &request, httplib::Response &response,
                       const httplib::ContentReader &content);

    // apiserver_uploads.cpp
    void routeUploads();
    void receiveUploads(const httplib::Request &request, httplib::Response &response,
                        const httplib::ContentReader &reader);
    // One file of an upload checked, stored and recorded as an image: its entry in the
    // answer's "results". A failure is the server's.
    Result<QJsonObject> acceptUpload(const Accounts::Access &access, const QString &identity,
                                     const UploadForm::Fields &fields, UploadForm::File &file, int index,
                                     const QString &workspace);
    // The uploaded images appended to the entity's gallery in one change (pin: the image to
    // pin as primary, if any); the gallery as GET shows it.
    Result<QJsonObject> linkUploads(const Accounts::Access &access, const QString &entity, const QStringList &uids,
                                    const QString &pin);

    static void reply(httplib::Response &response, int status, const QJsonObject &body);
    static void replyError(httplib::Response &response, int status, const QString &code, const QString &message);
    // Logs what went wrong inside (with the detail) and answers 500 without it.
    static void replyInternal(httplib::Response &response, const QString &detail);
    static std::optional<QJsonObject> jsonBody(const httplib::Request &request, httplib::Response &response);
    static QString bearerToken(const httplib::Request &request);
    // The name in the path's capture index, percent-decoded ("%2F" in an entity key is "/").
    static QString pathName(const httplib::Request &request, size_t index);
    void logAccess(const httplib::Request &request, const httplib::Response &response) const;

    Accounts &m_accounts;
    WorkspaceBlobs &m_blobs;
    BlobStore &m_store;
    RecordStore &m_records;
    RenditionCache &m_renditions;
    std::unique_ptr<MaintenanceGate> m_gate;
    Settings m_settings;
    int m_listeningSocket = -1; // set when cpp-httplib creates it
    std::unique_ptr<httplib::Server> m_server;
    std::unique_ptr<Router> m_http; // the routes on m_server (every route*() registers on it)
    std::unique_ptr<UploadCheck> m_uploadCheck;
};

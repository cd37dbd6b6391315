// ApiServer: the originals' bytes, content-addressed by SHA-256 (docs/api.md, "Blobs").
#include "apiserver.h"

#include "blobstore.h"
#include "imaging/formatsniffer.h"
#include "recordstore.h"
#include "renditioncache.h"
#include "uploadcheck.h"
#include "workspaceblobs.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <httplib.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxBlobBytes = 15 * 1024 * 1024;
const std::string kWorkspace = "/api/v1/workspaces/([A-Za-z0-9._-]{1,64})";
const std::string kBlob = kWorkspace + "/blobs/([0-9a-f]{64})";

struct Part
{
    qint64 offset = 0;
    qint64 total = 0;
};

// "Content-Range: bytes START-END/TOTAL" for one part of a resumable upload; no header is
// the whole blob in one request.
std::optional<Part> partOf(const httplib::Request &request)
{
    const qint64 size = qint64(request.body.size());
    if (!request.has_header("Content-Range"))
        return Part{0, size};
    static const QRegularExpression range(u"^bytes (\\d{1,12})-(\\d{1,12})/(\\d{1,12})$"_s);
    const QRegularExpressionMatch match =
        range.match(QString::fromStdString(request.get_header_value("Content-Range")));
    if (!match.hasMatch())
        return std::nullopt;
    const Part part{match.captured(1).toLongLong(), match.captured(3).toLongLong()};
    if (match.captured(2).toLongLong() != part.offset + size - 1 || part.offset + size > part.total || size == 0)
        return std::nullopt;
    return part;
}

// "jpeg", "png", …: the stored original's format, from its bytes.
QString formatOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const Result<ImageFormat> format = FormatSniffer::sniff(file.read(FormatSniffer::HeadBytes));
    return format ? imageFormatName(format.value()) : QString();
}

std::string quotedEtag(const QString &sha256)
{
    return "\"" + sha256.toStdString() + "\"";
}

} // namespace

// One "bytes=" range of a file of size bytes: {start, length}; nothing when the header asks
// for several ranges or is not understood (the whole file is sent then); {-1, 0} when the
// range lies outside the file (416).
static std::optional<std::pair<qint64, qint64>> rangeOf(const std::string &header, qint64 size)
{
    static const QRegularExpression one(u"^bytes=(\\d{0,15})-(\\d{0,15})$"_s);
    const QRegularExpressionMatch match = one.match(QString::fromStdString(header).trimmed());
    if (!match.hasMatch() || (match.captured(1).isEmpty() && match.captured(2).isEmpty()))
        return std::nullopt;
    if (match.captured(1).isEmpty()) { // the last N bytes
        const qint64 last = std::min(match.captured(2).toLongLong(), size);
        return last > 0 ? std::pair{size - last, last} : std::pair{qint64(-1), qint64(0)};
    }
    const qint64 start = match.captured(1).toLongLong();
    const qint64 end = match.captured(2).isEmpty() ? size - 1 : std::min(match.captured(2).toLongLong(), size - 1);
    if (start >= size || end < start)
        return std::pair{qint64(-1), qint64(0)};
    return std::pair{start, end - start + 1};
}

// Ranges are answered here, not by cpp-httplib 0.11, which sends a wrong Content-Range and
// length for a range outside or past the end of the content.
void ApiServer::sendFile(const httplib::Request &request, httplib::Response &response, const QString &path,
                         const char *contentType, const std::string &etag)
{
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return replyInternal(response, u"%1: %2"_s.arg(file->fileName(), file->errorString()));
    const qint64 size = file->size();
    response.set_header("Accept-Ranges", "bytes");
    response.set_header("Last-Modified",
                        QLocale::c()
                            .toString(QFileInfo(*file).lastModified().toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
                            .toStdString());
    std::optional<std::pair<qint64, qint64>> range;
    const bool rangeStillValid = !request.has_header("If-Range") || request.get_header_value("If-Range") == etag;
    if (request.has_header("Range") && rangeStillValid)
        range = rangeOf(request.get_header_value("Range"), size);
    const_cast<httplib::Request &>(request).ranges.clear(); // the request object is not const in cpp-httplib
    if (range && range->first < 0) {
        response.set_header("Content-Range", "bytes */" + std::to_string(size));
        return replyError(response, 416, u"range_not_satisfiable"_s, u"The range lies outside the content."_s);
    }
    const qint64 start = range ? range->first : 0;
    const qint64 length = range ? range->second : size;
    if (range) {
        response.status = 206;
        response.set_header("Content-Range", "bytes " + std::to_string(start) + "-" +
                                                 std::to_string(start + length - 1) + "/" + std::to_string(size));
    }
    response.set_content_provider(size_t(length), contentType,
                                  [file, start](size_t offset, size_t wanted, httplib::DataSink &sink) {
                                      if (!file->seek(start + qint64(offset)))
                                          return false;
                                      const QByteArray chunk = file->read(qint64(std::min<size_t>(wanted, 256 * 1024)));
                                      return !chunk.isEmpty() && sink.write(chunk.constData(), size_t(chunk.size()));
                                  });
}

void ApiServer::routeBlobs()
{
    m_http->Post(kWorkspace + "/blobs/missing", [this](const httplib::Request &request, httplib::Response &response) {
        findMissingBlobs(request, response);
    });
    m_http->Put(kBlob, [this](const httplib::Request &request, httplib::Response &response) {
        receiveBlob(request, response);
    });
    m_http->Get(kBlob,
                [this](const httplib::Request &request, httplib::Response &response) { sendBlob(request, response); });
    m_http->Get(
        kWorkspace + "/renditions/([0-9a-f]{64})/(icon|small|card|medium|gallery|large)",
        [this](const httplib::Request &request, httplib::Response &response) { sendRendition(request, response); });
}

void ApiServer::findMissingBlobs(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"viewer"_s);
    if (!access)
        return;
    const std::optional<QJsonObject> body = jsonBody(request, response);
    if (!body)
        return;
    const QJsonArray asked = body->value(u"sha256"_s).toArray();
    if (!body->value(u"sha256"_s).isArray() || asked.isEmpty())
        return replyError(response, 400, u"bad_request"_s,
                          u"\"sha256\" must be a list of 1 to %1 hashes."_s.arg(WorkspaceBlobs::kMaxBatch));
    if (asked.size() > WorkspaceBlobs::kMaxBatch)
        return replyError(response, 400, u"bad_request"_s,
                          u"Ask about at most %1 hashes at once."_s.arg(WorkspaceBlobs::kMaxBatch));
    QStringList hashes;
    for (const QJsonValue &value : asked) {
        if (!BlobStore::isSha256(value.toString()))
            return replyError(response, 400, u"bad_request"_s,
                              u"\"sha256\" must be a list of lower-case hex SHA-256 hashes."_s);
        hashes.append(value.toString());
    }
    Result<QStringList> missing = m_blobs.missing(access->workspaceId, hashes);
    if (!missing)
        return replyInternal(response, missing.error());
    reply(response, 200, {{u"missing"_s, QJsonArray::fromStringList(missing.value())}});
}

// Every upload sends the bytes, also of a blob the server holds for another workspace:
// holding the hash is not proof of holding the image.
void ApiServer::receiveBlob(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"staff"_s);
    if (!access)
        return;
    const QString sha256 = QString::fromStdString(request.matches[2]);
    if (request.get_header_value("Content-Type").rfind("application/octet-stream", 0) != 0)
        return replyError(response, 415, u"unsupported_media_type"_s,
                          u"Send an original as Content-Type: application/octet-stream."_s);
    if (!request.has_header("Content-Length"))
        return replyError(response, 411, u"length_required"_s, u"Send an original with its Content-Length."_s);
    const std::optional<Part> part = partOf(request);
    if (!part)
        return replyError(response, 400, u"bad_request"_s,
                          u"Content-Range must be \"bytes START-END/TOTAL\" and match the body's length."_s);
    if (part->total > kMaxBlobBytes)
        return replyError(response, 413, u"payload_too_large"_s,
                          u"An original may have at most %1 bytes."_s.arg(kMaxBlobBytes));
    if (part->total == 0)
        return replyError(response, 400, u"bad_request"_s, u"An original cannot be empty."_s);
    // The workspace proved it holds these bytes before: any part of them is answered at once.
    Result<bool> held = m_blobs.holds(access->workspaceId, sha256);
    if (!held)
        return replyInternal(response, held.error());
    if (held.value() && m_store.exists(sha256)) {
        response.set_header("ETag", quotedEtag(sha256));
        return reply(
            response, 200,
            {{u"sha256"_s, sha256}, {u"bytes"_s, m_store.size(sha256)}, {u"format"_s, formatOf(m_store.path(sha256))}});
    }
    const QByteArray bytes = QByteArray::fromRawData(request.body.data(), qsizetype(request.body.size()));
    if (part->offset == 0) { // TIFF too: the desktop imports it, and its originals must sync
        if (const std::optional<UploadCheck::Refusal> refused = UploadCheck::checkHead(bytes, true).refusal)
            return replyError(response, refused->status, refused->code, u"Not stored: %1."_s.arg(refused->reason));
    }
    // The complete bytes must decode; the check runs before they are stored.
    std::optional<UploadCheck::Refusal> undecodable;
    QString checkFailure;
    const BlobStore::Check decodes = [&](const QString &path) {
        Result<UploadCheck::Decoded> decoded = m_uploadCheck->decode(path, sha256);
        if (!decoded)
            checkFailure = decoded.error();
        else
            undecodable = decoded->refusal;
        return decoded && !decoded->refusal;
    };
    Result<BlobStore::Received> received =
        m_store.receive(access->workspaceId, sha256, part->offset, part->total, bytes, decodes);
    if (!received)
        return replyInternal(response, received.error());
    if (!checkFailure.isEmpty())
        return replyInternal(response, checkFailure);
    response.set_header("Upload-Offset", std::to_string(received->offset));
    if (received->hashMismatch)
        return replyError(response, 422, u"hash_mismatch"_s,
                          u"The bytes do not hash to %1; nothing was stored."_s.arg(sha256));
    if (received->refused && undecodable)
        return replyError(response, undecodable->status, undecodable->code,
                          u"Not stored: %1."_s.arg(undecodable->reason));
    if (received->wrongTotal)
        return replyError(response, 400, u"bad_request"_s,
                          u"The upload of %1 began with another total; send the same total, or start again at 0."_s
                              .arg(sha256));
    if (received->wrongOffset)
        return replyError(response, 409, u"offset_mismatch"_s,
                          u"The upload stands at byte %1; send the part that starts there."_s.arg(received->offset));
    if (!received->complete)
        return reply(response, 202,
                     {{u"sha256"_s, sha256}, {u"offset"_s, received->offset}, {u"total"_s, part->total}});
    const QString format = formatOf(m_store.path(sha256));
    Result<bool> added = holdBlob(*access, sha256, received->offset, format);
    if (!added)
        return replyInternal(response, added.error());
    response.set_header("ETag", quotedEtag(sha256));
    reply(response, added.value() ? 201 : 200,
          {{u"sha256"_s, sha256}, {u"bytes"_s, received->offset}, {u"format"_s, format}});
}

Result<bool> ApiServer::holdBlob(const Accounts::Access &access, const QString &sha256, qint64 bytes,
                                 const QString &format)
{
    Result<bool> added = m_blobs.add(access.workspaceId, sha256, bytes);
    if (!added || !added.value())
        return added;
    // New to the workspace: clients learn of it from the change feed.
    const QJsonObject blob{{u"sha256"_s, sha256}, {u"bytes"_s, bytes}, {u"format"_s, format}};
    Result<RecordStore::Write> announced =
        m_records.create(access.workspaceId, u"blob"_s, sha256, blob, access.userName);
    if (!announced)
        return Result<bool>::failure(announced.error());
    return true;
}

// GET and HEAD (cpp-httplib answers HEAD with the GET handler, without the body). Range
// requests are answered by cpp-httplib from the content provider.
void ApiServer::sendBlob(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"viewer"_s);
    if (!access)
        return;
    const QString sha256 = QString::fromStdString(request.matches[2]);
    Result<bool> held = m_blobs.holds(access->workspaceId, sha256);
    if (!held)
        return replyInternal(response, held.error());
    if (!held.value() || !m_store.exists(sha256)) {
        response.set_header("Upload-Offset", std::to_string(m_store.partialSize(access->workspaceId, sha256)));
        return replyError(response, 404, u"not_found"_s, u"The workspace holds no original %1."_s.arg(sha256));
    }
    const std::string etag = quotedEtag(sha256);
    response.set_header("ETag", etag);
    response.set_header("Cache-Control", "private, max-age=31536000, immutable");
    if (request.get_header_value("If-None-Match") == etag) {
        response.status = 304;
        return;
    }
    // The original's own type (the format was checked on upload), so a browser can show it.
    const QString format = formatOf(m_store.path(sha256));
    const std::string type = format.isEmpty() ? "application/octet-stream" : "image/" + format.toStdString();
    sendFile(request, response, m_store.path(sha256), type.c_str(), etag);
}

// GET …/renditions/{sha256}/{size}?rotation=0..3: content-addressed (a new rotation is a new
// URL), so the answer is immutable.
void ApiServer::sendRendition(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"viewer"_s);
    if (!access)
        return;
    const QString sha256 = QString::fromStdString(request.matches[2]);
    const QString size = QString::fromStdString(request.matches[3]);
    bool ok = true;
    const int rotation =
        request.has_param("rotation") ? QString::fromStdString(request.get_param_value("rotation")).toInt(&ok) : 0;
    if (!ok || rotation < 0 || rotation > 3)
        return replyError(response, 400, u"bad_request"_s, u"rotation is 0, 1, 2 or 3 quarter turns."_s);
    Result<bool> held = m_blobs.holds(access->workspaceId, sha256);
    if (!held)
        return replyInternal(response, held.error());
    if (!held.value() || !m_store.exists(sha256))
        return replyError(response, 404, u"not_found"_s, u"The workspace holds no original %1."_s.arg(sha256));
    const std::string etag =
        "\"" + sha256.toStdString() + "-" + size.toStdString() + "-r" + std::to_string(rotation) + "\"";
    response.set_header("ETag", etag);
    response.set_header("Cache-Control", "private, max-age=31536000, immutable");
    if (request.get_header_value("If-None-Match") == etag) {
        response.status = 304;
        return;
    }
    Result<QString> file = m_renditions.file(sha256, size, rotation);
    if (!file)
        return replyInternal(response, file.error());
    sendFile(request, response, file.value(), "image/jpeg", etag);
}

// ApiServer: image records (docs/api.md §5) and the change feed (§7).
#include "apiserver.h"

#include "blobstore.h"
#include "imagerules.h"
#include "recordstore.h"
#include "workspaceblobs.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <httplib.h>

using namespace Qt::StringLiterals;

namespace {

const std::string kWorkspace = "/api/v1/workspaces/([A-Za-z0-9._-]{1,64})";
const std::string kImage = kWorkspace + "/images/([^/]+)";
const QString kImageType = u"image"_s;
const QStringList kRenditionSizes = {u"icon"_s, u"small"_s, u"card"_s, u"medium"_s, u"gallery"_s, u"large"_s};
constexpr int kDefaultPage = 100;
constexpr int kMaxPage = 1000;

std::string etagOf(const RecordStore::Record &record)
{
    return "\"" + std::to_string(record.revision) + "\"";
}

} // namespace

QJsonObject ApiServer::imageJson(const RecordStore::Record &record, const QString &workspace)
{
    QJsonObject json = record.toJson();
    const QString sha256 = record.body.value(u"sha256"_s).toString();
    const int rotation = record.body.value(u"rotation"_s).toInt();
    QJsonObject renditions;
    for (const QString &size : kRenditionSizes)
        renditions.insert(
            size, u"/api/v1/workspaces/%1/renditions/%2/%3?rotation=%4"_s.arg(workspace, sha256, size).arg(rotation));
    json.insert(u"renditions"_s, renditions);
    return json;
}

// If-Match: "<revision>" (one strong value); nothing for a missing or unusable header.
std::optional<qint64> ApiServer::ifMatchRevision(const httplib::Request &request)
{
    static const QRegularExpression strong(u"^\"(\\d{1,18})\"$"_s);
    const QRegularExpressionMatch match =
        strong.match(QString::fromStdString(request.get_header_value("If-Match")).trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toLongLong();
}

std::optional<qint64> ApiServer::requireIfMatch(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<qint64> base = ifMatchRevision(request);
    if (base)
        return base;
    const std::string given = request.get_header_value("If-Match");
    if (given.empty() || given == "*")
        replyError(response, 428, u"precondition_required"_s,
                   u"Name the revision the change is based on: If-Match: \"<revision>\"."_s);
    else // a weak tag, a list or something else: a request this server cannot act on
        replyError(response, 400, u"bad_request"_s, u"If-Match takes one strong revision: \"<revision>\"."_s);
    return std::nullopt;
}

std::optional<QString> ApiServer::imageUid(const httplib::Request &request, httplib::Response &response)
{
    const QString uid = QString::fromStdString(request.matches[2]);
    if (ImageRules::isUid(uid))
        return uid;
    replyError(response, 400, u"bad_request"_s, u"An image's uid is a lower-case UUID."_s);
    return std::nullopt;
}

void ApiServer::routeImages()
{
    m_http->Get(kImage,
                [this](const httplib::Request &request, httplib::Response &response) { getImage(request, response); });
    m_http->Put(kImage,
                [this](const httplib::Request &request, httplib::Response &response) { putImage(request, response); });
    m_http->Patch(kImage, [this](const httplib::Request &request, httplib::Response &response) {
        changeImage(request, response, true);
    });
    m_http->Delete(kImage, [this](const httplib::Request &request, httplib::Response &response) {
        deleteImage(request, response);
    });
    m_http->Get(kWorkspace + "/changes", [this](const httplib::Request &request, httplib::Response &response) {
        sendChanges(request, response);
    });
}

void ApiServer::getImage(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"viewer"_s);
    if (!access)
        return;
    const std::optional<QString> uid = imageUid(request, response);
    if (!uid)
        return;
    Result<std::optional<RecordStore::Record>> record = m_records.get(access->workspaceId, kImageType, *uid);
    if (!record)
        return replyInternal(response, record.error());
    if (!record.value())
        return replyError(response, 404, u"not_found"_s, u"There is no image %1."_s.arg(*uid));
    const std::string etag = etagOf(*record.value());
    response.set_header("ETag", etag);
    response.set_header("Cache-Control", "private, no-cache");
    if (request.get_header_value("If-None-Match") == etag && !record.value()->deleted) {
        response.status = 304;
        return;
    }
    reply(response, record.value()->deleted ? 410 : 200,
          imageJson(*record.value(), QString::fromStdString(request.matches[1])));
}

// PUT with If-None-Match: * creates; PUT with If-Match replaces; neither is refused (428).
void ApiServer::putImage(const httplib::Request &request, httplib::Response &response)
{
    if (request.get_header_value("If-None-Match") != "*")
        return changeImage(request, response, false);
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"staff"_s);
    if (!access)
        return;
    createImage(request, response, *access, access->userName);
}

void ApiServer::createImage(const httplib::Request &request, httplib::Response &response,
                            const Accounts::Access &access, const QString &user)
{
    const std::optional<QString> uid = imageUid(request, response);
    if (!uid)
        return;
    const std::optional<QJsonObject> given = jsonBody(request, response);
    if (!given)
        return;
    Result<QJsonObject> body = ImageRules::forCreate(*given, *uid);
    if (!body)
        return replyError(response, 422, u"validation_failed"_s, body.error());
    const QString sha256 = body->value(u"sha256"_s).toString();
    Result<bool> held = m_blobs.holds(access.workspaceId, sha256);
    if (!held)
        return replyInternal(response, held.error());
    if (!held.value())
        return replyError(response, 409, u"blob_missing"_s, u"Upload the original %1 first."_s.arg(sha256));
    if (body->contains(u"bytes"_s) && body->value(u"bytes"_s).toInteger() != m_store.size(sha256))
        return replyError(response, 422, u"validation_failed"_s,
                          u"\"bytes\" must be the original's size, %1."_s.arg(m_store.size(sha256)));
    Result<RecordStore::Write> write = m_records.create(access.workspaceId, kImageType, *uid, body.value(), user);
    if (!write)
        return replyInternal(response, write.error());
    replyWrite(response, write.value(), imageJson(write->record, QString::fromStdString(request.matches[1])),
               u"Image "_s + *uid);
    if (write->outcome == RecordStore::Write::Outcome::Done) {
        response.status = 201;
        response.set_header("Location", request.path);
    }
}

void ApiServer::changeImage(const httplib::Request &request, httplib::Response &response, bool patch)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"staff"_s);
    if (!access)
        return;
    const std::optional<QString> uid = imageUid(request, response);
    if (!uid)
        return;
    const std::optional<qint64> base = requireIfMatch(request, response);
    if (!base)
        return;
    const std::optional<QJsonObject> given = jsonBody(request, response);
    if (!given)
        return;
    Result<std::optional<RecordStore::Record>> current = m_records.get(access->workspaceId, kImageType, *uid);
    if (!current)
        return replyInternal(response, current.error());
    if (!current.value())
        return replyError(response, 404, u"not_found"_s, u"There is no image %1."_s.arg(*uid));
    Result<QJsonObject> body = ImageRules::forUpdate(current.value()->body, *given, patch);
    if (!body)
        return replyError(response, 422, u"validation_failed"_s, body.error());
    const QString workspace = QString::fromStdString(request.matches[1]);
    if (patch && body.value() == current.value()->body && current.value()->revision == *base &&
        !current.value()->deleted) {
        response.set_header("ETag", etagOf(*current.value()));
        return reply(response, 200, imageJson(*current.value(), workspace)); // nothing changed: no new revision
    }
    // The store compares the revision again inside its transaction: a write in between loses.
    Result<RecordStore::Write> write =
        m_records.update(access->workspaceId, kImageType, *uid, *base, body.value(), access->userName);
    if (!write)
        return replyInternal(response, write.error());
    replyWrite(response, write.value(), imageJson(write->record, workspace), u"Image "_s + *uid);
}

void ApiServer::deleteImage(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"staff"_s);
    if (!access)
        return;
    const std::optional<QString> uid = imageUid(request, response);
    if (!uid)
        return;
    const std::optional<qint64> base = requireIfMatch(request, response);
    if (!base)
        return;
    Result<RecordStore::Write> write = m_records.remove(access->workspaceId, kImageType, *uid, *base, access->userName);
    if (!write)
        return replyInternal(response, write.error());
    replyWrite(response, write.value(), imageJson(write->record, QString::fromStdString(request.matches[1])),
               u"Image "_s + *uid);
}

void ApiServer::replyWrite(httplib::Response &response, const RecordStore::Write &write, const QJsonObject &json,
                           const QString &what)
{
    using Outcome = RecordStore::Write::Outcome;
    switch (write.outcome) {
    case Outcome::Done:
        response.set_header("ETag", etagOf(write.record));
        return reply(response, 200, json);
    case Outcome::Missing:
        return replyError(response, 404, u"not_found"_s, u"%1 does not exist."_s.arg(what));
    case Outcome::Gone:
        return reply(response, 410, json);
    case Outcome::Exists:
    case Outcome::SameContent:
    case Outcome::Stale:
        break;
    }
    const bool stale = write.outcome == Outcome::Stale;
    const QString message =
        stale ? u"%1: the change is based on a revision that is not the current one (%2)."_s.arg(what).arg(
                    write.record.revision)
        : write.outcome == Outcome::Exists
            ? u"%1 exists already."_s.arg(what)
            : u"Image %1 holds the same original; a workspace holds each content once."_s.arg(write.record.id);
    response.set_header("ETag", etagOf(write.record));
    reply(response, stale ? 412 : 409,
          {{u"error"_s, QJsonObject{{u"code"_s, stale ? u"stale_revision"_s : u"conflict"_s}, {u"message"_s, message}}},
           {u"current"_s, json}});
}

void ApiServer::sendChanges(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"viewer"_s);
    if (!access)
        return;
    bool afterOk = true;
    bool limitOk = true;
    const qint64 after =
        request.has_param("after") ? QString::fromStdString(request.get_param_value("after")).toLongLong(&afterOk) : 0;
    const int limit = request.has_param("limit")
                          ? QString::fromStdString(request.get_param_value("limit")).toInt(&limitOk)
                          : kDefaultPage;
    if (!afterOk || !limitOk || after < 0 || limit < 1 || limit > kMaxPage)
        return replyError(response, 400, u"bad_request"_s,
                          u"after is a cursor (0 or more) and limit from 1 to %1."_s.arg(kMaxPage));
    Result<RecordStore::ChangePage> page = m_records.changes(access->workspaceId, after, limit);
    if (!page)
        return replyInternal(response, page.error());
    const QString workspace = QString::fromStdString(request.matches[1]);
    QJsonArray changes;
    for (const RecordStore::Record &record : page->changes)
        changes.append(
            QJsonObject{{u"seq"_s, record.seq},
                        {u"type"_s, record.type},
                        {u"id"_s, record.id},
                        {u"revision"_s, record.revision},
                        {u"deleted"_s, record.deleted},
                        {u"record"_s, record.type == kImageType ? imageJson(record, workspace) : record.toJson()}});
    reply(response, 200,
          {{u"identity"_s, page->identity}, {u"changes"_s, changes}, {u"next"_s, page->next}, {u"more"_s, page->more}});
}

// ApiServer: entity records and their galleries (docs/api.md §6).
#include "apiserver.h"

#include "galleryrules.h"
#include "recordstore.h"

#include <QDateTime>
#include <QJsonArray>

#include <httplib.h>

using namespace Qt::StringLiterals;

namespace {

const std::string kEntity =
    "/api/v1/workspaces/([A-Za-z0-9._-]{1,64})/entities/(customer|product|job|category|invoice|company)/([^/]{1,765})";
constexpr qsizetype kMaxKey = 255; // after decoding: "%2F" and "%25" are one character each
const QString kEntityType = u"entity"_s;
const QString kGalleryType = u"gallery"_s;
constexpr qsizetype kMaxName = 500;

// A key may hold "/" ("AB/1001"), but no part of it may be "." or "..": a name that means a
// folder elsewhere is refused everywhere, in case a key ever becomes part of a path.
bool isEntityKey(const QString &key)
{
    if (key.size() > kMaxKey)
        return false;
    const QStringList parts = key.split(u'/');
    return !parts.contains(u"."_s) && !parts.contains(u".."_s);
}

Result<QJsonObject> entityBody(const QJsonObject &given, const QJsonObject &current, const QString &kind,
                               const QString &key, bool patch)
{
    for (const auto &[field, expected] : {std::pair{u"kind"_s, kind}, std::pair{u"key"_s, key}}) {
        if (given.contains(field) && given.value(field).toString() != expected)
            return Result<QJsonObject>::failure(u"\"%1\" must be the one in the path"_s.arg(field));
    }
    const QJsonValue name = given.value(u"name"_s);
    if (!name.isUndefined() && !name.isNull() && (!name.isString() || name.toString().size() > kMaxName))
        return Result<QJsonObject>::failure(u"\"name\" must be a text of at most %1 characters"_s.arg(kMaxName));
    for (const QString &field : {u"parentKey"_s, u"baseKey"_s}) {
        const QJsonValue value = given.value(field);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return Result<QJsonObject>::failure(u"\"%1\" must be a text or null"_s.arg(field));
    }
    QJsonObject body = current;
    body.insert(u"kind"_s, kind);
    body.insert(u"key"_s, key);
    const QJsonObject empty{{u"name"_s, u""_s}, {u"parentKey"_s, QJsonValue::Null}, {u"baseKey"_s, u""_s}};
    for (auto field = empty.begin(); field != empty.end(); ++field) {
        if (given.contains(field.key()) && !given.value(field.key()).isNull())
            body.insert(field.key(), given.value(field.key()));
        else if (!patch || !body.contains(field.key()) || given.contains(field.key()))
            body.insert(field.key(), field.value());
    }
    if (!body.contains(u"createdAt"_s))
        body.insert(u"createdAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return body;
}

} // namespace

QString ApiServer::entityIdOf(const httplib::Request &request)
{
    return pathName(request, 2) + u':' + pathName(request, 3);
}

void ApiServer::routeEntities()
{
    using Handler = void (ApiServer::*)(const httplib::Request &, httplib::Response &);
    const auto bind = [this](Handler handler) {
        return [this, handler](const httplib::Request &request, httplib::Response &response) {
            (this->*handler)(request, response);
        };
    };
    m_http->Get(kEntity, bind(&ApiServer::getEntity));
    m_http->Put(kEntity, [this](const httplib::Request &request, httplib::Response &response) {
        putEntity(request, response, false);
    });
    m_http->Patch(kEntity, [this](const httplib::Request &request, httplib::Response &response) {
        putEntity(request, response, true);
    });
    m_http->Delete(kEntity, bind(&ApiServer::deleteEntity));
    m_http->Get(kEntity + "/gallery", bind(&ApiServer::getGallery));
    m_http->Put(kEntity + "/gallery", bind(&ApiServer::putGallery));
    m_http->Get(kEntity + "/images", bind(&ApiServer::listEntityImages));
}

void ApiServer::getEntity(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"viewer"_s);
    if (!access)
        return;
    Result<std::optional<RecordStore::Record>> record =
        m_records.get(access->workspaceId, kEntityType, entityIdOf(request));
    if (!record)
        return replyInternal(response, record.error());
    if (!record.value())
        return replyError(response, 404, u"not_found"_s, u"There is no entity %1."_s.arg(entityIdOf(request)));
    response.set_header("ETag", "\"" + std::to_string(record.value()->revision) + "\"");
    reply(response, record.value()->deleted ? 410 : 200, record.value()->toJson());
}

// PUT with If-None-Match: * creates; PUT or PATCH with If-Match changes.
void ApiServer::putEntity(const httplib::Request &request, httplib::Response &response, bool patch)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"staff"_s);
    if (!access)
        return;
    if (!isEntityKey(pathName(request, 3)))
        return replyError(response, 400, u"bad_request"_s,
                          u"An entity key has 1 to 255 characters, and no part of it between slashes is "
                          "\".\" or \"..\"."_s);
    const bool create = !patch && request.get_header_value("If-None-Match") == "*";
    const std::optional<qint64> base = ifMatchRevision(request);
    if (!create && !base)
        return replyError(response, 428, u"precondition_required"_s,
                          u"Create with If-None-Match: *, or name the revision with If-Match: \"<revision>\"."_s);
    const std::optional<QJsonObject> given = jsonBody(request, response);
    if (!given)
        return;
    const QString id = entityIdOf(request);
    Result<std::optional<RecordStore::Record>> current = m_records.get(access->workspaceId, kEntityType, id);
    if (!current)
        return replyInternal(response, current.error());
    const QJsonObject before = current.value() && !create ? current.value()->body : QJsonObject();
    Result<QJsonObject> body = entityBody(*given, before, pathName(request, 2),
                                          pathName(request, 3), patch);
    if (!body)
        return replyError(response, 422, u"validation_failed"_s, body.error());
    const QString parentKey = body->value(u"parentKey"_s).toString();
    if (!parentKey.isEmpty()) {
        Result<std::optional<RecordStore::Record>> parent = m_records.get(
            access->workspaceId, kEntityType, pathName(request, 2) + u':' + parentKey);
        if (!parent)
            return replyInternal(response, parent.error());
        if (!parent.value() || parent.value()->deleted || parentKey == pathName(request, 3))
            return replyError(response, 422, u"validation_failed"_s,
                              u"\"parentKey\" must name another live entity of the same kind"_s);
    }
    Result<RecordStore::Write> write =
        create ? m_records.create(access->workspaceId, kEntityType, id, body.value(), access->userName)
               : m_records.update(access->workspaceId, kEntityType, id, *base, body.value(), access->userName);
    if (!write)
        return replyInternal(response, write.error());
    replyWrite(response, write.value(), write->record.toJson(), u"Entity "_s + id);
    if (create && write->outcome == RecordStore::Write::Outcome::Done)
        response.status = 201;
}

void ApiServer::deleteEntity(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"staff"_s);
    if (!access)
        return;
    const std::optional<qint64> base = requireIfMatch(request, response);
    if (!base)
        return;
    const QString id = entityIdOf(request);
    Result<RecordStore::Write> write = m_records.remove(access->workspaceId, kEntityType, id, *base, access->userName);
    if (!write)
        return replyInternal(response, write.error());
    replyWrite(response, write.value(), write->record.toJson(), u"Entity "_s + id);
}

// The entity's record, or nothing after answering 404 (none) or 410 (deleted) or 500.
std::optional<RecordStore::Record> ApiServer::requireLiveEntity(const Accounts::Access &access, const QString &id,
                                                                httplib::Response &response)
{
    Result<std::optional<RecordStore::Record>> entity = m_records.get(access.workspaceId, kEntityType, id);
    if (!entity) {
        replyInternal(response, entity.error());
        return std::nullopt;
    }
    if (!entity.value() || entity.value()->deleted) {
        replyError(response, entity.value() ? 410 : 404, u"not_found"_s, u"There is no entity %1."_s.arg(id));
        return std::nullopt;
    }
    return entity.value();
}

void ApiServer::getGallery(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"viewer"_s);
    if (!access)
        return;
    const QString id = entityIdOf(request);
    Result<std::optional<RecordStore::Record>> entity = m_records.get(access->workspaceId, kEntityType, id);
    if (!entity)
        return replyInternal(response, entity.error());
    if (!entity.value())
        return replyError(response, 404, u"not_found"_s, u"There is no entity %1."_s.arg(id));
    Result<std::optional<RecordStore::Record>> gallery = m_records.get(access->workspaceId, kGalleryType, id);
    if (!gallery)
        return replyInternal(response, gallery.error());
    QJsonObject json = GalleryRules::empty(id);
    json.insert(u"revision"_s, 0);
    json.insert(u"deleted"_s, entity.value()->deleted);
    if (gallery.value())
        json = gallery.value()->toJson();
    response.set_header("ETag", "\"" + std::to_string(json.value(u"revision"_s).toInteger()) + "\"");
    reply(response, entity.value()->deleted ? 410 : 200, json);
}

// The whole gallery in one write: the desktop's link.create, link.delete and link.update
// all carry it. Revision 0 is a gallery never written.
void ApiServer::putGallery(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"staff"_s);
    if (!access)
        return;
    const std::optional<qint64> base = requireIfMatch(request, response);
    if (!base)
        return;
    const std::optional<QJsonObject> given = jsonBody(request, response);
    if (!given)
        return;
    const QString id = entityIdOf(request);
    if (!requireLiveEntity(*access, id, response))
        return;
    Result<QJsonObject> body = GalleryRules::forWrite(id, *given, access->userName);
    if (!body)
        return replyError(response, 422, u"validation_failed"_s, body.error());
    for (const QJsonValue &value : body->value(u"order"_s).toArray()) {
        Result<std::optional<RecordStore::Record>> image =
            m_records.get(access->workspaceId, u"image"_s, value.toString());
        if (!image)
            return replyInternal(response, image.error());
        if (!image.value() || image.value()->deleted)
            return replyError(response, 422, u"validation_failed"_s,
                              u"\"order\" names %1, which is not a live image"_s.arg(value.toString()));
    }
    Result<RecordStore::Write> write =
        *base == 0 ? m_records.create(access->workspaceId, kGalleryType, id, body.value(), access->userName)
                   : m_records.update(access->workspaceId, kGalleryType, id, *base, body.value(), access->userName);
    if (!write)
        return replyInternal(response, write.error());
    RecordStore::Write answer = write.value();
    if (answer.outcome == RecordStore::Write::Outcome::Exists)
        answer.outcome = RecordStore::Write::Outcome::Stale; // "0" named, but the gallery was written meanwhile
    replyWrite(response, answer, answer.record.toJson(), u"The gallery of "_s + id);
}

void ApiServer::listEntityImages(const httplib::Request &request, httplib::Response &response)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"viewer"_s);
    if (!access)
        return;
    bool offsetOk = true;
    bool limitOk = true;
    const int offset =
        request.has_param("offset") ? QString::fromStdString(request.get_param_value("offset")).toInt(&offsetOk) : 0;
    const int limit =
        request.has_param("limit") ? QString::fromStdString(request.get_param_value("limit")).toInt(&limitOk) : 1000;
    if (!offsetOk || !limitOk || offset < 0 || limit < 1 || limit > 1000)
        return replyError(response, 400, u"bad_request"_s, u"offset is 0 or more, limit from 1 to 1000."_s);
    const QString id = entityIdOf(request);
    if (!requireLiveEntity(*access, id, response))
        return;
    Result<std::optional<RecordStore::Record>> gallery = m_records.get(access->workspaceId, kGalleryType, id);
    if (!gallery)
        return replyInternal(response, gallery.error());
    const QJsonObject body = gallery.value() ? gallery.value()->body : GalleryRules::empty(id);
    const QJsonArray order = body.value(u"order"_s).toArray();
    QJsonArray images;
    for (qsizetype i = offset; i < order.size() && i < qsizetype(offset) + limit; ++i) {
        Result<std::optional<RecordStore::Record>> image =
            m_records.get(access->workspaceId, u"image"_s, order.at(i).toString());
        if (!image)
            return replyInternal(response, image.error());
        if (image.value())
            images.append(image.value()->toJson());
    }
    reply(response, 200,
          {{u"entity"_s, id},
           {u"galleryRevision"_s, gallery.value() ? gallery.value()->revision : 0},
           {u"primary"_s, body.value(u"primary"_s)},
           {u"total"_s, order.size()},
           {u"offset"_s, offset},
           {u"images"_s, images}});
}

// ApiServer: the seed service's single and multiple upload in one request (docs/api.md §9.1):
// the files stored as blobs, their images created, and linked to an entity's gallery.
#include "apiserver.h"

#include "blobstore.h"
#include "galleryrules.h"
#include "imagerules.h"
#include "recordstore.h"
#include "uploadcheck.h"
#include "uploadform.h"

#include <QFile>
#include <QJsonArray>
#include <QUuid>

#include <algorithm>

#include <httplib.h>

using namespace Qt::StringLiterals;

namespace {

const std::string kUploads = "/api/v1/workspaces/([A-Za-z0-9._-]{1,64})/uploads";
constexpr qint64 kMaxFileBytes = 15 * 1024 * 1024;
constexpr int kMaxFiles = 20;
// Enough for the header of any allowed format, to refuse a file before the worker reads it.
constexpr qint64 kHeadBytes = 256 * 1024;
constexpr int kGalleryAttempts = 10;

bool ignorePart(const httplib::MultipartFormData &)
{
    return true;
}

bool ignoreBytes(const char *, size_t)
{
    return true;
}

// A body refused before it was looked at is read and thrown away all the same: a kept-alive
// connection then goes on with the next request, not with the rest of this one.
void discardBody(const httplib::Request &request, httplib::Response &response, const httplib::ContentReader &reader)
{
    const int status = response.status; // cpp-httplib sets one when the body is unreadable
    if (request.is_multipart_form_data())
        reader(ignorePart, ignoreBytes);
    else
        reader(ignoreBytes);
    response.status = status;
}

// The facts the imaging worker read from the bytes, as an image record's fields (§5.1).
QJsonObject factsJson(const ImageFacts &facts)
{
    QJsonObject json{{u"format"_s, facts.format},
                     {u"width"_s, facts.width},
                     {u"height"_s, facts.height},
                     {u"cameraMake"_s, facts.cameraMake},
                     {u"cameraModel"_s, facts.cameraModel},
                     {u"exifOrientation"_s, facts.exifOrientation}};
    // The camera's time as read: with its offset when it recorded one (§2.3).
    if (facts.capturedAt.isValid())
        json.insert(u"capturedAt"_s, facts.capturedAt.toString(Qt::ISODateWithMs));
    if (facts.gps) {
        QJsonObject gps{{u"latitude"_s, facts.gps->latitude}, {u"longitude"_s, facts.gps->longitude}};
        if (facts.gps->altitude)
            gps.insert(u"altitude"_s, *facts.gps->altitude);
        json.insert(u"gps"_s, gps);
    }
    return json;
}

QString uidFor(const QString &identity, const QString &sha256)
{
    return QUuid::createUuidV5(QUuid::fromString(identity), sha256).toString(QUuid::WithoutBraces);
}

// Why the files cannot be linked to entity, if they cannot: it is not a live entity, or its
// gallery would grow past the limit with the images uids (those not in it yet).
Result<QString> linkRefusal(RecordStore &records, qint64 workspaceId, const QString &entity, const QStringList &uids)
{
    Result<std::optional<RecordStore::Record>> live = records.get(workspaceId, u"entity"_s, entity);
    if (!live)
        return Result<QString>::failure(live.error());
    if (!live.value() || live.value()->deleted)
        return u"\"entity\" names %1, which is not a live entity"_s.arg(entity);
    Result<std::optional<RecordStore::Record>> gallery = records.get(workspaceId, u"gallery"_s, entity);
    if (!gallery)
        return Result<QString>::failure(gallery.error());
    const QJsonArray order = gallery.value() ? gallery.value()->body.value(u"order"_s).toArray() : QJsonArray();
    const qsizetype added =
        std::count_if(uids.cbegin(), uids.cend(), [&](const QString &uid) { return !order.contains(uid); });
    if (order.size() + added > GalleryRules::kMaxImages)
        return u"the gallery of %1 would hold more than %2 images"_s.arg(entity).arg(GalleryRules::kMaxImages);
    return QString();
}

} // namespace

void ApiServer::routeUploads()
{
    m_http->Post(kUploads, [this](const httplib::Request &request, httplib::Response &response,
                                  const httplib::ContentReader &reader) { receiveUploads(request, response, reader); });
}

void ApiServer::receiveUploads(const httplib::Request &request, httplib::Response &response,
                               const httplib::ContentReader &reader)
{
    const std::optional<Accounts::Access> access = requireAccess(request, response, u"staff"_s);
    if (!access)
        return discardBody(request, response, reader);
    if (!request.is_multipart_form_data()) {
        discardBody(request, response, reader);
        return replyError(response, 415, u"unsupported_media_type"_s, u"Send the files as multipart/form-data."_s);
    }
    Result<QString> staging = m_store.stagingDir();
    if (!staging) {
        discardBody(request, response, reader);
        return replyInternal(response, staging.error());
    }
    UploadForm form(staging.value(), {kMaxFileBytes, kMaxFiles});
    const bool read = reader(
        [&form](const httplib::MultipartFormData &part) { return form.beginPart(part.name, part.filename); },
        [&form](const char *data, size_t size) { return form.receive(data, size); });
    if (Status finished = form.finish(); !finished)
        return replyInternal(response, finished.error());
    if (!read)
        return replyError(response, 400, u"bad_request"_s, u"The multipart/form-data body is malformed."_s);
    if (form.bytesReceived() > kMaxUploadRequestBytes) // a chunked body: no Content-Length refused it earlier
        return replyError(response, 413, u"payload_too_large"_s,
                          u"An upload request may hold at most %1 bytes."_s.arg(kMaxUploadRequestBytes));
    if (form.fileParts() == 0 || form.fileParts() > kMaxFiles)
        return replyError(response, 400, u"bad_request"_s,
                          u"Send 1 to %1 \"file\" parts; this request has %2."_s.arg(kMaxFiles).arg(form.fileParts()));
    Result<UploadForm::Fields> fields = form.fields();
    if (!fields)
        return replyError(response, 400, u"bad_request"_s, fields.error());
    Result<RecordStore::Head> head = m_records.head(access->workspaceId);
    if (!head)
        return replyInternal(response, head.error());
    const QString workspace = QString::fromStdString(request.matches[1]);
    std::vector<UploadForm::File> &files = form.files();

    if (!fields->entity.isEmpty()) { // checked before anything is stored
        QStringList uids;
        for (const UploadForm::File &file : files) {
            if (file.staged)
                uids.append(uidFor(head->identity, file.sha256));
        }
        Result<QString> refusal = linkRefusal(m_records, access->workspaceId, fields->entity, uids);
        if (!refusal)
            return replyInternal(response, refusal.error());
        if (!refusal->isEmpty())
            return replyError(response, 422, u"validation_failed"_s, refusal.value() + u"; nothing was stored."_s);
    }

    QJsonArray results;
    QStringList uploaded;
    QString pin;
    for (size_t index = 0; index < files.size(); ++index) {
        Result<QJsonObject> result =
            acceptUpload(*access, head->identity, fields.value(), files[index], int(index), workspace);
        if (!result)
            return replyInternal(response, result.error());
        results.append(result.value());
        const QString uid = result->value(u"image"_s).toObject().value(u"uid"_s).toString();
        if (uid.isEmpty())
            continue;
        uploaded.append(uid);
        if (fields->primary && pin.isEmpty()) // the first file that succeeds
            pin = uid;
    }
    QJsonValue gallery = QJsonValue::Null;
    if (!fields->entity.isEmpty()) {
        Result<QJsonObject> linked = linkUploads(*access, fields->entity, uploaded, pin);
        if (!linked)
            return replyInternal(response, linked.error());
        gallery = linked.value();
    }
    reply(response, 200, {{u"results"_s, results}, {u"gallery"_s, gallery}});
}

// The checks in the order of §9.1: size, format, name, pixels, decoding; then the blob,
// then the image (uid = UUIDv5 of the workspace identity and the SHA-256).
Result<QJsonObject> ApiServer::acceptUpload(const Accounts::Access &access, const QString &identity,
                                            const UploadForm::Fields &fields, UploadForm::File &file, int index,
                                            const QString &workspace)
{
    const QString label = file.name.isEmpty() ? u"File %1"_s.arg(index + 1) : file.name;
    const auto refused = [&](int status, const QString &code, const QString &reason) {
        return QJsonObject{
            {u"index"_s, index},
            {u"name"_s, file.name},
            {u"status"_s, status},
            {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, u"%1: %2; not stored."_s.arg(label, reason)}}}};
    };
    const auto refusedFor = [&](const UploadCheck::Refusal &refusal) {
        return refused(refusal.status, refusal.code, refusal.reason);
    };
    if (file.tooLarge)
        return refused(413, u"payload_too_large"_s, u"the file is larger than %1 bytes"_s.arg(kMaxFileBytes));
    if (!file.staged->seek(0))
        return Result<QJsonObject>::failure(u"%1: %2"_s.arg(file.staged->fileName(), file.staged->errorString()));
    const UploadCheck::Head head = UploadCheck::checkHead(file.staged->read(kHeadBytes), false);
    if (head.refusal && head.refusal->status == 415)
        return refusedFor(*head.refusal);
    if (const std::optional<UploadCheck::Refusal> name = UploadCheck::checkName(file.name, head.format))
        return refusedFor(*name);
    if (head.refusal)
        return refusedFor(*head.refusal);

    const QString uid = uidFor(identity, file.sha256);
    Result<std::optional<RecordStore::Record>> existing = m_records.get(access.workspaceId, u"image"_s, uid);
    if (!existing)
        return Result<QJsonObject>::failure(existing.error());
    if (existing.value() && !existing.value()->deleted &&
        existing.value()->body.value(u"sha256"_s).toString() != file.sha256) // a client chose this uid for other bytes
        return refused(409, u"conflict"_s, u"image %1 holds other bytes"_s.arg(uid));
    QJsonObject facts;
    if (!existing.value() || existing.value()->deleted) { // bytes the workspace has an image of were decoded before
        Result<UploadCheck::Decoded> decoded = m_uploadCheck->decode(file.staged->fileName(), label);
        if (!decoded)
            return Result<QJsonObject>::failure(decoded.error());
        if (decoded->refusal)
            return refusedFor(*decoded->refusal);
        facts = factsJson(decoded->facts);
    }

    // The store moves the staged file away (or removes it): it is no longer the form's.
    const QString staged = file.staged->fileName();
    file.staged->setAutoRemove(false);
    if (Status adopted = m_store.adopt(staged, file.sha256); !adopted) {
        QFile::remove(staged); // if it is still there
        return Result<QJsonObject>::failure(adopted.error());
    }
    if (Result<bool> held = holdBlob(access, file.sha256, file.bytes, imageFormatName(head.format)); !held)
        return Result<QJsonObject>::failure(held.error());

    RecordStore::Write write{RecordStore::Write::Outcome::Exists, existing.value().value_or(RecordStore::Record())};
    if (!facts.isEmpty()) {
        QJsonObject given = facts;
        given.insert(u"sha256"_s, file.sha256);
        given.insert(u"bytes"_s, file.bytes);
        given.insert(u"originalName"_s, file.name);
        given.insert(u"caption"_s, fields.caption);
        given.insert(u"altText"_s, fields.altText);
        Result<QJsonObject> body = ImageRules::forCreate(given, uid);
        if (!body)
            return refused(422, u"validation_failed"_s, body.error());
        for (const QString &unknown : {u"capturedAt"_s, u"gps"_s}) // null when the bytes do not tell
            if (!body->contains(unknown))
                body->insert(unknown, QJsonValue::Null);
        Result<RecordStore::Write> created =
            m_records.create(access.workspaceId, u"image"_s, uid, body.value(), access.userName);
        if (!created)
            return Result<QJsonObject>::failure(created.error());
        write = created.value();
    }
    // Exists: this uid; SameContent: another image of these bytes. Either is left as it is.
    const bool isNew = write.outcome == RecordStore::Write::Outcome::Done;
    return QJsonObject{{u"index"_s, index},
                       {u"name"_s, file.name},
                       {u"status"_s, isNew ? 201 : 200},
                       {u"image"_s, imageJson(write.record, workspace)}};
}

// Read, append, write with the revision read: a gallery changed in between is read again.
Result<QJsonObject> ApiServer::linkUploads(const Accounts::Access &access, const QString &entity,
                                           const QStringList &uids, const QString &pin)
{
    using Outcome = RecordStore::Write::Outcome;
    for (int attempt = 0; attempt < kGalleryAttempts; ++attempt) {
        Result<std::optional<RecordStore::Record>> gallery = m_records.get(access.workspaceId, u"gallery"_s, entity);
        if (!gallery)
            return Result<QJsonObject>::failure(gallery.error());
        if (gallery.value() && gallery.value()->deleted) // the entity was deleted meanwhile
            return gallery.value()->toJson();
        QJsonObject current = gallery.value() ? gallery.value()->body : GalleryRules::empty(entity);
        Result<QJsonObject> body = GalleryRules::withAppended(current, uids, pin, access.userName);
        if (!body)
            return Result<QJsonObject>::failure(u"the gallery of %1: %2"_s.arg(entity, body.error()));
        if (body.value() == current) { // nothing new to link
            if (gallery.value())
                return gallery.value()->toJson();
            current.insert(u"revision"_s, 0);
            current.insert(u"deleted"_s, false);
            return current;
        }
        const qint64 base = gallery.value() ? gallery.value()->revision : 0;
        Result<RecordStore::Write> write =
            base == 0 ? m_records.create(access.workspaceId, u"gallery"_s, entity, body.value(), access.userName)
                      : m_records.update(access.workspaceId, u"gallery"_s, entity, base, body.value(), access.userName);
        if (!write)
            return Result<QJsonObject>::failure(write.error());
        if (write->outcome == Outcome::Done || write->outcome == Outcome::Gone)
            return write->record.toJson();
    }
    return Result<QJsonObject>::failure(
        u"the gallery of %1 changed %2 times while an upload was linked to it"_s.arg(entity).arg(kGalleryAttempts));
}

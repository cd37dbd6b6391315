#include "imagerules.h"

#include "blobstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QStringList kFormats = {u"jpeg"_s, u"png"_s, u"webp"_s, u"gif"_s, u"tiff"_s};
constexpr qsizetype kMaxText = 1000;
constexpr qsizetype kMaxDescription = 100000;
constexpr qsizetype kMaxTags = 100;

// Tags once each (case-insensitively), sorted case-insensitively.
QJsonArray normalisedTags(const QJsonArray &tags)
{
    QStringList kept;
    for (const QJsonValue &tag : tags) {
        const QString text = tag.toString().simplified();
        if (!text.isEmpty() && !kept.contains(text, Qt::CaseInsensitive))
            kept.append(text);
    }
    kept.sort(Qt::CaseInsensitive);
    return QJsonArray::fromStringList(kept);
}

} // namespace

const QStringList ImageRules::kFacts = {u"sha256"_s,     u"format"_s,       u"width"_s,           u"height"_s,
                                        u"bytes"_s,      u"originalName"_s, u"capturedAt"_s,      u"gps"_s,
                                        u"cameraMake"_s, u"cameraModel"_s,  u"exifOrientation"_s, u"createdAt"_s};
const QStringList ImageRules::kChangeable = {u"rotation"_s,  u"caption"_s, u"altText"_s, u"description"_s,
                                             u"imageType"_s, u"front"_s,   u"tags"_s};

bool ImageRules::isUid(const QString &text)
{
    static const QRegularExpression uuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    return uuid.match(text).hasMatch();
}

QJsonObject ImageRules::emptyChangeable()
{
    return {{u"rotation"_s, 0},      {u"caption"_s, u""_s}, {u"altText"_s, u""_s},    {u"description"_s, u""_s},
            {u"imageType"_s, u""_s}, {u"front"_s, false},   {u"tags"_s, QJsonArray()}};
}

Status ImageRules::checkChangeable(const QJsonObject &given)
{
    for (const QString &text : {u"caption"_s, u"altText"_s, u"imageType"_s, u"description"_s}) {
        const QJsonValue value = given.value(text);
        const qsizetype limit = text == u"description"_s ? kMaxDescription : kMaxText;
        if (!value.isUndefined() && !value.isNull() && (!value.isString() || value.toString().size() > limit))
            return Status::failure(u"\"%1\" must be a text of at most %2 characters"_s.arg(text).arg(limit));
    }
    const QJsonValue rotation = given.value(u"rotation"_s);
    if (!rotation.isUndefined() && !rotation.isNull() &&
        (!rotation.isDouble() || rotation.toDouble() != double(rotation.toInt()) || rotation.toInt() < 0 ||
         rotation.toInt() > 3))
        return Status::failure(u"\"rotation\" must be 0, 1, 2 or 3 quarter turns"_s);
    const QJsonValue front = given.value(u"front"_s);
    if (!front.isUndefined() && !front.isNull() && !front.isBool())
        return Status::failure(u"\"front\" must be true or false"_s);
    const QJsonValue tags = given.value(u"tags"_s);
    if (!tags.isUndefined() && !tags.isNull()) {
        if (!tags.isArray() || tags.toArray().size() > kMaxTags)
            return Status::failure(u"\"tags\" must be a list of at most %1 texts"_s.arg(kMaxTags));
        for (const QJsonValue &tag : tags.toArray()) {
            if (!tag.isString() || tag.toString().size() > 100)
                return Status::failure(u"every tag must be a text of at most 100 characters"_s);
        }
    }
    return {};
}

Result<QJsonObject> ImageRules::forCreate(const QJsonObject &given, const QString &uid)
{
    if (given.contains(u"uid"_s) && given.value(u"uid"_s).toString() != uid)
        return Result<QJsonObject>::failure(u"\"uid\" must be the one in the path"_s);
    if (!BlobStore::isSha256(given.value(u"sha256"_s).toString()))
        return Result<QJsonObject>::failure(u"\"sha256\" must be the original's lower-case hex SHA-256"_s);
    if (given.contains(u"format"_s) && !kFormats.contains(given.value(u"format"_s).toString()))
        return Result<QJsonObject>::failure(u"\"format\" must be one of %1"_s.arg(kFormats.join(u", "_s)));
    for (const QString &number : {u"width"_s, u"height"_s, u"bytes"_s}) {
        const QJsonValue value = given.value(number);
        if (!value.isUndefined() && (!value.isDouble() || value.toDouble() < 0))
            return Result<QJsonObject>::failure(u"\"%1\" must be a number of at least 0"_s.arg(number));
    }
    if (Status status = checkChangeable(given); !status)
        return Result<QJsonObject>::failure(status.error());
    QJsonObject body = emptyChangeable();
    body.insert(u"uid"_s, uid);
    for (const QString &field : kFacts + kChangeable) {
        if (given.contains(field) && !given.value(field).isNull())
            body.insert(field, given.value(field));
    }
    body.insert(u"tags"_s, normalisedTags(body.value(u"tags"_s).toArray()));
    if (!body.value(u"createdAt"_s).isString()) // the import time; the server's when the client gives none
        body.insert(u"createdAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return body;
}

Result<QJsonObject> ImageRules::forUpdate(const QJsonObject &current, const QJsonObject &given, bool patch)
{
    if (given.contains(u"uid"_s) && given.value(u"uid"_s) != current.value(u"uid"_s))
        return Result<QJsonObject>::failure(u"\"uid\" cannot change"_s);
    for (const QString &fact : kFacts) {
        if (given.contains(fact) && given.value(fact) != current.value(fact))
            return Result<QJsonObject>::failure(u"\"%1\" is set once, when the image is created"_s.arg(fact));
    }
    if (Status status = checkChangeable(given); !status)
        return Result<QJsonObject>::failure(status.error());
    QJsonObject body = current;
    const QJsonObject empty = emptyChangeable();
    for (const QString &field : kChangeable) {
        if (given.contains(field))
            body.insert(field, given.value(field).isNull() ? empty.value(field) : given.value(field));
        else if (!patch)
            body.insert(field, empty.value(field));
    }
    body.insert(u"tags"_s, normalisedTags(body.value(u"tags"_s).toArray()));
    return body;
}

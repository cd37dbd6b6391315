#include "backuplayout.h"

#include "maintenance/backupmanifest.h"
#include "blobstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

bool isValidId(const QString &type, const QString &id)
{
    static const QRegularExpression uuid(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
    static const QRegularExpression entity(
        u"^(customer|product|job|category|invoice|company):[^\\x00-\\x1f]{1,255}$"_s);
    if (type == u"image"_s)
        return uuid.match(id).hasMatch();
    if (type == u"blob"_s)
        return BlobStore::isSha256(id);
    return entity.match(id).hasMatch();
}

} // namespace

const QString BackupLayout::kRecords = u"records.jsonl"_s;
const QString BackupLayout::kBlobPrefix = u"blobs/"_s;

QByteArray BackupLayout::lineOf(const RecordStore::Record &record)
{
    const QJsonObject line{{u"type"_s, record.type},         {u"id"_s, record.id},
                           {u"revision"_s, record.revision}, {u"deleted"_s, record.deleted},
                           {u"seq"_s, record.seq},           {u"modifiedAt"_s, record.modifiedAt},
                           {u"modifiedBy"_s, record.modifiedBy}, {u"body"_s, record.body}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

Result<RecordStore::Record> BackupLayout::recordOf(const QByteArray &line)
{
    using Answer = Result<RecordStore::Record>;
    const QJsonObject json = QJsonDocument::fromJson(line).object();
    RecordStore::Record record;
    record.type = json.value(u"type"_s).toString();
    record.id = json.value(u"id"_s).toString();
    record.revision = json.value(u"revision"_s).toInteger();
    record.deleted = json.value(u"deleted"_s).toBool();
    record.seq = json.value(u"seq"_s).toInteger();
    record.modifiedAt = json.value(u"modifiedAt"_s).toString();
    record.modifiedBy = json.value(u"modifiedBy"_s).toString();
    record.body = json.value(u"body"_s).toObject();
    if (!QStringList{u"image"_s, u"entity"_s, u"gallery"_s, u"blob"_s}.contains(record.type))
        return Answer::failure(u"a record has no known type"_s);
    if (!isValidId(record.type, record.id))
        return Answer::failure(u"a %1 record has an invalid id"_s.arg(record.type));
    if (record.revision < 1 || record.seq < 1 || !json.value(u"deleted"_s).isBool() ||
        !json.value(u"body"_s).isObject() || !json.value(u"modifiedAt"_s).isString() ||
        !json.value(u"modifiedBy"_s).isString())
        return Answer::failure(u"%1 %2: a field is missing or malformed"_s.arg(record.type, record.id));
    return record;
}

QString BackupLayout::whyRefused(const QString &memberName)
{
    if (memberName == kRecords || memberName == QString::fromLatin1(BackupManifest::MemberName) ||
        !blobOf(memberName).isEmpty())
        return {};
    QString shown = memberName.left(100);
    shown.replace(QRegularExpression(u"[\\x00-\\x1f\\x7f]"_s), u"?"_s);
    if (memberName.startsWith(u'/') || memberName.split(u'/').contains(u".."_s))
        return u"the member \"%1\" would climb out of its folder"_s.arg(shown);
    return u"the member \"%1\" is not part of a vitrine-server backup"_s.arg(shown);
}

QString BackupLayout::blobOf(const QString &memberName)
{
    if (!memberName.startsWith(kBlobPrefix))
        return {};
    const QString sha256 = memberName.mid(kBlobPrefix.size());
    return BlobStore::isSha256(sha256) ? sha256 : QString();
}

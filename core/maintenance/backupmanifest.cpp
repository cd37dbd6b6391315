#include "backupmanifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QString Kind = u"vitrine-backup"_s;

bool isSha256(const QString &text)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{64}$"_s);
    return pattern.match(text).hasMatch();
}

} // namespace

QByteArray BackupManifest::toJson() const
{
    QJsonArray memberArray;
    for (const Member &member : members) {
        memberArray.append(QJsonObject{{u"path"_s, member.path},
                                       {u"bytes"_s, double(member.bytes)},
                                       {u"sha256"_s, member.sha256}});
    }
    const QJsonObject root{
        {u"kind"_s, Kind},
        {u"formatVersion"_s, formatVersion},
        {u"workspaceId"_s, workspaceId.toString(QUuid::WithoutBraces)},
        {u"workspaceName"_s, workspaceName},
        {u"schemaVersion"_s, schemaVersion},
        {u"createdAt"_s, createdAt.toUTC().toString(Qt::ISODate)},
        {u"counts"_s, QJsonObject{{u"images"_s, images},
                                  {u"originals"_s, originals},
                                  {u"renditions"_s, renditions},
                                  {u"members"_s, int(members.size())}}},
        {u"members"_s, memberArray},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<BackupManifest> BackupManifest::fromJson(const QByteArray &json)
{
    using R = Result<BackupManifest>;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return R::failure(u"the manifest is not valid JSON ("_s + parseError.errorString() + u')');
    const QJsonObject root = document.object();
    if (root.value(u"kind"_s).toString() != Kind)
        return R::failure(u"this is not a Vitrine backup (the manifest does not say so)"_s);

    BackupManifest manifest;
    manifest.formatVersion = root.value(u"formatVersion"_s).toInt(-1);
    if (manifest.formatVersion < 1)
        return R::failure(u"the manifest has no valid format version"_s);
    if (manifest.formatVersion > FormatVersion)
        return R::failure(u"the backup was written by a newer Vitrine (format "_s + QString::number(manifest.formatVersion)
                          + u", this version reads up to "_s + QString::number(FormatVersion) + u"); update Vitrine to restore it"_s);
    manifest.workspaceId = QUuid::fromString(root.value(u"workspaceId"_s).toString());
    manifest.workspaceName = root.value(u"workspaceName"_s).toString();
    manifest.schemaVersion = root.value(u"schemaVersion"_s).toInt();
    manifest.createdAt = QDateTime::fromString(root.value(u"createdAt"_s).toString(), Qt::ISODate);
    const QJsonObject counts = root.value(u"counts"_s).toObject();
    manifest.images = counts.value(u"images"_s).toInt();
    manifest.originals = counts.value(u"originals"_s).toInt();
    manifest.renditions = counts.value(u"renditions"_s).toInt();

    const QJsonArray memberArray = root.value(u"members"_s).toArray();
    for (const QJsonValue &value : memberArray) {
        const QJsonObject object = value.toObject();
        Member member{object.value(u"path"_s).toString(), qint64(object.value(u"bytes"_s).toDouble(-1)),
                      object.value(u"sha256"_s).toString()};
        if (member.path.isEmpty() || member.bytes < 0 || !isSha256(member.sha256))
            return R::failure(u"the manifest lists a member without a valid path, size or SHA-256"_s);
        manifest.members.append(member);
    }
    if (counts.value(u"members"_s).toInt(-1) != manifest.members.size())
        return R::failure(u"the manifest's member count does not match its member list"_s);
    return manifest;
}

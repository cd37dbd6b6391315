#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

// manifest.json, the last member of a backup archive: what the archive holds and the
// SHA-256 of every other member, so a restore can prove each byte before it replaces
// anything.
struct BackupManifest final
{
    struct Member
    {
        QString path;
        qint64 bytes = 0;
        QString sha256;
    };

    static constexpr int FormatVersion = 1;
    static constexpr auto MemberName = "manifest.json";

    int formatVersion = FormatVersion;
    QUuid workspaceId;
    QString workspaceName;
    int schemaVersion = 0;
    QDateTime createdAt;
    int images = 0;
    int originals = 0;
    int renditions = 0;
    QList<Member> members; // every member but the manifest itself, in archive order

    QByteArray toJson() const;
    // Refuses a manifest that is not ours, is malformed, or comes from a newer format.
    static Result<BackupManifest> fromJson(const QByteArray &json);
};

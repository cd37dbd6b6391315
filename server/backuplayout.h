#pragma once

#include "common/result.h"
#include "recordstore.h"

#include <QByteArray>
#include <QString>

// What a vitrine-server backup archive holds (docs/api.md §9.4; the layout is the server's
// business, not the protocol's):
//
//   records.jsonl     every record of the workspace, tombstones included, one JSON object
//                     per line in seq order: type, id, revision, deleted, seq, modifiedAt,
//                     modifiedBy, body
//   blobs/<sha256>    each original the workspace holds
//   manifest.json     last: BackupManifest (core/maintenance) with every other member's SHA-256
//
// A desktop backup (catalog.sqlite, files/…) is not one: the two are restored by their own
// programs.
class BackupLayout final
{
public:
    BackupLayout() = delete;

    static const QString kRecords;
    static const QString kBlobPrefix;

    static QByteArray lineOf(const RecordStore::Record &record);
    // The record of one line, refused (with the reason) when a field is missing or malformed.
    static Result<RecordStore::Record> recordOf(const QByteArray &line);
    // Why a member name is not one of the layout's, or nothing when it is (so no name can
    // climb out of a folder).
    static QString whyRefused(const QString &memberName);
    // The SHA-256 a blob member is named by, or nothing.
    static QString blobOf(const QString &memberName);
};

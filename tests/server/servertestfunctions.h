#pragma once

// Small pieces the server tests share: API paths and bodies, originals made of noise, the
// change feed walked to its end, and listings of the data directory.
#include "httpclient.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

using Headers = QList<QPair<QByteArray, QByteArray>>;

// "/api/v1/workspaces/NAME", the start of every workspace path.
QString ws(const QString &workspace);
QString sha256Of(const QByteArray &bytes);
// A revision as an entity tag ("3", quotes included) for If-Match.
QByteArray quoted(qint64 revision);
QByteArray json(const QJsonObject &object); // compact
QStringList stringsOf(const QJsonArray &array);

// …/entities/KIND/KEY of an entity named "kind:key".
QString entityPath(const QString &workspace, const QString &entity);

// A request to the client's own server with a bearer token (empty: none).
HttpRequest apiRequest(const QByteArray &method, const QString &path, const QString &token, const QByteArray &body = {},
                       const Headers &headers = {}, const QByteArray &contentType = "application/json");
// PUT …/blobs/SHA256 with the bytes, as a part when contentRange is given.
HttpRequest blobRequest(const QString &workspace, const QString &sha256, const QByteArray &bytes, const QString &token,
                        const QByteArray &contentRange = {});
// PUT …/images/UID with If-None-Match: *.
HttpRequest createImageRequest(const QString &workspace, const QString &uid, const QJsonObject &body,
                               const QString &token);
// PATCH …/images/UID with If-Match: "revision".
HttpRequest patchImageRequest(const QString &workspace, const QString &uid, qint64 revision, const QJsonObject &body,
                              const QString &token);

// side × side pixels of noise as PNG: it does not compress (about 3 bytes a pixel), and a
// seed gives the same bytes each time. Each test has a stream of its own, so that its
// images differ from another test's with the same seeds; seedText, when not empty, is
// written into the PNG as its "seed" text; quality goes to QImage::save.
QByteArray noisePng(int seed, int side, quint32 stream, const QString &seedText = {}, int quality = -1);

// An original: its bytes, their hash and its side in pixels (the images are square).
struct Blob
{
    QByteArray bytes;
    QString sha256;
    int side = 0;
};
Blob noiseBlob(int seed, int side, quint32 stream, const QString &seedText);

// The fields of a new image record of blob: a PNG of its size, named after its hash, made
// at a fixed time.
QJsonObject imageFields(const QString &uid, const Blob &blob);

// The change feed of a workspace after the cursor `after`, walked page by page (of
// `limit`) to its end.
struct FeedRead
{
    QList<QJsonObject> changes;
    qint64 next = -1; // the cursor at the end; -1 after an error
    QString identity; // the workspace's, as the feed names it
    QString error;    // the answer that ended the walk early; empty when it reached the end
};
FeedRead readFeed(HttpClient &http, const QString &workspace, const QString &token, qint64 after = 0, int limit = 1000);

// The files under dir (relative to it, sorted; none when it does not exist).
QStringList filesUnder(const QString &dir);
// Everything under dir, files and folders (relative, sorted).
QStringList entriesUnder(const QString &dir);

#include "servertestfunctions.h"

#include <QUrl>
#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

QString ws(const QString &workspace)
{
    return u"/api/v1/workspaces/"_s + workspace;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray quoted(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList stringsOf(const QJsonArray &array)
{
    QStringList strings;
    for (const QJsonValue &value : array)
        strings.append(value.toString());
    return strings;
}

QString entityPath(const QString &workspace, const QString &entity)
{
    // The key is one path segment: "/" goes as %2F, "%" as %25 (docs/api.md §2.2).
    const qsizetype colon = entity.indexOf(u':');
    return ws(workspace) + u"/entities/"_s + entity.left(colon) + u'/' +
           QString::fromLatin1(QUrl::toPercentEncoding(entity.mid(colon + 1)));
}

HttpRequest apiRequest(const QByteArray &method, const QString &path, const QString &token, const QByteArray &body,
                       const Headers &headers, const QByteArray &contentType)
{
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.contentType = contentType;
    request.token = token;
    request.headers = headers;
    return request;
}

HttpRequest blobRequest(const QString &workspace, const QString &sha256, const QByteArray &bytes, const QString &token,
                        const QByteArray &contentRange)
{
    Headers headers;
    if (!contentRange.isEmpty())
        headers.append({"Content-Range", contentRange});
    return apiRequest("PUT", ws(workspace) + u"/blobs/"_s + sha256, token, bytes, headers, "application/octet-stream");
}

HttpRequest createImageRequest(const QString &workspace, const QString &uid, const QJsonObject &body,
                               const QString &token)
{
    return apiRequest("PUT", ws(workspace) + u"/images/"_s + uid, token, json(body), {{"If-None-Match", "*"}});
}

HttpRequest patchImageRequest(const QString &workspace, const QString &uid, qint64 revision, const QJsonObject &body,
                              const QString &token)
{
    return apiRequest("PATCH", ws(workspace) + u"/images/"_s + uid, token, json(body),
                      {{"If-Match", quoted(revision)}});
}

QByteArray noisePng(int seed, int side, quint32 stream, const QString &seedText, int quality)
{
    QImage image(side, side, QImage::Format_RGB32);
    quint32 state = quint32(seed) * 2654435761u + stream;
    for (int y = 0; y < side; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < side; ++x) {
            state = state * 1664525u + 1013904223u;
            line[x] = 0xff000000u | (state >> 8);
        }
    }
    if (!seedText.isEmpty())
        image.setText(u"seed"_s, seedText);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG", quality);
    return bytes;
}

Blob noiseBlob(int seed, int side, quint32 stream, const QString &seedText)
{
    const QByteArray bytes = noisePng(seed, side, stream, seedText);
    return {bytes, sha256Of(bytes), side};
}

QJsonObject imageFields(const QString &uid, const Blob &blob)
{
    return {{u"uid"_s, uid},
            {u"sha256"_s, blob.sha256},
            {u"format"_s, u"png"_s},
            {u"width"_s, blob.side},
            {u"height"_s, blob.side},
            {u"bytes"_s, blob.bytes.size()},
            {u"originalName"_s, u"image-%1.png"_s.arg(blob.sha256.left(8))},
            {u"createdAt"_s, u"2024-05-01T12:00:00.000Z"_s}};
}

FeedRead readFeed(HttpClient &http, const QString &workspace, const QString &token, qint64 after, int limit)
{
    FeedRead feed;
    for (int page = 0; page < 10000; ++page) {
        const HttpReply reply = http.get(ws(workspace) + u"/changes?after=%1&limit=%2"_s.arg(after).arg(limit), token);
        if (reply.status != 200) {
            feed.error = reply.describe();
            feed.changes.clear();
            return feed;
        }
        feed.identity = reply.json.value(u"identity"_s).toString();
        for (const QJsonValue &change : reply.json.value(u"changes"_s).toArray())
            feed.changes.append(change.toObject());
        after = reply.json.value(u"next"_s).toInteger();
        if (!reply.json.value(u"more"_s).toBool())
            break;
    }
    feed.next = after;
    return feed;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(dir).relativeFilePath(it.next()));
    files.sort();
    return files;
}

QStringList entriesUnder(const QString &dir)
{
    QStringList entries;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        entries.append(QDir(dir).relativeFilePath(it.next()));
    entries.sort();
    return entries;
}

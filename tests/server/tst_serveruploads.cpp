// vitrine-server's multipart uploads (docs/api.md §9.1), the decoding check of every
// original (§4.3), the total a partial upload keeps (§4.3) and 405 with Allow (§2.5), on
// the real program on a free port of 127.0.0.1. Every refused file and request is checked
// for having stored nothing: the blob folder, the staging and partial-upload folders,
// blobs/missing and the change feed are read again afterwards.
//
// One server and one data directory for the whole test case (ServerTestSession); each user
// logs in once. Images are made in the test (tests/support/testimages.h), small.
#include "httpexpect.h"
#include "servertestsession.h"
#include "testimages.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxFileBytes = 15 * 1024 * 1024;

// One part of a multipart/form-data body: a file (with a file name) or a field.
struct Part
{
    QByteArray name;
    QByteArray fileName; // null: a field
    QByteArray bytes;
};

Part file(const QString &fileName, const QByteArray &bytes)
{
    return {"file", fileName.toUtf8(), bytes};
}

Part field(const QByteArray &name, const QString &value)
{
    return {name, QByteArray(), value.toUtf8()};
}

QJsonArray resultsOf(const HttpReply &reply)
{
    return reply.json.value(u"results"_s).toArray();
}

QJsonObject resultAt(const HttpReply &reply, qsizetype index)
{
    return resultsOf(reply).at(index).toObject();
}

QString uidAt(const HttpReply &reply, qsizetype index)
{
    return resultAt(reply, index).value(u"image"_s).toObject().value(u"uid"_s).toString();
}

} // namespace

// The status and error code of result index of an upload's answer.
#define EXPECT_FILE(reply, index, expectedStatus, expectedCode)                                                        \
    do {                                                                                                               \
        const QJsonObject result_ = resultAt((reply), (index));                                                        \
        QVERIFY2(result_.value(u"status"_s).toInt() == (expectedStatus), qPrintable((reply).describe()));              \
        QCOMPARE(result_.value(u"index"_s).toInt(), (index));                                                          \
        QCOMPARE(result_.value(u"error"_s).toObject().value(u"code"_s).toString(), QString(expectedCode));             \
    } while (false)

class TestServerUploads final : public QObject
{
    Q_OBJECT

private:
    ServerTestSession m_session;
    // Tokens, filled by the logins in initTestCase.
    const QString &m_staff = m_session.token(kStaff);
    const QString &m_viewer = m_session.token(kViewer);
    const QString &m_otherStaff = m_session.token(kOtherStaff);
    QString m_identity; // of main
    int m_seeds = 0;
    int m_entities = 0;

    QByteArray newJpeg() { return TestImages::uniqueJpeg(++m_seeds); }
    // side × side pixels of noise as PNG (it does not compress: about 3 bytes a pixel).
    QByteArray newNoisePng(int side) { return noisePng(++m_seeds, side, 12345u, {}, 0); }
    QString uidFor(const QByteArray &bytes) const
    {
        return QUuid::createUuidV5(QUuid::fromString(m_identity), sha256Of(bytes)).toString(QUuid::WithoutBraces);
    }

    // ---- requests (the shared ones are the session's) ----

    static HttpRequest uploadRequest(const QString &workspace, const QList<Part> &parts, const QString &token)
    {
        const QByteArray boundary =
            "vitrine-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + "-boundary";
        QByteArray body;
        for (const Part &part : parts) {
            body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
            if (!part.fileName.isNull())
                body += "; filename=\"" + part.fileName + "\"\r\nContent-Type: image/jpeg";
            body += "\r\n\r\n" + part.bytes + "\r\n";
        }
        body += "--" + boundary + "--\r\n";
        return apiRequest("POST", ws(workspace) + u"/uploads"_s, token, body, {},
                          "multipart/form-data; boundary=" + boundary);
    }
    HttpReply upload(const QString &workspace, const QList<Part> &parts, const QString &token)
    {
        return m_session.http().send(uploadRequest(workspace, parts, token));
    }
    HttpReply putBlob(const QString &sha256, const QByteArray &bytes, const QByteArray &contentRange = {})
    {
        return m_session.putBlob(kMain, sha256, bytes, m_staff, contentRange);
    }
    QStringList missing(const QStringList &hashes)
    {
        const HttpReply reply = m_session.missing(kMain, QJsonArray::fromStringList(hashes), m_staff);
        if (reply.status != 200)
            qWarning("blobs/missing: %s", qPrintable(reply.describe()));
        return stringsOf(reply.json.value(u"missing"_s).toArray());
    }
    // A new live entity product:UP-<n>; its id.
    QString newEntity()
    {
        const QString key = u"UP-%1"_s.arg(++m_entities);
        const HttpReply reply = m_session.createEntity(kMain, u"product:"_s + key,
                                                       {{u"name"_s, QString(u"Garden chair "_s + key)}}, m_staff);
        if (reply.status != 201)
            qWarning("creating %s: %s", qPrintable(key), qPrintable(reply.describe()));
        return u"product:"_s + key;
    }
    HttpReply gallery(const QString &entity) { return m_session.getGallery(kMain, entity, m_staff); }
    // The changes of main after cursor `after`; the last seq in *next.
    QList<QJsonObject> changesAfter(qint64 after, qint64 *next = nullptr)
    {
        return m_session.feed(kMain, m_staff, after, 1000, next);
    }
    qint64 feedEnd() { return m_session.feedEnd(kMain, m_staff); }

    // What the server holds on disk and in main's feed, to compare before and after a request
    // that must store nothing.
    struct Stored
    {
        QStringList files; // everything under the data directory but the database
        qint64 feedEnd = 0;
        bool operator==(const Stored &other) const = default;
    };
    Stored stored()
    {
        // The database and the lock files of uploads (which stay, empty) are not stored data.
        QStringList files =
            filesUnder(m_session.dataDir()).filter(QRegularExpression(u"^(?!server\\.sqlite|tmp/locks/)"_s));
        return {files, feedEnd()};
    }
    static QString describe(const Stored &state)
    {
        return state.files.join(u", "_s) + u" / feed at %1"_s.arg(state.feedEnd);
    }

private Q_SLOTS:
    void initTestCase()
    {
        EXPECT_DONE(m_session.start());
        EXPECT_DONE(m_session.logIn({kStaff, kViewer, kOtherStaff}));
        const HttpReply feed = m_session.call("GET", ws(kMain) + u"/changes"_s, m_staff);
        EXPECT_STATUS(feed, 200);
        m_identity = feed.json.value(u"identity"_s).toString();
        QVERIFY(!QUuid::fromString(m_identity).isNull());
    }

    void cleanupTestCase() { EXPECT_DONE(m_session.finish()); }

    // ================================================================ files

    void oneFile()
    {
        const qint64 before = feedEnd();
        const QDateTime captured(QDate(2024, 5, 1), QTime(14, 3, 7));
        const QByteArray bytes = TestImages::withExif(TestImages::uniqueJpeg(++m_seeds, {64, 48}), u"Canon"_s,
                                                      u"EOS 5D"_s, captured, GpsPosition{48.137154, 11.576124, 519.2});
        QVERIFY(!bytes.isEmpty());
        const HttpReply reply = upload(kMain, {file(u"door.jpg"_s, bytes), field("caption", u"Front door"_s),
                                               field("altText", u"A green front door"_s)},
                                       m_staff);
        EXPECT_STATUS(reply, 200);
        QCOMPARE(resultsOf(reply).size(), 1);
        EXPECT_FILE(reply, 0, 201, QString());
        QCOMPARE(resultAt(reply, 0).value(u"name"_s).toString(), u"door.jpg"_s);
        QVERIFY(reply.json.value(u"gallery"_s).isNull());

        // The record: uid from the workspace identity and the SHA-256, facts from the bytes.
        const QJsonObject image = resultAt(reply, 0).value(u"image"_s).toObject();
        QCOMPARE(image.value(u"uid"_s).toString(), uidFor(bytes));
        QCOMPARE(image.value(u"sha256"_s).toString(), sha256Of(bytes));
        QCOMPARE(image.value(u"format"_s).toString(), u"jpeg"_s);
        QCOMPARE(image.value(u"width"_s).toInt(), 64);
        QCOMPARE(image.value(u"height"_s).toInt(), 48);
        QCOMPARE(image.value(u"bytes"_s).toInteger(), bytes.size());
        QCOMPARE(image.value(u"originalName"_s).toString(), u"door.jpg"_s);
        QCOMPARE(image.value(u"cameraMake"_s).toString(), u"Canon"_s);
        QCOMPARE(image.value(u"cameraModel"_s).toString(), u"EOS 5D"_s);
        QVERIFY2(image.value(u"capturedAt"_s).toString().startsWith(u"2024-05-01T14:03:07"_s),
                 qPrintable(image.value(u"capturedAt"_s).toString()));
        QVERIFY(qAbs(image.value(u"gps"_s).toObject().value(u"latitude"_s).toDouble() - 48.137154) < 1e-5);
        QCOMPARE(image.value(u"exifOrientation"_s).toInt(), 1);
        QCOMPARE(image.value(u"caption"_s).toString(), u"Front door"_s);
        QCOMPARE(image.value(u"altText"_s).toString(), u"A green front door"_s);
        QCOMPARE(image.value(u"revision"_s).toInt(), 1);
        QCOMPARE(image.value(u"modifiedBy"_s).toString(), kStaff.name);
        QVERIFY(!image.value(u"createdAt"_s).toString().isEmpty());
        QVERIFY(image.value(u"renditions"_s).toObject().contains(u"small"_s));

        // It is what GET answers, the blob holds the bytes, and the feed has both.
        const HttpReply read = m_session.call("GET", ws(kMain) + u"/images/"_s + uidFor(bytes), m_viewer);
        EXPECT_STATUS(read, 200);
        QCOMPARE(read.json, image);
        const HttpReply blob = m_session.call("GET", ws(kMain) + u"/blobs/"_s + sha256Of(bytes), m_viewer);
        EXPECT_STATUS(blob, 200);
        QCOMPARE(blob.body, bytes);
        QStringList changed;
        for (const QJsonObject &change : changesAfter(before))
            changed.append(change.value(u"type"_s).toString() + u':' + change.value(u"id"_s).toString());
        QCOMPARE(changed, (QStringList{u"blob:"_s + sha256Of(bytes), u"image:"_s + uidFor(bytes)}));
        QCOMPARE(filesUnder(m_session.dataDir() + u"/tmp"_s), QStringList());
    }

    void severalFiles()
    {
        const QByteArray jpeg = newJpeg();
        const QByteArray png = TestImages::png({70 + ++m_seeds, 40});
        const QByteArray gif = TestImages::gif({30 + ++m_seeds, 20});
        const QByteArray plain = newJpeg();
        const QString longName = QString(300, u'n') + u".jpg"_s;
        const HttpReply reply = upload(kMain,
                                       {file(u"C:\\Users\\anna\\photo.JPG"_s, jpeg), file(u"../../etc/cat.png"_s, png),
                                        file(u"an\x01im\x7f"_s + u"ation.gif"_s, gif), file(u"no-extension"_s, plain),
                                        file(longName, newJpeg())},
                                       m_staff);
        EXPECT_STATUS(reply, 200);
        QCOMPARE(resultsOf(reply).size(), 5);
        for (int index = 0; index < 5; ++index)
            EXPECT_FILE(reply, index, 201, QString());
        // Only the last path component, no control characters, at most 255 characters.
        const QStringList names = {u"photo.JPG"_s, u"cat.png"_s, u"animation.gif"_s, u"no-extension"_s,
                                   longName.left(255)};
        for (int index = 0; index < 5; ++index) {
            QCOMPARE(resultAt(reply, index).value(u"name"_s).toString(), names.at(index));
            QCOMPARE(resultAt(reply, index).value(u"image"_s).toObject().value(u"originalName"_s).toString(),
                     names.at(index));
        }
        QCOMPARE(resultAt(reply, 1).value(u"image"_s).toObject().value(u"format"_s).toString(), u"png"_s);
        QCOMPARE(resultAt(reply, 2).value(u"image"_s).toObject().value(u"format"_s).toString(), u"gif"_s);
        QCOMPARE(missing({sha256Of(jpeg), sha256Of(png), sha256Of(gif), sha256Of(plain)}), QStringList());
    }

    void refusedFilesStoreNothing()
    {
        const QByteArray good = newJpeg();
        const QByteArray goodPng = TestImages::png({90 + ++m_seeds, 30});
        QList<std::tuple<QString, QByteArray, int, QString>> refused = {
            {u"invoice.jpg"_s, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", 415, u"unsupported_media_type"_s},
            {u"script.jpg"_s, TestImages::shellScript(), 415, u"unsupported_media_type"_s},
            {u"photo.png"_s, newJpeg(), 415, u"unsupported_media_type"_s},      // the name says PNG
            {u"photo.bmp"_s, newJpeg(), 415, u"unsupported_media_type"_s},      // not an extension uploads take
            // TIFF: on the blob path only
            {u"scan.tif"_s, TestImages::tiff({20 + ++m_seeds, 20}), 415, u"unsupported_media_type"_s},
            {u"cut.jpg"_s, TestImages::truncated(TestImages::uniqueJpeg(++m_seeds, {256, 192}), 1200), 422,
             u"invalid_image"_s},
            {u"bomb.png"_s, TestImages::hugeHeaderPng(), 422, u"invalid_image"_s},
            {u"big.jpg"_s, QByteArray(kMaxFileBytes + 1, 'x'), 413, u"payload_too_large"_s},
        };
        QList<Part> parts = {file(u"good.jpg"_s, good)};
        for (const auto &[name, bytes, status, code] : std::as_const(refused))
            parts.append(file(name, bytes));
        parts.append(file(u"good.png"_s, goodPng));

        const Stored before = stored();
        const HttpReply reply = upload(kMain, parts, m_staff);
        EXPECT_STATUS(reply, 200);
        QCOMPARE(resultsOf(reply).size(), refused.size() + 2);
        EXPECT_FILE(reply, 0, 201, QString());
        for (qsizetype i = 0; i < refused.size(); ++i) {
            const auto &[name, bytes, status, code] = refused.at(i);
            EXPECT_FILE(reply, int(i + 1), status, code);
            const QJsonObject result = resultAt(reply, i + 1);
            QCOMPARE(result.value(u"name"_s).toString(), name);
            QVERIFY(!result.contains(u"image"_s));
            const QString message = result.value(u"error"_s).toObject().value(u"message"_s).toString();
            QVERIFY2(message.startsWith(name + u": "_s), qPrintable(message));
        }
        QVERIFY(resultAt(reply, 1).value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"PDF"_s));
        EXPECT_FILE(reply, int(refused.size() + 1), 201, QString());

        // Only the two good files were stored: two blobs, their two images, nothing staged.
        const Stored after = stored();
        QStringList blobsAfter = after.files.filter(QRegularExpression(u"^blobs/"_s));
        QStringList blobsExpected = before.files.filter(QRegularExpression(u"^blobs/"_s));
        blobsExpected << u"blobs/"_s + sha256Of(good).left(2) + u'/' + sha256Of(good)
                      << u"blobs/"_s + sha256Of(goodPng).left(2) + u'/' + sha256Of(goodPng);
        blobsExpected.sort();
        QCOMPARE(blobsAfter, blobsExpected);
        QCOMPARE(after.files.filter(QRegularExpression(u"^(tmp|uploads)/"_s)),
                 before.files.filter(QRegularExpression(u"^(tmp|uploads)/"_s)));
        QStringList refusedHashes;
        for (const auto &[name, bytes, status, code] : std::as_const(refused))
            refusedHashes.append(sha256Of(bytes));
        QCOMPARE(missing(refusedHashes + QStringList{sha256Of(good)}), refusedHashes);
        QStringList changed;
        for (const QJsonObject &change : changesAfter(before.feedEnd))
            changed.append(change.value(u"type"_s).toString() + u':' + change.value(u"id"_s).toString());
        QCOMPARE(changed, (QStringList{u"blob:"_s + sha256Of(good), u"image:"_s + uidFor(good),
                                       u"blob:"_s + sha256Of(goodPng), u"image:"_s + uidFor(goodPng)}));
    }

    void duplicateBytes()
    {
        const QByteArray bytes = newJpeg();
        HttpReply reply = upload(
            kMain, {file(u"a.jpg"_s, bytes), file(u"copy.jpg"_s, bytes), field("caption", u"First"_s)}, m_staff);
        EXPECT_STATUS(reply, 200);
        EXPECT_FILE(reply, 0, 201, QString());
        EXPECT_FILE(reply, 1, 200, QString());
        QCOMPARE(uidAt(reply, 1), uidAt(reply, 0));
        const QJsonObject first = resultAt(reply, 0).value(u"image"_s).toObject();

        // Again, with other texts: the image is reported as existing and left as it is.
        const qint64 before = feedEnd();
        reply = upload(kMain, {file(u"again.jpg"_s, bytes), field("caption", u"Second"_s)}, m_staff);
        EXPECT_STATUS(reply, 200);
        EXPECT_FILE(reply, 0, 200, QString());
        const QJsonObject again = resultAt(reply, 0).value(u"image"_s).toObject();
        QCOMPARE(again.value(u"uid"_s).toString(), uidFor(bytes));
        QCOMPARE(again.value(u"caption"_s).toString(), u"First"_s);
        QCOMPARE(again.value(u"originalName"_s).toString(), u"a.jpg"_s);
        QCOMPARE(again.value(u"revision"_s).toInt(), first.value(u"revision"_s).toInt());
        QCOMPARE(changesAfter(before), QList<QJsonObject>());
        QCOMPARE(filesUnder(m_session.dataDir() + u"/blobs/"_s + sha256Of(bytes).left(2)).count(sha256Of(bytes)), 1);

        // The same bytes sent as a blob first: the upload creates the image (201).
        const QByteArray blobFirst = newJpeg();
        EXPECT_STATUS(putBlob(sha256Of(blobFirst), blobFirst), 201);
        reply = upload(kMain, {file(u"later.jpg"_s, blobFirst)}, m_staff);
        EXPECT_FILE(reply, 0, 201, QString());
    }

    void uploadsAfterADelete()
    {
        // Deleted bytes uploaded again bring the same uid back (a create over the tombstone).
        const QByteArray bytes = newJpeg();
        HttpReply reply = upload(kMain, {file(u"gone.jpg"_s, bytes)}, m_staff);
        EXPECT_FILE(reply, 0, 201, QString());
        const QString uid = uidAt(reply, 0);
        EXPECT_STATUS(m_session.call("DELETE", ws(kMain) + u"/images/"_s + uid, m_staff, {}, {{"If-Match", "\"1\""}}),
                      200);
        reply = upload(kMain, {file(u"back.jpg"_s, bytes)}, m_staff);
        EXPECT_FILE(reply, 0, 201, QString());
        QCOMPARE(uidAt(reply, 0), uid);
        QCOMPARE(resultAt(reply, 0).value(u"image"_s).toObject().value(u"revision"_s).toInt(), 3);
    }

    // ================================================================ galleries

    void entityAndPrimary()
    {
        const QString entity = newEntity();
        const QByteArray one = newJpeg();
        const QByteArray two = newJpeg();
        HttpReply reply = upload(kMain,
                                 {file(u"one.jpg"_s, one), file(u"two.jpg"_s, two), field("entity", entity),
                                  field("primary", u"true"_s)},
                                 m_staff);
        EXPECT_STATUS(reply, 200);
        QJsonObject linked = reply.json.value(u"gallery"_s).toObject();
        QCOMPARE(linked.value(u"entity"_s).toString(), entity);
        QCOMPARE(stringsOf(linked.value(u"order"_s).toArray()), (QStringList{uidFor(one), uidFor(two)}));
        QCOMPARE(linked.value(u"primary"_s).toString(), uidFor(one));
        QVERIFY(linked.value(u"pinned"_s).toBool());
        QCOMPARE(linked.value(u"pinnedBy"_s).toString(), kStaff.name);
        QVERIFY(!linked.value(u"pinnedAt"_s).toString().isEmpty());
        QCOMPARE(linked.value(u"revision"_s).toInt(), 1); // one gallery change for both files
        HttpReply read = gallery(entity);
        QCOMPARE(read.json, linked);

        // More files go to the end, the pinned primary stays; one change again.
        const QByteArray three = newJpeg();
        reply = upload(kMain, {file(u"three.jpg"_s, three), file(u"one-again.jpg"_s, one), field("entity", entity)},
                       m_staff);
        EXPECT_FILE(reply, 0, 201, QString());
        EXPECT_FILE(reply, 1, 200, QString());
        linked = reply.json.value(u"gallery"_s).toObject();
        QCOMPARE(stringsOf(linked.value(u"order"_s).toArray()), (QStringList{uidFor(one), uidFor(two), uidFor(three)}));
        QCOMPARE(linked.value(u"primary"_s).toString(), uidFor(one));
        QCOMPARE(linked.value(u"revision"_s).toInt(), 2);

        // Images already there: no change at all.
        reply = upload(kMain, {file(u"two.jpg"_s, two), field("entity", entity)}, m_staff);
        EXPECT_FILE(reply, 0, 200, QString());
        QCOMPARE(reply.json.value(u"gallery"_s).toObject(), linked);
        QCOMPARE(gallery(entity).json.value(u"revision"_s).toInt(), 2);

        // primary=true again pins the new image.
        const QByteArray four = newJpeg();
        reply = upload(kMain, {field("primary", u"true"_s), field("entity", entity), file(u"four.jpg"_s, four)},
                       m_staff);
        linked = reply.json.value(u"gallery"_s).toObject();
        QCOMPARE(linked.value(u"primary"_s).toString(), uidFor(four));
        QCOMPARE(stringsOf(linked.value(u"order"_s).toArray()).constLast(), uidFor(four));
        QCOMPARE(linked.value(u"revision"_s).toInt(), 3);

        // Without primary, an empty gallery's first image becomes primary, not pinned.
        const QString other = newEntity();
        const QByteArray five = newJpeg();
        reply = upload(kMain, {file(u"five.jpg"_s, five), file(u"one.jpg"_s, one), field("entity", other)}, m_staff);
        linked = reply.json.value(u"gallery"_s).toObject();
        QCOMPARE(stringsOf(linked.value(u"order"_s).toArray()), (QStringList{uidFor(five), uidFor(one)}));
        QCOMPARE(linked.value(u"primary"_s).toString(), uidFor(five));
        QVERIFY(!linked.value(u"pinned"_s).toBool());
        QVERIFY(linked.value(u"pinnedBy"_s).isNull());
        const HttpReply images =
            m_session.call("GET", ws(kMain) + u"/entities/product/"_s + other.mid(8) + u"/images"_s, m_viewer);
        EXPECT_STATUS(images, 200);
        QCOMPARE(images.json.value(u"images"_s).toArray().size(), 2);
    }

    void fieldsAfterFiles()
    {
        const QString entity = newEntity();
        const QByteArray bytes = newJpeg();
        const HttpReply reply = upload(kMain,
                                       {file(u"late.jpg"_s, bytes), field("caption", u"Told after"_s),
                                        field("altText", u"Alt after"_s), field("entity", entity),
                                        field("primary", u"true"_s)},
                                       m_staff);
        EXPECT_STATUS(reply, 200);
        EXPECT_FILE(reply, 0, 201, QString());
        const QJsonObject image = resultAt(reply, 0).value(u"image"_s).toObject();
        QCOMPARE(image.value(u"caption"_s).toString(), u"Told after"_s);
        QCOMPARE(image.value(u"altText"_s).toString(), u"Alt after"_s);
        const QJsonObject linked = reply.json.value(u"gallery"_s).toObject();
        QCOMPARE(linked.value(u"primary"_s).toString(), uidFor(bytes));
        QVERIFY(linked.value(u"pinned"_s).toBool());
    }

    void primaryIsTheFirstFileThatSucceeds()
    {
        const QString entity = newEntity();
        const QByteArray good = newJpeg();
        const HttpReply reply = upload(kMain,
                                       {field("entity", entity), field("primary", u"true"_s),
                                        file(u"bad.jpg"_s, TestImages::shellScript()), file(u"good.jpg"_s, good)},
                                       m_staff);
        EXPECT_FILE(reply, 0, 415, u"unsupported_media_type"_s);
        EXPECT_FILE(reply, 1, 201, QString());
        const QJsonObject linked = reply.json.value(u"gallery"_s).toObject();
        QCOMPARE(stringsOf(linked.value(u"order"_s).toArray()), QStringList{uidFor(good)});
        QCOMPARE(linked.value(u"primary"_s).toString(), uidFor(good));
        QVERIFY(linked.value(u"pinned"_s).toBool());

        // Every file refused: still 200, and the gallery is not written.
        const QString untouched = newEntity();
        const HttpReply none = upload(
            kMain, {field("entity", untouched), file(u"bad.jpg"_s, TestImages::shellScript())}, m_staff);
        EXPECT_STATUS(none, 200);
        EXPECT_FILE(none, 0, 415, u"unsupported_media_type"_s);
        QCOMPARE(none.json.value(u"gallery"_s).toObject().value(u"revision"_s).toInt(), 0);
        QCOMPARE(gallery(untouched).json.value(u"revision"_s).toInt(), 0);
    }

    // ================================================================ whole-request errors

    void requestErrors()
    {
        const QByteArray bytes = newJpeg();
        const QString entity = newEntity();
        const Stored before = stored();
        QList<QPair<QString, QList<Part>>> badRequests = {
            {u"no file"_s, {field("caption", u"nothing"_s)}},
            {u"kind in capitals"_s, {file(u"a.jpg"_s, bytes), field("entity", u"Product:AB-1"_s)}},
            {u"no key"_s, {file(u"a.jpg"_s, bytes), field("entity", u"product:"_s)}},
            {u"no colon"_s, {file(u"a.jpg"_s, bytes), field("entity", u"product"_s)}},
            {u"unknown kind"_s, {file(u"a.jpg"_s, bytes), field("entity", u"shop:AB-1"_s)}},
            {u"dot dot"_s, {file(u"a.jpg"_s, bytes), field("entity", u"product:.."_s)}},
            {u"control character"_s, {file(u"a.jpg"_s, bytes), field("entity", u"product:A\tB"_s)}},
            {u"empty entity"_s, {file(u"a.jpg"_s, bytes), field("entity", QString())}},
            {u"twice"_s, {file(u"a.jpg"_s, bytes), field("entity", entity), field("entity", entity)}},
            {u"primary alone"_s, {file(u"a.jpg"_s, bytes), field("primary", u"true"_s)}},
            {u"primary maybe"_s, {file(u"a.jpg"_s, bytes), field("entity", entity), field("primary", u"maybe"_s)}},
            {u"long caption"_s, {file(u"a.jpg"_s, bytes), field("caption", QString(1001, u'c'))}},
            {u"long alt text"_s, {file(u"a.jpg"_s, bytes), field("altText", QString(1001, u'a'))}},
        };
        QList<Part> many;
        for (int i = 0; i < 21; ++i)
            many.append(file(u"many-%1.jpg"_s.arg(i), newJpeg()));
        badRequests.append({u"21 files"_s, many});
        for (const auto &[what, parts] : std::as_const(badRequests)) {
            const HttpReply reply = upload(kMain, parts, m_staff);
            QVERIFY2(reply.status == 400 && reply.errorCode() == u"bad_request"_s,
                     qPrintable(what + u": "_s + reply.describe()));
        }
        // 20 is the limit, 1000 characters too (checked with the limits above).
        // An entity that is not live: 422, nothing stored.
        const HttpReply absent = upload(kMain, {file(u"a.jpg"_s, bytes), field("entity", u"product:NOPE"_s)}, m_staff);
        EXPECT_ERROR(absent, 422, u"validation_failed"_s);
        const QString deleted = newEntity();
        EXPECT_STATUS(m_session.call("DELETE", ws(kMain) + u"/entities/product/"_s + deleted.mid(8), m_staff, {},
                                     {{"If-Match", "\"1\""}}),
                      200);
        const Stored beforeDeleted = stored();
        EXPECT_ERROR(upload(kMain, {file(u"a.jpg"_s, bytes), field("entity", deleted)}, m_staff), 422,
                     u"validation_failed"_s);
        QVERIFY2(stored() == beforeDeleted, qPrintable(describe(stored())));

        // Not multipart: 415; a multipart body without a boundary or cut short: 400.
        EXPECT_ERROR(m_session.call("POST", ws(kMain) + u"/uploads"_s, m_staff, json({{u"file"_s, u"x"_s}})), 415,
                     u"unsupported_media_type"_s);
        EXPECT_ERROR(m_session.call("POST", ws(kMain) + u"/uploads"_s, m_staff, bytes, {}, "image/jpeg"), 415,
                     u"unsupported_media_type"_s);
        EXPECT_ERROR(m_session.call("POST", ws(kMain) + u"/uploads"_s, m_staff, "--x\r\n", {}, "multipart/form-data"),
                     400, u"bad_request"_s);
        HttpRequest cut = uploadRequest(kMain, {file(u"a.jpg"_s, bytes)}, m_staff);
        cut.body.chop(40);
        EXPECT_ERROR(m_session.http().send(cut), 400, u"bad_request"_s);
        QVERIFY2(stored().files == before.files, qPrintable(describe(stored())));
        QCOMPARE(missing({sha256Of(bytes), sha256Of(many.constFirst().bytes)}),
                 (QStringList{sha256Of(bytes), sha256Of(many.constFirst().bytes)}));
    }

    void rolesAndWorkspaces()
    {
        const QByteArray bytes = newJpeg();
        const QList<Part> parts = {file(u"a.jpg"_s, bytes)};
        const Stored before = stored();
        EXPECT_ERROR(upload(kMain, parts, QString()), 401, u"unauthorized"_s);
        EXPECT_ERROR(upload(kMain, parts, u"not-a-token"_s), 401, u"token_expired"_s);
        EXPECT_ERROR(upload(kMain, parts, m_viewer), 403, u"forbidden"_s);
        EXPECT_ERROR(upload(kMain, parts, m_otherStaff), 404, u"not_found"_s); // main is none of bruno's
        EXPECT_ERROR(upload(u"nowhere"_s, parts, m_staff), 404, u"not_found"_s);
        QVERIFY2(stored() == before, qPrintable(describe(stored())));
        QCOMPARE(missing({sha256Of(bytes)}), QStringList{sha256Of(bytes)});

        // bruno's own workspace takes it, and main still does not hold it.
        const HttpReply reply = upload(kOther, parts, m_otherStaff);
        EXPECT_FILE(reply, 0, 201, QString());
        QCOMPARE(missing({sha256Of(bytes)}), QStringList{sha256Of(bytes)});
        // An entity of main named in other is not there.
        EXPECT_ERROR(upload(kOther, {file(u"b.jpg"_s, newJpeg()), field("entity", newEntity())}, m_otherStaff), 422,
                     u"validation_failed"_s);
    }

    void refusedBodiesKeepTheConnection()
    {
        // A body refused unread is read all the same: the next request on the connection works.
        HttpClient keptAlive(m_session.server().baseUrl(), true);
        const QList<Part> parts = {file(u"a.jpg"_s, QByteArray(512 * 1024, 'j'))};
        for (int round = 0; round < 3; ++round) {
            HttpRequest refused = uploadRequest(kMain, parts, m_viewer);
            EXPECT_ERROR(keptAlive.send(refused), 403, u"forbidden"_s);
            refused.contentType = "application/octet-stream";
            refused.token = m_staff;
            EXPECT_ERROR(keptAlive.send(refused), 415, u"unsupported_media_type"_s);
            EXPECT_STATUS(keptAlive.get(u"/api/v1/health"_s), 200);
        }
    }

    void largeRequests()
    {
        // Over 16 MiB in all (the limit of other bodies), each file under 15 MiB: taken.
        QList<Part> parts;
        QStringList hashes;
        qint64 total = 0;
        for (int i = 0; i < 3; ++i) {
            const QByteArray png = newNoisePng(1400);
            total += png.size();
            hashes.append(sha256Of(png));
            parts.append(file(u"noise-%1.png"_s.arg(i), png));
        }
        QVERIFY(total > 16 * 1024 * 1024);
        const HttpReply reply = upload(kMain, parts, m_staff);
        EXPECT_STATUS(reply, 200);
        for (int i = 0; i < 3; ++i)
            EXPECT_FILE(reply, i, 201, QString());
        QCOMPARE(missing(hashes), QStringList());

        // Over 320 MiB: refused from its Content-Length, before the body.
        const QByteArray head = "POST /api/v1/workspaces/main/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Connection: close\r\nAuthorization: Bearer " +
                                m_staff.toUtf8() +
                                "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                                "Content-Length: " +
                                QByteArray::number(320LL * 1024 * 1024 + 1) + "\r\n\r\n";
        const HttpReply tooLarge = m_session.http().sendRaw(head);
        EXPECT_ERROR(tooLarge, 413, u"payload_too_large"_s);
    }

    // ================================================================ 405

    void wrongMethods()
    {
        const QList<std::tuple<QByteArray, QString, QByteArray>> cases = {
            {"GET", ws(kMain) + u"/uploads"_s, "POST"},
            {"PUT", ws(kMain) + u"/uploads"_s, "POST"},
            {"DELETE", ws(kMain) + u"/changes"_s, "GET, HEAD"},
            {"POST", ws(kMain) + u"/blobs/"_s + sha256Of("x"), "GET, HEAD, PUT"},
            {"POST", ws(kMain) + u"/images/"_s + uidFor("x"), "GET, HEAD, PUT, PATCH, DELETE"},
            {"GET", u"/api/v1/auth/logout"_s, "POST"},
        };
        for (const auto &[method, path, allow] : cases) {
            const HttpReply reply =
                m_session.call(method, path, m_staff, method == "GET" ? QByteArray() : QByteArray("{}"));
            EXPECT_ERROR(reply, 405, u"method_not_allowed"_s);
            QCOMPARE(reply.header("Allow"), allow);
        }
        // No route at all: 404.
        EXPECT_ERROR(m_session.call("GET", ws(kMain) + u"/nothing"_s, m_staff), 404, u"not_found"_s);
        EXPECT_ERROR(m_session.call("POST", u"/api/v1/nothing"_s, m_staff, "{}"), 404, u"not_found"_s);
    }

    // ================================================================ blobs: decoding, totals

    void blobsMustDecode()
    {
        const Stored before = stored();
        // Whole: a truncated JPEG is refused at once, a damaged PNG too.
        const QByteArray cut = TestImages::truncated(TestImages::uniqueJpeg(++m_seeds, {256, 192}), 1200);
        HttpReply reply = putBlob(sha256Of(cut), cut);
        EXPECT_ERROR(reply, 422, u"invalid_image"_s);
        QByteArray damaged = TestImages::png({200 + ++m_seeds, 100});
        const qsizetype idat = damaged.indexOf("IDAT");
        QVERIFY(idat > 0);
        damaged[idat + 8] = char(damaged.at(idat + 8) ^ 0x55);
        reply = putBlob(sha256Of(damaged), damaged);
        EXPECT_ERROR(reply, 422, u"invalid_image"_s);

        // In parts: the part that completes it is refused, and the partial data goes.
        const QByteArray cutToo = TestImages::truncated(TestImages::uniqueJpeg(++m_seeds, {256, 192}), 1500);
        const QString sha = sha256Of(cutToo);
        const QByteArray total = QByteArray::number(cutToo.size());
        EXPECT_STATUS(putBlob(sha, cutToo.left(1000), "bytes 0-999/" + total), 202);
        reply = putBlob(sha, cutToo.mid(1000), "bytes 1000-" + QByteArray::number(cutToo.size() - 1) + '/' + total);
        EXPECT_ERROR(reply, 422, u"invalid_image"_s);
        QVERIFY2(stored() == before, qPrintable(describe(stored())));
        const QStringList refused = {sha256Of(cut), sha256Of(damaged), sha};
        QCOMPARE(missing(refused), refused);
        QCOMPARE(m_session.call("HEAD", ws(kMain) + u"/blobs/"_s + sha, m_staff).header("Upload-Offset"), "0");

        // Good bytes go on being taken, TIFF too on this path.
        const QByteArray tiff = TestImages::tiff({40 + ++m_seeds, 30});
        EXPECT_STATUS(putBlob(sha256Of(tiff), tiff), 201);
    }

    void partialUploadKeepsItsTotal()
    {
        // The declared total survives a restart of the server; a part naming another is refused.
        const QByteArray bytes = newNoisePng(40);
        const QString sha = sha256Of(bytes);
        const qint64 size = bytes.size();
        EXPECT_STATUS(putBlob(sha, bytes.left(1000), "bytes 0-999/" + QByteArray::number(size)), 202);
        EXPECT_DONE(m_session.restart());
        QCOMPARE(m_session.call("HEAD", ws(kMain) + u"/blobs/"_s + sha, m_staff).header("Upload-Offset"), "1000");
        const QByteArray rest = "bytes 1000-" + QByteArray::number(size - 1) + '/';
        EXPECT_ERROR(putBlob(sha, bytes.mid(1000), rest + QByteArray::number(size + 1)), 400, u"bad_request"_s);
        EXPECT_ERROR(putBlob(sha, bytes.mid(1000, 10), "bytes 1000-1009/" + QByteArray::number(size - 1)), 400,
                     u"bad_request"_s);
        QCOMPARE(m_session.call("HEAD", ws(kMain) + u"/blobs/"_s + sha, m_staff).header("Upload-Offset"), "1000");
        EXPECT_STATUS(putBlob(sha, bytes.mid(1000), rest + QByteArray::number(size)), 201);
        QCOMPARE(m_session.call("GET", ws(kMain) + u"/blobs/"_s + sha, m_staff).body, bytes);
        // A part at 0 starts again with any total.
        const QByteArray other = newNoisePng(40);
        EXPECT_STATUS(putBlob(sha256Of(other), other.left(100), "bytes 0-99/" + QByteArray::number(other.size() + 5)),
                      202);
        EXPECT_STATUS(putBlob(sha256Of(other), other, "bytes 0-" + QByteArray::number(other.size() - 1) + '/' +
                                                          QByteArray::number(other.size())),
                      201);
        QCOMPARE(filesUnder(m_session.dataDir() + u"/uploads"_s), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestServerUploads)
#include "tst_serveruploads.moc"

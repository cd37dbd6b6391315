// vitrine-server's maintenance end to end (docs/api.md §9.2–9.5): statistics, cleanup,
// backup and restore, on the real program on a free port of 127.0.0.1. Each test works in a
// workspace of its own (made in initTestCase), so the counts it checks are its own.
//
// Archives are read and rewritten here with a small tar reader and writer of the test's
// own (ustar only: the server's member names are short), independent of the server's code,
// to tamper with them member by member.
#include "httpexpect.h"
#include "servertestsession.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// ---- a minimal ustar reader and writer ----

struct TarMember
{
    QByteArray name;
    QByteArray data;
    char type = '0';
    QByteArray linkName;
};

QByteArray field(const QByteArray &block, int offset, int width)
{
    const QByteArray raw = block.mid(offset, width);
    const qsizetype nul = raw.indexOf('\0');
    return nul < 0 ? raw : raw.left(nul);
}

// The members of an archive; empty (after a warning) when it is not one.
QList<TarMember> readTar(const QByteArray &archive)
{
    QList<TarMember> members;
    qsizetype at = 0;
    while (at + 512 <= archive.size()) {
        const QByteArray block = archive.mid(at, 512);
        if (block.count('\0') == 512)
            return members;
        TarMember member;
        member.name = field(block, 0, 100);
        const QByteArray prefix = field(block, 345, 155);
        if (block.mid(257, 5) == "ustar" && !prefix.isEmpty())
            member.name = prefix + '/' + member.name;
        member.type = block.at(156);
        member.linkName = field(block, 157, 100);
        bool ok = false;
        const qint64 size = field(block, 124, 12).trimmed().toLongLong(&ok, 8);
        if (!ok || at + 512 + size > archive.size()) {
            qWarning("not a tar archive (member at %lld)", qint64(at));
            return {};
        }
        member.data = archive.mid(at + 512, size);
        members.append(member);
        at += 512 + (size + 511) / 512 * 512;
    }
    qWarning("the tar archive has no end marker");
    return {};
}

void putOctal(QByteArray &block, int offset, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(block.data() + offset, digits.constData(), size_t(width - 1));
}

QByteArray writeTar(const QList<TarMember> &members)
{
    QByteArray archive;
    for (const TarMember &member : members) {
        QByteArray block(512, '\0');
        std::memcpy(block.data(), member.name.constData(), size_t(std::min<qsizetype>(member.name.size(), 100)));
        putOctal(block, 100, 8, 0644);
        putOctal(block, 108, 8, 0);
        putOctal(block, 116, 8, 0);
        putOctal(block, 124, 12, member.data.size());
        putOctal(block, 136, 12, 1714564800);
        block[156] = member.type;
        std::memcpy(block.data() + 157, member.linkName.constData(),
                    size_t(std::min<qsizetype>(member.linkName.size(), 100)));
        std::memcpy(block.data() + 257, "ustar\0" "00", 8);
        std::memset(block.data() + 148, ' ', 8);
        unsigned sum = 0;
        for (const char c : std::as_const(block))
            sum += static_cast<unsigned char>(c);
        const QByteArray digits = QByteArray::number(sum, 8).rightJustified(6, '0');
        std::memcpy(block.data() + 148, digits.constData(), 6);
        block[154] = '\0';
        archive += block + member.data + QByteArray((512 - member.data.size() % 512) % 512, '\0');
    }
    return archive + QByteArray(1024, '\0');
}

TarMember fileMember(const QByteArray &name, const QByteArray &data)
{
    return {name, data, '0', {}};
}

qsizetype indexOfMember(const QList<TarMember> &members, const QByteArray &name)
{
    for (qsizetype i = 0; i < members.size(); ++i)
        if (members.at(i).name == name)
            return i;
    return -1;
}

// What a feed says about each record: "type id" → the change.
QMap<QString, QJsonObject> byRecord(const QList<QJsonObject> &changes)
{
    QMap<QString, QJsonObject> records;
    for (QJsonObject change : changes) {
        change.remove(u"seq"_s);
        records.insert(change.value(u"type"_s).toString() + u' ' + change.value(u"id"_s).toString(), change);
    }
    return records;
}

} // namespace

class TestServerMaintenance final : public QObject
{
    Q_OBJECT

private:
    ServerTestSession m_session;
    // Tokens, filled by the logins in initTestCase.
    const QString &m_admin = m_session.token(kAdmin);
    const QString &m_staff = m_session.token(kStaff);
    const QString &m_viewer = m_session.token(kViewer);
    const QString &m_otherStaff = m_session.token(kOtherStaff);
    int m_seeds = 0;

    QString dataDir() const { return m_session.dataDir(); }
    QString blobFile(const QString &sha256) const
    {
        return dataDir() + u"/blobs/"_s + sha256.left(2) + u'/' + sha256;
    }
    // An original: a small PNG of noise, unique per seed.
    Blob newBlob()
    {
        ++m_seeds;
        return noiseBlob(m_seeds, 8, 977u, u"maintenance-%1"_s.arg(m_seeds));
    }

    // ---- requests, as the admin unless a token is given (the shared ones are the session's) ----

    HttpReply putBlob(const QString &workspace, const Blob &blob, const QByteArray &contentRange = {},
                      qsizetype length = -1)
    {
        return m_session.putBlob(workspace, blob.sha256, length < 0 ? blob.bytes : blob.bytes.left(length), m_admin,
                                 contentRange);
    }
    bool upload(const QString &workspace, const Blob &blob) { return m_session.uploadBlob(workspace, blob, m_admin); }
    // The first bytes of a new original, as a partial upload; the blob.
    Blob startUpload(const QString &workspace, qsizetype length)
    {
        const Blob blob = newBlob();
        const HttpReply reply = putBlob(workspace, blob,
                                        "bytes 0-" + QByteArray::number(length - 1) + '/' +
                                            QByteArray::number(blob.bytes.size()),
                                        length);
        if (reply.status != 202)
            qWarning("partial upload: %s", qPrintable(reply.describe()));
        return blob;
    }
    // A new original uploaded and its image created; the record, or an empty one after a warning.
    QJsonObject makeImage(const QString &workspace, const QJsonObject &texts = {}, Blob *made = nullptr)
    {
        const Blob blob = newBlob();
        if (made)
            *made = blob;
        return m_session.makeImage(workspace, blob, m_admin, texts);
    }
    HttpReply getImage(const QString &workspace, const QString &uid)
    {
        return m_session.getImage(workspace, uid, m_admin);
    }
    HttpReply patchImage(const QString &workspace, const QJsonObject &image, const QJsonObject &change)
    {
        return m_session.patchImage(workspace, image.value(u"uid"_s).toString(), image.value(u"revision"_s).toInteger(),
                                    change, m_admin);
    }
    HttpReply deleteImage(const QString &workspace, const QJsonObject &image)
    {
        return m_session.deleteImage(workspace, image.value(u"uid"_s).toString(),
                                     image.value(u"revision"_s).toInteger(), m_admin);
    }
    HttpReply createEntity(const QString &workspace, const QString &kind, const QString &key)
    {
        return m_session.createEntity(workspace, kind + u':' + key, {{u"name"_s, QString(u"Entity "_s + key)}},
                                      m_admin);
    }
    HttpReply putGallery(const QString &workspace, const QString &kind, const QString &key, const QStringList &order)
    {
        return m_session.call("PUT", entityPath(workspace, kind + u':' + key) + u"/gallery"_s, m_admin,
                              json({{u"order"_s, QJsonArray::fromStringList(order)},
                                    {u"primary"_s, order.isEmpty() ? QJsonValue() : QJsonValue(order.first())},
                                    {u"pinned"_s, false}}),
                              {{"If-Match", "\"0\""}});
    }
    HttpReply getBlob(const QString &workspace, const QString &sha256)
    {
        return m_session.getBlob(workspace, sha256, m_admin);
    }
    HttpReply rendition(const QString &workspace, const QString &sha256, int rotation)
    {
        return m_session.call(
            "GET", ws(workspace) + u"/renditions/"_s + sha256 + u"/small?rotation="_s + QString::number(rotation),
            m_admin);
    }
    HttpReply statistics(const QString &workspace, const QString &token = {})
    {
        return m_session.call("GET", ws(workspace) + u"/statistics"_s, token.isEmpty() ? m_admin : token);
    }
    HttpReply cleanup(const QString &workspace, const QJsonObject &body, const QString &token = {})
    {
        return m_session.call("POST", ws(workspace) + u"/maintenance/cleanup"_s, token.isEmpty() ? m_admin : token,
                              json(body));
    }
    HttpReply backup(const QString &workspace, const QString &token = {})
    {
        return m_session.call("GET", ws(workspace) + u"/backup"_s, token.isEmpty() ? m_admin : token);
    }
    HttpRequest restoreRequest(const QString &workspace, const QByteArray &archive, const QString &token = {})
    {
        return apiRequest("PUT", ws(workspace) + u"/backup"_s, token.isEmpty() ? m_admin : token, archive, {},
                          "application/x-tar");
    }
    HttpReply restore(const QString &workspace, const QByteArray &archive, const QString &token = {})
    {
        return m_session.http().send(restoreRequest(workspace, archive, token));
    }

    // The whole change feed; empty after a warning on an error. identity: the feed's.
    QList<QJsonObject> feed(const QString &workspace, QString *identity = nullptr)
    {
        return m_session.feed(workspace, m_admin, 0, 1000, nullptr, identity);
    }
    // One page of changes after `after`.
    QList<QJsonObject> changesAfter(const QString &workspace, qint64 after)
    {
        const HttpReply reply =
            m_session.call("GET", ws(workspace) + u"/changes?limit=1000&after=%1"_s.arg(after), m_admin);
        QList<QJsonObject> changes;
        for (const QJsonValue &change : reply.json.value(u"changes"_s).toArray())
            changes.append(change.toObject());
        return changes;
    }
    QString identityFromMe(const QString &workspace) { return m_session.identityFromMe(m_admin, workspace); }
    // The partial upload of these bytes, made older by seconds.
    bool ageUpload(const QString &sha256, qint64 seconds)
    {
        const QFileInfoList parts =
            QDir(dataDir() + u"/uploads"_s).entryInfoList({u"*-"_s + sha256 + u"*.part"_s}, QDir::Files);
        if (parts.size() != 1)
            return false;
        QFile part(parts.first().filePath());
        return part.open(QIODevice::ReadWrite) &&
               part.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds), QFileDevice::FileModificationTime);
    }
    // Everything a client can see of a workspace, to compare before and after a refused request.
    QJsonObject visibleState(const QString &workspace)
    {
        QString identity;
        const QList<QJsonObject> changes = feed(workspace, &identity);
        QJsonArray all;
        for (const QJsonObject &change : changes)
            all.append(change);
        QJsonObject stats = statistics(workspace).json;
        stats.remove(u"renditions"_s); // made on demand
        return {{u"identity"_s, identity}, {u"changes"_s, all}, {u"statistics"_s, stats}};
    }
    QStringList leftovers() const { return filesUnder(dataDir() + u"/tmp/maintenance"_s); }
    // A file under the data directory, written with its folders.
    bool writeData(const QString &relative, const QByteArray &bytes) const
    {
        QFile file(dataDir() + u'/' + relative);
        return QDir().mkpath(QFileInfo(file).path()) && file.open(QIODevice::WriteOnly) &&
               file.write(bytes) == bytes.size();
    }
    // A file or folder under the data directory made older by seconds (its own time: a folder's
    // files keep theirs).
    bool age(const QString &relative, qint64 seconds) const
    {
        const time_t when = time_t(QDateTime::currentSecsSinceEpoch() - seconds);
        const struct timespec times[2] = {{when, 0}, {when, 0}};
        return ::utimensat(AT_FDCWD, QFile::encodeName(dataDir() + u'/' + relative).constData(), times,
                           AT_SYMLINK_NOFOLLOW) == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        EXPECT_DONE(m_session.start());
        // A workspace for each test; the admin is admin in each, and in other.
        const QStringList own = {u"stats"_s,  u"clean"_s, u"lost"_s,   u"shareA"_s,
                                 u"shareB"_s, u"vault"_s, u"tamper"_s, u"large"_s};
        for (const QString &workspace : own) {
            const ServerProcess::Command added = m_session.server().workspaceAdd(workspace);
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        for (const QString &workspace : QStringList{kOther} + own) {
            const ServerProcess::Command granted = m_session.server().workspaceGrant(workspace, u"admin"_s, u"admin"_s);
            QVERIFY2(granted.exitCode == 0, qPrintable(granted.err));
        }
        EXPECT_DONE(m_session.logIn({kAdmin, kStaff, kViewer, kOtherStaff}));
    }

    void cleanupTestCase() { EXPECT_DONE(m_session.finish()); }

    // ================================================================ statistics (§9.2)

    void statisticsCountTheWorkspace()
    {
        const QString w = u"stats"_s;
        EXPECT_STATUS(createEntity(w, u"product"_s, u"P-1"_s), 201);
        const HttpReply customer = createEntity(w, u"customer"_s, u"C-1"_s);
        EXPECT_STATUS(customer, 201);
        EXPECT_STATUS(
            m_session.call("DELETE", ws(w) + u"/entities/customer/C-1"_s, m_admin, {}, {{"If-Match", "\"1\""}}), 200);
        Blob a, b, c;
        const QJsonObject imageA = makeImage(w, {{u"imageType"_s, u"Produktfoto"_s}}, &a);
        const QJsonObject imageB = makeImage(w, {}, &b);
        const QJsonObject imageC = makeImage(w, {}, &c);
        QVERIFY(!imageA.isEmpty() && !imageB.isEmpty() && !imageC.isEmpty());
        EXPECT_STATUS(deleteImage(w, imageC), 200);
        EXPECT_STATUS(putGallery(w, u"product"_s, u"P-1"_s, {imageA.value(u"uid"_s).toString()}), 200);
        const Blob orphan = newBlob();
        QVERIFY(upload(w, orphan));
        const HttpReply small = rendition(w, a.sha256, 0);
        EXPECT_STATUS(small, 200);
        startUpload(w, 100);

        HttpReply reply = statistics(w);
        EXPECT_STATUS(reply, 200);
        QString identity;
        const QList<QJsonObject> changes = feed(w, &identity);
        QCOMPARE(reply.json.value(u"workspace"_s).toString(), w);
        QCOMPARE(reply.json.value(u"identity"_s).toString(), identity);
        QCOMPARE(reply.json.value(u"identity"_s).toString(), identityFromMe(w));
        QCOMPARE(reply.json.value(u"lastSeq"_s).toInteger(), changes.constLast().value(u"seq"_s).toInteger());
        QCOMPARE(reply.json.value(u"images"_s).toInteger(), 2);
        QCOMPARE(reply.json.value(u"deletedImages"_s).toInteger(), 1);
        QCOMPARE(reply.json.value(u"unassignedImages"_s).toInteger(), 1);
        QCOMPARE(reply.json.value(u"imagesPerFormat"_s).toObject(), (QJsonObject{{u"png"_s, 2}}));
        QCOMPARE(reply.json.value(u"imagesPerType"_s).toObject(), (QJsonObject{{u""_s, 1}, {u"Produktfoto"_s, 1}}));
        QCOMPARE(reply.json.value(u"entitiesPerKind"_s).toObject(),
                 (QJsonObject{{u"customer"_s, 0}, {u"product"_s, 1}, {u"job"_s, 0}, {u"category"_s, 0},
                              {u"invoice"_s, 0}, {u"company"_s, 0}}));
        QCOMPARE(reply.json.value(u"blobs"_s).toObject(),
                 (QJsonObject{{u"count"_s, 4},
                              {u"bytes"_s, a.bytes.size() + b.bytes.size() + c.bytes.size() + orphan.bytes.size()}}));
        QCOMPARE(reply.json.value(u"renditions"_s).toObject(),
                 (QJsonObject{{u"count"_s, 1}, {u"bytes"_s, small.body.size()}}));
        QCOMPARE(reply.json.value(u"partialUploads"_s).toObject(), (QJsonObject{{u"count"_s, 1}, {u"bytes"_s, 100}}));

        // A write shows at once.
        QVERIFY(!makeImage(w).isEmpty());
        const qint64 lastSeq = reply.json.value(u"lastSeq"_s).toInteger();
        reply = statistics(w);
        QCOMPARE(reply.json.value(u"images"_s).toInteger(), 3);
        QCOMPARE(reply.json.value(u"unassignedImages"_s).toInteger(), 2);
        QCOMPARE(reply.json.value(u"blobs"_s).toObject().value(u"count"_s).toInteger(), 5);
        QVERIFY(reply.json.value(u"lastSeq"_s).toInteger() > lastSeq);
    }

    // ================================================================ cleanup (§9.3)

    void cleanupDryRunThenReal()
    {
        const QString w = u"clean"_s;
        Blob a, b;
        const QJsonObject imageA = makeImage(w, {}, &a);
        const QJsonObject imageB = makeImage(w, {}, &b);
        QVERIFY(!imageA.isEmpty() && !imageB.isEmpty());
        const HttpReply shownA = rendition(w, a.sha256, 0);
        const HttpReply turnedA = rendition(w, a.sha256, 1); // no live image shows A turned
        const HttpReply shownB = rendition(w, b.sha256, 0);
        EXPECT_STATUS(shownA, 200);
        EXPECT_STATUS(turnedA, 200);
        EXPECT_STATUS(shownB, 200);
        EXPECT_STATUS(deleteImage(w, imageB), 200);
        const Blob orphan = newBlob();
        QVERIFY(upload(w, orphan));
        const Blob stale = startUpload(w, 100);
        QVERIFY(ageUpload(stale.sha256, 25 * 3600));
        const Blob fresh = startUpload(w, 50);
        const QStringList filesBefore = filesUnder(dataDir());
        const QList<QJsonObject> feedBefore = feed(w);

        // The default minimum age (an hour) keeps everything just made; old partial uploads go.
        HttpReply reply = cleanup(w, {{u"dryRun"_s, true}});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json,
                 (QJsonObject{{u"dryRun"_s, true}, {u"removedBlobs"_s, 0}, {u"removedBlobBytes"_s, 0},
                              {u"removedRenditions"_s, 0}, {u"removedRenditionBytes"_s, 0},
                              {u"removedPartialUploads"_s, 1}, {u"removedPartialBytes"_s, 100},
                              {u"removedTemporaryFiles"_s, 0}, {u"removedTemporaryBytes"_s, 0},
                              {u"missingBlobs"_s, QJsonArray()}, {u"skipped"_s, 0}, {u"failed"_s, 0}}));

        // A dry run counts and removes nothing.
        const QJsonObject expected{{u"dryRun"_s, true},
                                   {u"removedBlobs"_s, 2},
                                   {u"removedBlobBytes"_s, b.bytes.size() + orphan.bytes.size()},
                                   {u"removedRenditions"_s, 2},
                                   {u"removedRenditionBytes"_s, turnedA.body.size() + shownB.body.size()},
                                   {u"removedPartialUploads"_s, 1},
                                   {u"removedPartialBytes"_s, 100},
                                   {u"removedTemporaryFiles"_s, 0},
                                   {u"removedTemporaryBytes"_s, 0},
                                   {u"missingBlobs"_s, QJsonArray()},
                                   {u"skipped"_s, 0},
                                   {u"failed"_s, 0}};
        reply = cleanup(w, {{u"dryRun"_s, true}, {u"minAgeSeconds"_s, 0}});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json, expected);
        QCOMPARE(filesUnder(dataDir()), filesBefore);
        QCOMPARE(feed(w), feedBefore);

        // The real run removes what the dry run counted.
        reply = cleanup(w, {{u"minAgeSeconds"_s, 0}});
        EXPECT_STATUS(reply, 200);
        QJsonObject done = expected;
        done.insert(u"dryRun"_s, false);
        QCOMPARE(reply.json, done);
        QVERIFY(QFile::exists(blobFile(a.sha256)));
        QVERIFY(!QFile::exists(blobFile(b.sha256)));
        QVERIFY(!QFile::exists(blobFile(orphan.sha256)));
        const QString renditions = dataDir() + u"/renditions"_s;
        const QStringList kept = filesUnder(renditions).filter(QRegularExpression(u"^[0-9a-f]{2}/"_s));
        QVERIFY2(kept.contains(a.sha256.left(2) + u'/' + a.sha256 + u"-small-r0.jpg"_s), qPrintable(kept.join(u' ')));
        QVERIFY(!kept.contains(a.sha256.left(2) + u'/' + a.sha256 + u"-small-r1.jpg"_s));
        QVERIFY(kept.filter(b.sha256).isEmpty());
        const QStringList uploads = filesUnder(dataDir() + u"/uploads"_s);
        QVERIFY(uploads.filter(stale.sha256).isEmpty());
        QCOMPARE(uploads.filter(fresh.sha256).size(), 1);
        EXPECT_ERROR(getBlob(w, b.sha256), 404, u"not_found"_s);
        EXPECT_STATUS(getBlob(w, a.sha256), 200);
        EXPECT_STATUS(getImage(w, imageB.value(u"uid"_s).toString()), 410); // tombstones stay

        // Each removed blob leaves a tombstone in the feed.
        const QList<QJsonObject> news = changesAfter(w, feedBefore.constLast().value(u"seq"_s).toInteger());
        QCOMPARE(news.size(), 2);
        QStringList removed;
        for (const QJsonObject &change : news) {
            QCOMPARE(change.value(u"type"_s).toString(), u"blob"_s);
            QVERIFY(change.value(u"deleted"_s).toBool());
            QCOMPARE(change.value(u"revision"_s).toInteger(), 2);
            removed.append(change.value(u"id"_s).toString());
        }
        removed.sort();
        QStringList expectedRemoved{b.sha256, orphan.sha256};
        expectedRemoved.sort();
        QCOMPARE(removed, expectedRemoved);

        // Nothing is left to do.
        reply = cleanup(w, {{u"minAgeSeconds"_s, 0}});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(u"removedBlobs"_s).toInteger(), 0);
        QCOMPARE(reply.json.value(u"removedRenditions"_s).toInteger(), 0);
        QCOMPARE(reply.json.value(u"removedPartialUploads"_s).toInteger(), 0);

        // The same bytes uploaded again are the workspace's again, and the feed says so.
        EXPECT_STATUS(putBlob(w, orphan), 201);
        const QList<QJsonObject> back = changesAfter(w, news.constLast().value(u"seq"_s).toInteger());
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().value(u"id"_s).toString(), orphan.sha256);
        QCOMPARE(back.first().value(u"deleted"_s).toBool(), false);
        QCOMPARE(back.first().value(u"revision"_s).toInteger(), 3);
    }

    void cleanupRefusesBadOptions()
    {
        const QString path = ws(u"clean"_s) + u"/maintenance/cleanup"_s;
        EXPECT_ERROR(cleanup(u"clean"_s, {{u"dryRun"_s, u"yes"_s}}), 400, u"bad_request"_s);
        EXPECT_ERROR(cleanup(u"clean"_s, {{u"minAgeSeconds"_s, -1}}), 400, u"bad_request"_s);
        EXPECT_ERROR(cleanup(u"clean"_s, {{u"minAgeSeconds"_s, 1.5}}), 400, u"bad_request"_s);
        EXPECT_ERROR(m_session.call("POST", path, m_admin, "{\"dryRun\":", {}), 400, u"bad_request"_s);
        EXPECT_ERROR(m_session.call("POST", path, m_admin, "dryRun", {}, "text/plain"), 415,
                     u"unsupported_media_type"_s);
        // No body at all: the defaults.
        const HttpReply reply = m_session.call("POST", path, m_admin, QByteArray(""));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(u"dryRun"_s).toBool(), false);
    }

    // What requests of a server process that died left in the temporary folders goes once
    // nothing in it changed for a day; the upload locks, and anything changed since, stay.
    void cleanupRemovesAbandonedTemporaryFiles()
    {
        const QString w = u"clean"_s;
        const Blob pinned = newBlob();
        QVERIFY(upload(w, pinned));
        const QString dead = u"tmp/maintenance/backup-dead03"_s;
        const QStringList stale = {u"tmp/incoming-dead01"_s, u"tmp/maintenance/upload-dead02.tar"_s,
                                   dead + u"/records.jsonl"_s, u"renditions/tmp/dead04small-Ab12Cd.jpg"_s};
        const QList<int> staleBytes = {100, 30, 40, 20};
        for (int i = 0; i < stale.size(); ++i)
            QVERIFY(writeData(stale.at(i), QByteArray(staleBytes.at(i), 'x')));
        QVERIFY(QDir().mkpath(dataDir() + u'/' + dead + u"/blobs"_s)); // a backup's pin: a link, no bytes of its own
        const QString pin = dead + u"/blobs/"_s + pinned.sha256;
        QVERIFY(::link(QFile::encodeName(blobFile(pinned.sha256)).constData(),
                       QFile::encodeName(dataDir() + u'/' + pin).constData()) == 0);
        const QString live = u"tmp/maintenance/restore-live02"_s; // an old folder, a new file in it
        const QStringList kept = {u"tmp/incoming-live01"_s, live + u"/records.jsonl"_s, u"tmp/locks/upload-zz.lock"_s};
        for (const QString &file : kept)
            QVERIFY(writeData(file, "y"));
        const QStringList locks = QDir(dataDir() + u"/tmp/locks"_s).entryList(QDir::Files);
        QStringList aged = QStringList(stale) << pin << dead + u"/blobs"_s << dead << live;
        for (const QString &lock : locks)
            aged << u"tmp/locks/"_s + lock;
        aged << u"tmp/locks"_s;
        for (const QString &path : std::as_const(aged))
            QVERIFY2(age(path, 25 * 3600), qPrintable(path));
        const QStringList filesBefore = filesUnder(dataDir());
        const auto removed = [](const HttpReply &reply) {
            return QPair(reply.json.value(u"removedTemporaryFiles"_s).toInteger(),
                         reply.json.value(u"removedTemporaryBytes"_s).toInteger());
        };

        HttpReply reply = cleanup(w, {{u"dryRun"_s, true}, {u"minAgeSeconds"_s, 30 * 3600}});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(removed(reply), QPair(qint64(0), qint64(0))); // younger than the minimum age asked for
        reply = cleanup(w, {{u"dryRun"_s, true}});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(removed(reply), QPair(qint64(5), qint64(190)));
        QCOMPARE(filesUnder(dataDir()), filesBefore);

        reply = cleanup(w, {});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(removed(reply), QPair(qint64(5), qint64(190)));
        QCOMPARE(reply.json.value(u"failed"_s).toInteger(), 0);
        for (const QString &path : stale)
            QVERIFY2(!QFileInfo::exists(dataDir() + u'/' + path), qPrintable(path));
        QVERIFY(!QFileInfo::exists(dataDir() + u'/' + dead));
        for (const QString &file : kept)
            QVERIFY2(QFileInfo::exists(dataDir() + u'/' + file), qPrintable(file));
        QCOMPARE(QDir(dataDir() + u"/tmp/locks"_s).entryList(QDir::Files), locks); // never temporary
        QVERIFY(QFileInfo(dataDir() + u"/tmp/maintenance"_s).isDir());
        QVERIFY(QFile::exists(blobFile(pinned.sha256))); // the original stays
        EXPECT_STATUS(getBlob(w, pinned.sha256), 200);
        reply = cleanup(w, {});
        QCOMPARE(removed(reply), QPair(qint64(0), qint64(0)));
        for (const QString &file : kept)
            QVERIFY(QFile::remove(dataDir() + u'/' + file));
        QVERIFY(QDir(dataDir() + u'/' + live).removeRecursively());
    }

    void missingOriginalsAreReportedNotRemoved()
    {
        const QString w = u"lost"_s;
        Blob lost;
        const QJsonObject image = makeImage(w, {}, &lost);
        QVERIFY(!image.isEmpty());
        QVERIFY(QFile::remove(blobFile(lost.sha256)));
        const HttpReply reply = cleanup(w, {{u"minAgeSeconds"_s, 0}});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(u"missingBlobs"_s).toArray(), QJsonArray{lost.sha256});
        QCOMPARE(reply.json.value(u"removedBlobs"_s).toInteger(), 0);
        EXPECT_STATUS(getImage(w, image.value(u"uid"_s).toString()), 200);
        // A client that still has the bytes sends them again (§9.3).
        EXPECT_STATUS(putBlob(w, lost), 200);
    }

    void sharedBlobLeavesTheDiskWithItsLastHolder()
    {
        const Blob shared = newBlob();
        QVERIFY(upload(u"shareA"_s, shared));
        QVERIFY(upload(u"shareB"_s, shared));

        HttpReply reply = cleanup(u"shareA"_s, {{u"minAgeSeconds"_s, 0}});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(u"removedBlobs"_s).toInteger(), 1);
        QCOMPARE(reply.json.value(u"removedBlobBytes"_s).toInteger(), shared.bytes.size());
        QVERIFY(QFile::exists(blobFile(shared.sha256)));
        EXPECT_ERROR(getBlob(u"shareA"_s, shared.sha256), 404, u"not_found"_s);
        reply = getBlob(u"shareB"_s, shared.sha256);
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.body, shared.bytes);

        reply = cleanup(u"shareB"_s, {{u"minAgeSeconds"_s, 0}});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(u"removedBlobs"_s).toInteger(), 1);
        QVERIFY(!QFile::exists(blobFile(shared.sha256)));
        EXPECT_ERROR(getBlob(u"shareB"_s, shared.sha256), 404, u"not_found"_s);
    }

    // ================================================================ roles

    void rolesAndWorkspaces()
    {
        const QByteArray archive = backup(kMain).body;
        QVERIFY(!archive.isEmpty());
        for (const QString &token : {m_staff, m_viewer}) {
            EXPECT_ERROR(cleanup(kMain, {{u"dryRun"_s, true}}, token), 403, u"forbidden"_s);
            EXPECT_ERROR(backup(kMain, token), 403, u"forbidden"_s);
            EXPECT_ERROR(restore(kMain, archive, token), 403, u"forbidden"_s);
        }
        EXPECT_STATUS(statistics(kMain, m_viewer), 200);
        // Another workspace's member, and a workspace that does not exist: not found.
        for (const QString &workspace : {kMain, u"nowhere"_s}) {
            EXPECT_ERROR(statistics(workspace, m_otherStaff), 404, u"not_found"_s);
            EXPECT_ERROR(cleanup(workspace, {{u"dryRun"_s, true}}, m_otherStaff), 404, u"not_found"_s);
            EXPECT_ERROR(backup(workspace, m_otherStaff), 404, u"not_found"_s);
            EXPECT_ERROR(restore(workspace, archive, m_otherStaff), 404, u"not_found"_s);
        }
        EXPECT_ERROR(statistics(kMain, u"not-a-token"_s), 401, u"token_expired"_s);
        EXPECT_ERROR(m_session.http().send(restoreRequest(kMain, archive, u"not-a-token"_s)), 401, u"token_expired"_s);
        // A restore needs a tar archive.
        HttpRequest wrongType = restoreRequest(kMain, archive);
        wrongType.contentType = "application/octet-stream";
        EXPECT_ERROR(m_session.http().send(wrongType), 415, u"unsupported_media_type"_s);
    }

    // ================================================================ backup and restore (§9.4, §9.5)

    void backupThenRestoreBringsTheStateBack()
    {
        const QString w = u"vault"_s;
        EXPECT_STATUS(createEntity(w, u"product"_s, u"V-1"_s), 201);
        Blob a, b, c;
        const QJsonObject imageA = makeImage(w, {{u"caption"_s, u"before"_s}}, &a);
        const QJsonObject imageB = makeImage(w, {}, &b);
        const QJsonObject imageC = makeImage(w, {}, &c);
        QVERIFY(!imageA.isEmpty() && !imageB.isEmpty() && !imageC.isEmpty());
        EXPECT_STATUS(putGallery(w, u"product"_s, u"V-1"_s,
                                 {imageA.value(u"uid"_s).toString(), imageB.value(u"uid"_s).toString()}),
                      200);
        EXPECT_STATUS(deleteImage(w, imageC), 200);
        const Blob orphan = newBlob();
        QVERIFY(upload(w, orphan));
        QString identityBefore;
        const QList<QJsonObject> feedBefore = feed(w, &identityBefore);

        const HttpReply archive = backup(w);
        EXPECT_STATUS(archive, 200);
        QCOMPARE(archive.header("Content-Type"), QByteArray("application/x-tar"));
        QVERIFY2(QRegularExpression(u"^attachment; filename=\"vault-\\d{8}T\\d{6}Z\\.tar\"$"_s)
                     .match(QString::fromLatin1(archive.header("Content-Disposition")))
                     .hasMatch(),
                 archive.header("Content-Disposition").constData());
        const QList<TarMember> members = readTar(archive.body);
        QVERIFY(!members.isEmpty());
        // manifest.json last, with the SHA-256 of every other member; each original once.
        QCOMPARE(members.constLast().name, QByteArray("manifest.json"));
        QMap<QString, QString> listed;
        for (const QJsonValue &member :
             QJsonDocument::fromJson(members.constLast().data).object().value(u"members"_s).toArray())
            listed.insert(member.toObject().value(u"path"_s).toString(),
                          member.toObject().value(u"sha256"_s).toString());
        QCOMPARE(listed.size(), members.size() - 1);
        for (const TarMember &member : members.first(members.size() - 1))
            QCOMPARE(listed.value(QString::fromUtf8(member.name)), sha256Of(member.data));
        for (const Blob &blob : {a, b, c, orphan}) {
            const qsizetype at = indexOfMember(members, "blobs/" + blob.sha256.toLatin1());
            QVERIFY2(at >= 0, qPrintable(blob.sha256));
            QCOMPARE(members.at(at).data, blob.bytes);
        }

        // Changes after the backup: a text, a new image, a deletion and a cleanup that takes
        // the deleted images' originals off the disk.
        EXPECT_STATUS(patchImage(w, imageA, {{u"caption"_s, u"after"_s}}), 200);
        Blob n;
        const QJsonObject imageN = makeImage(w, {}, &n);
        QVERIFY(!imageN.isEmpty());
        EXPECT_STATUS(deleteImage(w, getImage(w, imageB.value(u"uid"_s).toString()).json), 200);
        EXPECT_STATUS(cleanup(w, {{u"minAgeSeconds"_s, 0}}), 200);
        QVERIFY(!QFile::exists(blobFile(b.sha256)));

        HttpReply reply = restore(w, archive.body);
        EXPECT_STATUS(reply, 200);
        const QString identityAfter = reply.json.value(u"identity"_s).toString();
        QVERIFY(!QUuid::fromString(identityAfter).isNull());
        QVERIFY(identityAfter != identityBefore);
        QCOMPARE(reply.json,
                 (QJsonObject{{u"workspace"_s, w}, {u"identity"_s, identityAfter},
                              {u"previousIdentity"_s, identityBefore}, {u"images"_s, 2}, {u"entities"_s, 1},
                              {u"blobs"_s, 4}}));
        QCOMPARE(identityFromMe(w), identityAfter);
        QCOMPARE(leftovers(), QStringList());

        // The feed, from the start, is the state of the backup under the new identity.
        QString feedIdentity;
        const QList<QJsonObject> feedAfter = feed(w, &feedIdentity);
        QCOMPARE(feedIdentity, identityAfter);
        QCOMPARE(byRecord(feedAfter), byRecord(feedBefore));
        reply = getImage(w, imageA.value(u"uid"_s).toString());
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(u"caption"_s).toString(), u"before"_s);
        QCOMPARE(reply.json.value(u"revision"_s).toInteger(), imageA.value(u"revision"_s).toInteger());
        EXPECT_STATUS(getImage(w, imageC.value(u"uid"_s).toString()), 410);
        EXPECT_ERROR(getImage(w, imageN.value(u"uid"_s).toString()), 404, u"not_found"_s);
        for (const Blob &blob : {a, b, c, orphan}) {
            reply = getBlob(w, blob.sha256);
            EXPECT_STATUS(reply, 200);
            QCOMPARE(reply.body, blob.bytes);
        }
        // The new image's original is held by no workspace now: it left the disk.
        EXPECT_ERROR(getBlob(w, n.sha256), 404, u"not_found"_s);
        QVERIFY(!QFile::exists(blobFile(n.sha256)));

        // Writes go on from the restored revisions, after the restored seqs.
        const HttpReply patched =
            patchImage(w, getImage(w, imageA.value(u"uid"_s).toString()).json, {{u"caption"_s, u"again"_s}});
        EXPECT_STATUS(patched, 200);
        QCOMPARE(patched.json.value(u"revision"_s).toInteger(), imageA.value(u"revision"_s).toInteger() + 1);
        const QList<QJsonObject> latest = feed(w);
        QCOMPARE(latest.constLast().value(u"id"_s).toString(), imageA.value(u"uid"_s).toString());
        QVERIFY(latest.constLast().value(u"seq"_s).toInteger() > feedAfter.constLast().value(u"seq"_s).toInteger());
    }

    void tamperedArchivesChangeNothing()
    {
        const QString w = u"tamper"_s;
        Blob a;
        const QJsonObject image = makeImage(w, {{u"caption"_s, u"in the backup"_s}}, &a);
        QVERIFY(!image.isEmpty());
        QVERIFY(upload(w, newBlob()));
        const HttpReply archive = backup(w);
        EXPECT_STATUS(archive, 200);
        const QList<TarMember> members = readTar(archive.body);
        QVERIFY(!members.isEmpty());
        EXPECT_STATUS(patchImage(w, image, {{u"caption"_s, u"after the backup"_s}}), 200);
        const QJsonObject before = visibleState(w);
        const QStringList blobsBefore = filesUnder(dataDir() + u"/blobs"_s);

        const qsizetype records = indexOfMember(members, "records.jsonl");
        const qsizetype blobA = indexOfMember(members, "blobs/" + a.sha256.toLatin1());
        QVERIFY(records >= 0 && blobA >= 0);
        const auto changed = [&](const std::function<void(QList<TarMember> &)> &change) {
            QList<TarMember> copy = members;
            change(copy);
            return writeTar(copy);
        };
        const auto insertBeforeManifest = [](QList<TarMember> &copy, const TarMember &member) {
            copy.insert(copy.size() - 1, member);
        };
        const Blob stranger = newBlob();
        const QList<QPair<const char *, QByteArray>> tampered = {
            {"a record changed",
             changed([&](QList<TarMember> &m) { m[records].data.replace("in the backup", "in the bakcup"); })},
            {"an original changed",
             changed([&](QList<TarMember> &m) { m[blobA].data[20] = char(m[blobA].data[20] ^ 0x55); })},
            {"an original missing", changed([&](QList<TarMember> &m) { m.removeAt(blobA); })},
            {"the manifest missing", changed([&](QList<TarMember> &m) { m.removeLast(); })},
            {"a member not in the manifest",
             changed([&](QList<TarMember> &m) {
                 insertBeforeManifest(m, fileMember("blobs/" + stranger.sha256.toLatin1(), stranger.bytes));
             })},
            {"a name climbing out", changed([&](QList<TarMember> &m) {
                 insertBeforeManifest(m, fileMember("../../escape-probe", "x"));
             })},
            {"a name climbing out of blobs", changed([&](QList<TarMember> &m) {
                 insertBeforeManifest(m, fileMember("blobs/../../escape-probe", "x"));
             })},
            {"an absolute name", changed([&](QList<TarMember> &m) {
                 insertBeforeManifest(m, fileMember("/tmp/escape-probe", "x"));
             })},
            {"a symbolic link", changed([&](QList<TarMember> &m) {
                 m[blobA] = {m[blobA].name, {}, '2', "/etc/passwd"};
             })},
            {"a device", changed([&](QList<TarMember> &m) { m[blobA] = {m[blobA].name, {}, '3', {}}; })},
            {"a newer format", changed([&](QList<TarMember> &m) {
                 QJsonObject manifest = QJsonDocument::fromJson(m.last().data).object();
                 manifest.insert(u"formatVersion"_s, 99);
                 m.last().data = QJsonDocument(manifest).toJson();
             })},
            {"a desktop backup", writeTar({fileMember("catalog.sqlite", "SQLite format 3")})},
            {"cut short", archive.body.left(archive.body.size() / 2)},
            {"not a tar archive", QByteArray(4096, 'x')},
            {"empty", QByteArray("")},
        };
        for (const auto &[what, bytes] : tampered) {
            const HttpReply reply = restore(w, bytes);
            QVERIFY2(reply.status == 422 && reply.errorCode() == u"invalid_backup"_s,
                     qPrintable(QString::fromLatin1(what) + u": "_s + reply.describe()));
            QVERIFY2(visibleState(w) == before, what);
            QCOMPARE(filesUnder(dataDir() + u"/blobs"_s), blobsBefore);
            QCOMPARE(leftovers(), QStringList());
        }
        QVERIFY(filesUnder(m_session.rootDir()).filter(u"escape-probe"_s).isEmpty());
        QVERIFY(!QFile::exists(u"/tmp/escape-probe"_s));

        // More than the disk can hold: 507 before the body is read, nothing changed.
        const QByteArray huge = "PUT " + ws(w).toLatin1() + "/backup HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Connection: close\r\nAuthorization: Bearer " + m_admin.toLatin1() +
                                "\r\nContent-Type: application/x-tar\r\nContent-Length: 1125899906842624\r\n\r\n" +
                                archive.body.left(1024);
        const HttpReply full = m_session.http().sendRaw(huge);
        QVERIFY2(full.status == 507 && full.errorCode() == u"insufficient_storage"_s, qPrintable(full.describe()));
        QVERIFY(visibleState(w) == before);

        // The untouched archive is taken; requests during the swap are answered 503 with
        // Retry-After, or served from the state before or after it.
        QList<HttpRequest> requests{restoreRequest(w, archive.body)};
        for (int i = 0; i < 8; ++i) {
            HttpRequest read;
            read.path = ws(w) + u"/images/"_s + image.value(u"uid"_s).toString();
            read.token = m_admin;
            requests.append(read);
        }
        const QList<HttpReply> replies = m_session.http().sendAll(requests);
        EXPECT_STATUS(replies.first(), 200);
        for (const HttpReply &read : replies.mid(1)) {
            QVERIFY2(read.status == 200 || (read.status == 503 && read.errorCode() == u"unavailable"_s &&
                                            !read.header("Retry-After").isEmpty()),
                     qPrintable(read.describe()));
        }
        QCOMPARE(getImage(w, image.value(u"uid"_s).toString()).json.value(u"caption"_s).toString(),
                 u"in the backup"_s);
    }

    // A restore body is not held to the 16 MiB of other requests: it goes to disk.
    void largeArchivesAreRestored()
    {
        const QString w = u"large"_s;
        Blob original;
        QVERIFY(!makeImage(w, {}, &original).isEmpty());
        const HttpReply archive = backup(w);
        EXPECT_STATUS(archive, 200);
        QList<TarMember> members = readTar(archive.body);
        QVERIFY(!members.isEmpty());
        // An original of 17 MiB added to the archive and its manifest.
        QByteArray big(17 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(42);
        generator.fillRange(reinterpret_cast<quint32 *>(big.data()), big.size() / 4);
        const QString sha256 = sha256Of(big);
        QJsonObject manifest = QJsonDocument::fromJson(members.last().data).object();
        QJsonArray listed = manifest.value(u"members"_s).toArray();
        listed.append(QJsonObject{
            {u"path"_s, QString(u"blobs/"_s + sha256)}, {u"bytes"_s, qint64(big.size())}, {u"sha256"_s, sha256}});
        manifest.insert(u"members"_s, listed);
        QJsonObject counts = manifest.value(u"counts"_s).toObject();
        counts.insert(u"members"_s, listed.size());
        manifest.insert(u"counts"_s, counts);
        members.last().data = QJsonDocument(manifest).toJson();
        members.insert(members.size() - 1, fileMember("blobs/" + sha256.toLatin1(), big));
        const QByteArray large = writeTar(members);
        QVERIFY(large.size() > 16 * 1024 * 1024);

        const HttpReply reply = restore(w, large);
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(u"blobs"_s).toInteger(), 2);
        const HttpReply stats = statistics(w);
        QCOMPARE(stats.json.value(u"blobs"_s).toObject().value(u"bytes"_s).toInteger(),
                 big.size() + original.bytes.size());
        QVERIFY(QFile::exists(blobFile(sha256)));
    }
};

QTEST_GUILESS_MAIN(TestServerMaintenance)
#include "tst_servermaintenance.moc"

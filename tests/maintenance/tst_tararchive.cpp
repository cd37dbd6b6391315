// TarWriter and TarReader: streaming round trips, long and non-ASCII names, interchange
// with GNU tar in both directions, and damaged or truncated archives detected.
#include "maintenance/tarreader.h"
#include "maintenance/tarwriter.h"
#include "storage/contenthash.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (char &c : bytes)
        c = char(generator.bounded(256));
    return bytes;
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString sha256(const QByteArray &bytes)
{
    ContentHash hash;
    hash.addData(bytes);
    return hash.hexDigest();
}

struct Member
{
    TarEntry entry;
    QByteArray data;
};

// Reads a whole archive; on error returns the error text in *error.
QList<Member> readArchive(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open"_s;
        return {};
    }
    TarReader reader(&file);
    QList<Member> members;
    for (;;) {
        auto entry = reader.next();
        if (!entry) {
            *error = entry.error();
            return members;
        }
        if (!entry->has_value())
            return members;
        Member member{*entry.value(), {}};
        const Status read = reader.readData([&](const char *data, qint64 size) {
            member.data.append(data, size);
            return true;
        });
        if (!read) {
            *error = read.error();
            return members;
        }
        members.append(member);
    }
}

QStringList runTar(const QStringList &arguments, const QString &workingDir = {})
{
    QProcess tar;
    tar.setWorkingDirectory(workingDir);
    tar.start(u"tar"_s, arguments);
    if (!tar.waitForFinished(60000) || tar.exitStatus() != QProcess::NormalExit || tar.exitCode() != 0)
        return {u"tar failed: "_s + QString::fromLocal8Bit(tar.readAllStandardError())};
    return QString::fromUtf8(tar.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestTarArchive final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTripStreamsEverySize();
    void longAndNonAsciiNamesSurvive();
    void gnuTarListsAndExtractsIdenticalBytes();
    void readsArchivesWrittenByGnuTar_data();
    void readsArchivesWrittenByGnuTar();
    void damagedHeaderIsDetected();
    void truncatedArchiveIsDetected_data();
    void truncatedArchiveIsDetected();
    void oversizedMemberIsRefusedByReadAll();
    void chunkCallbackCanStopAMember();

private:
    // Writes members (name -> bytes, through files on disk) to an archive; returns its path.
    QString writeArchive(const QList<std::pair<QString, QByteArray>> &members, QStringList *hashes = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTarArchive::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestTarArchive::writeArchive(const QList<std::pair<QString, QByteArray>> &members, QStringList *hashes)
{
    const QString path = m_dir->filePath(u"archive.tar"_s);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    TarWriter writer(&out);
    int n = 0;
    for (const auto &[name, bytes] : members) {
        const QString source = writeFile(m_dir->filePath(u"source-"_s + QString::number(n++)), bytes);
        const Result<QString> sha = writer.addFile(name, source);
        if (!sha)
            return {};
        if (hashes)
            hashes->append(sha.value());
    }
    if (!writer.finish())
        return {};
    return path;
}

void TestTarArchive::roundTripStreamsEverySize()
{
    QList<std::pair<QString, QByteArray>> members;
    for (const qint64 size : {0LL, 1LL, 511LL, 512LL, 513LL, 3LL * 1024 * 1024 + 7})
        members.append({u"files/size-"_s + QString::number(size), randomBytes(size, quint32(size + 1))});
    QStringList hashes;
    const QString path = writeArchive(members, &hashes);
    QVERIFY(!path.isEmpty());
    QCOMPARE(QFileInfo(path).size() % 512, 0);

    QString error;
    const QList<Member> read = readArchive(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(read.size(), members.size());
    for (int i = 0; i < members.size(); ++i) {
        QCOMPARE(read[i].entry.name, members[i].first);
        QCOMPARE(read[i].entry.type, TarEntry::Type::File);
        QCOMPARE(read[i].entry.size, members[i].second.size());
        QVERIFY(read[i].data == members[i].second);
        QCOMPARE(hashes[i], sha256(members[i].second));
    }
}

void TestTarArchive::longAndNonAsciiNamesSurvive()
{
    const QString prefixed = u"files/"_s + QString(120, u'p') + u"/short-name.jpg"_s; // ustar prefix field
    const QString paxName = u"files/"_s + QString(180, u'x') + u".jpg"_s;             // one part: needs pax
    const QString nonAscii = u"files/café-größe-日本.jpg"_s;
    const QList<std::pair<QString, QByteArray>> members{{prefixed, "a"}, {paxName, "bb"}, {nonAscii, "ccc"}};
    const QString path = writeArchive(members);
    QVERIFY(!path.isEmpty());

    QString error;
    const QList<Member> read = readArchive(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(read.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(read[i].entry.name, members[i].first);
        QCOMPARE(read[i].data, members[i].second);
    }
    const QStringList listed = runTar({u"-tf"_s, path});
    QCOMPARE(listed, (QStringList{prefixed, paxName, nonAscii}));
}

void TestTarArchive::gnuTarListsAndExtractsIdenticalBytes()
{
    const QList<std::pair<QString, QByteArray>> members{
        {u"catalog.sqlite"_s, randomBytes(70000, 1)},
        {u"files/originals/ab/abcdef.jpg"_s, randomBytes(1500, 2)},
        {u"manifest.json"_s, "{}"}};
    const QString path = writeArchive(members);
    QVERIFY(!path.isEmpty());
    QCOMPARE(runTar({u"-tf"_s, path}), (QStringList{members[0].first, members[1].first, members[2].first}));

    const QString out = m_dir->filePath(u"extracted"_s);
    QVERIFY(QDir().mkpath(out));
    QCOMPARE(runTar({u"-xf"_s, path, u"-C"_s, out}), QStringList());
    for (const auto &[name, bytes] : members)
        QVERIFY2(readFile(out + u'/' + name) == bytes, qPrintable(name));
}

void TestTarArchive::readsArchivesWrittenByGnuTar_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pax") << u"pax"_s;
    QTest::newRow("gnu") << u"gnu"_s;
    QTest::newRow("ustar") << u"ustar"_s;
}

void TestTarArchive::readsArchivesWrittenByGnuTar()
{
    QFETCH(QString, format);
    const QString source = m_dir->filePath(u"tree"_s);
    // ustar cannot hold a 150-character single name; the other formats can.
    const QString longPart = format == u"ustar" ? QString(90, u'l') : QString(150, u'l');
    const QString longName = u"deep/"_s + QString(60, u'd') + u'/' + longPart + u".bin"_s;
    const QByteArray bytes = randomBytes(2000, 7);
    QVERIFY(!writeFile(source + u'/' + longName, bytes).isEmpty());
    QVERIFY(QFile::link(u"../../etc/passwd"_s, source + u"/deep/link"_s));
    const QString archive = m_dir->filePath(u"gnu.tar"_s);
    QCOMPARE(runTar({u"--format="_s + format, u"-cf"_s, archive, u"deep"_s}, source), QStringList());

    QString error;
    const QList<Member> read = readArchive(archive, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bool sawFile = false;
    bool sawLink = false;
    for (const Member &member : read) {
        if (member.entry.name == longName) {
            sawFile = true;
            QCOMPARE(member.entry.type, TarEntry::Type::File);
            QVERIFY(member.data == bytes);
        } else if (member.entry.name == u"deep/link") {
            sawLink = true;
            QCOMPARE(member.entry.type, TarEntry::Type::Symlink);
            QCOMPARE(member.entry.linkName, u"../../etc/passwd"_s);
        }
    }
    QVERIFY(sawFile);
    QVERIFY(sawLink);
}

void TestTarArchive::damagedHeaderIsDetected()
{
    const QString path = writeArchive({{u"files/a.jpg"_s, "hello"}});
    QVERIFY(!path.isEmpty());
    QByteArray bytes = readFile(path);
    bytes[3] = char(bytes[3] ^ 0x01); // inside the first header's name
    QVERIFY(!writeFile(path, bytes).isEmpty());

    QString error;
    readArchive(path, &error);
    QVERIFY2(error.contains(u"checksum"_s), qPrintable(error));
}

void TestTarArchive::truncatedArchiveIsDetected_data()
{
    QTest::addColumn<int>("keep");
    QTest::newRow("inside the header") << 100;
    QTest::newRow("inside the data") << 512 + 1000;
    QTest::newRow("before the second member") << 512 + 2048;
    QTest::newRow("before the end marker") << 2 * 512 + 2048 + 512;
}

void TestTarArchive::truncatedArchiveIsDetected()
{
    QFETCH(int, keep);
    const QString path = writeArchive({{u"files/a"_s, randomBytes(2048, 3)}, {u"files/b"_s, "b"}});
    QVERIFY(!path.isEmpty());
    QVERIFY(!writeFile(path, readFile(path).left(keep)).isEmpty());
    QString error;
    readArchive(path, &error);
    QVERIFY2(error.contains(u"truncated"_s), qPrintable(error));
}

void TestTarArchive::oversizedMemberIsRefusedByReadAll()
{
    const QString path = writeArchive({{u"manifest.json"_s, randomBytes(5000, 4)}});
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    TarReader reader(&file);
    auto entry = reader.next();
    QVERIFY(entry && entry->has_value());
    const Result<QByteArray> data = reader.readAll(4096);
    QVERIFY(!data);
    QVERIFY(data.error().contains(u"5000"_s));
}

void TestTarArchive::chunkCallbackCanStopAMember()
{
    const QString source = writeFile(m_dir->filePath(u"big"_s), randomBytes(3 * 1024 * 1024, 5));
    QFile out(m_dir->filePath(u"stopped.tar"_s));
    QVERIFY(out.open(QIODevice::WriteOnly));
    TarWriter writer(&out);
    int chunks = 0;
    const Result<QString> sha = writer.addFile(u"big"_s, source, [&](qint64) { return ++chunks < 2; });
    QVERIFY(!sha);
    QCOMPARE(sha.error(), u"cancelled"_s);
    QCOMPARE(chunks, 2);
}

QTEST_GUILESS_MAIN(TestTarArchive)
#include "tst_tararchive.moc"

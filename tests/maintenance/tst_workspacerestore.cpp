// A restore refuses damaged, truncated and hostile archives with a clear message and
// changes nothing: the existing workspace stays byte for byte as it was and no half
// restored folder is left behind.
#include "maintenance/tarreader.h"
#include "maintenance/tarwriter.h"
#include "maintenance/workspacebackup.h"
#include "maintenance/workspacerestore.h"
#include "testworkspace.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

// A raw ustar header, for member types TarWriter never writes.
QByteArray rawHeader(const QByteArray &name, char type, qint64 size, const QByteArray &linkName = {})
{
    QByteArray block(512, '\0');
    std::memcpy(block.data(), name.constData(), size_t(qMin<qsizetype>(name.size(), 100)));
    std::memcpy(block.data() + 100, "0000644", 7);
    std::memcpy(block.data() + 108, "0000000", 7);
    std::memcpy(block.data() + 116, "0000000", 7);
    const QByteArray sizeField = QByteArray::number(size, 8).rightJustified(11, '0');
    std::memcpy(block.data() + 124, sizeField.constData(), 11);
    std::memcpy(block.data() + 136, "00000000000", 11);
    block[156] = type;
    std::memcpy(block.data() + 157, linkName.constData(), size_t(qMin<qsizetype>(linkName.size(), 100)));
    std::memcpy(block.data() + 257, "ustar\0" "00", 8);
    std::memset(block.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (const char c : block)
        sum += static_cast<unsigned char>(c);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(block.data() + 148, checksum.constData(), 6);
    block[154] = '\0';
    return block;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The offset of the data of the first member whose name starts with prefix.
qint64 dataOffsetOf(const QString &archive, const QString &prefix)
{
    QFile file(archive);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    TarReader reader(&file);
    for (;;) {
        auto entry = reader.next();
        if (!entry || !entry->has_value())
            return -1;
        if (entry->value().name.startsWith(prefix))
            return reader.position();
    }
}

} // namespace

class TestWorkspaceRestore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void damagedArchiveIsRefusedAndChangesNothing_data();
    void damagedArchiveIsRefusedAndChangesNothing();
    void memberNamesAreJudged_data();
    void memberNamesAreJudged();
    void cancelledRestoreChangesNothing();

private:
    QString archivePath() const { return m_ws->dataDir() + u"/backup.tar"_s; }
    QString workspacesDir() const { return m_ws->dataDir() + u"/workspaces"_s; }
    QByteArray mutate(const QString &how);
    // The real archive's members, re-written with extra raw bytes before the manifest.
    QByteArray withInjected(const QByteArray &extra, const QString &extraFileName = {});

    std::unique_ptr<TestWorkspace> m_ws;
};

void TestWorkspaceRestore::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY(m_ws->isValid());
    for (int seed = 1; seed <= 2; ++seed)
        QVERIFY(m_ws->addImage(seed).id > 0);
    const auto backup = WorkspaceBackup(m_ws->workspace()).write(archivePath());
    QVERIFY2(backup, qPrintable(backup.error()));
}

QByteArray TestWorkspaceRestore::withInjected(const QByteArray &extra, const QString &extraFileName)
{
    const QByteArray archive = readFile(archivePath());
    const qint64 manifestHeader = dataOffsetOf(archivePath(), u"manifest.json"_s) - 512;
    QByteArray injected = extra;
    if (!extraFileName.isEmpty()) {
        QByteArray data = "evil";
        injected = rawHeader(extraFileName.toUtf8(), '0', data.size()) + data.leftJustified(512, '\0');
    }
    return archive.left(manifestHeader) + injected + archive.mid(manifestHeader);
}

QByteArray TestWorkspaceRestore::mutate(const QString &how)
{
    QByteArray bytes = readFile(archivePath());
    if (how == u"flip-original") {
        const qint64 at = dataOffsetOf(archivePath(), u"files/originals/"_s);
        bytes[at + 100] = char(bytes[at + 100] ^ 0x01);
    } else if (how == u"flip-rendition") {
        const qint64 at = dataOffsetOf(archivePath(), u"files/renditions/"_s);
        bytes[at + 50] = char(bytes[at + 50] ^ 0x01);
    } else if (how == u"flip-catalog") {
        bytes[512 + 30] = char(bytes[512 + 30] ^ 0x01);
    } else if (how == u"flip-header") {
        bytes[0] = char(bytes[0] ^ 0x01);
    } else if (how == u"flip-manifest") {
        const qint64 at = dataOffsetOf(archivePath(), u"manifest.json"_s);
        const qsizetype sha = bytes.indexOf("\"sha256\": \"", at) + 11;
        bytes[sha] = bytes[sha] == '0' ? '1' : '0';
    } else if (how == u"truncated-half") {
        bytes.truncate(bytes.size() / 2);
    } else if (how == u"truncated-before-manifest") {
        bytes.truncate(dataOffsetOf(archivePath(), u"manifest.json"_s) - 512);
    } else if (how == u"unlisted-member") {
        bytes = withInjected({}, u"files/originals/zz/extra.jpg"_s);
    } else if (how == u"traversal") {
        bytes = withInjected({}, u"files/../../../outside.txt"_s);
    } else if (how == u"absolute") {
        bytes = withInjected({}, u"/tmp/vitrine-absolute.txt"_s);
    } else if (how == u"symlink") {
        bytes = withInjected(rawHeader("files/originals/ab/link.jpg", '2', 0, "/etc/passwd"));
    } else if (how == u"hardlink") {
        bytes = withInjected(rawHeader("files/originals/ab/hard.jpg", '1', 0, "catalog.sqlite"));
    } else if (how == u"device") {
        bytes = withInjected(rawHeader("files/originals/ab/dev", '3', 0));
    } else if (how == u"not-a-backup") {
        bytes = rawHeader("notes.txt", '0', 2) + QByteArray("hi").leftJustified(512, '\0') + QByteArray(1024, '\0');
    } else if (how == u"empty") {
        bytes.clear();
    }
    return bytes;
}

void TestWorkspaceRestore::damagedArchiveIsRefusedAndChangesNothing_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("reason");
    QTest::newRow("flipped byte in an original") << u"flip-original"_s << u"damaged"_s;
    QTest::newRow("flipped byte in a rendition") << u"flip-rendition"_s << u"damaged"_s;
    QTest::newRow("flipped byte in the catalog") << u"flip-catalog"_s << u"damaged"_s;
    QTest::newRow("flipped byte in a header") << u"flip-header"_s << u"checksum"_s;
    QTest::newRow("manifest names other bytes") << u"flip-manifest"_s << u"damaged"_s;
    QTest::newRow("truncated in the middle") << u"truncated-half"_s << u"truncated"_s;
    QTest::newRow("truncated before the manifest") << u"truncated-before-manifest"_s << u"truncated"_s;
    QTest::newRow("member not in the manifest") << u"unlisted-member"_s << u"not listed"_s;
    QTest::newRow("path traversal") << u"traversal"_s << u"traversal"_s;
    QTest::newRow("absolute path") << u"absolute"_s << u"absolute"_s;
    QTest::newRow("symbolic link") << u"symlink"_s << u"symbolic link"_s;
    QTest::newRow("hard link") << u"hardlink"_s << u"hard link"_s;
    QTest::newRow("device file") << u"device"_s << u"device"_s;
    QTest::newRow("not a Vitrine backup") << u"not-a-backup"_s << u"not part of a Vitrine backup"_s;
    QTest::newRow("empty file") << u"empty"_s << u"truncated"_s;
}

void TestWorkspaceRestore::damagedArchiveIsRefusedAndChangesNothing()
{
    QFETCH(QString, how);
    QFETCH(QString, reason);
    const QString bad = m_ws->dataDir() + u"/bad.tar"_s;
    QVERIFY(!TestWorkspace::writeFile(bad, mutate(how)).isEmpty());
    const QMap<QString, QString> before = TestWorkspace::treeDigest(workspacesDir());
    const QStringList entriesBefore = QDir(workspacesDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);

    for (const auto target : {WorkspaceRestore::Target::ReplaceExisting, WorkspaceRestore::Target::NewWorkspace}) {
        const QString name = target == WorkspaceRestore::Target::NewWorkspace ? u"fresh"_s : u"main"_s;
        const auto restored = WorkspaceRestore(bad).restore(m_ws->dataDir(), name, target);
        QVERIFY(!restored);
        QVERIFY2(restored.error().contains(reason), qPrintable(restored.error()));
        QVERIFY2(restored.error().contains(bad), qPrintable(restored.error()));
        QVERIFY2(restored.error().contains(u"nothing was changed"_s), qPrintable(restored.error()));
        QCOMPARE(TestWorkspace::treeDigest(workspacesDir()), before);
        QCOMPARE(QDir(workspacesDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 entriesBefore);
    }
    QVERIFY(!QFileInfo::exists(m_ws->dataDir() + u"/outside.txt"_s));
    QVERIFY(!QFileInfo::exists(u"/tmp/vitrine-absolute.txt"_s));
}

void TestWorkspaceRestore::memberNamesAreJudged_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("safe");
    QTest::newRow("catalog") << u"catalog.sqlite"_s << true;
    QTest::newRow("manifest") << u"manifest.json"_s << true;
    QTest::newRow("original") << u"files/originals/ab/abc.jpg"_s << true;
    QTest::newRow("parent") << u"files/../x"_s << false;
    QTest::newRow("leading parent") << u"../x"_s << false;
    QTest::newRow("absolute") << u"/etc/passwd"_s << false;
    QTest::newRow("dot") << u"files/./x"_s << false;
    QTest::newRow("double slash") << u"files//x"_s << false;
    QTest::newRow("backslash") << u"files\\..\\x"_s << false;
    QTest::newRow("other top folder") << u"etc/passwd"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestWorkspaceRestore::memberNamesAreJudged()
{
    QFETCH(QString, name);
    QFETCH(bool, safe);
    QCOMPARE(WorkspaceRestore::whyUnsafe(name).isEmpty(), safe);
}

void TestWorkspaceRestore::cancelledRestoreChangesNothing()
{
    const QMap<QString, QString> before = TestWorkspace::treeDigest(workspacesDir());
    std::atomic_bool cancel{true};
    const auto restored = WorkspaceRestore(archivePath()).restore(m_ws->dataDir(), u"main"_s,
                                                                  WorkspaceRestore::Target::ReplaceExisting,
                                                                  JobProgress({}, &cancel));
    QVERIFY(!restored);
    QVERIFY2(restored.error().contains(u"cancelled"_s), qPrintable(restored.error()));
    QCOMPARE(TestWorkspace::treeDigest(workspacesDir()), before);
}

QTEST_GUILESS_MAIN(TestWorkspaceRestore)
#include "tst_workspacerestore.moc"

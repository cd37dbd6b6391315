// Backup to one archive and restore from it: round trips into a new name and over an
// existing workspace, GNU tar compatibility, consistency while another thread writes to the
// catalog, cancellation and refusal to overwrite.
#include "maintenance/backupmanifest.h"
#include "maintenance/storeverifier.h"
#include "maintenance/tarreader.h"
#include "maintenance/workspacebackup.h"
#include "maintenance/workspacerestore.h"
#include "testworkspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace Qt::StringLiterals;

namespace {

QMap<QString, QString> storeDigest(const QString &workspaceDir)
{
    QMap<QString, QString> digest = TestWorkspace::treeDigest(workspaceDir + u"/files"_s);
    for (auto it = digest.begin(); it != digest.end();)
        it = it.key().startsWith(u"tmp/") ? digest.erase(it) : std::next(it);
    return digest;
}

QStringList tarList(const QString &archive)
{
    QProcess tar;
    tar.start(u"tar"_s, {u"-tf"_s, archive});
    if (!tar.waitForFinished(60000) || tar.exitCode() != 0)
        return {u"tar failed: "_s + QString::fromLocal8Bit(tar.readAllStandardError())};
    return QString::fromUtf8(tar.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

Result<BackupManifest> manifestOf(const QString &archive)
{
    QFile file(archive);
    if (!file.open(QIODevice::ReadOnly))
        return Result<BackupManifest>::failure(u"cannot open"_s);
    TarReader reader(&file);
    for (;;) {
        auto entry = reader.next();
        if (!entry || !entry->has_value())
            return Result<BackupManifest>::failure(u"no manifest"_s);
        if (entry->value().name == u"manifest.json") {
            auto json = reader.readAll(1 << 20);
            return json ? BackupManifest::fromJson(json.value()) : Result<BackupManifest>::failure(json.error());
        }
    }
}

int imageCount(const QString &catalogPath)
{
    auto catalog = Catalog::open(catalogPath, Catalog::OpenMode::OpenExisting);
    return catalog ? int(catalog.value()->allImages().size()) : -1;
}

} // namespace

class TestWorkspaceBackup final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTripIntoANewWorkspace();
    void restoreOverAnExistingWorkspaceMovesItAside();
    void restoreIntoATakenNameIsRefused();
    void gnuTarListsTheArchive();
    void backupWhileAnotherThreadWritesIsConsistent();
    void progressRunsToTheTotal();
    void cancelledBackupLeavesNoArchive();
    void existingArchiveIsNotOverwrittenUnlessAsked();
    void missingFileIsReportedAndTheRestCarriedOn();

private:
    QString archivePath() const { return m_ws->dataDir() + u"/backup.tar"_s; }
    QString workspaceDir(const QString &name) const { return m_ws->dataDir() + u"/workspaces/"_s + name; }

    std::unique_ptr<TestWorkspace> m_ws;
    QList<ImageRecord> m_images;
};

void TestWorkspaceBackup::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY(m_ws->isValid());
    auto catalog = m_ws->openCatalog();
    QVERIFY(catalog);
    m_images.clear();
    for (int seed = 1; seed <= 3; ++seed) {
        m_images.append(m_ws->addImage(*catalog, seed));
        QVERIFY(m_images.last().id > 0);
    }
    const auto product = catalog->addEntity(EntityKind::Product, u"SKU-1"_s, u"Oak chair"_s);
    QVERIFY(product);
    QVERIFY(catalog->link(m_images[0].id, product->id));
    QVERIFY(catalog->setTags(m_images[1].id, {u"workshop"_s, u"before"_s}));
}

void TestWorkspaceBackup::roundTripIntoANewWorkspace()
{
    const auto backup = WorkspaceBackup(m_ws->workspace()).write(archivePath());
    QVERIFY2(backup, qPrintable(backup.error()));
    QCOMPARE(backup->images, 3);
    QCOMPARE(backup->originals, 3);
    QCOMPARE(backup->renditions, 6);
    QVERIFY(backup->problems.isEmpty());
    QCOMPARE(backup->archiveBytes, QFileInfo(archivePath()).size());

    const auto restored = WorkspaceRestore(archivePath()).restore(m_ws->dataDir(), u"copy"_s,
                                                                  WorkspaceRestore::Target::NewWorkspace);
    QVERIFY2(restored, qPrintable(restored.error()));
    QCOMPARE(restored->directory, workspaceDir(u"copy"_s));
    QVERIFY(restored->movedAsideTo.isEmpty());
    QVERIFY(restored->problems.isEmpty());
    QCOMPARE(restored->workspaceId, backup->workspaceId);

    QCOMPARE(TestWorkspace::catalogDump(workspaceDir(u"copy"_s) + u"/catalog.sqlite"_s),
             TestWorkspace::catalogDump(m_ws->workspace().catalogPath()));
    QCOMPARE(storeDigest(workspaceDir(u"copy"_s)), storeDigest(m_ws->workspace().directory()));
    QVERIFY(Workspace::list(m_ws->dataDir()).contains(u"copy"_s));

    const auto copy = Workspace::locate(m_ws->dataDir(), u"copy"_s);
    QVERIFY(copy);
    const auto verified = StoreVerifier(copy.value()).run();
    QVERIFY(verified && verified->isClean());
    auto catalog = Catalog::open(copy->catalogPath(), Catalog::OpenMode::OpenExisting);
    QVERIFY(catalog);
    const auto found = catalog.value()->search(u"workshop"_s);
    QVERIFY(found && found->size() == 1 && found->first().id == m_images[1].id);
}

void TestWorkspaceBackup::restoreOverAnExistingWorkspaceMovesItAside()
{
    QVERIFY(WorkspaceBackup(m_ws->workspace()).write(archivePath()));
    QVERIFY(m_ws->addImage(4).id > 0); // after the backup: gone once restored
    const QMap<QString, QString> before = TestWorkspace::treeDigest(m_ws->workspace().directory());

    const auto restored = WorkspaceRestore(archivePath()).restore(m_ws->dataDir(), u"main"_s,
                                                                  WorkspaceRestore::Target::ReplaceExisting);
    QVERIFY2(restored, qPrintable(restored.error()));
    QCOMPARE(imageCount(workspaceDir(u"main"_s) + u"/catalog.sqlite"_s), 3);
    QVERIFY(restored->movedAsideTo.startsWith(workspaceDir(u"main.before-restore-"_s)));
    QCOMPARE(TestWorkspace::treeDigest(restored->movedAsideTo), before);
    QCOMPARE(imageCount(restored->movedAsideTo + u"/catalog.sqlite"_s), 4);
}

void TestWorkspaceBackup::restoreIntoATakenNameIsRefused()
{
    QVERIFY(WorkspaceBackup(m_ws->workspace()).write(archivePath()));
    const QMap<QString, QString> before = TestWorkspace::treeDigest(m_ws->dataDir() + u"/workspaces"_s);
    const auto restored = WorkspaceRestore(archivePath()).restore(m_ws->dataDir(), u"main"_s,
                                                                  WorkspaceRestore::Target::NewWorkspace);
    QVERIFY(!restored);
    QVERIFY2(restored.error().contains(u"already exists"_s), qPrintable(restored.error()));
    QCOMPARE(TestWorkspace::treeDigest(m_ws->dataDir() + u"/workspaces"_s), before);

    const auto missing = WorkspaceRestore(archivePath()).restore(m_ws->dataDir(), u"nothing-here"_s,
                                                                 WorkspaceRestore::Target::ReplaceExisting);
    QVERIFY(!missing);
    QVERIFY(!QFileInfo::exists(workspaceDir(u"nothing-here"_s)));
}

void TestWorkspaceBackup::gnuTarListsTheArchive()
{
    QVERIFY(WorkspaceBackup(m_ws->workspace()).write(archivePath()));
    const QStringList listed = tarList(archivePath());
    QCOMPARE(listed.size(), 1 + 9 + 1);
    QCOMPARE(listed.first(), u"catalog.sqlite"_s);
    QCOMPARE(listed.last(), u"manifest.json"_s);
    const QString relative = m_ws->originalPath(m_images[0]).mid(m_ws->workspace().directory().size() + 1);
    QVERIFY2(listed.contains(relative), qPrintable(relative));

    const auto manifest = manifestOf(archivePath());
    QVERIFY2(manifest, qPrintable(manifest.error()));
    QCOMPARE(manifest->formatVersion, BackupManifest::FormatVersion);
    QCOMPARE(manifest->workspaceName, u"main"_s);
    QCOMPARE(manifest->workspaceId, m_ws->openCatalog()->workspaceId());
    QCOMPARE(manifest->members.size(), 10);
    QCOMPARE(manifest->members[1].sha256.size(), 64);
}

void TestWorkspaceBackup::backupWhileAnotherThreadWritesIsConsistent()
{
    std::atomic_bool stop{false};
    std::atomic_int written{0};
    QString writerError;
    QThread *writer = QThread::create([&] {
        auto catalog = m_ws->openCatalog();
        for (int seed = 100; !stop.load(); ++seed) {
            const ImageRecord image = m_ws->addImage(*catalog, seed);
            if (image.id == 0 || !catalog->setTags(image.id, {u"tag%1"_s.arg(seed)})) {
                writerError = u"writer failed at seed %1"_s.arg(seed);
                return;
            }
            ++written;
        }
    });
    writer->start();
    while (written.load() < 3)
        QThread::msleep(5);

    QList<int> counts;
    for (int round = 0; round < 3; ++round) {
        const QString archive = m_ws->dataDir() + u"/busy-%1.tar"_s.arg(round);
        const auto backup = WorkspaceBackup(m_ws->workspace()).write(archive);
        QVERIFY2(backup, qPrintable(backup.error()));
        QVERIFY(backup->problems.isEmpty());
        QCOMPARE(backup->originals, backup->images);
        QCOMPARE(backup->renditions, 2 * backup->images);
        const QString name = u"busy-%1"_s.arg(round);
        const auto restored = WorkspaceRestore(archive).restore(m_ws->dataDir(), name,
                                                                WorkspaceRestore::Target::NewWorkspace);
        QVERIFY2(restored, qPrintable(restored.error()));
        QVERIFY(restored->problems.isEmpty());
        const auto verified = StoreVerifier(Workspace::locate(m_ws->dataDir(), name).value()).run();
        QVERIFY(verified && verified->isClean());
        QCOMPARE(imageCount(workspaceDir(name) + u"/catalog.sqlite"_s), backup->images);
        counts.append(backup->images);
    }
    stop = true;
    writer->wait();
    delete writer;
    QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
    QVERIFY(written.load() > 3);
    qInfo() << "images in the archives:" << counts << "written meanwhile:" << written.load();
    QVERIFY(counts.first() >= 6);
    QVERIFY(std::is_sorted(counts.cbegin(), counts.cend()));
}

void TestWorkspaceBackup::progressRunsToTheTotal()
{
    QList<std::pair<qint64, qint64>> reports;
    const JobProgress progress([&](qint64 done, qint64 total) { reports.append({done, total}); });
    QVERIFY(WorkspaceBackup(m_ws->workspace()).write(archivePath(), progress));
    QVERIFY(reports.size() >= 10);
    QCOMPARE(reports.last().first, reports.last().second);
    for (int i = 1; i < reports.size(); ++i)
        QVERIFY(reports[i].first >= reports[i - 1].first);

    reports.clear();
    const auto restored = WorkspaceRestore(archivePath()).restore(m_ws->dataDir(), u"copy"_s,
                                                                  WorkspaceRestore::Target::NewWorkspace, progress);
    QVERIFY(restored);
    QVERIFY(!reports.isEmpty());
    QCOMPARE(reports.last().first, QFileInfo(archivePath()).size());
}

void TestWorkspaceBackup::cancelledBackupLeavesNoArchive()
{
    std::atomic_bool cancel{false};
    const JobProgress progress([&](qint64 done, qint64) { if (done > 0) cancel = true; }, &cancel);
    const auto backup = WorkspaceBackup(m_ws->workspace()).write(archivePath(), progress);
    QVERIFY(!backup);
    QVERIFY2(backup.error().contains(u"cancelled"_s), qPrintable(backup.error()));
    QCOMPARE(QDir(m_ws->dataDir()).entryList(QDir::Files), QStringList());
    QCOMPARE(QDir(m_ws->store().tempDirectory()).entryList(QDir::Files), QStringList());
}

void TestWorkspaceBackup::existingArchiveIsNotOverwrittenUnlessAsked()
{
    QVERIFY(!TestWorkspace::writeFile(archivePath(), "precious").isEmpty());
    const auto refused = WorkspaceBackup(m_ws->workspace()).write(archivePath());
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(u"already exists"_s), qPrintable(refused.error()));
    QFile file(archivePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious"));
    file.close();

    const auto replaced = WorkspaceBackup(m_ws->workspace()).write(archivePath(), {},
                                                                   WorkspaceBackup::ExistingArchive::Replace);
    QVERIFY2(replaced, qPrintable(replaced.error()));
    QVERIFY(manifestOf(archivePath()));
}

void TestWorkspaceBackup::missingFileIsReportedAndTheRestCarriedOn()
{
    const QString lost = m_ws->renditionPath(m_images[2], u"thumb150"_s);
    QVERIFY(QFile::remove(lost));
    const auto backup = WorkspaceBackup(m_ws->workspace()).write(archivePath());
    QVERIFY2(backup, qPrintable(backup.error()));
    QCOMPARE(backup->problems.size(), 1);
    QVERIFY(backup->problems.first().contains(lost));
    QCOMPARE(backup->renditions, 5);

    const auto restored = WorkspaceRestore(archivePath()).restore(m_ws->dataDir(), u"copy"_s,
                                                                  WorkspaceRestore::Target::NewWorkspace);
    QVERIFY2(restored, qPrintable(restored.error()));
    QCOMPARE(restored->problems.size(), 1);
}

QTEST_GUILESS_MAIN(TestWorkspaceBackup)
#include "tst_workspacebackup.moc"

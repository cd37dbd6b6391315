// cleanup: the plan lists files no record refers to and records whose file is missing;
// apply removes exactly those, never a file too young to judge (an import may be about to
// record it) nor one recorded between the plan and the apply.
#include "maintenance/storecleanup.h"
#include "maintenance/storeverifier.h"
#include "testworkspace.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int Hour = 3600;

QStringList pathsOf(const QList<CleanupPlan::OrphanFile> &files)
{
    QStringList paths;
    for (const CleanupPlan::OrphanFile &file : files)
        paths.append(file.path);
    paths.sort();
    return paths;
}

} // namespace

class TestStoreCleanup final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanStoreHasAnEmptyPlan();
    void planListsOrphansAndMissingFiles();
    void applyRemovesExactlyThePlan();
    void fileRecordedAfterThePlanIsKept();
    void missingOriginalForgetsItsImageAndItsRenditionFiles();

private:
    QString oldOrphan(const QString &relative, const QByteArray &bytes = "stray");

    std::unique_ptr<TestWorkspace> m_ws;
    QList<ImageRecord> m_images;
};

void TestStoreCleanup::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY(m_ws->isValid());
    m_images.clear();
    for (int seed = 1; seed <= 3; ++seed) {
        m_images.append(m_ws->addImage(seed));
        QVERIFY(m_images.last().id > 0);
    }
}

QString TestStoreCleanup::oldOrphan(const QString &relative, const QByteArray &bytes)
{
    const QString path = TestWorkspace::writeFile(m_ws->store().root() + u'/' + relative, bytes);
    if (!TestWorkspace::makeOld(path, 2 * Hour))
        return {};
    return path;
}

void TestStoreCleanup::cleanStoreHasAnEmptyPlan()
{
    const auto plan = StoreCleanup(m_ws->workspace()).plan();
    QVERIFY2(plan, qPrintable(plan.error()));
    QVERIFY(plan->isEmpty());
    QVERIFY(plan->tooRecent.isEmpty());
}

void TestStoreCleanup::planListsOrphansAndMissingFiles()
{
    const QString orphanOriginal = oldOrphan(u"originals/ff/"_s + QString(64, u'f') + u".jpg"_s);
    const QString orphanRendition = oldOrphan(u"renditions/ee/"_s + QString(64, u'e') + u"-thumb150-0123456789abcdef.jpg"_s);
    const QString oldTemp = oldOrphan(u"tmp/crashed-import.original"_s);
    const QString youngTemp = TestWorkspace::writeFile(m_ws->store().tempDirectory() + u"/in-flight.original"_s, "x");
    const QString youngOriginal = TestWorkspace::writeFile(m_ws->store().originalPath(QString(64, u'd'), u"png"_s), "y");
    QVERIFY(!orphanOriginal.isEmpty() && !orphanRendition.isEmpty() && !oldTemp.isEmpty());
    QVERIFY(!youngTemp.isEmpty() && !youngOriginal.isEmpty());
    const QString missingRendition = m_ws->renditionPath(m_images[0], u"web1024"_s);
    QVERIFY(QFile::remove(missingRendition));

    const auto plan = StoreCleanup(m_ws->workspace()).plan();
    QVERIFY2(plan, qPrintable(plan.error()));
    QCOMPARE(pathsOf(plan->orphanFiles), (QStringList{orphanOriginal, orphanRendition, oldTemp}));
    QCOMPARE(plan->orphanBytes(), 3 * 5);
    QCOMPARE(pathsOf(plan->tooRecent), (QStringList{youngOriginal, youngTemp}));
    QCOMPARE(plan->missingFiles.size(), 1);
    QCOMPARE(plan->missingFiles.first().imageId, m_images[0].id);
    QCOMPARE(plan->missingFiles.first().renditionName, u"web1024"_s);
}

void TestStoreCleanup::applyRemovesExactlyThePlan()
{
    const QString orphan = oldOrphan(u"originals/ff/"_s + QString(64, u'f') + u".jpg"_s);
    const QString stray = oldOrphan(u"renditions/stray.txt"_s);
    const QString young = TestWorkspace::writeFile(m_ws->store().tempDirectory() + u"/in-flight.original"_s, "x");
    QVERIFY(QFile::remove(m_ws->renditionPath(m_images[2], u"thumb150"_s)));
    QMap<QString, QString> expected = TestWorkspace::treeDigest(m_ws->store().root());
    expected.remove(orphan.mid(m_ws->store().root().size() + 1));
    expected.remove(stray.mid(m_ws->store().root().size() + 1));

    const StoreCleanup cleanup(m_ws->workspace());
    const auto plan = cleanup.plan();
    QVERIFY(plan);
    const auto report = cleanup.apply(plan.value());
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->removedFiles, 2);
    QCOMPARE(report->removedBytes, 10);
    QCOMPARE(report->droppedRenditions, 1);
    QCOMPARE(report->forgottenImages, 0);
    QVERIFY2(report->skipped.isEmpty(), qPrintable(report->skipped.join(u'\n')));
    QVERIFY(report->failures.isEmpty());

    QCOMPARE(TestWorkspace::treeDigest(m_ws->store().root()), expected);
    QVERIFY(QFileInfo::exists(young));
    auto catalog = m_ws->openCatalog();
    const auto image = catalog->imageById(m_images[2].id);
    QVERIFY(image);
    QCOMPARE(image->renditions.size(), 1);
    QCOMPARE(image->renditions.first().name, u"web1024"_s);
    catalog.reset();
    const auto verified = StoreVerifier(m_ws->workspace()).run();
    QVERIFY(verified && verified->isClean());
    const auto again = cleanup.plan();
    QVERIFY(again && again->isEmpty());
}

void TestStoreCleanup::fileRecordedAfterThePlanIsKept()
{
    // An import placed its files and records them only after the plan was made.
    auto catalog = m_ws->openCatalog();
    const ImageRecord late = m_ws->addImage(*catalog, 42);
    QVERIFY(late.id > 0);
    QList<QString> lateFiles{m_ws->originalPath(late)};
    for (const RenditionRecord &rendition : late.renditions)
        lateFiles.append(m_ws->renditionPath(late, rendition.name));
    QVERIFY(catalog->forgetImage(late.id));
    for (const QString &path : lateFiles)
        QVERIFY(TestWorkspace::makeOld(path, 2 * Hour)); // even old enough to be judged
    const StoreCleanup cleanup(m_ws->workspace());
    const auto plan = cleanup.plan();
    QVERIFY(plan);
    QCOMPARE(plan->orphanFiles.size(), 3);

    QVERIFY(m_ws->addImage(*catalog, 42).id > 0); // the same files recorded again
    const auto report = cleanup.apply(plan.value());
    QVERIFY(report);
    QCOMPARE(report->removedFiles, 0);
    QCOMPARE(report->skipped.size(), 3);
    for (const QString &path : lateFiles)
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
}

void TestStoreCleanup::missingOriginalForgetsItsImageAndItsRenditionFiles()
{
    QVERIFY(QFile::remove(m_ws->originalPath(m_images[1])));
    const StoreCleanup cleanup(m_ws->workspace());
    const auto plan = cleanup.plan();
    QVERIFY(plan);
    QCOMPARE(plan->missingFiles.size(), 1);
    QCOMPARE(plan->orphanFiles.size(), 2); // its renditions, which go with it
    for (const CleanupPlan::OrphanFile &file : plan->orphanFiles)
        QCOMPARE(file.imageId, m_images[1].id);

    const auto report = cleanup.apply(plan.value());
    QVERIFY(report);
    QCOMPARE(report->forgottenImages, 1);
    QCOMPARE(report->removedFiles, 2);
    auto catalog = m_ws->openCatalog();
    QVERIFY(!catalog->imageById(m_images[1].id));
    QCOMPARE(catalog->allImages().size(), 2);
    catalog.reset();
    const auto verified = StoreVerifier(m_ws->workspace()).run();
    QVERIFY(verified && verified->isClean());
}

QTEST_GUILESS_MAIN(TestStoreCleanup)
#include "tst_storecleanup.moc"

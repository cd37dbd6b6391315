// stats: counts per entity kind and image type, bytes of originals and renditions as the
// catalog records them and as measured on disk.
#include "catalog/imageedit.h"
#include "maintenance/workspacestats.h"
#include "testworkspace.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWorkspaceStats final : public QObject
{
    Q_OBJECT

private slots:
    void emptyWorkspace();
    void countsAndBytes();
};

void TestWorkspaceStats::emptyWorkspace()
{
    TestWorkspace ws;
    QVERIFY(ws.isValid());
    const auto stats = WorkspaceStats::collect(ws.workspace());
    QVERIFY2(stats, qPrintable(stats.error()));
    QCOMPARE(stats->catalog.images, 0);
    QCOMPARE(stats->recordedOriginals, 0);
    QCOMPARE(stats->onDisk.originalFiles, 0);
    QCOMPARE(stats->catalog.entitiesPerKind.value(u"product"_s), 0);
    QVERIFY(stats->catalogFileBytes > 0);
}

void TestWorkspaceStats::countsAndBytes()
{
    TestWorkspace ws;
    QVERIFY(ws.isValid());
    qint64 originalBytes = 0;
    qint64 renditionBytes = 0;
    {
        auto catalog = ws.openCatalog();
        QList<ImageRecord> images;
        for (int seed = 1; seed <= 3; ++seed) {
            images.append(ws.addImage(*catalog, seed));
            QVERIFY(images.last().id > 0);
            originalBytes += QFileInfo(ws.originalPath(images.last())).size();
            for (const RenditionRecord &rendition : images.last().renditions)
                renditionBytes += QFileInfo(ws.renditionPath(images.last(), rendition.name)).size();
        }
        const auto product = catalog->addEntity(EntityKind::Product, u"SKU-1"_s, u"Chair"_s);
        const auto job = catalog->addEntity(EntityKind::Job, u"J-7"_s, u"Roof"_s);
        QVERIFY(product && job && catalog->addEntity(EntityKind::Job, u"J-8"_s, u"Wall"_s));
        QVERIFY(catalog->link(images[0].id, product->id));
        QVERIFY(catalog->link(images[1].id, job->id));
        ImageEdit edit;
        edit.imageType = u"Produktfoto"_s;
        QVERIFY(catalog->editImage(images[0].id, edit));
    }
    TestWorkspace::writeFile(ws.store().tempDirectory() + u"/leftover"_s, "12345");

    const auto stats = WorkspaceStats::collect(ws.workspace());
    QVERIFY2(stats, qPrintable(stats.error()));
    QCOMPARE(stats->catalog.images, 3);
    QCOMPARE(stats->catalog.unassignedImages, 1);
    QCOMPARE(stats->catalog.entitiesPerKind.value(u"product"_s), 1);
    QCOMPARE(stats->catalog.entitiesPerKind.value(u"job"_s), 2);
    QCOMPARE(stats->catalog.imagesPerType.value(u"Produktfoto"_s), 1);
    QCOMPARE(stats->catalog.imagesPerType.value(QString()), 2);
    QCOMPARE(stats->recordedOriginals, 3);
    QCOMPARE(stats->recordedRenditions, 6);
    QCOMPARE(stats->catalog.originalBytes, originalBytes);
    QCOMPARE(stats->catalog.renditionBytes, renditionBytes);
    QCOMPARE(stats->onDisk.originalFiles, 3);
    QCOMPARE(stats->onDisk.originalBytes, originalBytes);
    QCOMPARE(stats->onDisk.renditionFiles, 6);
    QCOMPARE(stats->onDisk.renditionBytes, renditionBytes);
    QCOMPARE(stats->onDisk.temporaryFiles, 1);
    QCOMPARE(stats->onDisk.temporaryBytes, 5);
}

QTEST_GUILESS_MAIN(TestWorkspaceStats)
#include "tst_workspacestats.moc"

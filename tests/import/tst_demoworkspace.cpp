#include "catalog/catalog.h"
#include "imaging/imagingpool.h"
#include "import/demoworkspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The demo workspace made from the images the project ships (resources/demo).
class TestDemoWorkspace final : public QObject
{
    Q_OBJECT

private slots:
    void findsTheShippedImagesFromTheBuildTree();
    void environmentPointsElsewhere();
    void createsAFullGallery();
    void refusesAnExistingWorkspace();
    void missingFolderLeavesNothingBehind();
    void brokenDescriptionLeavesNothingBehind();

private:
    static int shippedImageCount();
    static QList<RenditionSpec> smallerThumbnails();
    ImagingPool m_pool{2};
};

int TestDemoWorkspace::shippedImageCount()
{
    return int(QDir(DemoWorkspace::defaultImageFolder()).entryList({u"*.jpg"_s}, QDir::Files).size());
}

// Renditions as a user might set them: same names, the smallest thumbnail smaller.
QList<RenditionSpec> TestDemoWorkspace::smallerThumbnails()
{
    QList<RenditionSpec> specs = RenditionSpec::defaults();
    specs[0].longSide = 120;
    return specs;
}

void TestDemoWorkspace::findsTheShippedImagesFromTheBuildTree()
{
    qunsetenv("VITRINE_DEMO_DIR");
    const QString folder = DemoWorkspace::defaultImageFolder();
    QVERIFY2(QFile::exists(folder + u"/demo.json"_s), qPrintable(folder));
    QVERIFY2(shippedImageCount() >= 16, qPrintable(folder));
}

void TestDemoWorkspace::environmentPointsElsewhere()
{
    QTemporaryDir dir;
    qputenv("VITRINE_DEMO_DIR", dir.path().toUtf8());
    const QString folder = DemoWorkspace::defaultImageFolder();
    qunsetenv("VITRINE_DEMO_DIR");
    QCOMPARE(folder, QDir(dir.path()).absolutePath());
}

void TestDemoWorkspace::createsAFullGallery()
{
    QTemporaryDir data;
    const Result<Workspace> created =
        DemoWorkspace::create(data.path(), DemoWorkspace::defaultImageFolder(), m_pool, u"Demo"_s, smallerThumbnails());
    QVERIFY2(created.ok(), qPrintable(created.error()));
    QCOMPARE(Workspace::list(data.path()), QStringList{u"Demo"_s});

    auto opened = Catalog::open(created->catalogPath(), Catalog::OpenMode::OpenExisting);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    Catalog &catalog = *opened.value();
    const QList<ImageRecord> images = catalog.allImages();
    QCOMPARE(images.size(), shippedImageCount());
    QVERIFY(catalog.unassignedImages().isEmpty());
    for (const ImageRecord &image : images) {
        QVERIFY2(!image.caption.isEmpty() && !image.altText.isEmpty() && !image.imageType.isEmpty(),
                 qPrintable(image.originalName));
        QVERIFY2(!image.tags.isEmpty(), qPrintable(image.originalName));
        QCOMPARE(image.renditions.size(), 4);
        QCOMPARE(image.renditions.at(0).name, u"thumb150"_s); // the name kept, the size the user's
        QCOMPARE(std::max(image.renditions.at(0).width, image.renditions.at(0).height), 120);
    }
    QVERIFY(catalog.imageTypes().contains(u"Produktfoto"_s));

    const QMap<EntityKind, int> counts = catalog.entityCountsByKind();
    QVERIFY(counts.value(EntityKind::Product) >= 5);
    QCOMPARE(counts.value(EntityKind::Customer), 2);
    QCOMPARE(counts.value(EntityKind::Job), 1);
    for (const Entity &entity : catalog.entities()) {
        QVERIFY2(entity.imageCount >= 2, qPrintable(entity.key));
        QVERIFY2(catalog.primaryImage(entity.id).has_value(), qPrintable(entity.key));
    }
    // the manifest pins the grey chair over the first-linked one
    const std::optional<Entity> chair = catalog.entity(EntityKind::Product, u"STU-4200"_s);
    QVERIFY(chair);
    QCOMPARE(catalog.imagesOfEntity(chair->id).constFirst().originalName, u"stu-4200-front.jpg"_s);
    QCOMPARE(catalog.primaryImage(chair->id)->originalName, u"stu-4200-side.jpg"_s);
    QCOMPARE(catalog.search(u"Kaffeebecher"_s)->isEmpty(), false);
}

void TestDemoWorkspace::refusesAnExistingWorkspace()
{
    QTemporaryDir data;
    QVERIFY(Workspace::create(data.path(), u"Demo"_s).ok());
    const Result<Workspace> again = DemoWorkspace::create(data.path(), DemoWorkspace::defaultImageFolder(), m_pool);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(u"\"Demo\" already exists"_s), qPrintable(again.error()));
    const QString catalogPath = Workspace::locate(data.path(), u"Demo"_s)->catalogPath();
    auto catalog = Catalog::open(catalogPath, Catalog::OpenMode::OpenExisting);
    QVERIFY(catalog.ok());
    QVERIFY(catalog.value()->allImages().isEmpty()); // the existing workspace is left alone
}

void TestDemoWorkspace::missingFolderLeavesNothingBehind()
{
    QTemporaryDir data;
    const QString nowhere = data.filePath(u"no-such-folder"_s);
    const Result<Workspace> created = DemoWorkspace::create(data.path(), nowhere, m_pool);
    QVERIFY(!created.ok());
    QVERIFY2(created.error().contains(nowhere), qPrintable(created.error()));
    QVERIFY(Workspace::list(data.path()).isEmpty());
}

// An image file the description names but the import refuses: the workspace made so far
// is removed again, so a second try can start afresh.
void TestDemoWorkspace::brokenDescriptionLeavesNothingBehind()
{
    QTemporaryDir data;
    QTemporaryDir folder;
    QFile notAnImage(folder.filePath(u"broken.jpg"_s));
    QVERIFY(notAnImage.open(QIODevice::WriteOnly));
    notAnImage.write("#!/bin/sh\necho not a JPEG\n");
    notAnImage.close();
    QFile description(folder.filePath(u"demo.json"_s));
    QVERIFY(description.open(QIODevice::WriteOnly));
    description.write(R"({"entities": [{"kind": "product", "key": "P-1", "name": "One"}],
                          "images": [{"file": "broken.jpg", "links": ["product:P-1"], "caption": "x"}]})");
    description.close();

    const Result<Workspace> created = DemoWorkspace::create(data.path(), folder.path(), m_pool);
    QVERIFY(!created.ok());
    QVERIFY2(created.error().contains(u"broken.jpg"_s), qPrintable(created.error()));
    QVERIFY(Workspace::list(data.path()).isEmpty());
    QVERIFY(!QDir(Workspace::workspacesDir(data.path()) + u"/Demo"_s).exists());
}

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"

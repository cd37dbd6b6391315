// The gallery model: ids from the catalog thread, facts fetched in blocks on demand,
// reloads that keep rows (and the selection) in place, drag and drop reorders.
#include "../catalog/catalogfixture.h"
#include "catalog/catalog.h"
#include "catalog/catalogthread.h"
#include "gallery/gallerymodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

class TestGalleryModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loadsAnEntitysImagesInOrder();
    void fetchesFactsOnDemand();
    void passesTheModelTester();
    void reloadKeepsSelectedRowsThroughChanges();
    void staleSelectionAnswersAreDropped();
    void dropReordersWithinAnEntity();
    void dropOfFilesAsksForAnImport();
    void collectionsCannotBeReordered();

private:
    QList<qint64> load(const GallerySelection &selection);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CatalogThread> m_thread;
    GalleryModel *m_model = nullptr;
    qint64 m_product = 0;
    QList<qint64> m_images;
};

void TestGalleryModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(u"catalog.sqlite"_s);
    {
        std::unique_ptr<Catalog> catalog = CatalogFixture::create(path);
        QVERIFY(catalog);
        m_product = catalog->addEntity(EntityKind::Product, u"P-1"_s, u"Chair"_s)->id;
        m_images.clear();
        for (int i = 0; i < 300; ++i) {
            const Result<RecordedImport> recorded = catalog->recordImport(
                CatalogFixture::newImage(u"img%1"_s.arg(i)), i < 5 ? QList<qint64>{m_product} : QList<qint64>{});
            QVERIFY2(recorded, qPrintable(recorded.error()));
            ImageEdit edit;
            edit.caption = u"caption %1"_s.arg(i);
            QVERIFY(catalog->editImage(recorded->image.id, edit));
            m_images.append(recorded->image.id);
        }
    }
    Result<std::unique_ptr<CatalogThread>> opened = CatalogThread::open(path);
    QVERIFY2(opened, qPrintable(opened.error()));
    m_thread = std::move(opened.value());
    m_model = new GalleryModel(this);
    m_model->setCatalog(m_thread.get());
}

void TestGalleryModel::cleanup()
{
    delete m_model;
    m_model = nullptr;
    m_thread.reset();
    m_dir.reset();
}

QList<qint64> TestGalleryModel::load(const GallerySelection &selection)
{
    QSignalSpy loaded(m_model, &GalleryModel::loaded);
    m_model->setSelection(selection);
    if (!loaded.wait(5000))
        return {};
    return m_model->imageIds();
}

void TestGalleryModel::loadsAnEntitysImagesInOrder()
{
    QCOMPARE(load(GallerySelection::ofEntity(m_product)), m_images.mid(0, 5));
    QCOMPARE(load(GallerySelection::collection(GallerySelection::Kind::AllImages)).size(), 300);
    QCOMPARE(load(GallerySelection::collection(GallerySelection::Kind::Unassigned)).size(), 295);
    QCOMPARE(load(GallerySelection::search(u"caption 7"_s)).constFirst(), m_images.at(7));
}

void TestGalleryModel::fetchesFactsOnDemand()
{
    load(GallerySelection::collection(GallerySelection::Kind::AllImages));
    QVERIFY(!m_model->item(250)); // not asked for yet: fetched now, in a block
    QTRY_VERIFY(m_model->item(250));
    QCOMPARE(m_model->item(250)->caption, u"caption 250"_s);
    QCOMPARE(m_model->index(250).data().toString(), u"caption 250"_s);
    QVERIFY(m_model->item(255)); // same block
    QVERIFY(!m_model->item(0)); // another block
}

void TestGalleryModel::passesTheModelTester()
{
    QAbstractItemModelTester tester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(GallerySelection::ofEntity(m_product));
    load(GallerySelection::collection(GallerySelection::Kind::AllImages));
    QTRY_VERIFY(m_model->item(0));
    m_thread->run([this](Catalog &catalog) { return catalog.trashImages({m_images.at(3), m_images.at(100)}); })
        .waitForFinished();
    QSignalSpy loaded(m_model, &GalleryModel::loaded);
    m_model->reload();
    QVERIFY(loaded.wait());
    QCOMPARE(m_model->rowCount(), 298);
}

void TestGalleryModel::reloadKeepsSelectedRowsThroughChanges()
{
    load(GallerySelection::ofEntity(m_product));
    QItemSelectionModel selection(m_model);
    selection.setCurrentIndex(m_model->index(3), QItemSelectionModel::ClearAndSelect);
    const qint64 selected = m_model->imageId(3);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    // Another image leaves, the rest are reversed and a new one joins: no reset, the
    // selected image stays selected wherever it went.
    m_thread
        ->run([this](Catalog &catalog) {
            Status status = catalog.unlink(m_images.at(0), m_product);
            if (status)
                status = catalog.reorder(m_product, {m_images.at(4), m_images.at(3), m_images.at(2), m_images.at(1)});
            if (status)
                status = catalog.link(m_images.at(200), m_product);
            return status;
        })
        .waitForFinished();
    QSignalSpy loaded(m_model, &GalleryModel::loaded);
    m_model->reload();
    QVERIFY(loaded.wait());
    const QList<qint64> expected{m_images.at(4), m_images.at(3), m_images.at(2), m_images.at(1), m_images.at(200)};
    QCOMPARE(m_model->imageIds(), expected);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->imageId(selection.currentIndex().row()), selected);
    QVERIFY(selection.isSelected(m_model->index(m_model->rowOf(selected))));
}

void TestGalleryModel::staleSelectionAnswersAreDropped()
{
    QSignalSpy loaded(m_model, &GalleryModel::loaded);
    m_model->setSelection(GallerySelection::collection(GallerySelection::Kind::AllImages));
    m_model->setSelection(GallerySelection::ofEntity(m_product));
    QTRY_VERIFY(!loaded.isEmpty());
    QTest::qWait(100);
    QCOMPARE(m_model->imageIds(), m_images.mid(0, 5));
}

void TestGalleryModel::dropReordersWithinAnEntity()
{
    load(GallerySelection::ofEntity(m_product));
    QSignalSpy asked(m_model, &GalleryModel::reorderRequested);
    std::unique_ptr<QMimeData> dragged(m_model->mimeData({m_model->index(4), m_model->index(0)}));
    QVERIFY(m_model->canDropMimeData(dragged.get(), Qt::MoveAction, 2, 0, {}));
    m_model->dropMimeData(dragged.get(), Qt::MoveAction, 2, 0, {});
    const QList<qint64> expected{m_images.at(1), m_images.at(0), m_images.at(4), m_images.at(2), m_images.at(3)};
    QCOMPARE(m_model->imageIds(), expected);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toLongLong(), m_product);
    QCOMPARE(asked.at(0).at(1).value<QList<qint64>>(), m_images.mid(0, 5));
    QCOMPARE(asked.at(0).at(2).value<QList<qint64>>(), expected);
}

void TestGalleryModel::dropOfFilesAsksForAnImport()
{
    load(GallerySelection::ofEntity(m_product));
    QSignalSpy files(m_model, &GalleryModel::filesDropped);
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(u"/tmp/a.jpg"_s), QUrl(u"https://example.invalid/b.jpg"_s)});
    QVERIFY(m_model->dropMimeData(&data, Qt::CopyAction, -1, 0, {}));
    QCOMPARE(files.count(), 1);
    QCOMPARE(files.at(0).at(0).toStringList(), QStringList{u"/tmp/a.jpg"_s});
}

void TestGalleryModel::collectionsCannotBeReordered()
{
    load(GallerySelection::collection(GallerySelection::Kind::AllImages));
    std::unique_ptr<QMimeData> dragged(m_model->mimeData({m_model->index(4)}));
    QVERIFY(!m_model->canDropMimeData(dragged.get(), Qt::MoveAction, 0, 0, {}));
    const QList<qint64> before = m_model->imageIds();
    m_model->dropMimeData(dragged.get(), Qt::MoveAction, 0, 0, {});
    QCOMPARE(m_model->imageIds(), before);
}

QTEST_MAIN(TestGalleryModel)
#include "tst_gallerymodel.moc"

// The desktop window end to end on the offscreen platform, with a real data directory,
// real imports through the imaging workers and the real catalog: files dropped on the
// gallery and on an entity, the primary image, reordering by drag and drop, editing a
// caption with undo and redo, the trash, search, and switching workspaces.
#include "catalog/catalog.h"
#include "catalog/catalogthread.h"
#include "commands/editimagecommand.h"
#include "details/detailspanel.h"
#include "gallery/gallerymodel.h"
#include "gallery/galleryview.h"
#include "mainwindow.h"
#include "settings/appsettings.h"
#include "sidebar/entitylistmodel.h"
#include "sidebar/sidebar.h"
#include "storage/workspace.h"
#include "testimages.h"

#include <QAction>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDropEvent>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

using namespace Qt::StringLiterals;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void dropOnGalleryImportsIntoTheEntityInView();
    void dropOnAnEntityImportsIntoIt();
    void setAsPrimaryPinsAndUndoUnpins();
    void dragAndDropReordersAndPersists();
    void captionEditUndoRedo();
    void trashTakesImagesOutAndUndoBringsThemBack();
    void searchFindsByCaption();
    void switchingWorkspaceShowsItsImages();

private:
    QStringList writeImages(int count, int firstSeed);
    void drop(QWidget *target, QPoint at, QMimeData *data, Qt::DropAction action);
    bool importByDrop(const QStringList &files);
    QList<qint64> catalogOrder();
    std::optional<ImageRecord> catalogImage(qint64 id);
    bool waitForRows(int rows);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_product = 0;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString data = m_dir->filePath(u"data"_s);
    for (const QString &name : {u"Main"_s, u"Other"_s}) {
        Result<Workspace> created = Workspace::create(data, name);
        QVERIFY2(created, qPrintable(created.error()));
        auto catalog = Catalog::open(created->catalogPath(), Catalog::OpenMode::OpenExisting);
        QVERIFY2(catalog, qPrintable(catalog.error()));
        Result<Entity> product = catalog.value()->addEntity(EntityKind::Product, u"P-100"_s, u"Garden chair"_s);
        QVERIFY2(product, qPrintable(product.error()));
        if (name == u"Main"_s)
            m_product = product->id;
    }
    m_settings = std::make_unique<AppSettings>(m_dir->filePath(u"settings.ini"_s));
    m_window = std::make_unique<MainWindow>(data, m_settings.get());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openWorkspace(u"Main"_s));
    m_window->showEntity(m_product);
    QSignalSpy loaded(m_window->galleryModel(), &GalleryModel::loaded);
    QVERIFY(loaded.wait());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

QStringList TestMainWindow::writeImages(int count, int firstSeed)
{
    QStringList files;
    const QString folder = m_dir->filePath(u"incoming"_s);
    QDir().mkpath(folder);
    for (int i = 0; i < count; ++i)
        files.append(TestImages::writeFile(folder, u"photo-%1.jpg"_s.arg(firstSeed + i),
                                           TestImages::uniqueJpeg(firstSeed + i, {320, 240})));
    return files;
}

// What a file manager's drop delivers: enter, move, drop, all at one point.
void TestMainWindow::drop(QWidget *target, QPoint at, QMimeData *data, Qt::DropAction action)
{
    QDragEnterEvent enter(at, action, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDragMoveEvent move(at, action, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QDropEvent dropped(at, action, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
}

bool TestMainWindow::importByDrop(const QStringList &files)
{
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &file : files)
        urls.append(QUrl::fromLocalFile(file));
    data.setUrls(urls);
    QWidget *viewport = m_window->gallery()->viewport();
    drop(viewport, viewport->rect().center(), &data, Qt::CopyAction);
    return finished.wait(60000);
}

QList<qint64> TestMainWindow::catalogOrder()
{
    const qint64 product = m_product;
    auto ids = m_window->catalog()
                   ->run([product](Catalog &catalog) {
                       return catalog.galleryImageIds(GallerySelection::ofEntity(product), GallerySort::Order);
                   })
                   .result();
    return ids ? ids.value() : QList<qint64>();
}

std::optional<ImageRecord> TestMainWindow::catalogImage(qint64 id)
{
    return m_window->catalog()->run([id](Catalog &catalog) { return catalog.imageById(id); }).result();
}

bool TestMainWindow::waitForRows(int rows)
{
    // Not QTRY_COMPARE: it returns void on failure, and callers want to QVERIFY the result.
    QDeadlineTimer deadline(10000);
    while (m_window->galleryModel()->rowCount() != rows && !deadline.hasExpired())
        QTest::qWait(20);
    if (m_window->galleryModel()->rowCount() != rows)
        qWarning("gallery has %d rows, expected %d", m_window->galleryModel()->rowCount(), rows);
    return m_window->galleryModel()->rowCount() == rows;
}

void TestMainWindow::dropOnGalleryImportsIntoTheEntityInView()
{
    QVERIFY(importByDrop(writeImages(3, 1)));
    QVERIFY(waitForRows(3));
    QCOMPARE(catalogOrder(), m_window->galleryModel()->imageIds());
    // The thumbnails arrive and are painted.
    QSignalSpy complete(m_window->gallery(), &GalleryView::thumbnailsComplete);
    m_window->gallery()->viewport()->update();
    QVERIFY(complete.wait(10000) || complete.count() > 0);
}

void TestMainWindow::dropOnAnEntityImportsIntoIt()
{
    m_window->showCollection(GallerySelection::Kind::AllImages);
    m_window->sidebar()->showKind(EntityKind::Product);
    QListView *entities = m_window->sidebar()->entityView();
    QTRY_COMPARE(entities->model()->rowCount(), 1);
    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(writeImages(1, 50).constFirst())});
    drop(entities->viewport(), entities->visualRect(entities->model()->index(0, 0)).center(), &data, Qt::CopyAction);
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE(catalogOrder().size(), 1);
}

void TestMainWindow::setAsPrimaryPinsAndUndoUnpins()
{
    QVERIFY(importByDrop(writeImages(3, 10)));
    QVERIFY(waitForRows(3));
    GalleryModel *model = m_window->galleryModel();
    const qint64 third = model->imageId(2);
    QTRY_VERIFY(model->item(0) && model->item(0)->primary);
    m_window->gallery()->setCurrentIndex(model->index(2));
    QAction *primary = m_window->findChild<QAction *>(u"setPrimary"_s);
    QVERIFY(primary && primary->isEnabled());
    primary->trigger();
    QTRY_VERIFY(model->item(2) && model->item(2)->primary);
    QTRY_VERIFY(model->item(0) && !model->item(0)->primary);
    QCOMPARE(m_window->catalog()->run([this](Catalog &c) { return c.primaryImage(m_product); }).result()->id, third);
    m_window->undoStack()->undo();
    QTRY_VERIFY(model->item(0) && model->item(0)->primary);
    QTRY_VERIFY(model->item(2) && !model->item(2)->primary);
}

void TestMainWindow::dragAndDropReordersAndPersists()
{
    QVERIFY(importByDrop(writeImages(3, 20)));
    QVERIFY(waitForRows(3));
    GalleryModel *model = m_window->galleryModel();
    const QList<qint64> before = model->imageIds();
    GalleryView *gallery = m_window->gallery();
    std::unique_ptr<QMimeData> dragged(model->mimeData({model->index(0)}));
    drop(gallery->viewport(), gallery->visualRect(model->index(2)).center(), dragged.get(), Qt::MoveAction);
    const QList<qint64> after{before.at(1), before.at(0), before.at(2)};
    QCOMPARE(model->imageIds(), after);
    QTRY_COMPARE(catalogOrder(), after);
    m_window->undoStack()->undo();
    QTRY_COMPARE(catalogOrder(), before);
    QTRY_COMPARE(model->imageIds(), before);
}

void TestMainWindow::captionEditUndoRedo()
{
    QVERIFY(importByDrop(writeImages(1, 30)));
    QVERIFY(waitForRows(1));
    const qint64 id = m_window->galleryModel()->imageId(0);
    QSignalSpy shown(m_window->details(), &DetailsPanel::imageShown);
    m_window->gallery()->setCurrentIndex(m_window->galleryModel()->index(0));
    QTRY_VERIFY(shown.contains({id}));
    auto *caption = m_window->details()->findChild<QLineEdit *>(u"caption"_s);
    QVERIFY(caption);
    QVERIFY(caption->isEnabled());
    caption->setFocus();
    caption->selectAll();
    QTest::keyClicks(caption, u"Blue garden chair"_s);
    QTest::keyClick(caption, Qt::Key_Return);
    QTRY_COMPARE(catalogImage(id)->caption, u"Blue garden chair"_s);
    QTRY_COMPARE(m_window->galleryModel()->index(0).data().toString(), u"Blue garden chair"_s);
    m_window->undoStack()->undo();
    QTRY_COMPARE(catalogImage(id)->caption, QString());
    QTRY_COMPARE(caption->text(), QString());
    m_window->undoStack()->redo();
    QTRY_COMPARE(catalogImage(id)->caption, u"Blue garden chair"_s);
}

void TestMainWindow::trashTakesImagesOutAndUndoBringsThemBack()
{
    QVERIFY(importByDrop(writeImages(2, 40)));
    QVERIFY(waitForRows(2));
    GalleryModel *model = m_window->galleryModel();
    const qint64 first = model->imageId(0);
    m_window->gallery()->setCurrentIndex(model->index(0));
    m_window->findChild<QAction *>(u"trash"_s)->trigger();
    QVERIFY(waitForRows(1));
    QVERIFY(!catalogOrder().contains(first));
    QSignalSpy loaded(model, &GalleryModel::loaded);
    m_window->showCollection(GallerySelection::Kind::Trash);
    QVERIFY(loaded.wait());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->imageId(0), first);
    m_window->undoStack()->undo();
    QVERIFY(waitForRows(0));
    QTRY_COMPARE(catalogOrder().size(), 2);
    QCOMPARE(catalogOrder().constFirst(), first);
}

void TestMainWindow::searchFindsByCaption()
{
    QVERIFY(importByDrop(writeImages(3, 60)));
    QVERIFY(waitForRows(3));
    const qint64 id = m_window->galleryModel()->imageId(1);
    ImageEdit edit;
    edit.caption = u"Teakholz Bank"_s;
    m_window->undoStack()->push(new EditImageCommand({m_window->catalog(), nullptr}, id, edit));
    QTest::keyClicks(m_window->searchField(), u"teak"_s);
    QVERIFY(waitForRows(1));
    QCOMPARE(m_window->galleryModel()->imageId(0), id);
    m_window->searchField()->clear();
    QVERIFY(waitForRows(3));
}

void TestMainWindow::switchingWorkspaceShowsItsImages()
{
    QVERIFY(importByDrop(writeImages(2, 70)));
    QVERIFY(waitForRows(2));
    QComboBox *switcher = m_window->sidebar()->workspaceSwitcher();
    const int other = switcher->findText(u"Other"_s);
    QVERIFY(other >= 0);
    switcher->setFocus();
    switcher->setCurrentIndex(other);
    emit switcher->activated(other);
    QTRY_COMPARE(m_window->workspace()->name(), u"Other"_s);
    QVERIFY(waitForRows(0));
    emit switcher->activated(switcher->findText(u"Main"_s));
    QTRY_COMPARE(m_window->workspace()->name(), u"Main"_s);
    QVERIFY(waitForRows(2)); // All images of Main
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

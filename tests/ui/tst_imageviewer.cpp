// The full-image viewer on a real workspace: images imported through the real pipeline,
// the catalog on its own thread, files read from the real store.
#include "catalog/catalogthread.h"
#include "import/importjob.h"
#include "imaging/imagingpool.h"
#include "storage/filestore.h"
#include "storage/workspace.h"
#include "testimages.h"
#include "viewer/imageviewer.h"
#include "viewer/viewercanvas.h"
#include "viewer/viewerinfobar.h"
#include "viewer/viewerzoom.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QMouseEvent>
#include <QWheelEvent>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

class TestImageViewer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void fitZoomAndPanFollowTheRules();
    void opensOnTheLargestRenditionFitted();
    void zoomingPastTheRenditionSwapsInTheOrientedOriginal();
    void wheelZoomsAroundTheCursor();
    void draggingPansTheZoomedImage();
    void arrowsPageWhenFittedAndPanWhenZoomedIn();
    void rapidPagingShowsOnlyTheLastImage();
    void captionEditShowsWithoutMovingTheView();
    void escapeLeavesFullScreenThenCloses();
    void missingRenditionFallsBackToASmallerOne();
    void missingOriginalShowsTheFileAndReason();
    void imageWithoutAnyFileShowsAMessage();

private:
    ViewerCanvas *canvas() const { return m_viewer->findChild<ViewerCanvas *>(); }
    ViewerInfoBar *infoBar() const { return m_viewer->findChild<ViewerInfoBar *>(); }
    bool open(int index);
    bool showsImage(int index) const;
    ImageRecord record(int index) const;
    QString renditionPath(int index, const QString &name) const;

    QTemporaryDir m_dir;
    std::optional<Workspace> m_workspace;
    std::unique_ptr<CatalogThread> m_catalog;
    std::unique_ptr<ImageViewer> m_viewer;
    QList<qint64> m_ids;
    // The web1024 rendition of each image: never larger than the image itself.
    const QList<QSize> m_renditionSizes{{1024, 768}, {640, 480}, {900, 600}, {500, 500}};
};

void TestImageViewer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(u"VitrineTests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));

    auto workspace = Workspace::create(m_dir.filePath(u"data"_s), u"main"_s);
    QVERIFY2(workspace, qPrintable(workspace.error()));
    m_workspace = workspace.value();

    // Image 0 is stored turned (EXIF orientation 6): 1200×1600 on disk, 1600×1200 upright.
    const QString source = m_dir.filePath(u"source"_s);
    const QStringList files{
        TestImages::writeFile(source, u"a-portrait.jpg"_s, TestImages::orientedJpeg(6, {1600, 1200})),
        TestImages::writeFile(source, u"b.jpg"_s, TestImages::uniqueJpeg(2, {640, 480})),
        TestImages::writeFile(source, u"c.jpg"_s, TestImages::uniqueJpeg(3, {900, 600})),
        TestImages::writeFile(source, u"d.jpg"_s, TestImages::uniqueJpeg(4, {500, 500})),
    };
    {
        ImagingPool pool(2);
        ImportJob job(*m_workspace, pool, files, ImportOptions{});
        job.start();
        const ImportReport report = job.waitForFinished();
        for (const QString &file : files) {
            for (const ImportItemResult &item : report.items) {
                if (item.sourcePath != file)
                    continue;
                QVERIFY2(item.outcome == ImportItemResult::Outcome::Imported, qPrintable(item.message));
                m_ids.append(item.imageId);
            }
        }
    }
    QCOMPARE(m_ids.size(), files.size());

    auto catalog = CatalogThread::open(m_workspace->catalogPath());
    QVERIFY2(catalog, qPrintable(catalog.error()));
    m_catalog = std::move(catalog.value());
    m_viewer = std::make_unique<ImageViewer>(m_catalog.get(), m_workspace->storeDirectory());
    m_viewer->resize(800, 600);
    QVERIFY(canvas());
    QVERIFY(infoBar());
}

void TestImageViewer::cleanup()
{
    m_viewer->hide();
}

void TestImageViewer::cleanupTestCase()
{
    m_viewer.reset(); // before the catalog it reads from
    m_catalog.reset();
}

bool TestImageViewer::showsImage(int index) const
{
    return m_viewer->currentImageId() == m_ids.at(index) && canvas()->hasImage()
        && infoBar()->positionText() == u"%1 of %2"_s.arg(index + 1).arg(m_ids.size());
}

// Opens the viewer on an image and waits for its rendition.
bool TestImageViewer::open(int index)
{
    m_viewer->showImages(m_ids, index);
    if (!QTest::qWaitFor([&] { return showsImage(index) && canvas()->shownImageSize() == m_renditionSizes.at(index); }))
        return false;
    return true;
}

ImageRecord TestImageViewer::record(int index) const
{
    const qint64 id = m_ids.at(index);
    return m_catalog->run([id](Catalog &catalog) { return catalog.imageById(id); }).result().value();
}

QString TestImageViewer::renditionPath(int index, const QString &name) const
{
    const ImageRecord image = record(index);
    for (const RenditionRecord &rendition : image.renditions) {
        if (rendition.name == name)
            return FileStore(m_workspace->storeDirectory()).renditionPath(image.sha256, name, rendition.sha256);
    }
    return {};
}

void TestImageViewer::fitZoomAndPanFollowTheRules()
{
    ViewerZoom zoom;
    zoom.setViewportSize({800, 600});
    zoom.setImageSize({1600, 1200});
    QCOMPARE(zoom.zoom(), 0.5);
    QCOMPARE(zoom.imageRect(), QRectF(0, 0, 800, 600));
    QVERIFY(zoom.isFitted());
    QVERIFY(!zoom.canPan());

    // A small image is centred at 100 %, never blown up.
    zoom.setImageSize({64, 48});
    QCOMPARE(zoom.zoom(), 1.0);
    QCOMPARE(zoom.imageRect(), QRectF(368, 276, 64, 48));

    // Zooming keeps the image point under the cursor where it was.
    zoom.setImageSize({1600, 1200});
    const QPointF cursor(200, 150);
    const QPointF underCursor = zoom.toImage(cursor);
    zoom.zoomAt(1.0, cursor);
    QCOMPARE(zoom.zoom(), 1.0);
    QCOMPARE(zoom.toImage(cursor), underCursor);
    QVERIFY(zoom.canPan());
    QVERIFY(!zoom.isFitted());

    // Panning stops at the image's edges.
    zoom.panBy({10000, 10000});
    QCOMPARE(zoom.imageRect().topLeft(), QPointF(0, 0));
    zoom.panBy({-10000, -10000});
    QCOMPARE(zoom.imageRect().bottomRight(), QPointF(800, 600));

    // A resize keeps the zoom; zooming out past the whole image fits it again.
    zoom.setViewportSize({1000, 700});
    QCOMPARE(zoom.zoom(), 1.0);
    QCOMPARE(zoom.imageRect().bottomRight(), QPointF(1000, 700));
    zoom.zoomBySteps(-20, {10, 10});
    QVERIFY(zoom.isFitted());
    QCOMPARE(zoom.zoom(), ViewerZoom::fitZoom({1600, 1200}, {1000, 700}));
    zoom.zoomBySteps(100, {10, 10});
    QCOMPARE(zoom.zoom(), ViewerZoom::maxZoom);
}

void TestImageViewer::opensOnTheLargestRenditionFitted()
{
    QVERIFY(open(0));
    QVERIFY(canvas()->zoom().isFitted());
    QVERIFY(canvas()->zoom().zoom() < 0.6);
    QVERIFY(TestImages::isUprightPattern(canvas()->shownImage()));
    QCOMPARE(infoBar()->title(), u"a-portrait.jpg"_s);
    QVERIFY2(infoBar()->zoomText().contains(u"fit"_s), qPrintable(infoBar()->zoomText()));
    QVERIFY(canvas()->message().isEmpty());

    // Fitted, the rendition has pixels enough: the original is not read.
    QTest::qWait(200);
    QCOMPARE(canvas()->largestImageSize(), QSize(1024, 768));

    QVERIFY(m_viewer->grab().save(u"/tmp/viewer.png"_s));
}

void TestImageViewer::zoomingPastTheRenditionSwapsInTheOrientedOriginal()
{
    QVERIFY(open(0));
    QTest::keyClick(m_viewer.get(), Qt::Key_1);
    QCOMPARE(canvas()->zoom().zoom(), 1.0);
    QCOMPARE(infoBar()->zoomText(), u"100 %"_s);
    const QRectF placed = canvas()->zoom().imageRect();

    QTRY_COMPARE(canvas()->largestImageSize(), QSize(1600, 1200));
    QCOMPARE(canvas()->shownImageSize(), QSize(1600, 1200));
    QVERIFY(TestImages::isUprightPattern(canvas()->shownImage())); // oriented exactly once
    QCOMPARE(canvas()->zoom().imageRect(), placed);                // the view did not jump
    QVERIFY(canvas()->message().isEmpty());

    // Back to fit, the rendition is sharp enough again and cheaper to paint.
    QTest::keyClick(m_viewer.get(), Qt::Key_F);
    QVERIFY(canvas()->zoom().isFitted());
    QCOMPARE(canvas()->shownImageSize(), QSize(1024, 768));
    QTest::keyClick(m_viewer.get(), Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(!canvas()->zoom().isFitted());
    QTest::keyClick(m_viewer.get(), Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(canvas()->zoom().isFitted());
}

void TestImageViewer::wheelZoomsAroundTheCursor()
{
    QVERIFY(open(0));
    const double fitted = canvas()->zoom().zoom();
    const QPointF cursor(150, 120);
    const QPointF underCursor = canvas()->zoom().toImage(cursor);
    QWheelEvent wheel(cursor, canvas()->mapToGlobal(cursor), {}, {0, 120}, Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(canvas(), &wheel);
    QCOMPARE(canvas()->zoom().zoom(), fitted * ViewerZoom::stepFactor);
    const QPointF after = canvas()->zoom().toImage(cursor);
    QVERIFY(qAbs(after.x() - underCursor.x()) < 0.01 && qAbs(after.y() - underCursor.y()) < 0.01);
}

void TestImageViewer::draggingPansTheZoomedImage()
{
    QVERIFY(open(0));
    QTest::keyClick(m_viewer.get(), Qt::Key_1);
    const QPointF centre = canvas()->zoom().center();
    const QPointF from(400, 300);
    const QPointF to(300, 250);
    QMouseEvent press(QEvent::MouseButtonPress, from, canvas()->mapToGlobal(from), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QMouseEvent move(QEvent::MouseMove, to, canvas()->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, to, canvas()->mapToGlobal(to), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(canvas(), &press);
    QCoreApplication::sendEvent(canvas(), &move);
    QCoreApplication::sendEvent(canvas(), &release);
    // At 100 % the image follows the pointer pixel for pixel.
    QCOMPARE(canvas()->zoom().center(), centre + QPointF(100, 50));
    QCOMPARE(m_viewer->currentImageId(), m_ids.at(0));
}

void TestImageViewer::arrowsPageWhenFittedAndPanWhenZoomedIn()
{
    QVERIFY(open(0));
    QSignalSpy changed(m_viewer.get(), &ImageViewer::currentImageChanged);

    QTest::keyClick(m_viewer.get(), Qt::Key_Right);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), m_ids.at(1));
    QTRY_VERIFY(showsImage(1) && canvas()->shownImageSize() == m_renditionSizes.at(1));
    QCOMPARE(infoBar()->title(), u"b.jpg"_s);

    QTest::keyClick(m_viewer.get(), Qt::Key_Left);
    QTRY_VERIFY(showsImage(0) && canvas()->shownImageSize() == m_renditionSizes.at(0));
    QTest::keyClick(m_viewer.get(), Qt::Key_Left); // already the first
    QCOMPARE(changed.size(), 2);

    // Zoomed in, the arrows pan and leave the image where it is.
    QTest::keyClick(m_viewer.get(), Qt::Key_1);
    QVERIFY(canvas()->zoom().canPan());
    const QPointF centre = canvas()->zoom().center();
    QTest::keyClick(m_viewer.get(), Qt::Key_Right);
    QTest::keyClick(m_viewer.get(), Qt::Key_Down);
    QVERIFY(canvas()->zoom().center().x() > centre.x());
    QVERIFY(canvas()->zoom().center().y() > centre.y());
    QCOMPARE(m_viewer->currentImageId(), m_ids.at(0));
    QCOMPARE(changed.size(), 2);

    // Page Down always pages; End and Home jump.
    QTest::keyClick(m_viewer.get(), Qt::Key_PageDown);
    QTRY_VERIFY(showsImage(1) && canvas()->shownImageSize() == m_renditionSizes.at(1));
    QVERIFY(canvas()->zoom().isFitted()); // every image opens fitted
    QTest::keyClick(m_viewer.get(), Qt::Key_End);
    QTRY_VERIFY(showsImage(3) && canvas()->shownImageSize() == m_renditionSizes.at(3));
    QTest::keyClick(m_viewer.get(), Qt::Key_Home);
    QTRY_VERIFY(showsImage(0) && canvas()->shownImageSize() == m_renditionSizes.at(0));
    QTest::keyClick(m_viewer.get(), Qt::Key_Space);
    QTRY_VERIFY(showsImage(1) && canvas()->shownImageSize() == m_renditionSizes.at(1));
    QTest::keyClick(m_viewer.get(), Qt::Key_Backspace);
    QTRY_VERIFY(showsImage(0) && canvas()->shownImageSize() == m_renditionSizes.at(0));
    QCOMPARE(changed.size(), 7);
    QCOMPARE(changed.last().at(0).toLongLong(), m_ids.at(0));
}

void TestImageViewer::rapidPagingShowsOnlyTheLastImage()
{
    QVERIFY(open(0));
    QTest::keyClick(m_viewer.get(), Qt::Key_Right);
    QTest::keyClick(m_viewer.get(), Qt::Key_Right);
    QTest::keyClick(m_viewer.get(), Qt::Key_Right);
    QCOMPARE(m_viewer->currentImageId(), m_ids.at(3));
    QTRY_COMPARE(canvas()->shownImageSize(), m_renditionSizes.at(3));

    // Whatever the earlier pages' loads still deliver is dropped.
    QTest::qWait(300);
    QVERIFY(showsImage(3));
    QCOMPARE(canvas()->shownImageSize(), m_renditionSizes.at(3));
    QCOMPARE(infoBar()->title(), u"d.jpg"_s);
}

void TestImageViewer::captionEditShowsWithoutMovingTheView()
{
    QVERIFY(open(1));
    QTest::keyClick(m_viewer.get(), Qt::Key_Plus);
    QTest::keyClick(m_viewer.get(), Qt::Key_Plus);
    const double zoom = canvas()->zoom().zoom();
    QVERIFY(zoom > 1.0);

    const qint64 id = m_ids.at(1);
    ImageEdit edit;
    edit.caption = u"Shop front, north side"_s;
    const Status edited = m_catalog->runWrite([id, edit](Catalog &catalog) { return catalog.editImage(id, edit); },
                                              {id}).result();
    QVERIFY2(edited, qPrintable(edited.error()));
    QTRY_COMPARE(infoBar()->title(), u"Shop front, north side"_s);
    QCOMPARE(canvas()->zoom().zoom(), zoom);
}

void TestImageViewer::escapeLeavesFullScreenThenCloses()
{
    QVERIFY(open(1));
    QTest::keyClick(m_viewer.get(), Qt::Key_Return);
    QTRY_VERIFY(m_viewer->isFullScreen());
    QTest::keyClick(m_viewer.get(), Qt::Key_Escape);
    QTRY_VERIFY(!m_viewer->isFullScreen());
    QVERIFY(m_viewer->isVisible());
    QTest::keyClick(m_viewer.get(), Qt::Key_Escape);
    QVERIFY(!m_viewer->isVisible());
    QVERIFY(!canvas()->hasImage()); // closed, the pixels are freed

    // Reopened, it shows the image again.
    QVERIFY(open(2));
}

void TestImageViewer::missingRenditionFallsBackToASmallerOne()
{
    const QString web = renditionPath(2, u"web1024"_s);
    QVERIFY(QFile::remove(web));
    // Small enough a window that thumb500 is sharp when fitted.
    m_viewer->resize(400, 300);
    m_viewer->showImages(m_ids, 2);
    QTRY_VERIFY(showsImage(2) && canvas()->shownImageSize() == QSize(500, 333)); // thumb500
    QVERIFY(canvas()->message().isEmpty());
    QTest::qWait(100);
    QCOMPARE(canvas()->largestImageSize(), QSize(500, 333));

    // 900 px wide on screen at 100 %: more than thumb500 has, so the original follows.
    QTest::keyClick(m_viewer.get(), Qt::Key_1);
    QTRY_COMPARE(canvas()->shownImageSize(), QSize(900, 600));
    QVERIFY(canvas()->message().isEmpty());
    m_viewer->resize(800, 600);
}

void TestImageViewer::missingOriginalShowsTheFileAndReason()
{
    const ImageRecord image = record(0);
    const QString original = FileStore(m_workspace->storeDirectory()).originalPath(image.sha256, image.facts.format);
    QVERIFY(QFile::remove(original));
    QVERIFY(open(0));
    QTest::keyClick(m_viewer.get(), Qt::Key_1);
    QTRY_VERIFY(!canvas()->message().isEmpty());
    QVERIFY2(canvas()->message().contains(original), qPrintable(canvas()->message()));
    QVERIFY2(canvas()->message().contains(u"missing"_s), qPrintable(canvas()->message()));
    QCOMPARE(canvas()->largestImageSize(), m_renditionSizes.at(0)); // the rendition stays
    QVERIFY(m_viewer->grab().save(u"/tmp/viewer-error.png"_s));
}

void TestImageViewer::imageWithoutAnyFileShowsAMessage()
{
    const ImageRecord image = record(3);
    const FileStore store(m_workspace->storeDirectory());
    QVERIFY(QFile::remove(store.originalPath(image.sha256, image.facts.format)));
    for (const RenditionRecord &rendition : image.renditions)
        QVERIFY(QFile::remove(store.renditionPath(image.sha256, rendition.name, rendition.sha256)));

    m_viewer->showImages(m_ids, 3);
    QTRY_VERIFY(canvas()->message().contains(store.originalPath(image.sha256, image.facts.format)));
    QVERIFY(!canvas()->hasImage());
    QCOMPARE(infoBar()->title(), u"d.jpg"_s);
    QVERIFY(infoBar()->zoomText().isEmpty());
    QVERIFY(m_viewer->grab().save(u"/tmp/viewer-nofile.png"_s));

    // Paging on still works.
    QTest::keyClick(m_viewer.get(), Qt::Key_Home);
    QTRY_VERIFY(showsImage(0) && canvas()->shownImageSize() == m_renditionSizes.at(0));
}

QTEST_MAIN(TestImageViewer)
#include "tst_imageviewer.moc"

#include "viewer/imageviewer.h"

#include "catalog/catalogthread.h"
#include "common/whenready.h"
#include "viewer/viewercanvas.h"
#include "viewer/viewerimagereader.h"
#include "viewer/viewerinfobar.h"

#include <QHideEvent>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto geometryKey = u"viewer/geometry"_s;

} // namespace

ImageViewer::ImageViewer(CatalogThread *catalog, const QString &filesRoot, QWidget *parent)
    : QWidget(parent, Qt::Window),
      m_catalog(catalog),
      m_store(filesRoot),
      m_canvas(new ViewerCanvas(this)),
      m_infoBar(new ViewerInfoBar(this))
{
    setAccessibleName(tr("Image viewer"));
    setWindowTitle(tr("Image viewer"));
    setFocusPolicy(Qt::StrongFocus);
    m_canvas->setFocusPolicy(Qt::NoFocus); // the window takes the keys

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_infoBar);

    if (!restoreGeometry(QSettings().value(geometryKey).toByteArray()))
        resize(1024, 768);

    connect(m_canvas, &ViewerCanvas::zoomChanged, this, &ImageViewer::zoomChanged);
    connect(m_canvas, &ViewerCanvas::doubleClicked, this, &ImageViewer::toggleFullScreen);
    connect(m_catalog, &CatalogThread::catalogChanged, this, &ImageViewer::reloadIfChanged);
}

void ImageViewer::showImages(const QList<qint64> &imageIds, int current)
{
    if (imageIds.isEmpty())
        return;
    m_ids = imageIds;
    show();
    raise();
    activateWindow();
    setFocus();
    goTo(std::clamp(current, 0, int(m_ids.size()) - 1));
}

qint64 ImageViewer::currentImageId() const
{
    return m_index >= 0 && m_index < m_ids.size() ? m_ids.at(m_index) : 0;
}

void ImageViewer::goTo(int index)
{
    m_index = index;
    ++m_generation;
    m_image.reset();
    m_originalRequested = false;
    m_infoBar->setPosition(m_index, int(m_ids.size()));
    loadCurrent();
}

void ImageViewer::loadCurrent()
{
    const quint64 generation = m_generation;
    const qint64 id = currentImageId();
    whenReady(this, m_catalog->run([id](Catalog &catalog) { return catalog.imageById(id); }),
              [this, generation](const std::optional<ImageRecord> &record) {
                  if (generation == m_generation)
                      showRecord(record);
              });
}

void ImageViewer::showRecord(const std::optional<ImageRecord> &record)
{
    if (!record) {
        ++m_generation;
        m_image.reset();
        m_canvas->clear();
        m_canvas->showMessage(tr("This image is no longer in the catalog."));
        m_infoBar->setTitle({});
        return;
    }
    const ViewerImage image = ViewerImage::fromRecord(*record, m_store);
    if (m_image && m_image->samePixels(image)) { // a caption edit: the view stays as it is
        m_image = image;
        updateTitle();
        return;
    }
    const quint64 generation = ++m_generation;
    m_image = image;
    m_originalRequested = false;
    whenReady(this, QtConcurrent::run([image] { return ViewerImageReader::readRendition(image); }),
              [this, generation](const Result<QImage> &read) {
                  if (generation == m_generation)
                      showRendition(read);
              });
}

void ImageViewer::showRendition(const Result<QImage> &read)
{
    updateTitle();
    if (read) {
        m_canvas->showImage(read.value(), m_image->uprightSize);
        return;
    }
    // No rendition to show: the original is the nearest there is.
    m_canvas->clear();
    m_canvas->showMessage(read.error());
    loadOriginal();
}

void ImageViewer::loadOriginal()
{
    if (!m_image || m_originalRequested)
        return;
    m_originalRequested = true;
    const quint64 generation = m_generation;
    const ViewerImage image = *m_image;
    whenReady(this, QtConcurrent::run([image] { return ViewerImageReader::readOriginal(image); }),
              [this, generation](const Result<QImage> &read) {
                  if (generation == m_generation)
                      showOriginal(read);
              });
}

void ImageViewer::showOriginal(const Result<QImage> &read)
{
    if (!read) {
        const QString earlier = m_canvas->hasImage() ? QString() : m_canvas->message();
        m_canvas->showMessage(earlier.isEmpty() ? read.error() : earlier + u'\n' + read.error());
        return;
    }
    if (m_canvas->hasImage())
        m_canvas->addSharperImage(read.value());
    else
        m_canvas->showImage(read.value(), m_image->uprightSize);
}

void ImageViewer::reloadIfChanged(const QList<qint64> &imageIds)
{
    if (isVisible() && m_image && imageIds.contains(m_image->id))
        loadCurrent();
}

void ImageViewer::zoomChanged()
{
    if (m_canvas->hasImage())
        m_infoBar->setZoom(m_canvas->zoom().zoom(), m_canvas->zoom().isFitted());
    else
        m_infoBar->clearZoom();
    if (m_canvas->needsSharperImage())
        loadOriginal();
}

void ImageViewer::updateTitle()
{
    const QString title = m_image ? m_image->title : QString();
    m_infoBar->setTitle(title);
    m_canvas->setAccessibleDescription(title);
    setWindowTitle(title.isEmpty() ? tr("Image viewer") : tr("%1 – Image viewer").arg(title));
}

void ImageViewer::toggleFullScreen()
{
    if (isFullScreen())
        showNormal();
    else
        showFullScreen();
}

void ImageViewer::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (event->spontaneous())
        return; // minimised: keep what is shown
    if (!isFullScreen())
        QSettings().setValue(geometryKey, saveGeometry());
    // Closed: late results are dropped and the pixels freed until the next open.
    ++m_generation;
    m_image.reset();
    m_canvas->clear();
}

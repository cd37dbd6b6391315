#include "viewer/viewercanvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>

namespace {

const QColor background(0x1b, 0x1b, 0x1d);

int longSide(QSize size)
{
    return std::max(size.width(), size.height());
}

} // namespace

ViewerCanvas::ViewerCanvas(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 120);
    setAccessibleName(tr("Image"));
}

void ViewerCanvas::showImage(const QImage &image, QSize uprightSize)
{
    m_images = {image};
    m_uprightSize = uprightSize.isEmpty() ? image.size() : uprightSize;
    m_message.clear();
    m_zoom.setViewportSize(size());
    m_zoom.setImageSize(m_uprightSize);
    zoomUpdated();
}

void ViewerCanvas::addSharperImage(const QImage &image)
{
    m_images.append(image);
    std::stable_sort(m_images.begin(), m_images.end(), [](const QImage &a, const QImage &b) {
        return longSide(a.size()) < longSide(b.size());
    });
    update();
}

void ViewerCanvas::showMessage(const QString &message)
{
    m_message = message;
    update();
}

void ViewerCanvas::clear()
{
    m_images.clear();
    m_uprightSize = {};
    m_message.clear();
    m_zoom.setImageSize({});
    zoomUpdated();
}

const QImage &ViewerCanvas::shownImage() const
{
    static const QImage none;
    if (m_images.isEmpty())
        return none;
    const double needed = shownDevicePixels();
    for (const QImage &image : m_images) {
        if (longSide(image.size()) + 1 >= needed) // one pixel of rounding is not blur
            return image;
    }
    return m_images.last();
}

QSize ViewerCanvas::largestImageSize() const
{
    return m_images.isEmpty() ? QSize() : m_images.last().size();
}

bool ViewerCanvas::needsSharperImage() const
{
    if (m_images.isEmpty())
        return false;
    const int largest = longSide(m_images.last().size());
    return largest < longSide(m_uprightSize) && shownDevicePixels() > largest + 1;
}

double ViewerCanvas::shownDevicePixels() const
{
    return longSide(m_uprightSize) * m_zoom.zoom() * devicePixelRatioF();
}

void ViewerCanvas::fitToWindow()
{
    m_zoom.fit();
    zoomUpdated();
}

void ViewerCanvas::zoomBySteps(double steps)
{
    m_zoom.zoomBySteps(steps, m_zoom.viewCenter());
    zoomUpdated();
}

void ViewerCanvas::zoomTo(double zoom)
{
    m_zoom.zoomAt(zoom, m_zoom.viewCenter());
    zoomUpdated();
}

void ViewerCanvas::panBy(QPointF viewDelta)
{
    m_zoom.panBy(viewDelta);
    update();
}

void ViewerCanvas::zoomUpdated()
{
    if (!m_dragging)
        setCursor(m_zoom.canPan() ? Qt::OpenHandCursor : Qt::ArrowCursor);
    update();
    emit zoomChanged();
}

void ViewerCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), background);
    paintImage(painter);
    paintMessage(painter);
}

// Only the visible part is drawn, so a large original costs what the window shows.
void ViewerCanvas::paintImage(QPainter &painter) const
{
    const QImage &image = shownImage();
    if (image.isNull())
        return;
    const QRectF target = m_zoom.imageRect();
    const QRectF visible = target.intersected(QRectF(rect()));
    if (visible.isEmpty())
        return;
    const double sx = image.width() / target.width();
    const double sy = image.height() / target.height();
    const QRectF source((visible.left() - target.left()) * sx, (visible.top() - target.top()) * sy,
                        visible.width() * sx, visible.height() * sy);
    // Smooth until the pixels are large enough to inspect one by one.
    const double scale = target.width() * devicePixelRatioF() / image.width();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scale < 3.0);
    painter.drawImage(visible, image, source);
}

void ViewerCanvas::paintMessage(QPainter &painter) const
{
    if (m_message.isEmpty())
        return;
    const int margin = 16;
    const int maxWidth = std::max(100, width() - 4 * margin);
    const QRect textBounds = painter.fontMetrics().boundingRect(QRect(0, 0, maxWidth, height()),
                                                                Qt::TextWordWrap | Qt::AlignCenter, m_message);
    QRect box = textBounds.adjusted(-margin, -margin / 2, margin, margin / 2);
    box.moveCenter(QPoint(width() / 2, hasImage() ? margin + box.height() / 2 : height() / 2));
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(box), 6, 6);
    painter.fillPath(path, QColor(0x5c, 0x1f, 0x1f, 230));
    painter.setPen(QColor(0xf2, 0xf2, 0xf2));
    painter.drawText(box.adjusted(margin, margin / 2, -margin, -margin / 2), Qt::TextWordWrap | Qt::AlignCenter,
                     m_message);
}

void ViewerCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_zoom.setViewportSize(size());
    zoomUpdated();
}

void ViewerCanvas::wheelEvent(QWheelEvent *event)
{
    if (!hasImage())
        return;
    const double steps = event->angleDelta().y() / 120.0; // touchpads send fractions of a notch
    m_zoom.zoomBySteps(steps, event->position());
    zoomUpdated();
    event->accept();
}

void ViewerCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_zoom.canPan())
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_lastDragPoint = event->position().toPoint();
    setCursor(Qt::ClosedHandCursor);
}

void ViewerCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    const QPoint point = event->position().toPoint();
    panBy(point - m_lastDragPoint);
    m_lastDragPoint = point;
}

void ViewerCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    setCursor(m_zoom.canPan() ? Qt::OpenHandCursor : Qt::ArrowCursor);
}

void ViewerCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        emit doubleClicked();
}

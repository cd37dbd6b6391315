#include "viewer/viewerzoom.h"

#include <algorithm>
#include <cmath>

namespace {

// The centre coordinate on one axis: centred when the image fits, else kept so that no
// edge comes inside the view.
double clampAxis(double center, double image, double viewport, double zoom)
{
    if (image * zoom <= viewport)
        return image / 2.0;
    const double half = viewport / (2.0 * zoom);
    return std::clamp(center, half, image - half);
}

} // namespace

double ViewerZoom::fitZoom(QSizeF image, QSizeF viewport)
{
    if (image.isEmpty() || viewport.isEmpty())
        return 1.0;
    return std::min({1.0, viewport.width() / image.width(), viewport.height() / image.height()});
}

void ViewerZoom::setImageSize(QSizeF size)
{
    m_image = size;
    fit();
}

void ViewerZoom::setViewportSize(QSizeF size)
{
    m_viewport = size;
    if (m_fitted)
        fit();
    else
        zoomAt(m_zoom, viewCenter());
}

void ViewerZoom::fit()
{
    m_fitted = true;
    m_zoom = fitZoom(m_image, m_viewport);
    m_center = QPointF(m_image.width() / 2.0, m_image.height() / 2.0);
}

double ViewerZoom::minZoom() const
{
    return fitZoom(m_image, m_viewport); // smaller than the whole image shows nothing more
}

void ViewerZoom::zoomAt(double zoom, QPointF viewPoint)
{
    zoom = std::clamp(zoom, minZoom(), std::max(maxZoom, minZoom()));
    if (zoom <= minZoom()) {
        fit();
        return;
    }
    const QPointF anchor = toImage(viewPoint);
    m_zoom = zoom;
    m_fitted = false;
    m_center = anchor - (viewPoint - viewCenter()) / m_zoom;
    clampCenter();
}

void ViewerZoom::zoomBySteps(double steps, QPointF viewPoint)
{
    zoomAt(m_zoom * std::pow(stepFactor, steps), viewPoint);
}

void ViewerZoom::panBy(QPointF viewDelta)
{
    m_center -= viewDelta / m_zoom;
    clampCenter();
}

bool ViewerZoom::canPan() const
{
    const double slack = 0.5; // rounding must not make a fitted image pannable
    return m_image.width() * m_zoom > m_viewport.width() + slack
        || m_image.height() * m_zoom > m_viewport.height() + slack;
}

QRectF ViewerZoom::imageRect() const
{
    return QRectF(viewCenter() - m_center * m_zoom, m_image * m_zoom);
}

QPointF ViewerZoom::toImage(QPointF viewPoint) const
{
    return m_center + (viewPoint - viewCenter()) / m_zoom;
}

QPointF ViewerZoom::viewCenter() const
{
    return QPointF(m_viewport.width() / 2.0, m_viewport.height() / 2.0);
}

void ViewerZoom::clampCenter()
{
    m_center.setX(clampAxis(m_center.x(), m_image.width(), m_viewport.width(), m_zoom));
    m_center.setY(clampAxis(m_center.y(), m_image.height(), m_viewport.height(), m_zoom));
}

#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

// Which part of an image the viewer shows, and how large: a zoom (screen pixels per pixel
// of the upright original, 1.0 = 100 %) and the image point at the centre of the view.
// Pure geometry, so the fit, zoom and pan rules are tested without a window.
//
// Fitted, the whole image is shown, never enlarged beyond 100 %, and stays fitted when the
// view is resized. A smaller image than the view is centred; a larger one can be panned
// up to its edges, never beyond.
class ViewerZoom final
{
public:
    static constexpr double stepFactor = 1.25; // one wheel notch or one key press
    static constexpr double maxZoom = 16.0;

    // The zoom that shows all of image in viewport, at most 1.0.
    static double fitZoom(QSizeF image, QSizeF viewport);

    void setImageSize(QSizeF size); // a new image: fitted
    void setViewportSize(QSizeF size);
    QSizeF imageSize() const { return m_image; }
    QSizeF viewportSize() const { return m_viewport; }

    void fit();
    // Keeps the image point under viewPoint where it is.
    void zoomAt(double zoom, QPointF viewPoint);
    void zoomBySteps(double steps, QPointF viewPoint);
    void panBy(QPointF viewDelta); // moves the image with the pointer

    double zoom() const { return m_zoom; }
    double minZoom() const;
    bool isFitted() const { return m_fitted; }
    QPointF center() const { return m_center; }
    // True when part of the image is outside the view.
    bool canPan() const;
    // Where the whole image lies in view coordinates.
    QRectF imageRect() const;
    QPointF toImage(QPointF viewPoint) const;
    QPointF viewCenter() const;

private:
    void clampCenter();

    QSizeF m_image;
    QSizeF m_viewport;
    double m_zoom = 1.0;
    QPointF m_center;
    bool m_fitted = true;
};

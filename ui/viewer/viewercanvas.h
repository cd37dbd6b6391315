#pragma once

#include "viewer/viewerzoom.h"

#include <QImage>
#include <QList>
#include <QPoint>
#include <QWidget>

// Paints one image at the viewer's zoom on a dark background and lets the user zoom with
// the wheel and pan by dragging. It may hold the same picture at several resolutions (a
// rendition, then the original) and paints the smallest that is sharp at the current zoom,
// so a sharper image arriving never moves the view.
class ViewerCanvas final : public QWidget
{
    Q_OBJECT
public:
    explicit ViewerCanvas(QWidget *parent = nullptr);

    // A new picture. uprightSize is its full size (what zoom refers to); image may be
    // smaller (a rendition). Fits it to the view and clears any message.
    void showImage(const QImage &image, QSize uprightSize);
    // Sharper pixels of the picture on screen; the view stays where it is.
    void addSharperImage(const QImage &image);
    // A message over the picture (or alone when there is none), e.g. why a file is unreadable.
    void showMessage(const QString &message);
    void clear();

    bool hasImage() const { return !m_images.isEmpty(); }
    QString message() const { return m_message; }
    // The image painted at the current zoom, and the sharpest one held.
    const QImage &shownImage() const;
    QSize shownImageSize() const { return shownImage().size(); }
    QSize largestImageSize() const;
    // True when the screen shows more pixels than the sharpest image held has, and the
    // original has more to give.
    bool needsSharperImage() const;

    const ViewerZoom &zoom() const { return m_zoom; }
    void fitToWindow();
    void zoomBySteps(double steps); // around the centre of the view
    void zoomTo(double zoom);       // around the centre of the view
    void panBy(QPointF viewDelta);

signals:
    void zoomChanged();
    void doubleClicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void zoomUpdated();
    void paintImage(QPainter &painter) const;
    void paintMessage(QPainter &painter) const;
    double shownDevicePixels() const; // long side of the image on screen, in device pixels

    QList<QImage> m_images; // the same picture, smallest first
    QSize m_uprightSize;
    ViewerZoom m_zoom;
    QString m_message;
    bool m_dragging = false;
    QPoint m_lastDragPoint;
};

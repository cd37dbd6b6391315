// The viewer's keyboard: paging, zoom, pan, full screen.
#include "viewer/imageviewer.h"

#include "viewer/viewercanvas.h"

#include <QKeyEvent>

#include <algorithm>

void ImageViewer::keyPressEvent(QKeyEvent *event)
{
    if (pageKey(event) || zoomKey(event) || panKey(event))
        return;
    switch (event->key()) {
    case Qt::Key_Escape:
        if (isFullScreen())
            showNormal();
        else
            close();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_F11:
        toggleFullScreen();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

// Left/Right page only while the whole image is in view; zoomed in, they pan.
bool ImageViewer::pageKey(QKeyEvent *event)
{
    if (m_ids.isEmpty())
        return false;
    const bool arrowsPage = !m_canvas->zoom().canPan();
    const int last = int(m_ids.size()) - 1;
    int target = -1;
    switch (event->key()) {
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        target = m_index - 1;
        break;
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        target = m_index + 1;
        break;
    case Qt::Key_Left:
        target = arrowsPage ? m_index - 1 : -2;
        break;
    case Qt::Key_Right:
        target = arrowsPage ? m_index + 1 : -2;
        break;
    case Qt::Key_Home:
        target = 0;
        break;
    case Qt::Key_End:
        target = last;
        break;
    default:
        return false;
    }
    if (target == -2)
        return false; // an arrow that pans
    if (target >= 0 && target <= last && target != m_index) {
        goTo(target);
        emit currentImageChanged(currentImageId());
    }
    return true;
}

bool ImageViewer::zoomKey(QKeyEvent *event)
{
    if (event->matches(QKeySequence::ZoomIn)) {
        m_canvas->zoomBySteps(1);
        return true;
    }
    if (event->matches(QKeySequence::ZoomOut)) {
        m_canvas->zoomBySteps(-1);
        return true;
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_canvas->zoomBySteps(1);
        return true;
    case Qt::Key_Minus:
        m_canvas->zoomBySteps(-1);
        return true;
    case Qt::Key_F:
    case Qt::Key_0:
        m_canvas->fitToWindow();
        return true;
    case Qt::Key_1:
        m_canvas->zoomTo(1.0);
        return true;
    default:
        return false;
    }
}

bool ImageViewer::panKey(QKeyEvent *event)
{
    const QSizeF view = m_canvas->zoom().viewportSize();
    const double dx = std::max(40.0, view.width() / 10.0);
    const double dy = std::max(40.0, view.height() / 10.0);
    switch (event->key()) {
    case Qt::Key_Left:
        m_canvas->panBy({dx, 0});
        return true;
    case Qt::Key_Right:
        m_canvas->panBy({-dx, 0});
        return true;
    case Qt::Key_Up:
        m_canvas->panBy({0, dy});
        return true;
    case Qt::Key_Down:
        m_canvas->panBy({0, -dy});
        return true;
    default:
        return false;
    }
}

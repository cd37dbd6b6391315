#pragma once

#include <QWidget>

class QLabel;

// The strip under the image: its caption, where it is in the list ("3 of 12") and the zoom.
class ViewerInfoBar final : public QWidget
{
    Q_OBJECT
public:
    explicit ViewerInfoBar(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setPosition(int index, int count); // index from 0
    void setZoom(double zoom, bool fitted);
    void clearZoom(); // nothing on screen to zoom

    QString title() const;
    QString positionText() const;
    QString zoomText() const;

private:
    QLabel *m_title;
    QLabel *m_position;
    QLabel *m_zoom;
};

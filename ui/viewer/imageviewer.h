#pragma once

#include "common/result.h"
#include "storage/filestore.h"
#include "viewer/viewerimage.h"

#include <QImage>
#include <QList>
#include <QWidget>
#include <optional>

class CatalogThread;
class ViewerCanvas;
class ViewerInfoBar;
struct ImageRecord;

// The full view of one image, reused for every open: fit, zoom and pan, next and previous
// with the keyboard, the caption underneath. It shows the largest rendition at once and
// decodes the original, off the GUI thread, once the zoom asks for more pixels than the
// rendition has. Results for an image the user has already paged past are dropped.
class ImageViewer final : public QWidget
{
    Q_OBJECT
public:
    // filesRoot: the workspace's files folder (FileStore's root).
    ImageViewer(CatalogThread *catalog, const QString &filesRoot, QWidget *parent = nullptr);

    // Opens or raises the window and shows imageIds[current]; next/previous walk imageIds.
    void showImages(const QList<qint64> &imageIds, int current);
    qint64 currentImageId() const;

signals:
    // When the user pages to another image (not for showImages' own choice).
    void currentImageChanged(qint64 imageId);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void goTo(int index);
    void loadCurrent();
    void showRecord(const std::optional<ImageRecord> &record);
    void showRendition(const Result<QImage> &read);
    void loadOriginal();
    void showOriginal(const Result<QImage> &read);
    void reloadIfChanged(const QList<qint64> &imageIds);
    void zoomChanged();
    void toggleFullScreen();
    void updateTitle();
    bool pageKey(QKeyEvent *event);
    bool zoomKey(QKeyEvent *event);
    bool panKey(QKeyEvent *event);

    CatalogThread *m_catalog;
    FileStore m_store;
    ViewerCanvas *m_canvas;
    ViewerInfoBar *m_infoBar;
    QList<qint64> m_ids;
    int m_index = -1;
    // Bumped whenever what is on screen changes identity; late results of older loads
    // carry an older number and are dropped.
    quint64 m_generation = 0;
    std::optional<ViewerImage> m_image; // the current image, once its record arrived
    bool m_originalRequested = false;
};

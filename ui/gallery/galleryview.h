#pragma once

#include <QListView>

class GalleryDelegate;
class GalleryModel;
class ThumbnailCache;

// The thumbnail gallery: a QListView in icon mode with fixed-size cells over a
// GalleryModel. Only the cells on screen are painted, so only their thumbnails are asked
// for; when the user scrolls on, the loads queued for cells that went away are dropped.
class GalleryView final : public QListView
{
    Q_OBJECT
public:
    explicit GalleryView(QWidget *parent = nullptr);

    void setGalleryModel(GalleryModel *model);
    GalleryModel *galleryModel() const { return m_model; }
    ThumbnailCache *thumbnailCache() const { return m_cache; }
    GalleryDelegate *galleryDelegate() const { return m_delegate; }
    void setFilesRoot(const QString &root);
    void setThumbnailSize(int pixels);
    int thumbnailSize() const;
    QList<qint64> selectedImageIds() const;
    qint64 currentImageId() const;
    void selectImage(qint64 imageId);
    // Rows whose cells are at least partly on screen.
    std::pair<int, int> visibleRows() const;

signals:
    // A paint left no visible cell without its thumbnail (benchmarks and tests wait for it).
    void thumbnailsComplete();
    void openRequested(qint64 imageId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void updateGrid();

    GalleryModel *m_model = nullptr;
    ThumbnailCache *m_cache;
    GalleryDelegate *m_delegate;
};

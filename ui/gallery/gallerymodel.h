#pragma once

#include "catalog/galleryitem.h"
#include "catalog/galleryselection.h"

#include <QAbstractListModel>
#include <QCache>
#include <QHash>
#include <QList>
#include <QSet>

class CatalogThread;

// The images of one gallery (an entity or a collection) as a list of ids: the catalog
// thread finds the ids, in the chosen order, and the facts a cell paints are fetched in
// blocks of rows only when a cell asks for them, so a gallery of 100,000 images costs one
// list of ids, not 100,000 records. Reloads after a change keep the rows that stayed
// (selection and scroll position survive) and move, insert or remove only what changed.
class GalleryModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ImageIdRole = Qt::UserRole + 1,
        PrimaryRole,
        FrontRole,
        ImageTypeRole,
        SyncStateRole, // filled by the sync work; empty for now
    };
    static constexpr int kBlockRows = 128;
    static constexpr int kMimeLimit = 100000;
    static inline const QString kImageIdsMime = QStringLiteral("application/x-vitrine-image-ids");

    explicit GalleryModel(QObject *parent = nullptr);

    void setCatalog(CatalogThread *catalog);
    void setSelection(const GallerySelection &selection);
    void setSort(GallerySort sort);
    const GallerySelection &selection() const { return m_selection; }
    GallerySort sort() const { return m_sort; }
    // Drag and drop reorders only where the order is the user's: one entity, in its order.
    bool canReorder() const;

    // Re-reads the ids (after links, order or trash changed) and the facts of these images.
    void reload(const QList<qint64> &changedImages = {});
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    qint64 imageId(int row) const;
    QList<qint64> imageIds() const { return m_ids; }
    int rowOf(qint64 imageId) const;
    // The facts of a row if they have arrived; otherwise nullptr, and they are fetched.
    const GalleryItem *item(int row) const;
    // Moves images within the gallery at once (the catalog write follows by command).
    void moveImages(const QList<qint64> &ids, int destinationRow);
    static QList<qint64> idsFromMime(const QMimeData *data);

signals:
    // The ids of a new selection or sort are in (tests and benchmarks wait for it).
    void loaded();
    // The user dropped images to put them in this order (an entity's gallery only).
    void reorderRequested(qint64 entityId, const QList<qint64> &oldOrder, const QList<qint64> &newOrder);
    // Files dropped on the gallery, to import into what it shows.
    void filesDropped(const QStringList &paths);

private:
    void fetchBlock(int block) const;
    void storeItems(int generation, int epoch, const QList<GalleryItem> &items);
    void markStale(const QList<qint64> &imageIds);
    void markAllStale();
    void applyIds(int generation, const QList<qint64> &ids, bool replace);
    void replaceIds(const QList<qint64> &ids);
    void removeVanished(const QSet<qint64> &kept);
    void arrangeSurvivors(const QList<qint64> &ids, const QSet<qint64> &existing);
    void insertNew(const QList<qint64> &ids);
    void rebuildRowIndex();

    CatalogThread *m_catalog = nullptr;
    GallerySelection m_selection;
    GallerySort m_sort = GallerySort::Order;
    QList<qint64> m_ids;
    QHash<qint64, int> m_rowOf;
    struct Facts
    {
        GalleryItem item;
        int epoch = 0; // older than m_factsEpoch: shown until fresh facts arrive
    };
    mutable QCache<qint64, Facts> m_items; // facts of rows looked at lately
    int m_factsEpoch = 0;
    mutable QSet<int> m_blocksInFlight;
    int m_lastAppliedGeneration = -1;
    int m_generation = 0; // bumped by every new selection/sort; older answers are dropped
    bool m_loading = false;
};

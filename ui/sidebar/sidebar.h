#pragma once

#include "catalog/entitykind.h"
#include "catalog/galleryselection.h"

#include <QWidget>

class CatalogThread;
class EntityListModel;
class QComboBox;
class QLineEdit;
class QListView;
class QListWidget;
class QTimer;

// The left column: the workspace switcher, the smart collections and the entity kinds
// with their counts, and the entities of the chosen kind with a filter field.
class Sidebar final : public QWidget
{
    Q_OBJECT
public:
    explicit Sidebar(QWidget *parent = nullptr);

    void setWorkspaces(const QStringList &names, const QString &current);
    void setCatalog(CatalogThread *catalog);
    void refreshCounts();
    // Shows (and selects) a collection or an entity without emitting the chosen signals.
    void showCollection(GallerySelection::Kind kind);
    void showKind(EntityKind kind);
    EntityListModel *entityModel() const { return m_entityModel; }
    QListView *entityView() const { return m_entityView; }
    QLineEdit *entityFilter() const { return m_filter; }
    QComboBox *workspaceSwitcher() const { return m_workspaces; }
    qint64 currentEntityId() const;

signals:
    void workspaceChosen(const QString &name);
    void collectionChosen(GallerySelection::Kind kind);
    void entityChosen(qint64 entityId);

private:
    void buildCollections();
    void buildKinds();
    void chooseCollection(int row);
    void chooseKind(int row);
    void chooseEntity(const QModelIndex &index);
    void forgetEntity();
    bool chooseFirstKindInUse(const QMap<EntityKind, int> &counts); // true when it chose one

    CatalogThread *m_catalog = nullptr;
    QComboBox *m_workspaces;
    QListWidget *m_collections;
    QListWidget *m_kinds;
    QLineEdit *m_filter;
    QTimer *m_filterDelay;
    QListView *m_entityView;
    EntityListModel *m_entityModel;
};

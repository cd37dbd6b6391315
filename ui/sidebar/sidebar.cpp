#include "sidebar/sidebar.h"
#include "common/whenready.h"

#include "catalog/catalogthread.h"
#include "sidebar/entitylistmodel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace {

constexpr int kCollectionRole = Qt::UserRole + 1;
constexpr int kKindRole = Qt::UserRole + 2;

struct CollectionLabel
{
    GallerySelection::Kind kind;
    const char *text;
};

const CollectionLabel kCollections[] = {
    {GallerySelection::Kind::AllImages, QT_TRANSLATE_NOOP("Sidebar", "All images")},
    {GallerySelection::Kind::Unassigned, QT_TRANSLATE_NOOP("Sidebar", "Unassigned")},
    {GallerySelection::Kind::RecentlyImported, QT_TRANSLATE_NOOP("Sidebar", "Recently imported")},
    {GallerySelection::Kind::Trash, QT_TRANSLATE_NOOP("Sidebar", "Trash")},
};

QString kindLabel(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Customer:
        return Sidebar::tr("Customers");
    case EntityKind::Product:
        return Sidebar::tr("Products");
    case EntityKind::Job:
        return Sidebar::tr("Jobs");
    case EntityKind::Category:
        return Sidebar::tr("Categories");
    case EntityKind::Invoice:
        return Sidebar::tr("Invoices");
    case EntityKind::Company:
        return Sidebar::tr("Companies");
    }
    return {};
}

QListWidget *compactList(QWidget *parent, const QString &name)
{
    auto *list = new QListWidget(parent);
    list->setAccessibleName(name);
    list->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setFrameShape(QFrame::NoFrame);
    return list;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

Sidebar::Sidebar(QWidget *parent)
    : QWidget(parent), m_workspaces(new QComboBox(this)), m_collections(compactList(this, tr("Collections"))),
      m_kinds(compactList(this, tr("Entity kinds"))), m_filter(new QLineEdit(this)), m_filterDelay(new QTimer(this)),
      m_entityView(new QListView(this)), m_entityModel(new EntityListModel(this))
{
    m_workspaces->setAccessibleName(tr("Workspace"));
    m_filter->setPlaceholderText(tr("Filter by key or name"));
    m_filter->setAccessibleName(tr("Entity filter"));
    m_filter->setClearButtonEnabled(true);
    m_entityView->setModel(m_entityModel);
    m_entityView->setAccessibleName(tr("Entities"));
    m_entityView->setUniformItemSizes(true);
    m_entityView->setAcceptDrops(true);
    m_entityView->setDragDropMode(QAbstractItemView::DropOnly);
    m_entityView->setDropIndicatorShown(true);
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(150);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *workspaceLabel = heading(tr("&Workspace"), this);
    workspaceLabel->setBuddy(m_workspaces);
    layout->addWidget(workspaceLabel);
    layout->addWidget(m_workspaces);
    layout->addWidget(heading(tr("Collections"), this));
    layout->addWidget(m_collections);
    layout->addWidget(heading(tr("Entities"), this));
    layout->addWidget(m_kinds);
    layout->addWidget(m_filter);
    layout->addWidget(m_entityView, 1);
    buildCollections();
    buildKinds();

    connect(m_workspaces, &QComboBox::activated, this,
            [this](int index) { emit workspaceChosen(m_workspaces->itemText(index)); });
    connect(m_collections, &QListWidget::currentRowChanged, this, &Sidebar::chooseCollection);
    connect(m_kinds, &QListWidget::currentRowChanged, this, &Sidebar::chooseKind);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, [this] { m_entityModel->setFilter(m_filter->text()); });
    connect(m_entityView->selectionModel(), &QItemSelectionModel::currentChanged, this, &Sidebar::chooseEntity);
    connect(m_entityModel, &QAbstractItemModel::modelReset, this, [this] {
        connect(m_entityView->selectionModel(), &QItemSelectionModel::currentChanged, this, &Sidebar::chooseEntity,
                Qt::UniqueConnection);
    });
}

void Sidebar::buildCollections()
{
    for (const CollectionLabel &collection : kCollections) {
        auto *item = new QListWidgetItem(tr(collection.text), m_collections);
        item->setData(kCollectionRole, int(collection.kind));
    }
}

void Sidebar::buildKinds()
{
    for (EntityKind kind : allEntityKinds()) {
        auto *item = new QListWidgetItem(kindLabel(kind), m_kinds);
        item->setData(kKindRole, int(kind));
    }
}

void Sidebar::setWorkspaces(const QStringList &names, const QString &current)
{
    const QSignalBlocker blocker(m_workspaces);
    m_workspaces->clear();
    m_workspaces->addItems(names);
    m_workspaces->setCurrentText(current);
}

void Sidebar::setCatalog(CatalogThread *catalog)
{
    m_catalog = catalog;
    m_entityModel->setCatalog(catalog);
    refreshCounts();
}

void Sidebar::refreshCounts()
{
    if (!m_catalog)
        return;
    whenReady(this, m_catalog->run([](Catalog &catalog) {
        return std::make_pair(catalog.collectionCounts(), catalog.entityCountsByKind());
    }), [this](const std::pair<CollectionCounts, QMap<EntityKind, int>> &counts) {
            const CollectionCounts &c = counts.first;
            const int numbers[] = {c.allImages, c.unassigned, c.recentlyImported, c.trash};
            for (int row = 0; row < m_collections->count(); ++row)
                m_collections->item(row)->setText(tr("%1 (%2)").arg(tr(kCollections[row].text)).arg(numbers[row]));
            for (int row = 0; row < m_kinds->count(); ++row) {
                const auto kind = EntityKind(m_kinds->item(row)->data(kKindRole).toInt());
                m_kinds->item(row)->setText(tr("%1 (%2)").arg(kindLabel(kind)).arg(counts.second.value(kind)));
            }
            if (!chooseFirstKindInUse(counts.second)) // choosing a kind loads its list already
                m_entityModel->reload();
        });
}

// An empty entity list under the kinds looks broken: until the user picks a kind, show
// the first one that has entities.
bool Sidebar::chooseFirstKindInUse(const QMap<EntityKind, int> &counts)
{
    if (m_kinds->currentRow() >= 0)
        return false;
    for (int row = 0; row < m_kinds->count(); ++row) {
        if (counts.value(EntityKind(m_kinds->item(row)->data(kKindRole).toInt())) > 0) {
            m_kinds->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void Sidebar::showCollection(GallerySelection::Kind kind)
{
    const QSignalBlocker blocker(m_collections);
    for (int row = 0; row < m_collections->count(); ++row) {
        if (m_collections->item(row)->data(kCollectionRole).toInt() == int(kind))
            m_collections->setCurrentRow(row);
    }
    forgetEntity();
}

// So that choosing the same entity again later is a change the view reports.
void Sidebar::forgetEntity()
{
    m_entityView->selectionModel()->clearCurrentIndex();
    m_entityView->clearSelection();
}

void Sidebar::showKind(EntityKind kind)
{
    for (int row = 0; row < m_kinds->count(); ++row) {
        if (m_kinds->item(row)->data(kKindRole).toInt() == int(kind))
            m_kinds->setCurrentRow(row);
    }
}

qint64 Sidebar::currentEntityId() const
{
    return m_entityModel->entityId(m_entityView->currentIndex().row());
}

void Sidebar::chooseCollection(int row)
{
    if (row < 0)
        return;
    forgetEntity();
    emit collectionChosen(GallerySelection::Kind(m_collections->item(row)->data(kCollectionRole).toInt()));
}

void Sidebar::chooseKind(int row)
{
    if (row < 0)
        return;
    m_entityModel->setKind(EntityKind(m_kinds->item(row)->data(kKindRole).toInt()));
}

void Sidebar::chooseEntity(const QModelIndex &index)
{
    const qint64 id = m_entityModel->entityId(index.row());
    if (id == 0)
        return;
    const QSignalBlocker blocker(m_collections);
    m_collections->setCurrentRow(-1);
    emit entityChosen(id);
}

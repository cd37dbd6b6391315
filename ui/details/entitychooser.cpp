#include "details/entitychooser.h"

#include "catalog/catalogthread.h"
#include "common/whenready.h"
#include "details/primaryreason.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace {

constexpr int kShownEntities = 500;

} // namespace

EntityChooser::EntityChooser(CatalogThread *catalog, QWidget *parent)
    : QDialog(parent), m_catalog(catalog), m_filter(new QLineEdit(this)), m_list(new QListWidget(this)),
      m_delay(new QTimer(this))
{
    setWindowTitle(tr("Link to an Entity"));
    m_filter->setPlaceholderText(tr("Key or name"));
    m_filter->setAccessibleName(tr("Find entity"));
    m_list->setAccessibleName(tr("Entities found"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Link"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    m_delay->setSingleShot(true);
    m_delay->setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_delay, &QTimer::timeout, this, &EntityChooser::search);
    connect(m_list, &QListWidget::currentRowChanged, buttons,
            [buttons](int row) { buttons->button(QDialogButtonBox::Ok)->setEnabled(row >= 0); });
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(420, 480);
    search();
}

qint64 EntityChooser::chosenEntityId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void EntityChooser::search()
{
    const int generation = ++m_generation;
    const QString filter = m_filter->text().trimmed();
    whenReady(this, m_catalog->run([filter](Catalog &catalog) { return catalog.entities(std::nullopt, filter); }),
              [this, generation](const QList<Entity> &entities) { show(generation, entities); });
}

// Return right after typing (a barcode scanner's way) must link what was typed, not the
// first row of the list shown before: the pending search runs first.
void EntityChooser::accept()
{
    if (m_delay->isActive()) {
        m_delay->stop();
        search();
    }
    if (m_shownGeneration != m_generation) {
        m_acceptWhenShown = true;
        return;
    }
    if (chosenEntityId() != 0)
        QDialog::accept();
}

void EntityChooser::show(int generation, const QList<Entity> &entities)
{
    if (generation != m_generation)
        return;
    m_shownGeneration = generation;
    m_list->clear();
    for (const Entity &entity : entities.mid(0, kShownEntities)) {
        auto *item = new QListWidgetItem(PrimaryReason::entityLabel(entity), m_list);
        item->setData(Qt::UserRole, entity.id);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    if (std::exchange(m_acceptWhenShown, false))
        accept();
}

#include "importing/importreportdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int kImageIdRole = Qt::UserRole + 1;

QString outcomeText(ImportItemResult::Outcome outcome)
{
    switch (outcome) {
    case ImportItemResult::Outcome::Imported:
        return ImportReportDialog::tr("Imported");
    case ImportItemResult::Outcome::Duplicate:
        return ImportReportDialog::tr("Already in the catalog");
    case ImportItemResult::Outcome::Failed:
        return ImportReportDialog::tr("Failed");
    case ImportItemResult::Outcome::NotAttempted:
        return ImportReportDialog::tr("Skipped");
    }
    return {};
}

QString duplicateText(const ImportItemResult &item)
{
    QStringList entities;
    for (const Entity &entity : item.entities)
        entities.append(entityKindName(entity.kind) + u' ' + entity.key);
    return entities.isEmpty() ? ImportReportDialog::tr("Same file as image %1").arg(item.imageId)
                              : ImportReportDialog::tr("Same file as image %1 of %2")
                                    .arg(item.imageId)
                                    .arg(entities.join(QStringLiteral(", ")));
}

} // namespace

ImportReportDialog::ImportReportDialog(const ImportReport &report, QWidget *parent)
    : QDialog(parent), m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Import finished"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(summary(report), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    if (!report.stopReason.isEmpty()) {
        auto *reason = new QLabel(report.stopReason, this);
        reason->setWordWrap(true);
        layout->addWidget(reason);
    }
    m_list->setHeaderLabels({tr("File"), tr("Result"), tr("Reason")});
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Files not imported"));
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    for (const ImportItemResult &item : report.items) {
        if (item.outcome != ImportItemResult::Outcome::Imported)
            addItem(item);
    }
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    layout->addWidget(m_list, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *show = buttons->addButton(tr("&Show image"), QDialogButtonBox::ActionRole);
    show->setEnabled(false);
    connect(m_list, &QTreeWidget::currentItemChanged, show,
            [show](QTreeWidgetItem *current) { show->setEnabled(current && current->data(0, kImageIdRole).toLongLong() > 0); });
    connect(show, &QPushButton::clicked, this, &ImportReportDialog::showSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, &ImportReportDialog::showSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 420);
}

void ImportReportDialog::addItem(const ImportItemResult &item)
{
    auto *row = new QTreeWidgetItem(m_list);
    row->setText(0, QFileInfo(item.sourcePath).fileName());
    row->setToolTip(0, item.sourcePath);
    row->setText(1, outcomeText(item.outcome));
    const QString reason = item.outcome == ImportItemResult::Outcome::Duplicate ? duplicateText(item) : item.message;
    row->setText(2, reason);
    row->setToolTip(2, reason);
    if (item.outcome == ImportItemResult::Outcome::Duplicate)
        row->setData(0, kImageIdRole, item.imageId);
}

void ImportReportDialog::showSelected()
{
    if (QTreeWidgetItem *current = m_list->currentItem()) {
        const qint64 id = current->data(0, kImageIdRole).toLongLong();
        if (id > 0)
            emit showImageRequested(id);
    }
}

QString ImportReportDialog::summary(const ImportReport &report)
{
    using Outcome = ImportItemResult::Outcome;
    return tr("%1 imported, %2 already in the catalog, %3 failed, %4 skipped.")
        .arg(report.count(Outcome::Imported))
        .arg(report.count(Outcome::Duplicate))
        .arg(report.count(Outcome::Failed))
        .arg(report.count(Outcome::NotAttempted));
}

bool ImportReportDialog::needsAttention(const ImportReport &report)
{
    return report.count(ImportItemResult::Outcome::Imported) != report.items.size() || !report.stopReason.isEmpty();
}

#include "importing/importstatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

ImportStatus::ImportStatus(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)), m_cancel(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setMaximumWidth(180);
    m_bar->setTextVisible(false);
    m_bar->setAccessibleName(tr("Import progress"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel the import: files in progress finish, the rest are skipped"));
    m_cancel->setAccessibleName(tr("Cancel import"));
    connect(m_cancel, &QToolButton::clicked, this, &ImportStatus::cancelRequested);
    hide();
}

void ImportStatus::begin(int total)
{
    setProgress(0, total);
    m_cancel->setEnabled(true);
    show();
}

void ImportStatus::setProgress(int done, int total)
{
    m_label->setText(tr("Importing %1 of %2").arg(done).arg(total));
    m_bar->setRange(0, std::max(total, 1));
    m_bar->setValue(done);
}

void ImportStatus::end()
{
    hide();
}

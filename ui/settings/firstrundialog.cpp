#include "settings/firstrundialog.h"

#include "storage/workspace.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

FirstRunDialog::FirstRunDialog(QWidget *parent)
    : QDialog(parent)
    , m_location(new QLabel(this))
    , m_name(new QLineEdit(u"Main"_s, this))
    , m_importNow(new QCheckBox(tr("&Import a folder now, with its subfolders"), this))
    , m_folder(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Welcome to Vitrine"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("<h2>Welcome to Vitrine</h2>"
                                  "<p>Vitrine keeps your images in workspaces, each with its own customers, "
                                  "products and jobs. Create your first workspace, or look around in a demo "
                                  "workspace filled with sample products first.</p>"),
                               this);
    heading->setWordWrap(true);
    heading->setMinimumWidth(500);
    layout->addWidget(heading);
    m_location->setWordWrap(true);
    m_location->setEnabled(false);
    m_location->hide();
    layout->addWidget(m_location);

    auto *form = new QFormLayout;
    m_name->setObjectName(u"workspaceName"_s);
    m_name->setAccessibleName(tr("Workspace name"));
    m_name->setMaxLength(64);
    form->addRow(tr("Workspace &name:"), m_name);
    layout->addLayout(form);

    m_importNow->setObjectName(u"importNow"_s);
    layout->addWidget(m_importNow);
    m_folder->setObjectName(u"importFolder"_s);
    m_folder->setAccessibleName(tr("Folder to import"));
    m_folder->setPlaceholderText(tr("Folder with images"));
    m_browse->setObjectName(u"browseImportFolder"_s);
    m_browse->setAccessibleName(tr("Choose the folder to import"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addSpacing(24);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    layout->addLayout(folderRow);
    m_folder->setEnabled(false);
    m_browse->setEnabled(false);
    connect(m_importNow, &QCheckBox::toggled, m_folder, &QWidget::setEnabled);
    connect(m_importNow, &QCheckBox::toggled, m_browse, &QWidget::setEnabled);
    connect(m_browse, &QPushButton::clicked, this, &FirstRunDialog::chooseFolder);

    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->setStyleSheet(u"color: #b00020; font-weight: bold;"_s);
    m_problem->hide();
    layout->addWidget(m_problem);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *create = buttons->addButton(tr("&Create Workspace"), QDialogButtonBox::AcceptRole);
    create->setObjectName(u"createWorkspace"_s);
    create->setDefault(true);
    QPushButton *demo = buttons->addButton(tr("Create a &Demo Workspace Instead"), QDialogButtonBox::ActionRole);
    demo->setObjectName(u"createDemo"_s);
    demo->setToolTip(tr("A workspace with sample products, customers and a job, to try Vitrine out."));
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstRunDialog::reject);
    connect(demo, &QPushButton::clicked, this, &FirstRunDialog::chooseDemo);
    layout->addWidget(buttons);
    m_name->selectAll();
    m_name->setFocus();
}

void FirstRunDialog::setDataDirectory(const QString &folder)
{
    m_location->setText(tr("Workspaces are kept in %1.").arg(QDir::toNativeSeparators(folder)));
    m_location->setVisible(!folder.isEmpty());
    if (isVisible())
        adjustSize();
}

QString FirstRunDialog::workspaceName() const
{
    return m_name->text().trimmed();
}

QString FirstRunDialog::importFolder() const
{
    if (m_wantsDemo || !m_importNow->isChecked())
        return {};
    return QDir::fromNativeSeparators(m_folder->text().trimmed());
}

void FirstRunDialog::accept()
{
    if (const QString why = problem(); !why.isEmpty()) {
        showProblem(why);
        return;
    }
    m_wantsDemo = false;
    QDialog::accept();
}

QString FirstRunDialog::problem() const
{
    if (!Workspace::isValidName(workspaceName()))
        return tr("“%1” cannot be a workspace name: use up to 64 letters, digits, dots, hyphens and underscores, "
                  "starting with a letter or digit.")
            .arg(workspaceName());
    if (!m_importNow->isChecked())
        return {};
    const QString folder = importFolder();
    if (folder.isEmpty())
        return tr("Choose the folder to import, or untick “Import a folder now”.");
    if (!QFileInfo(folder).isDir())
        return tr("The folder “%1” does not exist.").arg(QDir::toNativeSeparators(folder));
    return {};
}

void FirstRunDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->show();
    adjustSize(); // room for the message without squeezing the wrapped texts
    QLineEdit *culprit = Workspace::isValidName(workspaceName()) ? m_folder : m_name;
    culprit->setFocus();
    culprit->selectAll();
}

void FirstRunDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a Folder to Import"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(folder));
}

void FirstRunDialog::chooseDemo()
{
    m_wantsDemo = true;
    QDialog::accept();
}

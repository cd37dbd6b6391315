#include "settings/settingsdialog.h"

#include "settings/appsettings.h"
#include "storage/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryFile>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setEnabled(false); // drawn greyed: an explanation, not a control
    return label;
}

// The nearest folder above path that exists (path itself if it does).
QString existingAncestor(const QString &path)
{
    QFileInfo info(path);
    while (!info.exists() && !info.isRoot() && info.absolutePath() != info.absoluteFilePath())
        info.setFile(info.absolutePath());
    return info.absoluteFilePath();
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildStorage());
    layout->addWidget(buildRenditions());
    layout->addWidget(buildInterface());

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->setStyleSheet(u"color: #b00020; font-weight: bold;"_s);
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        m_dataFolder->clear();
        const RenditionSizes defaults;
        m_smallThumbnail->setValue(defaults.smallThumbnail);
        m_mediumThumbnail->setValue(defaults.mediumThumbnail);
        m_largeThumbnail->setValue(defaults.largeThumbnail);
        m_webSize->setCurrentIndex(m_webSize->findData(defaults.web));
        m_thumbnailBudget->setValue(AppSettings::kDefaultThumbnailBudgetMiB);
        m_language->setCurrentIndex(0);
    });
    layout->addWidget(buttons);
    load();
}

QGroupBox *SettingsDialog::buildStorage()
{
    auto *group = new QGroupBox(tr("Storage"), this);
    auto *form = new QFormLayout(group);
    m_dataFolder = new QLineEdit(group);
    m_dataFolder->setObjectName(u"dataFolder"_s);
    m_dataFolder->setAccessibleName(tr("Data folder"));
    m_dataFolder->setPlaceholderText(tr("Default: %1").arg(QDir::toNativeSeparators(Workspace::resolveDataDir({}))));
    m_dataFolder->setClearButtonEnabled(true);
    m_dataFolder->setMinimumWidth(360);
    auto *browse = new QPushButton(tr("&Browse…"), group);
    browse->setObjectName(u"browseDataFolder"_s);
    browse->setAccessibleName(tr("Choose the data folder"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::chooseDataFolder);
    auto *row = new QHBoxLayout;
    row->addWidget(m_dataFolder, 1);
    row->addWidget(browse);
    form->addRow(tr("&Data folder:"), row);
    qobject_cast<QLabel *>(form->labelForField(row))->setBuddy(m_dataFolder);
    form->addRow(noteLabel(tr("Holds every workspace. Leave it empty for the default. A new folder is used "
                              "from the next start; workspaces are not moved."), group));
    return group;
}

QGroupBox *SettingsDialog::buildRenditions()
{
    auto *group = new QGroupBox(tr("Image sizes for new imports"), this);
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_smallThumbnail = addSizeRow(form, tr("&Small thumbnail:"), u"smallThumbnail"_s,
                                  AppSettings::kSmallThumbnail.minimum, AppSettings::kSmallThumbnail.maximum);
    m_mediumThumbnail = addSizeRow(form, tr("M&edium thumbnail:"), u"mediumThumbnail"_s,
                                   AppSettings::kMediumThumbnail.minimum, AppSettings::kMediumThumbnail.maximum);
    m_largeThumbnail = addSizeRow(form, tr("&Large thumbnail:"), u"largeThumbnail"_s,
                                  AppSettings::kLargeThumbnail.minimum, AppSettings::kLargeThumbnail.maximum);
    m_webSize = new QComboBox(group);
    m_webSize->setObjectName(u"webSize"_s);
    m_webSize->setAccessibleName(tr("Web image size"));
    for (const int size : AppSettings::webSizes())
        m_webSize->addItem(tr("%1 px").arg(size), size);
    form->addRow(tr("&Web image:"), m_webSize);
    form->addRow(noteLabel(tr("The longest side in pixels. Images already imported keep their sizes."), group));
    return group;
}

QSpinBox *SettingsDialog::addSizeRow(QFormLayout *form, const QString &label, const QString &objectName, int minimum,
                                     int maximum)
{
    auto *spin = new QSpinBox(form->parentWidget());
    spin->setObjectName(objectName);
    spin->setRange(minimum, maximum);
    spin->setSingleStep(10);
    spin->setSuffix(tr(" px"));
    spin->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    form->addRow(label, spin);
    return spin;
}

QGroupBox *SettingsDialog::buildInterface()
{
    auto *group = new QGroupBox(tr("Memory and language"), this);
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_thumbnailBudget = new QSpinBox(group);
    m_thumbnailBudget->setObjectName(u"thumbnailBudget"_s);
    m_thumbnailBudget->setRange(AppSettings::kThumbnailBudgetMiB.minimum, AppSettings::kThumbnailBudgetMiB.maximum);
    m_thumbnailBudget->setSingleStep(32);
    m_thumbnailBudget->setSuffix(tr(" MiB"));
    m_thumbnailBudget->setAccessibleName(tr("Thumbnail memory"));
    m_thumbnailBudget->setToolTip(tr("How much memory the gallery may keep thumbnails in."));
    form->addRow(tr("Thumbnail &memory:"), m_thumbnailBudget);
    m_language = new QComboBox(group);
    m_language->setObjectName(u"language"_s);
    m_language->setAccessibleName(tr("Language"));
    for (const QString &code : AppSettings::languages())
        m_language->addItem(AppSettings::languageName(code), code);
    form->addRow(tr("La&nguage:"), m_language);
    form->addRow(noteLabel(tr("A new language is used from the next start."), group));
    return group;
}

void SettingsDialog::load()
{
    m_dataFolder->setText(QDir::toNativeSeparators(m_settings->dataDirectory()));
    const RenditionSizes sizes = m_settings->renditionSizes();
    m_smallThumbnail->setValue(sizes.smallThumbnail);
    m_mediumThumbnail->setValue(sizes.mediumThumbnail);
    m_largeThumbnail->setValue(sizes.largeThumbnail);
    m_webSize->setCurrentIndex(std::max(0, m_webSize->findData(sizes.web)));
    m_thumbnailBudget->setValue(m_settings->thumbnailBudgetMiB());
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings->language())));
}

void SettingsDialog::save()
{
    const QString folder = QDir::fromNativeSeparators(m_dataFolder->text().trimmed());
    m_settings->setDataDirectory(folder.isEmpty() ? QString() : QDir::cleanPath(QDir(folder).absolutePath()));
    m_settings->setRenditionSizes({m_smallThumbnail->value(), m_mediumThumbnail->value(), m_largeThumbnail->value(),
                                   m_webSize->currentData().toInt()});
    m_settings->setThumbnailBudgetMiB(m_thumbnailBudget->value());
    m_settings->setLanguage(m_language->currentData().toString());
    m_settings->sync();
}

void SettingsDialog::accept()
{
    const QString typed = QDir::fromNativeSeparators(m_dataFolder->text().trimmed());
    const QString problem = dataFolderProblem(Workspace::resolveDataDir(typed));
    if (!problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    save();
    emit settingsChanged();
    QDialog::accept();
}

QString SettingsDialog::dataFolderProblem(const QString &folder)
{
    const auto toNative = [](const QString &path) { return QDir::toNativeSeparators(path); };
    const QString shown = toNative(folder);
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return tr("“%1” is a file, not a folder. Choose a folder for the data.").arg(shown);
    if (!info.exists() && !QDir().mkpath(folder)) {
        const QString ancestor = existingAncestor(folder);
        if (QFileInfo(ancestor).isFile())
            return tr("The folder “%1” cannot be created: “%2” is a file.").arg(shown, toNative(ancestor));
        return tr("The folder “%1” cannot be created in “%2”.").arg(shown, toNative(ancestor));
    }
    QTemporaryFile probe(QDir(folder).filePath(u".vitrine-write-test-XXXXXX"_s));
    if (!probe.open())
        return tr("The folder “%1” is not writable.").arg(shown);
    return {};
}

void SettingsDialog::chooseDataFolder()
{
    const QString start = m_dataFolder->text().isEmpty() ? Workspace::resolveDataDir({}) : m_dataFolder->text();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose the Data Folder"), start);
    if (!folder.isEmpty())
        m_dataFolder->setText(QDir::toNativeSeparators(folder));
}

void SettingsDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->show();
    adjustSize(); // room for the message without squeezing the wrapped notes
    m_dataFolder->setFocus();
    m_dataFolder->selectAll();
}

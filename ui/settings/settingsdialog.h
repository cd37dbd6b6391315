#pragma once

#include <QDialog>

class AppSettings;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// The preferences: data folder, rendition sizes for new imports, the thumbnail memory
// budget and the language. OK checks the data folder (it must exist or be creatable, and
// be writable) and saves nothing when it is not; a new data folder or language applies at
// the next start, new rendition sizes to the next import.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);

    // Empty when folder can hold the data, else why not (naming the folder). Creates the
    // folder if it does not exist.
    static QString dataFolderProblem(const QString &folder);

    void accept() override;

signals:
    void settingsChanged();

private:
    QGroupBox *buildStorage();
    QGroupBox *buildRenditions();
    QGroupBox *buildInterface();
    QSpinBox *addSizeRow(QFormLayout *form, const QString &label, const QString &objectName, int minimum, int maximum);
    void load();
    void save();
    void chooseDataFolder();
    void showProblem(const QString &problem);

    AppSettings *m_settings;
    QLineEdit *m_dataFolder = nullptr;
    QSpinBox *m_smallThumbnail = nullptr;
    QSpinBox *m_mediumThumbnail = nullptr;
    QSpinBox *m_largeThumbnail = nullptr;
    QComboBox *m_webSize = nullptr;
    QSpinBox *m_thumbnailBudget = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_problem = nullptr;
};

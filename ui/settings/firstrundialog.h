#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

// The first start on a data folder without workspaces: the name of the first workspace
// and, if wanted, a folder to import into it (with its subfolders), or the demo workspace
// instead. It only asks; the main window creates and imports, with progress.
class FirstRunDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit FirstRunDialog(QWidget *parent = nullptr);

    // Shown to the user as where the workspaces will be kept.
    void setDataDirectory(const QString &folder);

    QString workspaceName() const;
    QString importFolder() const; // empty when nothing is to be imported
    bool wantsDemo() const { return m_wantsDemo; }

    void accept() override;

private:
    void chooseFolder();
    void chooseDemo();
    QString problem() const;
    void showProblem(const QString &problem);

    QLabel *m_location;
    QLineEdit *m_name;
    QCheckBox *m_importNow;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QLabel *m_problem;
    bool m_wantsDemo = false;
};

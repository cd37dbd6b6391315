#pragma once

#include <QMainWindow>

// The desktop window. Until the desktop application issue lands it shows the workspaces
// found in the data directory and points to vitrine-cli.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const QString &dataDir, QWidget *parent = nullptr);
};

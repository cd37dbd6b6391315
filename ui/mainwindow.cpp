#include "mainwindow.h"

#include "storage/workspace.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(const QString &dataDir, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Vitrine"));
    const QString resolved = Workspace::resolveDataDir(dataDir);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *intro = new QLabel(tr("<h2>Vitrine</h2><p>The gallery window arrives with the desktop application. "
                                "Until then, manage images with <tt>vitrine-cli</tt>.</p><p>Workspaces in %1:</p>")
                                 .arg(resolved.toHtmlEscaped()),
                             central);
    intro->setWordWrap(true);
    auto *workspaces = new QListWidget(central);
    workspaces->setAccessibleName(tr("Workspaces"));
    workspaces->addItems(Workspace::list(resolved)); // a directory listing, not a catalog query
    layout->addWidget(intro);
    layout->addWidget(workspaces);
    setCentralWidget(central);
    resize(640, 420);
}

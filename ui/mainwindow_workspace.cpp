// MainWindow: which workspace to open at start, the first run and the demo workspace.
#include "mainwindow.h"
#include "common/whenready.h"

#include "gallery/gallerymodel.h"
#include "import/demoworkspace.h"
#include "imaging/imagingpool.h"
#include "settings/appsettings.h"
#include "settings/firstrundialog.h"

#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

void MainWindow::openStartWorkspace(const QString &preferred)
{
    const QStringList names = Workspace::list(m_dataDir);
    if (names.isEmpty()) {
        offerFirstRun();
        return;
    }
    for (const QString &name : {preferred, m_settings->lastWorkspace()}) {
        if (!name.isEmpty() && names.contains(name)) {
            openWorkspace(name);
            return;
        }
    }
    openWorkspace(names.constFirst());
}

void MainWindow::offerFirstRun()
{
    FirstRunDialog dialog(this);
    dialog.setDataDirectory(m_dataDir);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.wantsDemo())
        openDemo();
    else
        createAndOpen(dialog.workspaceName(), dialog.importFolder());
}

void MainWindow::createAndOpen(const QString &name, const QString &importFolder)
{
    Result<Workspace> created = Workspace::create(m_dataDir, name);
    if (!created) {
        QMessageBox::warning(this, tr("New Workspace"), created.error());
        return;
    }
    if (openWorkspace(name) && !importFolder.isEmpty())
        importPaths({importFolder}, 0);
}

// The demo is imported on the pool like any import; the window stays responsive and shows
// a busy dialog meanwhile.
void MainWindow::openDemo()
{
    const QString name = DemoWorkspace::defaultName();
    if (Workspace::list(m_dataDir).contains(name)) {
        openWorkspace(name);
        return;
    }
    auto *progress = new QProgressDialog(tr("Creating the demo workspace…"), QString(), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    ImagingPool *pool = m_pool.get();
    whenReady(this, QtConcurrent::run([dataDir = m_dataDir, pool, name, renditions = m_settings->renditionSpecs()] {
        return DemoWorkspace::create(dataDir, DemoWorkspace::defaultImageFolder(), *pool, name, renditions);
    }), [this, progress, name](const Result<Workspace> &created) {
        progress->close();
        if (!created) {
            QMessageBox::warning(this, tr("Demo Workspace"), created.error());
            return;
        }
        openWorkspace(name);
    });
}

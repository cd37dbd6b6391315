// MainWindow: menus, the toolbar and what their actions do.
#include "mainwindow.h"
#include "common/whenready.h"

#include "catalog/catalogthread.h"
#include "commands/catalogcommand.h"
#include "commands/primarycommand.h"
#include "commands/rotatecommand.h"
#include "commands/trashcommand.h"
#include "gallery/gallerymodel.h"
#include "gallery/galleryview.h"
#include "gallery/thumbnailcache.h"
#include "importing/importcontroller.h"
#include "importing/importreportdialog.h"
#include "importing/importstatus.h"
#include "settings/appsettings.h"
#include "settings/settingsdialog.h"
#include "sidebar/sidebar.h"
#include "viewer/imageviewer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QImage>
#include <QImageWriter>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {

QAction *makeAction(QWidget *owner, const QString &name, const QString &text, const QKeySequence &shortcut = {},
                    const QString &iconName = {})
{
    auto *action = new QAction(text, owner);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    if (!iconName.isEmpty())
        action->setIcon(QIcon::fromTheme(iconName));
    action->setShortcutContext(Qt::WindowShortcut);
    owner->addAction(action);
    return action;
}

QString imageFileFilter()
{
    return MainWindow::tr("Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff);;All files (*)");
}

} // namespace

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *importFiles = makeAction(this, u"importFiles"_s, tr("&Import Images…"), QKeySequence(tr("Ctrl+I")),
                                      u"document-import"_s);
    QAction *importFolder =
        makeAction(this, u"importFolder"_s, tr("Import &Folder…"), QKeySequence(tr("Ctrl+Shift+I")), u"folder-open"_s);
    QAction *newWorkspace = makeAction(this, u"newWorkspace"_s, tr("&New Workspace…"));
    QAction *settings = makeAction(this, u"settings"_s, tr("&Settings…"), QKeySequence::Preferences);
    QAction *quit = makeAction(this, u"quit"_s, tr("&Quit"), QKeySequence::Quit, u"application-exit"_s);
    file->addActions({importFiles, importFolder});
    file->addSeparator();
    file->addActions({newWorkspace, settings});
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(u"undo"_s);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(u"redo"_s);
    addActions({undo, redo});
    QAction *paste = makeAction(this, u"paste"_s, tr("&Paste Images"), QKeySequence::Paste, u"edit-paste"_s);
    QAction *selectAll = makeAction(this, u"selectAll"_s, tr("Select &All"), QKeySequence::SelectAll);
    QAction *find = makeAction(this, u"find"_s, tr("&Find…"), QKeySequence::Find, u"edit-find"_s);
    edit->addActions({undo, redo});
    edit->addSeparator();
    edit->addActions({paste, selectAll, find});

    QMenu *image = menuBar()->addMenu(tr("I&mage"));
    QAction *primary = makeAction(this, u"setPrimary"_s, tr("Set as &Primary"), QKeySequence(tr("Ctrl+P")),
                                  u"starred"_s);
    QAction *unpin = makeAction(this, u"unpinPrimary"_s, tr("&Unpin Primary"));
    QAction *rotateLeft = makeAction(this, u"rotateLeft"_s, tr("Rotate &Left"), QKeySequence(tr("Ctrl+L")),
                                     u"object-rotate-left"_s);
    QAction *rotateRight = makeAction(this, u"rotateRight"_s, tr("Rotate &Right"), QKeySequence(tr("Ctrl+R")),
                                      u"object-rotate-right"_s);
    QAction *view = makeAction(this, u"openViewer"_s, tr("&View"), QKeySequence(tr("Space")), u"zoom-fit-best"_s);
    QAction *trash = makeAction(this, u"trash"_s, tr("Move to &Trash"), QKeySequence::Delete, u"user-trash"_s);
    QAction *restore = makeAction(this, u"restore"_s, tr("R&estore from Trash"));
    QAction *emptyTrashAction = makeAction(this, u"emptyTrash"_s, tr("&Empty Trash…"));
    image->addActions({primary, unpin});
    image->addSeparator();
    image->addActions({rotateLeft, rotateRight, view});
    image->addSeparator();
    image->addActions({trash, restore, emptyTrashAction});

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(u"mainToolBar"_s);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addActions({importFiles, primary, rotateLeft, rotateRight, trash});
    tools->addSeparator();
    tools->addActions({undo, redo});

    connect(importFiles, &QAction::triggered, this, &MainWindow::chooseFilesToImport);
    connect(importFolder, &QAction::triggered, this, &MainWindow::chooseFolderToImport);
    connect(newWorkspace, &QAction::triggered, this, &MainWindow::createWorkspace);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    connect(paste, &QAction::triggered, this, &MainWindow::pasteImages);
    connect(selectAll, &QAction::triggered, m_gallery, &QAbstractItemView::selectAll);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(primary, &QAction::triggered, this, &MainWindow::setSelectionAsPrimary);
    connect(unpin, &QAction::triggered, this, [this] {
        if (entityInView() != 0)
            push(new PrimaryCommand(commandContext(), entityInView(), 0));
    });
    connect(rotateLeft, &QAction::triggered, this, [this] { rotateSelection(-1); });
    connect(rotateRight, &QAction::triggered, this, [this] { rotateSelection(1); });
    connect(view, &QAction::triggered, this, [this] { openViewer(m_gallery->currentImageId()); });
    connect(trash, &QAction::triggered, this, &MainWindow::trashSelection);
    connect(restore, &QAction::triggered, this, &MainWindow::restoreSelection);
    connect(emptyTrashAction, &QAction::triggered, this, &MainWindow::emptyTrash);
}

// Actions that need a selection or an entity are enabled only when they can act.
void MainWindow::updateActions()
{
    const auto find = [this](const char *name) { return findChild<QAction *>(QString::fromLatin1(name)); };
    const int selected = int(m_gallery->selectedImageIds().size());
    const bool open = m_catalog != nullptr;
    const bool inTrash = m_model->selection().kind == GallerySelection::Kind::Trash;
    find("importFiles")->setEnabled(open);
    find("importFolder")->setEnabled(open);
    find("paste")->setEnabled(open);
    find("setPrimary")->setEnabled(open && selected == 1 && entityInView() != 0);
    find("unpinPrimary")->setEnabled(open && entityInView() != 0);
    find("rotateLeft")->setEnabled(open && selected > 0 && !inTrash);
    find("rotateRight")->setEnabled(open && selected > 0 && !inTrash);
    find("openViewer")->setEnabled(open && m_gallery->currentImageId() != 0);
    find("trash")->setEnabled(open && selected > 0 && !inTrash);
    find("restore")->setEnabled(open && selected > 0 && inTrash);
    find("emptyTrash")->setEnabled(open);
}

void MainWindow::chooseFilesToImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Images"), {}, imageFileFilter());
    importPaths(files, entityInView());
}

void MainWindow::chooseFolderToImport()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a Folder (with its subfolders)"));
    if (!folder.isEmpty())
        importPaths({folder}, entityInView());
}

// Files copied in a file manager arrive as URLs; pixels (a screenshot) are written to a
// PNG off the GUI thread and imported from there.
void MainWindow::pasteImages()
{
    const QMimeData *data = QApplication::clipboard()->mimeData();
    if (!data || !m_workspace)
        return;
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty()) {
        importPaths(paths, entityInView());
        return;
    }
    if (!data->hasImage()) {
        showMessage(tr("The clipboard holds no image and no image files."));
        return;
    }
    const QImage pixels = qvariant_cast<QImage>(data->imageData());
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/pasted"_s;
    const qint64 entity = entityInView();
    whenReady(this, QtConcurrent::run([pixels, folder]() -> QString {
        QDir().mkpath(folder);
        const QString path = folder + QDateTime::currentDateTime().toString(u"'/pasted-'yyyyMMdd-HHmmss-zzz'.png'"_s);
        return pixels.save(path, "PNG") ? path : QString();
    }), [this, entity](const QString &path) {
        if (path.isEmpty())
            showMessage(tr("The pasted image could not be saved for import."));
        else
            importPaths({path}, entity);
    });
}

void MainWindow::setSelectionAsPrimary()
{
    const QList<qint64> selected = m_gallery->selectedImageIds();
    if (entityInView() == 0 || selected.size() != 1) {
        showMessage(tr("Open an entity's gallery and select one image to make it the primary image."));
        return;
    }
    push(new PrimaryCommand(commandContext(), entityInView(), selected.constFirst()));
}

void MainWindow::rotateSelection(int quarterTurns)
{
    const QList<qint64> selected = m_gallery->selectedImageIds();
    if (!selected.isEmpty() && m_workspace)
        push(new RotateCommand(commandContext(), *m_workspace, m_pool.get(), m_settings->renditionSpecs(), selected,
                               quarterTurns));
}

void MainWindow::trashSelection()
{
    const QList<qint64> selected = m_gallery->selectedImageIds();
    if (selected.isEmpty() || m_model->selection().kind == GallerySelection::Kind::Trash)
        return;
    push(new TrashCommand(commandContext(), selected, TrashCommand::Direction::ToTrash));
    showMessage(tr("%n image(s) moved to the trash. Undo brings them back.", nullptr, int(selected.size())));
}

void MainWindow::restoreSelection()
{
    const QList<qint64> selected = m_gallery->selectedImageIds();
    if (!selected.isEmpty() && m_model->selection().kind == GallerySelection::Kind::Trash)
        push(new TrashCommand(commandContext(), selected, TrashCommand::Direction::Restore));
}

void MainWindow::emptyTrash()
{
    if (!m_catalog)
        return;
    const auto answer = QMessageBox::question(this, tr("Empty Trash"),
                                              tr("Forget every image in the trash? This cannot be undone; the "
                                                 "files are removed by the next cleanup."));
    if (answer != QMessageBox::Yes)
        return;
    whenReady(this, m_catalog->runWrite([](Catalog &catalog) { return catalog.emptyTrash(); }),
        [this](const Result<int> &forgotten) {
            m_undo->clear(); // commands may name images that no longer exist
            showMessage(forgotten.ok() ? tr("%n image(s) removed from the trash.", nullptr, forgotten.value())
                                       : tr("Emptying the trash failed: %1").arg(forgotten.error()));
        });
}

void MainWindow::openViewer(qint64 imageId)
{
    if (!m_catalog || !m_workspace || imageId == 0)
        return;
    if (!m_viewer) {
        m_viewer = new ImageViewer(m_catalog.get(), m_workspace->storeDirectory(), this);
        connect(m_viewer, &ImageViewer::currentImageChanged, m_gallery, &GalleryView::selectImage);
    }
    const QList<qint64> ids = m_model->imageIds();
    m_viewer->showImages(ids, std::max(0, int(ids.indexOf(imageId))));
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_gallery->thumbnailCache()->setBudget(qint64(m_settings->thumbnailBudgetMiB()) * 1024 * 1024);
    m_imports->setRenditions(m_settings->renditionSpecs());
}

void MainWindow::createWorkspace()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Workspace"), tr("Name of the new workspace:"),
                                               QLineEdit::Normal, {}, &ok);
    if (!ok || name.isEmpty())
        return;
    Result<Workspace> created = Workspace::create(m_dataDir, name);
    if (!created) {
        QMessageBox::warning(this, tr("New Workspace"), created.error());
        return;
    }
    openWorkspace(name);
}

void MainWindow::importFinishedReport(const ImportReport &report)
{
    m_importStatus->end();
    showMessage(ImportReportDialog::summary(report));
    catalogChanged({});
    emit importFinished(report);
    if (!ImportReportDialog::needsAttention(report))
        return;
    auto *dialog = new ImportReportDialog(report, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportReportDialog::showImageRequested, this, [this](qint64 imageId) {
        showCollection(GallerySelection::Kind::AllImages);
        connect(m_model, &GalleryModel::loaded, this, [this, imageId] { m_gallery->selectImage(imageId); },
                Qt::SingleShotConnection);
    });
    dialog->show();
}

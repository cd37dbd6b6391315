#pragma once

#include "catalog/galleryselection.h"
#include "storage/workspace.h"

#include <QMainWindow>
#include <memory>
#include <optional>

class AppSettings;
class CatalogThread;
class CommandFeedback;
class DetailsPanel;
class GalleryModel;
class GalleryView;
class ImageViewer;
class ImagingPool;
class ImportController;
class ImportReport;
class ImportStatus;
class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSplitter;
class QTimer;
class QUndoCommand;
class QUndoStack;
class Sidebar;
struct CommandContext;

// The desktop window: the sidebar (workspaces, collections, entities) on the left, the
// gallery in the middle, the details panel on the right. It wires the parts together and
// turns user actions into undoable commands; everything that reads or writes the catalog
// runs on the workspace's catalog thread, never on this one.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const QString &dataDir, AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace of the data directory; false (and a message) if it cannot be opened.
    bool openWorkspace(const QString &name);
    // The first start on an empty data directory: offer to create a workspace (or the demo).
    void offerFirstRun();
    // Creates the demo workspace from the shipped images unless it exists, then opens it.
    void openDemo();
    // Opens the workspace named, else the last one used, else the first; offers the first
    // run when there is none.
    void openStartWorkspace(const QString &preferred);
    std::optional<Workspace> workspace() const { return m_workspace; }
    QString dataDirectory() const { return m_dataDir; }

    void showEntity(qint64 entityId);
    void showCollection(GallerySelection::Kind kind);
    void search(const QString &text);
    void importPaths(const QStringList &paths, qint64 entityId);

    CatalogThread *catalog() const { return m_catalog.get(); }
    GalleryView *gallery() const { return m_gallery; }
    GalleryModel *galleryModel() const { return m_model; }
    Sidebar *sidebar() const { return m_sidebar; }
    DetailsPanel *details() const { return m_details; }
    QUndoStack *undoStack() const { return m_undo; }
    ImportController *imports() const { return m_imports; }
    ImagingPool *imagingPool() const { return m_pool.get(); }
    QLineEdit *searchField() const { return m_search; }

signals:
    void workspaceOpened(const QString &name);
    void importFinished(const ImportReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // mainwindow.cpp: layout and wiring
    void buildCentre();
    void buildStatusBar();
    void connectParts();
    void connectDetails();
    void restoreWindowState();
    void saveWindowState();
    void selectionChanged();
    void catalogChanged(const QList<qint64> &imageIds);
    void refreshViews();
    void showMessage(const QString &message);
    qint64 entityInView() const;
    CommandContext commandContext();
    void push(QUndoCommand *command);

    // mainwindow_actions.cpp: menus, toolbar and what the actions do
    void buildActions();
    void updateActions();
    void chooseFilesToImport();
    void chooseFolderToImport();
    void pasteImages();
    void setSelectionAsPrimary();
    void rotateSelection(int quarterTurns);
    void trashSelection();
    void restoreSelection();
    void emptyTrash();
    void openViewer(qint64 imageId);
    void openSettings();
    void createWorkspace();
    void importFinishedReport(const ImportReport &report);

    // mainwindow_workspace.cpp: first run and the demo
    void createAndOpen(const QString &name, const QString &importFolder);

    QString m_dataDir;
    AppSettings *m_settings;
    std::optional<Workspace> m_workspace;
    std::unique_ptr<ImagingPool> m_pool;
    std::unique_ptr<CatalogThread> m_catalog;
    GallerySelection m_browsing; // what the gallery shows when no search is typed

    Sidebar *m_sidebar = nullptr;
    GalleryView *m_gallery = nullptr;
    GalleryModel *m_model = nullptr;
    DetailsPanel *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QComboBox *m_sort = nullptr;
    QSlider *m_size = nullptr;
    QLabel *m_network = nullptr;
    QLabel *m_lastSync = nullptr;
    ImportStatus *m_importStatus = nullptr;
    ImportController *m_imports = nullptr;
    QUndoStack *m_undo = nullptr;
    CommandFeedback *m_feedback = nullptr;
    ImageViewer *m_viewer = nullptr;
    QTimer *m_refresh = nullptr; // coalesces catalog changes into one refresh
    QList<qint64> m_changedImages;
    bool m_changedAll = false;
};

#include "mainwindow.h"

#include "catalog/catalogthread.h"
#include "commands/catalogcommand.h"
#include "commands/commandfeedback.h"
#include "commands/editimagecommand.h"
#include "commands/linkcommand.h"
#include "commands/primarycommand.h"
#include "commands/reordercommand.h"
#include "commands/tagscommand.h"
#include "commands/unlinkcommand.h"
#include "details/detailspanel.h"
#include "gallery/gallerymodel.h"
#include "gallery/galleryview.h"
#include "gallery/thumbnailcache.h"
#include "imaging/imagingpool.h"
#include "importing/importcontroller.h"
#include "importing/importstatus.h"
#include "settings/appsettings.h"
#include "sidebar/entitylistmodel.h"
#include "sidebar/sidebar.h"
#include "viewer/imageviewer.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkInformation>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

MainWindow::MainWindow(const QString &dataDir, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_dataDir(Workspace::resolveDataDir(dataDir)), m_settings(settings),
      m_pool(std::make_unique<ImagingPool>()), m_browsing(GallerySelection::collection(GallerySelection::Kind::AllImages))
{
    setWindowTitle(tr("Vitrine"));
    m_undo = new QUndoStack(this);
    m_feedback = new CommandFeedback(this);
    m_imports = new ImportController(m_pool.get(), this);
    m_imports->setRenditions(m_settings->renditionSpecs());
    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(120);
    buildCentre();
    buildStatusBar();
    buildActions();
    connectParts();
    restoreWindowState();
    m_sidebar->setWorkspaces(Workspace::list(m_dataDir), {});
    updateActions();
}

MainWindow::~MainWindow()
{
    // Children die after this object stops being a MainWindow: their signals must not reach it.
    for (QObject *sender : std::initializer_list<QObject *>{m_undo, m_model, m_gallery, m_gallery->selectionModel()})
        sender->disconnect(this);
    // The undo commands, imports and the viewer use the catalog and the pool: stop them first.
    delete m_undo;
    m_undo = nullptr;
    delete m_imports;
    m_imports = nullptr;
    m_model->setCatalog(nullptr);
    m_catalog.reset();
}

void MainWindow::buildCentre()
{
    m_sidebar = new Sidebar(this);
    m_model = new GalleryModel(this);
    m_gallery = new GalleryView(this);
    m_gallery->setGalleryModel(m_model);
    m_gallery->setThumbnailSize(m_settings->galleryThumbnailSize());
    m_gallery->thumbnailCache()->setBudget(qint64(m_settings->thumbnailBudgetMiB()) * 1024 * 1024);
    m_details = new DetailsPanel(this);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search captions, tags, products…"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    m_sort = new QComboBox(this);
    m_sort->setAccessibleName(tr("Sort by"));
    m_sort->addItem(tr("Gallery order"), int(GallerySort::Order));
    m_sort->addItem(tr("Date taken"), int(GallerySort::DateTaken));
    m_sort->addItem(tr("Date imported"), int(GallerySort::DateImported));
    m_sort->addItem(tr("Name"), int(GallerySort::Name));
    m_sort->setCurrentIndex(std::max(0, m_sort->findData(m_settings->gallerySort())));
    m_size = new QSlider(Qt::Horizontal, this);
    m_size->setRange(80, 500);
    m_size->setValue(m_gallery->thumbnailSize());
    m_size->setMaximumWidth(160);
    m_size->setAccessibleName(tr("Thumbnail size"));
    m_size->setToolTip(tr("Thumbnail size"));

    auto *centre = new QWidget(this);
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addWidget(m_search, 1);
    auto *sortLabel = new QLabel(tr("S&ort:"), centre);
    sortLabel->setBuddy(m_sort);
    bar->addWidget(sortLabel);
    bar->addWidget(m_sort);
    bar->addWidget(m_size);
    layout->addLayout(bar);
    layout->addWidget(m_gallery, 1);

    m_splitter = new QSplitter(this);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({240, 760, 340});
    setCentralWidget(m_splitter);
}

void MainWindow::buildStatusBar()
{
    m_importStatus = new ImportStatus(this);
    m_network = new QLabel(this);
    m_lastSync = new QLabel(tr("Last sync: never"), this);
    statusBar()->addPermanentWidget(m_importStatus);
    statusBar()->addPermanentWidget(m_network);
    statusBar()->addPermanentWidget(m_lastSync);
    const auto showReachability = [this] {
        QNetworkInformation *info = QNetworkInformation::instance();
        if (!info || info->reachability() == QNetworkInformation::Reachability::Unknown)
            m_network->setText(tr("Network: unknown"));
        else
            m_network->setText(info->reachability() == QNetworkInformation::Reachability::Online ? tr("Online")
                                                                                               : tr("Offline"));
    };
    if (QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance())
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this, showReachability);
    showReachability();
}

void MainWindow::connectParts()
{
    connect(m_sidebar, &Sidebar::workspaceChosen, this, &MainWindow::openWorkspace);
    connect(m_sidebar, &Sidebar::collectionChosen, this, &MainWindow::showCollection);
    connect(m_sidebar, &Sidebar::entityChosen, this, &MainWindow::showEntity);
    connect(m_sidebar->entityModel(), &EntityListModel::linkRequested, this,
            [this](qint64 entityId, const QList<qint64> &imageIds) {
                push(new LinkCommand(commandContext(), entityId, imageIds));
            });
    connect(m_sidebar->entityModel(), &EntityListModel::filesDropped, this,
            [this](qint64 entityId, const QStringList &paths) { importPaths(paths, entityId); });
    connect(m_model, &GalleryModel::filesDropped, this,
            [this](const QStringList &paths) { importPaths(paths, entityInView()); });
    connect(m_model, &GalleryModel::reorderRequested, this,
            [this](qint64 entityId, const QList<qint64> &before, const QList<qint64> &after) {
                push(new ReorderCommand(commandContext(), entityId, before, after));
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        connect(m_gallery->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &MainWindow::selectionChanged, Qt::UniqueConnection);
        selectionChanged();
    });
    connect(m_gallery->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::selectionChanged,
            Qt::UniqueConnection);
    connect(m_gallery, &GalleryView::openRequested, this, &MainWindow::openViewer);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_sort, &QComboBox::activated, this, [this] {
        const auto sort = GallerySort(m_sort->currentData().toInt());
        m_settings->setGallerySort(int(sort));
        m_model->setSort(sort);
        updateActions();
    });
    connect(m_size, &QSlider::valueChanged, this, [this](int pixels) {
        m_gallery->setThumbnailSize(pixels);
        m_settings->setGalleryThumbnailSize(pixels);
    });
    connect(m_refresh, &QTimer::timeout, this, &MainWindow::refreshViews);
    connect(m_feedback, &CommandFeedback::failed, this, [this](const QString &message) {
        showMessage(message);
        m_changedAll = true;
        m_refresh->start();
    });
    connect(m_imports, &ImportController::started, m_importStatus, &ImportStatus::begin);
    connect(m_imports, &ImportController::progressUpdated, m_importStatus, &ImportStatus::setProgress);
    connect(m_imports, &ImportController::imagesAdded, this, &MainWindow::catalogChanged);
    connect(m_imports, &ImportController::failed, this, &MainWindow::showMessage);
    connect(m_imports, &ImportController::finished, this, &MainWindow::importFinishedReport);
    connect(m_importStatus, &ImportStatus::cancelRequested, m_imports, &ImportController::cancel);
    connect(m_undo, &QUndoStack::indexChanged, this, &MainWindow::updateActions);
    connectDetails();
}

void MainWindow::connectDetails()
{
    connect(m_details, &DetailsPanel::editRequested, this, [this](qint64 imageId, const ImageEdit &edit) {
        push(new EditImageCommand(commandContext(), imageId, edit));
    });
    connect(m_details, &DetailsPanel::tagsRequested, this, [this](qint64 imageId, const QStringList &tags) {
        push(new TagsCommand(commandContext(), imageId, tags));
    });
    connect(m_details, &DetailsPanel::linkRequested, this, [this](qint64 imageId, qint64 entityId) {
        push(new LinkCommand(commandContext(), entityId, {imageId}));
    });
    connect(m_details, &DetailsPanel::unlinkRequested, this, [this](qint64 imageId, qint64 entityId) {
        push(new UnlinkCommand(commandContext(), entityId, imageId));
    });
    connect(m_details, &DetailsPanel::setPrimaryRequested, this, [this](qint64 entityId, qint64 imageId) {
        push(new PrimaryCommand(commandContext(), entityId, imageId));
    });
    connect(m_details, &DetailsPanel::unpinPrimaryRequested, this,
            [this](qint64 entityId) { push(new PrimaryCommand(commandContext(), entityId, 0)); });
}

bool MainWindow::openWorkspace(const QString &name)
{
    Result<Workspace> located = Workspace::locate(m_dataDir, name);
    if (!located) {
        QMessageBox::warning(this, tr("Cannot open workspace"), located.error());
        return false;
    }
    Result<std::unique_ptr<CatalogThread>> opened = CatalogThread::open(located->catalogPath());
    if (!opened) {
        QMessageBox::warning(this, tr("Cannot open workspace"), opened.error());
        return false;
    }
    m_imports->setWorkspace(located.value());
    m_undo->clear();
    m_model->setCatalog(nullptr);
    m_sidebar->setCatalog(nullptr);
    m_details->setCatalog(nullptr);
    delete m_viewer;
    m_viewer = nullptr;
    m_catalog = std::move(opened.value());
    m_workspace = located.value();
    connect(m_catalog.get(), &CatalogThread::catalogChanged, this, &MainWindow::catalogChanged);
    m_gallery->setFilesRoot(m_workspace->storeDirectory());
    m_model->setSort(GallerySort(m_sort->currentData().toInt()));
    m_model->setCatalog(m_catalog.get());
    m_sidebar->setCatalog(m_catalog.get());
    m_sidebar->setWorkspaces(Workspace::list(m_dataDir), name);
    m_details->setCatalog(m_catalog.get());
    m_search->clear();
    showCollection(GallerySelection::Kind::AllImages);
    m_settings->setLastWorkspace(name);
    setWindowTitle(tr("%1 — Vitrine").arg(name));
    updateActions();
    emit workspaceOpened(name);
    return true;
}

void MainWindow::showEntity(qint64 entityId)
{
    m_browsing = GallerySelection::ofEntity(entityId);
    m_search->clear();
    m_model->setSelection(m_browsing);
    updateActions();
}

void MainWindow::showCollection(GallerySelection::Kind kind)
{
    m_browsing = GallerySelection::collection(kind);
    m_sidebar->showCollection(kind);
    m_search->clear();
    m_model->setSelection(m_browsing);
    updateActions();
}

// An empty search goes back to what was shown before it.
void MainWindow::search(const QString &text)
{
    m_searchDelay->stop();
    if (m_search->text() != text) {
        const QSignalBlocker blocker(m_search);
        m_search->setText(text);
    }
    m_model->setSelection(text.trimmed().isEmpty() ? m_browsing : GallerySelection::search(text));
    updateActions();
}

void MainWindow::importPaths(const QStringList &paths, qint64 entityId)
{
    if (!m_workspace) {
        showMessage(tr("Open or create a workspace before importing."));
        return;
    }
    m_imports->import(paths, entityId);
}

qint64 MainWindow::entityInView() const
{
    const GallerySelection &shown = m_model->selection();
    return shown.kind == GallerySelection::Kind::Entity ? shown.entityId : 0;
}

void MainWindow::selectionChanged()
{
    const QList<qint64> selected = m_gallery->selectedImageIds();
    if (selected.size() == 1)
        m_details->showImage(selected.constFirst(), entityInView());
    else if (selected.size() > 1)
        m_details->showSelectionCount(int(selected.size()));
    else if (entityInView() != 0)
        m_details->showEntity(entityInView());
    else
        m_details->clear();
    updateActions();
}

void MainWindow::catalogChanged(const QList<qint64> &imageIds)
{
    if (imageIds.isEmpty())
        m_changedAll = true;
    m_changedImages += imageIds;
    m_refresh->start();
}

void MainWindow::refreshViews()
{
    const QList<qint64> changed = m_changedAll ? QList<qint64>() : m_changedImages;
    m_changedImages.clear();
    m_changedAll = false;
    m_model->reload(changed);
    m_sidebar->refreshCounts();
    m_details->reload();
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

CommandContext MainWindow::commandContext()
{
    return {m_catalog.get(), m_feedback};
}

void MainWindow::push(QUndoCommand *command)
{
    if (!m_catalog) {
        delete command;
        return;
    }
    m_undo->push(command);
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1280, 800);
    restoreState(m_settings->windowState());
    m_splitter->restoreState(m_settings->splitterState());
}

void MainWindow::saveWindowState()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_imports->isRunning()) {
        const auto answer = QMessageBox::question(
            this, tr("Import running"),
            tr("An import is still running. Stop it and quit? Files already imported are kept."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_imports->cancel();
        m_imports->waitForIdle();
    }
    saveWindowState();
    event->accept();
}

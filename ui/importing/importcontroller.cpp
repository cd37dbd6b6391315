#include "importing/importcontroller.h"
#include "common/whenready.h"

#include "import/importjob.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

ImportController::ImportController(ImagingPool *pool, QObject *parent) : QObject(parent), m_pool(pool) {}

ImportController::~ImportController()
{
    m_queue.clear();
    waitForIdle();
}

void ImportController::setWorkspace(const Workspace &workspace)
{
    m_queue.clear();
    cancel();
    m_workspace = workspace;
}

void ImportController::import(const QStringList &paths, qint64 entityId)
{
    if (!m_workspace || paths.isEmpty())
        return;
    m_queue.append({paths, entityId});
    if (!isRunning())
        startNext();
}

void ImportController::cancel()
{
    m_queue.clear();
    if (m_job)
        m_job->cancel();
}

// Folders are walked on a pool thread: a network share or a big tree must not freeze the window.
void ImportController::startNext()
{
    if (m_queue.isEmpty() || !m_workspace)
        return;
    const Batch batch = m_queue.takeFirst();
    m_collecting = true;
    whenReady(this, QtConcurrent::run([paths = batch.paths] { return ImportJob::collectFiles(paths, true); }),
        [this, entityId = batch.entityId](const Result<QStringList> &files) {
            m_collecting = false;
            if (!files.ok()) {
                emit failed(files.error());
                startNext();
                return;
            }
            startJob(files.value(), entityId);
        });
}

void ImportController::startJob(const QStringList &files, qint64 entityId)
{
    ImportOptions options;
    options.renditions = m_renditions;
    if (entityId != 0)
        options.entityIds = {entityId};
    auto *job = new ImportJob(*m_workspace, *m_pool, files, options, this);
    m_job = job;
    connect(job, &ImportJob::progressUpdated, this, &ImportController::progressUpdated, Qt::QueuedConnection);
    connect(
        job, &ImportJob::itemFinished, this,
        [this](const ImportItemResult &item) {
            if (item.imageId != 0)
                emit imagesAdded({item.imageId});
        },
        Qt::QueuedConnection);
    connect(job, &ImportJob::finished, this, &ImportController::jobFinished, Qt::QueuedConnection);
    emit started(job->total());
    job->start();
}

void ImportController::jobFinished(const ImportReport &report)
{
    if (m_job)
        m_job->deleteLater();
    m_job = nullptr;
    emit finished(report);
    startNext();
}

void ImportController::waitForIdle()
{
    if (m_job) {
        m_job->cancel();
        m_job->waitForFinished();
    }
}

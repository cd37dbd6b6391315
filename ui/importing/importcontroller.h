#pragma once

#include "imaging/renditionspec.h"
#include "import/importreport.h"
#include "storage/workspace.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <optional>

class ImagingPool;
#include "import/importjob.h"

// Runs the desktop's imports one batch at a time: expands folders off the GUI thread,
// starts an ImportJob on the imaging pool, and passes its progress on. Batches asked for
// while one runs wait their turn, so dropping three folders in a row imports all three.
class ImportController final : public QObject
{
    Q_OBJECT
public:
    ImportController(ImagingPool *pool, QObject *parent = nullptr);
    ~ImportController() override;

    void setWorkspace(const Workspace &workspace);
    // The renditions new imports make (Settings); the defaults until set.
    void setRenditions(const QList<RenditionSpec> &renditions) { m_renditions = renditions; }
    // Files and folders (recursively) into the entity (0: unassigned).
    void import(const QStringList &paths, qint64 entityId);
    void cancel();
    bool isRunning() const { return m_job != nullptr || m_collecting; }
    // Blocks until the current and queued batches are done (shutdown, tests).
    void waitForIdle();

signals:
    void started(int total);
    void progressUpdated(int done, int total);
    void imagesAdded(const QList<qint64> &imageIds); // throttled by the caller's repaint
    void finished(const ImportReport &report);
    void failed(const QString &message);

private:
    struct Batch
    {
        QStringList paths;
        qint64 entityId = 0;
    };
    void startNext();
    void startJob(const QStringList &files, qint64 entityId);
    void jobFinished(const ImportReport &report);

    ImagingPool *m_pool;
    std::optional<Workspace> m_workspace;
    QList<RenditionSpec> m_renditions = RenditionSpec::defaults();
    QList<Batch> m_queue;
    QPointer<ImportJob> m_job;
    bool m_collecting = false;
};

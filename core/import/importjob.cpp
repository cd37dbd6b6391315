#include "importjob.h"

#include "catalog/catalog.h"
#include "fileimport.h"
#include "imaging/imagingpool.h"
#include "storage/filestore.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QStorageInfo>
#include <QThreadPool>

#include <cerrno>

using namespace Qt::StringLiterals;
using Outcome = ImportItemResult::Outcome;

namespace {

// SQLite reports a full disk without errno; a store with almost no room left is the tell.
bool looksLikeFullDisk(int errorCode, const QString &storeRoot)
{
    if (errorCode == ENOSPC || errorCode == EDQUOT)
        return true;
    const QStorageInfo storage(storeRoot);
    return storage.isValid() && storage.bytesAvailable() < 1024 * 1024;
}

} // namespace

ImportJob::ImportJob(Workspace workspace, ImagingPool &pool, QStringList files, ImportOptions options, QObject *parent)
    : QObject(parent)
    , m_workspace(std::move(workspace))
    , m_pool(pool)
    , m_files(std::move(files))
    , m_options(std::move(options))
{
    qRegisterMetaType<ImportItemResult>();
    qRegisterMetaType<ImportReport>();
}

ImportJob::~ImportJob()
{
    cancel();
    waitForFinished();
}

Result<QStringList> ImportJob::collectFiles(const QStringList &paths, bool recursive)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return Result<QStringList>::failure(path + u": no such file or folder"_s);
        if (!info.isDir()) {
            files.append(info.absoluteFilePath());
            continue;
        }
        QStringList inFolder;
        QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::NoDotAndDotDot,
                        recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
        while (it.hasNext())
            inFolder.append(it.next());
        inFolder.sort();
        files.append(inFolder);
    }
    return files;
}

void ImportJob::start()
{
    m_started = true;
    const int runners = std::max(1, std::min(m_pool.workerCount(), int(m_files.size())));
    if (m_files.isEmpty()) {
        m_runnersLeft = 1;
        finish();
        return;
    }
    m_runnersLeft = runners;
    for (int i = 0; i < runners; ++i)
        m_pool.threadPool()->start([this] { runWorker(); });
}

void ImportJob::cancel()
{
    if (!m_stopping.exchange(true)) {
        QMutexLocker lock(&m_mutex);
        if (m_report.stopReason.isEmpty()) {
            m_report.cancelled = true;
            m_report.stopReason = tr("the import was cancelled");
        }
    }
}

void ImportJob::stop(const QString &reason, bool diskFull)
{
    QMutexLocker lock(&m_mutex);
    if (m_report.stopReason.isEmpty()) {
        m_report.stopReason = reason;
        m_report.diskFull = diskFull;
    }
    m_stopping = true;
}

// Files finish in any order on several workers; within each entity the new images are
// put back in the order of the files, so the first file is the automatic primary.
void ImportJob::restoreFileOrder()
{
    if (m_options.entityIds.isEmpty())
        return;
    QHash<QString, int> indexOfFile; // one pass: a large batch must not cost files × files
    indexOfFile.reserve(m_files.size());
    for (qsizetype i = 0; i < m_files.size(); ++i)
        indexOfFile.insert(m_files.at(i), int(i));
    QHash<qint64, int> fileIndexOfImage;
    for (const ImportItemResult &item : report().items)
        if (item.outcome == Outcome::Imported)
            fileIndexOfImage.insert(item.imageId, indexOfFile.value(item.sourcePath));
    if (fileIndexOfImage.size() < 2)
        return;
    auto catalog = Catalog::open(m_workspace.catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!catalog)
        return;
    for (const qint64 entityId : m_options.entityIds) {
        QList<qint64> order;
        QList<qint64> imported;
        for (const ImageRecord &image : catalog.value()->imagesOfEntity(entityId)) {
            order.append(image.id);
            if (fileIndexOfImage.contains(image.id))
                imported.append(image.id);
        }
        std::sort(imported.begin(), imported.end(), [&fileIndexOfImage](qint64 a, qint64 b) {
            return fileIndexOfImage.value(a) < fileIndexOfImage.value(b);
        });
        QList<qint64> wanted = order;
        for (qsizetype i = 0, next = 0; i < wanted.size(); ++i)
            if (fileIndexOfImage.contains(wanted.at(i)))
                wanted[i] = imported.at(next++);
        if (wanted != order)
            (void)catalog.value()->reorder(entityId, wanted); // the images stay imported either way
    }
}

void ImportJob::runWorker()
{
    {
        auto catalog = Catalog::open(m_workspace.catalogPath(), Catalog::OpenMode::OpenExisting);
        if (!catalog)
            stop(catalog.error(), false);
        importFiles(catalog ? catalog->get() : nullptr); // the connection closes in this thread
    }
    if (--m_runnersLeft == 0)
        finish();
}

void ImportJob::importFiles(Catalog *catalog)
{
    const FileStore store(m_workspace.storeDirectory());
    for (int index = m_next++; index < m_files.size(); index = m_next++) {
        const QString &file = m_files.at(index);
        if (m_stopping || !catalog) {
            record({file, Outcome::NotAttempted, file + u": not imported: " + stopReason(), 0, {}, {}});
            continue;
        }
        int errorCode = 0;
        FileImport fileImport(*catalog, store, m_pool, m_options);
        const ImportItemResult result = fileImport.run(file, &errorCode);
        if (result.outcome == Outcome::Failed && looksLikeFullDisk(errorCode, store.root()))
            stop(tr("the disk holding %1 is full; free some space and run the import again").arg(store.root()), true);
        record(result);
    }
}

QString ImportJob::stopReason()
{
    QMutexLocker lock(&m_mutex);
    return m_report.stopReason;
}

void ImportJob::record(const ImportItemResult &result)
{
    {
        QMutexLocker lock(&m_mutex);
        m_report.items.append(result);
    }
    const int done = ++m_done;
    Q_EMIT itemFinished(result);
    Q_EMIT progressUpdated(done, int(m_files.size()));
}

// Emits before waking waitForFinished(): once woken, the owner may destroy the job, so
// this thread must not touch it afterwards.
void ImportJob::finish()
{
    restoreFileOrder();
    Q_EMIT finished(report());
    QMutexLocker lock(&m_mutex);
    m_finished = true;
    m_finishedCondition.wakeAll();
}

ImportReport ImportJob::report()
{
    QMutexLocker lock(&m_mutex);
    return m_report;
}

ImportReport ImportJob::waitForFinished()
{
    QMutexLocker lock(&m_mutex);
    while (m_started && !m_finished)
        m_finishedCondition.wait(&m_mutex);
    return m_report;
}

#pragma once

#include "common/result.h"
#include "imaging/embedrequest.h"
#include "imaging/imagingrequest.h"

#include <QMutex>
#include <QThread>
#include <QThreadPool>

#include <memory>
#include <unordered_map>

class ImagingWorkerProcess;

// Runs imaging requests in isolated worker processes (vitrine-imaging-worker): one
// long-lived worker per calling thread, normally the threads of threadPool(), where the
// import's tasks run. A file that crashes, hangs or exhausts its worker fails alone with
// the reason; the worker is restarted for the next request.
//
// The parent verifies what a worker returns: rendition files must be new regular files in
// the request's outputDir, named as asked, of the stated size, not larger than asked.
class ImagingPool final
{
public:
    explicit ImagingPool(int workers = QThread::idealThreadCount(), ImportLimits limits = {});
    ~ImagingPool(); // waits for threadPool(), then stops the worker processes
    Q_DISABLE_COPY_MOVE(ImagingPool)

    // maxThreadCount() == workerCount(), threads never expire (each keeps its worker).
    QThreadPool *threadPool();
    int workerCount() const;

    // Blocking. Meant for threadPool()'s threads; any other thread gets a worker of its own,
    // kept until the pool is destroyed. The pool's limits set the workers' memory limit;
    // request.limits everything else about this file.
    ImagingResult process(const ImagingRequest &request);
    // Blocking, from any thread: process() run on one of threadPool()'s threads, so callers
    // with many threads of their own (the server's request threads) share workerCount()
    // workers and wait their turn, rather than each starting a worker process.
    ImagingResult processInPool(const ImagingRequest &request);

    // Blocking, same thread rule: writes a copy of a JPEG with texts embedded (EmbedRequest).
    Status embedMetadata(const EmbedRequest &request);

    // VITRINE_IMAGING_WORKER if set, else <applicationDirPath>/vitrine-imaging-worker, else
    // <applicationDirPath>/../libexec/vitrine/vitrine-imaging-worker.
    static QString workerExecutable();

private:
    ImagingWorkerProcess &workerForThisThread();
    ImagingResult verified(ImagingResult result, const ImagingRequest &request,
                           const QString &token) const;
    static QString invalidRendition(const RenditionFile &file, const RenditionSpec &spec,
                                    const QString &outputDir, const QString &token);
    static void removeWrittenFiles(const QString &outputDir, const QString &token);

    const ImportLimits m_limits;
    const int m_workers;
    const QString m_executable;
    QThreadPool m_threadPool;
    QMutex m_mutex;
    std::unordered_map<QThread *, std::unique_ptr<ImagingWorkerProcess>> m_processes;
};

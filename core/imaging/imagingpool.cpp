#include "imagingpool.h"

#include "imaging/imagingprotocol.h"
#include "imaging/imagingworkerprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <future>

using namespace Qt::StringLiterals;

namespace {

QString newToken()
{
    return u"vw%1-"_s.arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
}

ImagingResult failed(const QString &error)
{
    ImagingResult result;
    result.error = error;
    return result;
}

} // namespace

ImagingPool::ImagingPool(int workers, ImportLimits limits)
    : m_limits(limits), m_workers(qMax(1, workers)), m_executable(workerExecutable())
{
    m_threadPool.setMaxThreadCount(m_workers);
    m_threadPool.setExpiryTimeout(-1);
}

ImagingPool::~ImagingPool()
{
    m_threadPool.waitForDone();
    QMutexLocker lock(&m_mutex);
    for (auto &[thread, process] : m_processes)
        process->closeChannel();
    const QDeadlineTimer deadline(2000);
    for (auto &[thread, process] : m_processes)
        process->reap(deadline);
    m_processes.clear();
}

QThreadPool *ImagingPool::threadPool()
{
    return &m_threadPool;
}

int ImagingPool::workerCount() const
{
    return m_workers;
}

QString ImagingPool::workerExecutable()
{
    const QString configured = qEnvironmentVariable("VITRINE_IMAGING_WORKER");
    if (!configured.isEmpty())
        return configured;
    const QString dir = QCoreApplication::applicationDirPath();
    const QString beside = dir + u"/vitrine-imaging-worker"_s;
    if (QFileInfo(beside).isExecutable())
        return beside;
    const QString installed = QDir::cleanPath(dir + u"/../libexec/vitrine/vitrine-imaging-worker"_s);
    if (QFileInfo(installed).isExecutable())
        return installed;
    return beside;
}

ImagingWorkerProcess &ImagingPool::workerForThisThread()
{
    QMutexLocker lock(&m_mutex);
    std::unique_ptr<ImagingWorkerProcess> &process = m_processes[QThread::currentThread()];
    if (!process)
        process = std::make_unique<ImagingWorkerProcess>(m_executable, m_limits);
    return *process;
}

ImagingResult ImagingPool::processInPool(const ImagingRequest &request)
{
    // Not QtConcurrent::run(...).result(): a QFuture waited for runs a task that has not
    // started yet on the waiting thread itself, which would give that thread a worker.
    std::promise<ImagingResult> promise;
    std::future<ImagingResult> result = promise.get_future();
    m_threadPool.start([this, &request, &promise] { promise.set_value(process(request)); });
    return result.get();
}

ImagingResult ImagingPool::process(const ImagingRequest &request)
{
    const QString token = newToken();
    const Result<QByteArray> reply = workerForThisThread().call(
        ImagingProtocol::processMessage(request, token), request.limits);
    if (!reply) {
        removeWrittenFiles(request.outputDir, token);
        return failed(request.displayName + u": "_s + reply.error());
    }
    Result<ImagingResult> result = ImagingProtocol::parseResult(reply.value());
    if (!result) {
        removeWrittenFiles(request.outputDir, token);
        return failed(request.displayName + u": "_s + result.error());
    }
    return verified(std::move(result).value(), request, token);
}

ImagingResult ImagingPool::verified(ImagingResult result, const ImagingRequest &request,
                                    const QString &token) const
{
    const QString prefix = request.displayName + u": "_s;
    if (!result.ok) {
        removeWrittenFiles(request.outputDir, token);
        if (!result.error.startsWith(prefix))
            result.error.prepend(prefix);
        result.renditions.clear();
        return result;
    }
    QString problem;
    if (result.renditions.size() != request.renditions.size())
        problem = u"%1 renditions instead of %2"_s.arg(result.renditions.size()).arg(request.renditions.size());
    for (qsizetype i = 0; problem.isEmpty() && i < result.renditions.size(); ++i)
        problem = invalidRendition(result.renditions[i], request.renditions[i], request.outputDir, token);
    if (problem.isEmpty() && (result.facts.width <= 0 || result.facts.height <= 0))
        problem = u"no pixel size"_s;
    if (!problem.isEmpty()) {
        removeWrittenFiles(request.outputDir, token);
        return failed(prefix + u"the imaging worker returned an invalid result (%1)"_s.arg(problem));
    }
    if (result.facts.exifOrientation < 1 || result.facts.exifOrientation > 8)
        result.facts.exifOrientation = 1;
    return result;
}

QString ImagingPool::invalidRendition(const RenditionFile &file, const RenditionSpec &spec,
                                      const QString &outputDir, const QString &token)
{
    const QFileInfo info(file.path);
    if (file.name != spec.name)
        return u"rendition %1 instead of %2"_s.arg(file.name, spec.name);
    if (!info.fileName().startsWith(token) || info.isSymLink() || !info.isFile()
        || info.absoluteDir().canonicalPath() != QDir(outputDir).canonicalPath())
        return u"unexpected rendition file %1"_s.arg(file.path);
    if (info.size() != file.bytes || file.bytes <= 0)
        return u"rendition %1 has the wrong size"_s.arg(file.name);
    if (file.width <= 0 || file.height <= 0
        || (spec.longSide > 0 && qMax(file.width, file.height) > spec.longSide))
        return u"rendition %1 is %2×%3"_s.arg(file.name).arg(file.width).arg(file.height);
    return {};
}

void ImagingPool::removeWrittenFiles(const QString &outputDir, const QString &token)
{
    if (outputDir.isEmpty())
        return;
    QDir dir(outputDir);
    for (const QString &name : dir.entryList({token + u'*'}, QDir::Files | QDir::Hidden | QDir::System))
        dir.remove(name);
}

Status ImagingPool::embedMetadata(const EmbedRequest &request)
{
    const QString prefix = QFileInfo(request.source).fileName() + u": "_s;
    const Result<QByteArray> reply = workerForThisThread().call(
        ImagingProtocol::embedMessage(request, m_limits), m_limits);
    if (!reply)
        return Status::failure(prefix + reply.error());
    const Result<Status> status = ImagingProtocol::parseStatus(reply.value());
    if (!status)
        return Status::failure(prefix + status.error());
    if (!status->ok() && !status->error().startsWith(prefix))
        return Status::failure(prefix + status->error());
    return status.value();
}

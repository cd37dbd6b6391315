#pragma once

#include "common/result.h"
#include "imaging/importlimits.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>

#include <sys/types.h>

// The parent's handle on one vitrine-imaging-worker process. Started with posix_spawn over
// a socketpair (no QProcess, so any thread may use or destroy it, one thread at a time);
// started lazily by call() and again after the worker died. A worker that misses the wall
// clock limit is killed; every exited worker is reaped (no zombies).
class ImagingWorkerProcess final
{
public:
    ImagingWorkerProcess(QString executable, const ImportLimits &limits);
    ~ImagingWorkerProcess();
    Q_DISABLE_COPY_MOVE(ImagingWorkerProcess)

    // Sends one request and waits up to limits.workerWallSecondsPerFile for the reply. If
    // the worker dies or runs out of time, it is reaped and the error says why in the
    // user's words, ready to follow "<file name>: ", e.g. "the image made the imaging
    // worker crash (signal 11)". limits: the request's (the process keeps its memory limit).
    Result<QByteArray> call(const QByteArray &message, const ImportLimits &limits);

    // Stopping in two steps lets a pool stop all its workers at once: close every channel,
    // then reap each (the worker exits when its channel closes), killing any that outlive
    // the deadline.
    void closeChannel();
    void reap(QDeadlineTimer deadline);
    void stop();

    pid_t pid() const { return m_pid; }

private:
    Status start();
    QString deathReason(int status, const ImportLimits &limits) const;
    int waitForExit(QDeadlineTimer deadline);
    void killAndReap();

    QString m_executable;
    ImportLimits m_limits;
    pid_t m_pid = -1;
    int m_fd = -1;
};

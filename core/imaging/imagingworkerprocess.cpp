#include "imagingworkerprocess.h"

#include "imaging/imaginglog.h"
#include "imaging/imagingworker.h"
#include "imaging/messagechannel.h"

#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "common/sanitizers.h"

extern char **environ;

using namespace Qt::StringLiterals;

namespace {

constexpr int ChildChannelFd = 3;

// The environment for a worker: ours, plus under AddressSanitizer the memory limit that
// RLIMIT_AS cannot provide there.
std::vector<std::string> workerEnvironment(const ImportLimits &limits)
{
    std::vector<std::string> entries;
    std::string asanOptions;
    for (char **entry = environ; *entry; ++entry) {
        if (std::strncmp(*entry, "ASAN_OPTIONS=", 13) == 0)
            asanOptions = *entry + 13;
        else
            entries.emplace_back(*entry);
    }
#ifdef VITRINE_ASAN
    asanOptions += (asanOptions.empty() ? "" : ":") + std::string("hard_rss_limit_mb=")
        + std::to_string(limits.workerMemoryLimitMb);
#else
    Q_UNUSED(limits)
#endif
    if (!asanOptions.empty())
        entries.push_back("ASAN_OPTIONS=" + asanOptions);
    return entries;
}

} // namespace

ImagingWorkerProcess::ImagingWorkerProcess(QString executable, const ImportLimits &limits)
    : m_executable(std::move(executable)), m_limits(limits)
{
}

ImagingWorkerProcess::~ImagingWorkerProcess()
{
    stop();
}

Status ImagingWorkerProcess::start()
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return Status::failure(u"cannot create a channel to the imaging worker (%1)"_s
                                   .arg(QString::fromLocal8Bit(std::strerror(errno))));

    // Everything the child needs is built before the spawn.
    const std::string program = m_executable.toStdString();
    const std::string fdText = std::to_string(ChildChannelFd);
    const std::string memoryText = std::to_string(m_limits.workerMemoryLimitMb);
    std::vector<char *> argv{const_cast<char *>(program.c_str()),
                             const_cast<char *>("--channel-fd"), const_cast<char *>(fdText.c_str()),
                             const_cast<char *>("--memory-limit-mb"),
                             const_cast<char *>(memoryText.c_str()), nullptr};
    std::vector<std::string> environment = workerEnvironment(m_limits);
    std::vector<char *> envp;
    for (std::string &entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], ChildChannelFd); // clears CLOEXEC
    posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO); // stdout is the CLI's
    posix_spawn_file_actions_addclosefrom_np(&actions, ChildChannelFd + 1);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t signalSet;
    sigemptyset(&signalSet);
    posix_spawnattr_setsigmask(&attributes, &signalSet);
    for (int signal : {SIGPIPE, SIGXCPU, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2})
        sigaddset(&signalSet, signal);
    posix_spawnattr_setsigdefault(&attributes, &signalSet);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = -1;
    const int error = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(fds[1]);
    if (error != 0) {
        ::close(fds[0]);
        return Status::failure(u"cannot start the imaging worker %1 (%2)"_s.arg(
            m_executable, QString::fromLocal8Bit(std::strerror(error))));
    }
    m_pid = pid;
    m_fd = fds[0];
    qCDebug(lcImaging) << "started imaging worker" << m_pid;
    return {};
}

Result<QByteArray> ImagingWorkerProcess::call(const QByteArray &message, const ImportLimits &limits)
{
    const int wallSeconds = qMax(1, limits.workerWallSecondsPerFile);
    const QDeadlineTimer deadline(qint64(wallSeconds) * 1000);
    MessageChannel::Error sent = MessageChannel::Error::Closed;
    // A worker that died between requests is noticed on send; start a new one, once.
    for (int attempt = 0; attempt < 2 && sent == MessageChannel::Error::Closed; ++attempt) {
        if (m_pid <= 0) {
            const Status started = start();
            if (!started)
                return Result<QByteArray>::failure(started.error());
        }
        sent = MessageChannel(m_fd).send(message, deadline);
        if (sent == MessageChannel::Error::Closed)
            stop();
    }
    QByteArray reply;
    const MessageChannel::Error received =
        sent == MessageChannel::Error::None ? MessageChannel(m_fd).receive(reply, deadline) : sent;
    switch (received) {
    case MessageChannel::Error::None:
        return reply;
    case MessageChannel::Error::TimedOut:
        killAndReap();
        return Result<QByteArray>::failure(u"the image took longer than %1 s"_s.arg(wallSeconds));
    case MessageChannel::Error::Closed: {
        closeChannel();
        const int status = waitForExit(QDeadlineTimer(2000));
        return Result<QByteArray>::failure(deathReason(status, limits));
    }
    default:
        killAndReap();
        return Result<QByteArray>::failure(u"the channel to the imaging worker failed"_s);
    }
}

QString ImagingWorkerProcess::deathReason(int status, const ImportLimits &limits) const
{
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        if (signal == SIGXCPU) {
            return u"the image used more than %1 s of CPU time"_s.arg(limits.workerCpuSecondsPerFile);
        }
        return u"the image made the imaging worker crash (signal %1)"_s.arg(signal);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == ImagingWorker::ExitOutOfMemory)
        return u"the image exceeded the memory limit (%1 MB)"_s.arg(m_limits.workerMemoryLimitMb);
    if (WIFEXITED(status))
        return u"the imaging worker stopped unexpectedly (exit code %1)"_s.arg(WEXITSTATUS(status));
    return u"the imaging worker stopped unexpectedly"_s;
}

void ImagingWorkerProcess::closeChannel()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

// Returns the wait status, or -1 when there was no process. Kills a worker that is still
// running at the deadline.
int ImagingWorkerProcess::waitForExit(QDeadlineTimer deadline)
{
    if (m_pid <= 0)
        return -1;
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid || (done < 0 && errno != EINTR))
            break;
        if (deadline.hasExpired()) {
            ::kill(m_pid, SIGKILL);
            while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        QThread::msleep(2);
    }
    qCDebug(lcImaging) << "imaging worker" << m_pid << "ended with status" << status;
    m_pid = -1;
    return status;
}

void ImagingWorkerProcess::killAndReap()
{
    if (m_pid > 0)
        ::kill(m_pid, SIGKILL);
    closeChannel();
    waitForExit(QDeadlineTimer(QDeadlineTimer::Forever));
}

void ImagingWorkerProcess::reap(QDeadlineTimer deadline)
{
    waitForExit(deadline);
}

void ImagingWorkerProcess::stop()
{
    closeChannel();
    reap(QDeadlineTimer(2000));
}

#include "imagingworker.h"

#include "imaging/imagingprotocol.h"
#include "imaging/messagechannel.h"
#include "imaging/renditionpipeline.h"
#include "imaging/workerfaults.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <sys/resource.h>
#include <unistd.h>

#include "common/sanitizers.h"

#ifdef VITRINE_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void outOfMemory()
{
    ::_exit(ImagingWorker::ExitOutOfMemory);
}

#ifdef VITRINE_ASAN
long memoryLimitBytes = 0;

long residentBytes()
{
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char text[128] = {};
    const ssize_t got = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    long pages = 0;
    const char *p = text;
    while (got > 0 && *p && *p != ' ') // skip the total size
        ++p;
    while (*p == ' ')
        ++p;
    while (*p >= '0' && *p <= '9')
        pages = pages * 10 + (*p++ - '0');
    return pages * ::sysconf(_SC_PAGESIZE);
}

// AddressSanitizer ends a process over hard_rss_limit_mb with its own exit code; tell the
// parent it was the memory limit, as RLIMIT_AS would.
void onSanitizerDeath()
{
    if (memoryLimitBytes > 0 && residentBytes() >= memoryLimitBytes / 10 * 9)
        outOfMemory();
}
#endif

int argument(int argc, char *argv[], const char *name)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return std::atoi(argv[i + 1]);
    }
    return -1;
}

} // namespace

int ImagingWorker::run(int argc, char *argv[])
{
    const int fd = argument(argc, argv, "--channel-fd");
    const int memoryMb = argument(argc, argv, "--memory-limit-mb");
    if (fd < 0 || memoryMb <= 0) {
        std::fputs("vitrine-imaging-worker: started by Vitrine to read images in isolation; "
                   "not meant to be run by hand.\n", stderr);
        return ExitUsage;
    }
    std::signal(SIGPIPE, SIG_IGN);
    const rlimit noCoreDumps{0, 0}; // a dump would copy someone's photo to disk
    ::setrlimit(RLIMIT_CORE, &noCoreDumps);
    limitMemory(memoryMb);
    QCoreApplication app(argc, argv); // image format plugins are found through it
    return serve(fd);
}

int ImagingWorker::serve(int channelFd)
{
    MessageChannel channel(channelFd);
    const WorkerFaults faults = WorkerFaults::fromEnvironment();
    for (;;) {
        QByteArray message;
        const MessageChannel::Error received = channel.receive(message, QDeadlineTimer::Forever);
        if (received == MessageChannel::Error::Closed)
            return 0; // the parent is done (or gone)
        if (received != MessageChannel::Error::None)
            return 1;
        const QByteArray reply = handle(message, faults);
        if (channel.send(reply, QDeadlineTimer(30'000)) != MessageChannel::Error::None)
            return 1;
    }
}

void ImagingWorker::limitMemory(int megabytes)
{
    std::set_new_handler(outOfMemory);
#ifdef VITRINE_ASAN
    // ASan reserves terabytes of address space up front, so RLIMIT_AS cannot work here.
    memoryLimitBytes = long(megabytes) * 1024 * 1024;
    __sanitizer_set_death_callback(onSanitizerDeath);
#else
    const rlim_t bytes = rlim_t(megabytes) * 1024 * 1024;
    const rlimit limit{bytes, bytes};
    if (::setrlimit(RLIMIT_AS, &limit) != 0)
        std::perror("vitrine-imaging-worker: setrlimit(RLIMIT_AS)");
#endif
}

void ImagingWorker::limitCpuForNextRequest(int seconds)
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const rlim_t used = rlim_t(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1;
    rlimit limit{};
    ::getrlimit(RLIMIT_CPU, &limit);
    limit.rlim_cur = used + rlim_t(qMax(1, seconds));
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_cur > limit.rlim_max)
        limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_CPU, &limit);
}

QByteArray ImagingWorker::handle(const QByteArray &message, const WorkerFaults &faults)
{
    const ImagingProtocol::Incoming incoming = ImagingProtocol::parseRequest(message);
    try {
        switch (incoming.op) {
        case ImagingProtocol::Incoming::Op::Process:
            limitCpuForNextRequest(incoming.limits.workerCpuSecondsPerFile);
            faults.trigger(incoming.process.displayName);
            return ImagingProtocol::resultMessage(
                RenditionPipeline::process(incoming.process, incoming.token));
        case ImagingProtocol::Incoming::Op::Embed:
            limitCpuForNextRequest(incoming.limits.workerCpuSecondsPerFile);
            return ImagingProtocol::statusMessage(
                RenditionPipeline::embed(incoming.embed, incoming.limits));
        case ImagingProtocol::Incoming::Op::Invalid:
            break;
        }
    } catch (const std::exception &e) {
        return ImagingProtocol::statusMessage(
            Status::failure(u"the imaging worker failed: %1"_s.arg(QString::fromUtf8(e.what()))));
    }
    return ImagingProtocol::statusMessage(Status::failure(u"the imaging worker received a garbled request"_s));
}

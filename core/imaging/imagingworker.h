#pragma once

#include <QByteArray>

class WorkerFaults;

// The imaging worker process (vitrine-imaging-worker): it serves requests from one parent
// over an inherited socket, one at a time, until the parent closes the socket (or dies),
// then exits 0. Untrusted files are parsed only here. Limits: address space
// (--memory-limit-mb, RLIMIT_AS; under AddressSanitizer the parent sets hard_rss_limit_mb
// instead), and per request a CPU budget: the soft RLIMIT_CPU is set to the CPU time used
// so far plus the request's workerCpuSecondsPerFile, so a long-lived worker is not killed by
// the sum of many files. Running out of memory exits with ExitOutOfMemory; exceeding the
// CPU budget is SIGXCPU. See WorkerFaults for the test-only fault switch.
class ImagingWorker final
{
public:
    ImagingWorker() = delete;

    static constexpr int ExitOutOfMemory = 86;
    static constexpr int ExitUsage = 64;

    // main(): "--channel-fd N --memory-limit-mb M".
    static int run(int argc, char *argv[]);
    // The request loop on a connected socket; returns the exit code.
    static int serve(int channelFd);

private:
    static void limitMemory(int megabytes);
    static void limitCpuForNextRequest(int seconds);
    static QByteArray handle(const QByteArray &message, const WorkerFaults &faults);
};

#include "workerfaults.h"

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

WorkerFaults WorkerFaults::fromEnvironment()
{
    WorkerFaults faults;
    const QString spec = qEnvironmentVariable("VITRINE_TEST_WORKER_FAULTS");
    for (const QString &entry : spec.split(u';', Qt::SkipEmptyParts)) {
        const QString kind = entry.section(u'=', 0, 0).trimmed();
        for (const QString &name : entry.section(u'=', 1).split(u',', Qt::SkipEmptyParts))
            faults.m_kindByName.insert(name.trimmed(), kind);
    }
    return faults;
}

void WorkerFaults::trigger(const QString &displayName) const
{
    const QString kind = m_kindByName.value(displayName);
    if (kind.isEmpty())
        return;
    if (kind == u"crash") {
        std::signal(SIGSEGV, SIG_DFL); // past any sanitizer's handler: a plain crash
        std::raise(SIGSEGV);
    } else if (kind == u"abort") {
        std::abort();
    } else if (kind == u"hang") {
        for (;;)
            ::pause();
    } else if (kind == u"spin") {
        volatile quint64 counter = 0;
        for (;;)
            counter = counter + 1;
    } else if (kind == u"slow") {
        timespec start{};
        ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
        timespec now = start;
        volatile quint64 counter = 0;
        while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1'000'000 < 700) {
            for (int i = 0; i < 100000; ++i)
                counter = counter + 1;
            ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
        }
    } else if (kind == u"oom") {
        static std::vector<char *> blocks; // reachable, so nothing can be optimised away
        for (;;) {
            constexpr size_t block = 16 * 1024 * 1024;
            char *memory = new char[block];
            std::memset(memory, 0x5A, block); // touch it, so it counts as resident
            blocks.push_back(memory);
        }
    }
}

#include "interruption.h"

#include <atomic>
#include <csignal>

namespace {

std::atomic<bool> s_requested{false};

void onSignal(int signal)
{
    if (s_requested.exchange(true)) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
    }
}

} // namespace

void Interruption::install()
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

bool Interruption::requested()
{
    return s_requested.load();
}

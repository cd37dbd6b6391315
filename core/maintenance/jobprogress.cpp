#include "jobprogress.h"

JobProgress::JobProgress(Callback callback, const std::atomic_bool *cancelFlag)
    : m_callback(std::move(callback))
    , m_cancelFlag(cancelFlag)
{
}

bool JobProgress::isCancelled() const
{
    return m_cancelFlag && m_cancelFlag->load(std::memory_order_relaxed);
}

void JobProgress::report(qint64 done, qint64 total) const
{
    if (m_callback)
        m_callback(done, total);
}

#pragma once

#include <QtGlobal>
#include <atomic>
#include <functional>

// Progress and cancellation for long maintenance work (backup, restore, verify,
// compress-old). The callback runs on the thread doing the work; a GUI hops back to its
// own thread with a queued call. The cancel flag is owned by the caller and may be set
// from any thread; the work stops at the next file or chunk and says it was cancelled.
class JobProgress final
{
public:
    using Callback = std::function<void(qint64 done, qint64 total)>;

    JobProgress() = default;
    explicit JobProgress(Callback callback, const std::atomic_bool *cancelFlag = nullptr);

    bool isCancelled() const;
    void report(qint64 done, qint64 total) const;

private:
    Callback m_callback;
    const std::atomic_bool *m_cancelFlag = nullptr;
};

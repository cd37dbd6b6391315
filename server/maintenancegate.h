#pragma once

#include <QMutex>
#include <QSet>

// Keeps the server's maintenance work out of each other's way, within this process:
// cleanup, a backup's snapshot and a restore's swap run one at a time (so none removes
// bytes another is about to use, blobs being shared by workspaces), and requests to a
// workspace whose restore is being swapped in are turned away (503) until it is done.
class MaintenanceGate final
{
public:
    MaintenanceGate() = default;
    Q_DISABLE_COPY_MOVE(MaintenanceGate)

    QMutex &work() { return m_work; }

    void beginSwap(qint64 workspaceId);
    void endSwap(qint64 workspaceId);
    bool isSwapping(qint64 workspaceId) const;

private:
    QMutex m_work;
    mutable QMutex m_swapLock;
    QSet<qint64> m_swapping;
};

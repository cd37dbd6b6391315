#include "maintenancegate.h"

void MaintenanceGate::beginSwap(qint64 workspaceId)
{
    const QMutexLocker locked(&m_swapLock);
    m_swapping.insert(workspaceId);
}

void MaintenanceGate::endSwap(qint64 workspaceId)
{
    const QMutexLocker locked(&m_swapLock);
    m_swapping.remove(workspaceId);
}

bool MaintenanceGate::isSwapping(qint64 workspaceId) const
{
    const QMutexLocker locked(&m_swapLock);
    return m_swapping.contains(workspaceId);
}

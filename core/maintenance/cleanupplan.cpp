#include "cleanupplan.h"

qint64 CleanupPlan::orphanBytes() const
{
    qint64 total = 0;
    for (const OrphanFile &file : orphanFiles)
        total += file.bytes;
    return total;
}

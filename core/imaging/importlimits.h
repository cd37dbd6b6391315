#pragma once

#include <QtGlobal>

// Limits an untrusted image must pass before and while it is decoded. The defaults follow
// the source service (15 MB per file); all are configurable.
struct ImportLimits final
{
    qint64 maxFileBytes = 15 * 1024 * 1024;
    qint64 maxPixels = 100'000'000;           // width × height claimed by the header
    int allocationLimitMb = 512;              // QImageReader::setAllocationLimit
    int workerMemoryLimitMb = 1536;           // RLIMIT_AS of each worker process
    int workerCpuSecondsPerFile = 30;         // CPU budget per file inside the worker
    int workerWallSecondsPerFile = 60;        // the parent kills a worker that takes longer
};

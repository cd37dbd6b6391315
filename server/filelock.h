#pragma once

#include "common/result.h"

#include <QString>

// An exclusive flock(2) on a lock file, held until destruction. Server processes sharing
// one data directory use it to take turns on the same file (an upload in progress); the
// kernel drops it when the process dies, so a crash never leaves it held.
class FileLock final
{
public:
    // Creates the file (and its folder) when missing; waits until the lock is free.
    static Result<FileLock> acquire(const QString &path);
    FileLock(FileLock &&other) noexcept;
    FileLock &operator=(FileLock &&other) = delete;
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;
    ~FileLock();

private:
    explicit FileLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

#pragma once

#include <QList>
#include <sys/types.h>

// The direct children of this test process, from /proc: to prove workers are reaped.
struct ChildProcesses final
{
    QList<pid_t> running;
    QList<pid_t> zombies;

    static ChildProcesses now();
};

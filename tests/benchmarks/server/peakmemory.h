#pragma once

#include <QList>
#include <QtGlobal>

// Peak resident memory (VmHWM) of running processes, from /proc. Read it before a process
// stops: it is gone with the process.
class PeakMemory final
{
public:
    static qint64 kilobytes(qint64 pid); // 0 when the process is gone
    static QList<qint64> children(qint64 pid);
    // The process and its direct children (nginx's workers, vitrine-server's imaging worker).
    static qint64 treeKilobytes(qint64 pid);
};

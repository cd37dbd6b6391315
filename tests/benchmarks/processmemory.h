#pragma once

#include <QList>
#include <QtGlobal>

// The memory of running processes and their direct children (vitrine-cli's or
// vitrine-server's imaging workers, nginx's workers), from /proc: read it before a process
// stops, it is gone with the process. Kilobytes; 0 when the process is gone.
class ProcessMemory final
{
public:
    static qint64 peakKilobytes(qint64 pid);     // VmHWM
    static qint64 residentKilobytes(qint64 pid); // VmRSS
    static QList<qint64> children(qint64 pid);
    static qint64 treePeakKilobytes(qint64 pid);
    static qint64 treeResidentKilobytes(qint64 pid);

private:
    static qint64 statusField(qint64 pid, const QByteArray &field);
};

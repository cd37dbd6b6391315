#include "processmemory.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

qint64 ProcessMemory::statusField(qint64 pid, const QByteArray &field)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').first().toLongLong();
    return 0;
}

qint64 ProcessMemory::peakKilobytes(qint64 pid)
{
    return statusField(pid, "VmHWM:");
}

qint64 ProcessMemory::residentKilobytes(qint64 pid)
{
    return statusField(pid, "VmRSS:");
}

QList<qint64> ProcessMemory::children(qint64 pid)
{
    QList<qint64> found;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        QFile stat(u"/proc/"_s + entry + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …": comm may hold spaces, so count from the last ')'.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            found.append(entry.toLongLong());
    }
    return found;
}

qint64 ProcessMemory::treePeakKilobytes(qint64 pid)
{
    qint64 total = peakKilobytes(pid);
    for (qint64 child : children(pid))
        total += peakKilobytes(child);
    return total;
}

qint64 ProcessMemory::treeResidentKilobytes(qint64 pid)
{
    qint64 total = residentKilobytes(pid);
    for (qint64 child : children(pid))
        total += residentKilobytes(child);
    return total;
}

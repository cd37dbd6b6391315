#include "childprocesses.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

ChildProcesses ChildProcesses::now()
{
    ChildProcesses children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const pid_t pid = entry.toInt(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may contain spaces and parentheses.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 2 || fields[1].toInt() != ::getpid())
            continue;
        (fields[0] == "Z" ? children.zombies : children.running).append(pid);
    }
    return children;
}

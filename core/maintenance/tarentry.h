#pragma once

#include <QString>

// One member of a tar archive as its header describes it (after pax or GNU long-name
// records have been applied).
struct TarEntry final
{
    enum class Type { File, Directory, Symlink, HardLink, Device, Fifo, Other };

    QString name;       // as stored: relative, '/'-separated; not yet checked for safety
    Type type = Type::File;
    char typeFlag = '0';
    qint64 size = 0;    // bytes of data that follow the header (0 for links and devices)
    qint64 mtime = 0;   // seconds since the epoch
    QString linkName;   // symlink or hard-link target
};

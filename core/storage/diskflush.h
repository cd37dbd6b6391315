#pragma once

#include "common/result.h"

#include <QString>

class QFileDevice;

// Makes written data and renames durable: a file's bytes reach the disk with fsync, and a
// rename survives a power cut only once its folder is flushed too.
class DiskFlush final
{
public:
    DiskFlush() = delete;

    static Status file(QFileDevice &file);
    static Status file(const QString &path);
    static Status directory(const QString &path);
    // rename(2): atomic, and replaces an existing file at to.
    static Status rename(const QString &from, const QString &to);
};

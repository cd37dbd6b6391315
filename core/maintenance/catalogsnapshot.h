#pragma once

#include "common/result.h"

#include <QString>

// A consistent copy of a catalog that may be in use: SQLite's VACUUM INTO on a connection
// of our own reads one snapshot (a read transaction, which WAL mode never blocks) and
// writes it to a new, compact database file. Writers carry on meanwhile; the copy shows
// the catalog as it was at one instant, never half a transaction.
class CatalogSnapshot final
{
public:
    CatalogSnapshot() = delete;

    // snapshotPath must not exist yet.
    static Status write(const QString &catalogPath, const QString &snapshotPath);
    // Removes a snapshot together with SQLite's -wal and -shm files beside it.
    static void remove(const QString &snapshotPath);
};

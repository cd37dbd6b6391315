#pragma once

#include <QString>

// The store's files as measured on disk (not as the catalog records them).
struct StoreUsage final
{
    int originalFiles = 0;
    qint64 originalBytes = 0;
    int renditionFiles = 0;
    qint64 renditionBytes = 0;
    int temporaryFiles = 0;
    qint64 temporaryBytes = 0;

    static StoreUsage measure(const QString &storeRoot);
};

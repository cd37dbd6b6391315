#pragma once

#include "measurement.h"

#include <QStringList>

// The same transfers made by the curl command line: one curl process, --parallel with at
// most `parallel` connections, each transfer's status, time and size from --write-out.
class CurlLoad final
{
public:
    struct Transfer
    {
        QString url;
        QString uploadFile; // PUT this file; empty: GET
        QStringList headers;
        qint64 expectedBytes = -1; // a GET's body size, checked when >= 0
    };

    // configPath: where curl's -K file is written (one block per transfer).
    static Measurement run(const QList<Transfer> &transfers, int parallel, const QString &configPath);
};

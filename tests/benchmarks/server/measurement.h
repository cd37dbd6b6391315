#pragma once

#include <QList>
#include <QString>

// What one phase of the benchmark measured against one server with one client: every
// request's latency and bytes, and the wall-clock time of the whole phase.
struct Measurement
{
    QString server; // "vitrine-server", "nginx"
    QString phase;  // "upload", "first thumbnail", "thumbnails"
    QString client; // "httplib", "curl"
    int clients = 0;
    int requests = 0;
    int failures = 0;
    QString firstFailure;
    double seconds = 0;
    qint64 bytes = 0; // request bodies for uploads, response bodies for reads
    QList<double> latenciesMs;
    qint64 serverPeakKb = 0; // the server's VmHWM at the end of the phase

    double requestsPerSecond() const;
    double megabytesPerSecond() const; // MB = 10^6 bytes
    // Nearest-rank percentile of the latencies (p in 0..100).
    double latencyPercentileMs(double p) const;
    void recordFailure(const QString &why);
};

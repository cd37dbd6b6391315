// ServerBenchmark: the table and the targets.
#include "serverbenchmark.h"

#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const char *verdict(bool met)
{
    return met ? "met" : "MISSED";
}

} // namespace

const Measurement *ServerBenchmark::find(const QString &server, const QString &phase, const QString &client) const
{
    for (const Measurement &measurement : m_measurements)
        if (measurement.server == server && measurement.phase == phase && measurement.client == client)
            return &measurement;
    return nullptr;
}

void ServerBenchmark::printReport() const
{
    const double count = double(m_photos.photos().size());
    std::printf("\nvitrine-server against nginx on loopback, %d cores, load average %s at the start, %s at the end\n",
                QThread::idealThreadCount(), qPrintable(m_loadBefore), qPrintable(m_loadAfter));
    std::printf("%d photos made from %d real JPEGs: mean %.2f MB, %.2f–%.2f MB, %.0f MB in all; %d thumbnail reads "
                "(\"%s\")\n\n",
                int(count), m_photos.sourceCount(), double(m_photos.totalBytes()) / 1e6 / count,
                double(m_photos.smallest()) / 1e6, double(m_photos.largest()) / 1e6,
                double(m_photos.totalBytes()) / 1e6, m_settings.thumbnails, qPrintable(m_settings.size));
    std::printf("| server | phase | client | concurrency | requests | failed | requests/s | MB/s | p50 ms | p99 ms "
                "| max ms | server VmHWM MB |\n");
    std::printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (const Measurement &m : m_measurements)
        std::printf("| %s | %s | %s | %d | %d | %d | %.1f | %.2f | %.2f | %.2f | %.1f | %.0f |\n", qPrintable(m.server),
                    qPrintable(m.phase), qPrintable(m.client), m.clients, m.requests, m.failures,
                    m.requestsPerSecond(), m.megabytesPerSecond(), m.latencyPercentileMs(50),
                    m.latencyPercentileMs(99), m.latencyPercentileMs(100),
                    double(m.serverPeakKb) / 1024);
    std::printf("\nPeak memory (VmHWM, MB = 2^20 bytes): vitrine-server %.1f MB, its %d imaging worker processes "
                "%.1f MB together (the second server, used for the curl uploads: %.1f MB); nginx %.1f MB over %d "
                "processes\n",
                double(m_vitrinePeakKb) / 1024, m_vitrineWorkers, double(m_vitrineWorkersPeakKb) / 1024,
                double(m_vitrineCurlRunPeakKb) / 1024, double(m_nginxPeakKb) / 1024, m_nginxProcesses);
    printTargets();
}

void ServerBenchmark::printTargets() const
{
    std::printf("\nTargets (issue 4):\n");
    for (const QString &client : {u"httplib"_s, u"curl"_s}) {
        const Measurement *vitrine = find(u"vitrine-server"_s, u"upload"_s, client);
        const Measurement *nginx = find(u"nginx"_s, u"upload"_s, client);
        if (vitrine && nginx && nginx->megabytesPerSecond() > 0) {
            const double ratio = 100 * vitrine->megabytesPerSecond() / nginx->megabytesPerSecond();
            std::printf("  upload throughput >= 70 %% of nginx's (%s): %.0f %% (%.1f vs %.1f MB/s): %s\n",
                        qPrintable(client), ratio, vitrine->megabytesPerSecond(), nginx->megabytesPerSecond(),
                        verdict(ratio >= 70));
        }
    }
    for (const QString &client : {u"httplib"_s, u"curl"_s}) {
        if (const Measurement *thumbnails = find(u"vitrine-server"_s, u"thumbnails"_s, client)) {
            const double p99 = thumbnails->latencyPercentileMs(99);
            std::printf("  thumbnail p99 < 20 ms (%s, %d readers): %.2f ms: %s\n", qPrintable(client),
                        thumbnails->clients, p99, verdict(p99 < 20));
        }
    }
    const double megabytes = double(m_vitrinePeakKb) / 1024;
    std::printf("  server memory < 200 MB: %.1f MB: %s (with its imaging workers %.1f MB)\n", megabytes,
                verdict(megabytes < 200), megabytes + double(m_vitrineWorkersPeakKb) / 1024);
}

#pragma once

#include "measurement.h"
#include "photoset.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <string>

class NginxProcess;
class VitrineProcess;

// vitrine-server against Debian's nginx on loopback, in one run: uploading photographs,
// then reading thumbnails, each with the in-process client and with curl (issue 4,
// "Benchmark"). Prints a table and the targets.
class ServerBenchmark final
{
public:
    struct Settings
    {
        QString sourcePhotos; // real JPEGs (tests/benchmarks/fetch-photos.sh)
        QString workDir;      // generated photos (kept) and this run's servers (removed)
        QString binDir;       // vitrine-server
        QString nginx;
        int photos = 1000;
        int thumbnails = 10000;
        int uploaders = 4;
        int readers = 16;
        qint64 minPhotoBytes = 1000000;
        QString size = QStringLiteral("small");
        bool keep = false;
    };

    explicit ServerBenchmark(Settings settings);
    ~ServerBenchmark();
    Q_DISABLE_COPY_MOVE(ServerBenchmark)

    bool run();
    QString errorString() const { return m_error; }
    void printReport() const;

private:
    bool prepare();
    bool startServers();
    void uploadWithHttplib();
    bool uploadWithCurl();
    void readFirstThumbnails();
    bool everyThumbnailMade();
    void readThumbnails();
    void recordMemory();
    QList<int> readingOrder() const;
    void add(Measurement measurement, const QString &server, const QString &phase, qint64 serverPid);
    void printTargets() const;
    const Measurement *find(const QString &server, const QString &phase, const QString &client) const;

    Settings m_settings;
    QString m_runDir;
    PhotoSet m_photos;
    std::unique_ptr<NginxProcess> m_nginx;
    std::unique_ptr<VitrineProcess> m_vitrine;
    QHash<QString, qint64> m_thumbnailBytes; // sha256 → the rendition's size
    QList<Measurement> m_measurements;
    qint64 m_vitrinePeakKb = 0;
    qint64 m_vitrineWorkersPeakKb = 0; // the sum over its imaging workers
    int m_vitrineWorkers = 0;
    qint64 m_vitrineCurlRunPeakKb = 0;
    qint64 m_nginxPeakKb = 0;
    int m_nginxProcesses = 0;
    QString m_loadBefore;
    QString m_loadAfter;
    QString m_error;
};

#include "serverbenchmark.h"

#include "curlload.h"
#include "httpload.h"
#include "mappedfile.h"
#include "nginxprocess.h"
#include "processmemory.h"
#include "vitrineprocess.h"

#include <QDir>
#include <QFile>

#include <httplib.h>

#include <cstdio>
#include <mutex>
#include <random>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kVitrine = u"vitrine-server"_s;
const QString kNginx = u"nginx"_s;
const QString kPassword = u"serverbenchmark-admin-password"_s;

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 2) : QString();
}

// Every phase starts with no dirty pages left by the one before (vitrine-server fsyncs,
// nginx does not: neither should pay for the other's writes).
void settleDisk(const PhotoSet &photos)
{
    ::sync();
    photos.warmPageCache();
}

HttpLoad::Outcome outcomeOf(const httplib::Result &result, const std::string &request, int wanted, qint64 bytes)
{
    if (!result)
        return {false, 0,
                u"%1: %2"_s.arg(QString::fromStdString(request), QString::fromStdString(to_string(result.error())))};
    if (result->status != wanted)
        return {false, bytes,
                u"%1 answered %2, not %3"_s.arg(QString::fromStdString(request)).arg(result->status).arg(wanted)};
    return {true, bytes, {}};
}

std::string vitrineBlob(const QString &sha256)
{
    return "/api/v1/workspaces/main/blobs/" + sha256.toStdString();
}

std::string vitrineRendition(const QString &sha256, const QString &size)
{
    return "/api/v1/workspaces/main/renditions/" + sha256.toStdString() + "/" + size.toStdString();
}

std::string nginxThumbnail(const QString &sha256)
{
    return "/thumbs/" + sha256.toStdString() + ".jpg";
}

} // namespace

ServerBenchmark::ServerBenchmark(Settings settings) : m_settings(std::move(settings))
{
    m_runDir = m_settings.workDir + u"/run"_s;
}

ServerBenchmark::~ServerBenchmark()
{
    m_vitrine.reset();
    m_nginx.reset();
    if (!m_settings.keep)
        QDir(m_runDir).removeRecursively();
}

// serverPid: read the server's peak memory so far, to see which phase raises it (VmHWM
// only grows); nginx's is the sum over its master and workers.
void ServerBenchmark::add(Measurement measurement, const QString &server, const QString &phase, qint64 serverPid)
{
    measurement.server = server;
    measurement.phase = phase;
    measurement.serverPeakKb =
        server == kNginx ? ProcessMemory::treePeakKilobytes(serverPid) : ProcessMemory::peakKilobytes(serverPid);
    std::fprintf(stderr, "serverbenchmark: %s %s (%s): %.1f s, %d failures%s%s\n", qPrintable(server),
                 qPrintable(phase), qPrintable(measurement.client), measurement.seconds, measurement.failures,
                 measurement.failures ? ", first: " : "", qPrintable(measurement.firstFailure));
    m_measurements.append(measurement);
}

bool ServerBenchmark::prepare()
{
    m_loadBefore = loadAverage();
    const QString photoDir =
        m_settings.workDir + u"/photos-%1-min%2"_s.arg(m_settings.photos).arg(m_settings.minPhotoBytes);
    std::fprintf(stderr, "serverbenchmark: %d photos in %s\n", m_settings.photos, qPrintable(photoDir));
    if (!m_photos.make(m_settings.sourcePhotos, photoDir, m_settings.photos, m_settings.minPhotoBytes)) {
        m_error = m_photos.errorString();
        return false;
    }
    QDir(m_runDir).removeRecursively();
    if (!QDir().mkpath(m_runDir)) {
        m_error = u"cannot create %1"_s.arg(m_runDir);
        return false;
    }
    return true;
}

bool ServerBenchmark::startServers()
{
    m_nginx = std::make_unique<NginxProcess>(m_settings.nginx, m_runDir + u"/nginx"_s);
    if (!m_nginx->start()) {
        m_error = m_nginx->errorString();
        return false;
    }
    m_vitrine = std::make_unique<VitrineProcess>(m_settings.binDir + u"/vitrine-server"_s,
                                                 m_runDir + u"/vitrine/data"_s, m_runDir + u"/vitrine/server"_s);
    if (!QDir().mkpath(m_runDir + u"/vitrine/data"_s) || !m_vitrine->start(kPassword)) {
        m_error = m_vitrine->errorString();
        return false;
    }
    return true;
}

bool ServerBenchmark::run()
{
    if (!prepare() || !startServers())
        return false;
    uploadWithHttplib();
    if (!uploadWithCurl())
        return false;
    readFirstThumbnails();
    if (!everyThumbnailMade())
        return false;
    readThumbnails();
    recordMemory();
    m_vitrine->stop();
    m_nginx->stop();
    m_loadAfter = loadAverage();
    return true;
}

void ServerBenchmark::uploadWithHttplib()
{
    const QList<PhotoSet::Photo> &photos = m_photos.photos();
    const httplib::Headers authorized{{"Authorization", "Bearer " + m_vitrine->token()}};
    settleDisk(m_photos);
    add(HttpLoad::run(m_vitrine->port(), m_settings.uploaders, int(photos.size()),
                      [&](httplib::Client &client, int i) {
                          const MappedFile file(photos.at(i).path);
                          const std::string path = vitrineBlob(photos.at(i).sha256);
                          return outcomeOf(
                              client.Put(path, authorized, file.data(), file.size(), "application/octet-stream"),
                              "PUT " + path, 201, qint64(file.size()));
                      }),
        kVitrine, u"upload"_s, m_vitrine->pid());
    settleDisk(m_photos);
    add(HttpLoad::run(m_nginx->port(), m_settings.uploaders, int(photos.size()),
                      [&](httplib::Client &client, int i) {
                          const MappedFile file(photos.at(i).path);
                          const std::string path = "/upload/httplib/" + photos.at(i).sha256.toStdString() + ".jpg";
                          return outcomeOf(client.Put(path, file.data(), file.size(), "application/octet-stream"),
                                           "PUT " + path, 201, qint64(file.size()));
                      }),
        kNginx, u"upload"_s, m_nginx->pid());
}

// curl uploads to a second, fresh vitrine-server (the first already holds every photo and
// would answer at once) and to a fresh folder of nginx.
bool ServerBenchmark::uploadWithCurl()
{
    VitrineProcess fresh(m_settings.binDir + u"/vitrine-server"_s, m_runDir + u"/vitrine-curl/data"_s,
                         m_runDir + u"/vitrine-curl/server"_s);
    if (!QDir().mkpath(m_runDir + u"/vitrine-curl/data"_s) || !fresh.start(kPassword)) {
        m_error = fresh.errorString();
        return false;
    }
    QList<CurlLoad::Transfer> toVitrine, toNginx;
    const QStringList headers{u"Authorization: Bearer %1"_s.arg(QString::fromStdString(fresh.token())),
                              u"Content-Type: application/octet-stream"_s};
    for (const PhotoSet::Photo &photo : m_photos.photos()) {
        const QString blob = QString::fromStdString(vitrineBlob(photo.sha256));
        toVitrine.append({u"http://127.0.0.1:%1%2"_s.arg(fresh.port()).arg(blob), photo.path, headers});
        toNginx.append({u"http://127.0.0.1:%1/upload/curl/%2.jpg"_s.arg(m_nginx->port()).arg(photo.sha256), photo.path,
                        {u"Content-Type: application/octet-stream"_s}});
    }
    settleDisk(m_photos);
    add(CurlLoad::run(toVitrine, m_settings.uploaders, m_runDir + u"/curl-upload-vitrine.conf"_s), kVitrine,
        u"upload"_s, fresh.pid());
    m_vitrineCurlRunPeakKb = ProcessMemory::peakKilobytes(fresh.pid());
    fresh.stop();
    settleDisk(m_photos);
    add(CurlLoad::run(toNginx, m_settings.uploaders, m_runDir + u"/curl-upload-nginx.conf"_s), kNginx, u"upload"_s,
        m_nginx->pid());
    return true;
}

// The first request for each thumbnail makes it (core/imaging, in the server's imaging
// worker); its bytes are kept for nginx to serve as static files.
void ServerBenchmark::readFirstThumbnails()
{
    const QList<PhotoSet::Photo> &photos = m_photos.photos();
    const httplib::Headers authorized{{"Authorization", "Bearer " + m_vitrine->token()}};
    QHash<QString, std::string> bodies;
    std::mutex keep;
    ::sync();
    add(HttpLoad::run(m_vitrine->port(), m_settings.readers, int(photos.size()),
                      [&](httplib::Client &client, int i) {
                          const std::string path = vitrineRendition(photos.at(i).sha256, m_settings.size);
                          const httplib::Result result = client.Get(path, authorized);
                          const qint64 bytes = result ? qint64(result->body.size()) : 0;
                          if (result && result->status == 200) {
                              const std::lock_guard locked(keep);
                              bodies.insert(photos.at(i).sha256, result->body);
                          }
                          return outcomeOf(result, "GET " + path, 200, bytes);
                      }),
        kVitrine, u"first thumbnail"_s, m_vitrine->pid());
    for (auto it = bodies.cbegin(); it != bodies.cend(); ++it)
        m_thumbnailBytes.insert(it.key(), qint64(it.value().size()));
    const QString dir = m_nginx->root() + u"/thumbs"_s;
    QDir().mkpath(dir);
    for (auto it = bodies.cbegin(); it != bodies.cend(); ++it) {
        QFile file(dir + u'/' + it.key() + u".jpg"_s);
        if (file.open(QIODevice::WriteOnly))
            file.write(it.value().data(), qint64(it.value().size()));
    }
}

bool ServerBenchmark::everyThumbnailMade()
{
    if (m_thumbnailBytes.size() == m_photos.photos().size())
        return true;
    m_error = u"only %1 of %2 thumbnails could be made; nothing to compare"_s.arg(m_thumbnailBytes.size())
                  .arg(m_photos.photos().size());
    return false;
}

// The same pseudo-random sequence of photos for every server and client.
QList<int> ServerBenchmark::readingOrder() const
{
    std::mt19937 random(4);
    std::uniform_int_distribution<int> pick(0, int(m_photos.photos().size()) - 1);
    QList<int> order;
    for (int i = 0; i < m_settings.thumbnails; ++i)
        order.append(pick(random));
    return order;
}

void ServerBenchmark::readThumbnails()
{
    const QList<PhotoSet::Photo> &photos = m_photos.photos();
    const QList<int> order = readingOrder();
    const httplib::Headers authorized{{"Authorization", "Bearer " + m_vitrine->token()}};
    const auto check = [&](const httplib::Result &result, const std::string &request, const QString &sha256) {
        const qint64 bytes = result ? qint64(result->body.size()) : 0;
        HttpLoad::Outcome outcome = outcomeOf(result, request, 200, bytes);
        if (outcome.ok && bytes != m_thumbnailBytes.value(sha256))
            outcome = {false, bytes, u"%1 sent %2 bytes, not %3"_s.arg(QString::fromStdString(request)).arg(bytes)
                                         .arg(m_thumbnailBytes.value(sha256))};
        return outcome;
    };
    ::sync();
    add(HttpLoad::run(m_vitrine->port(), m_settings.readers, int(order.size()),
                      [&](httplib::Client &client, int i) {
                          const QString &sha256 = photos.at(order.at(i)).sha256;
                          const std::string path = vitrineRendition(sha256, m_settings.size);
                          return check(client.Get(path, authorized), "GET " + path, sha256);
                      }),
        kVitrine, u"thumbnails"_s, m_vitrine->pid());
    add(HttpLoad::run(m_nginx->port(), m_settings.readers, int(order.size()),
                      [&](httplib::Client &client, int i) {
                          const QString &sha256 = photos.at(order.at(i)).sha256;
                          const std::string path = nginxThumbnail(sha256);
                          return check(client.Get(path), "GET " + path, sha256);
                      }),
        kNginx, u"thumbnails"_s, m_nginx->pid());
    QList<CurlLoad::Transfer> fromVitrine, fromNginx;
    const QStringList headers{u"Authorization: Bearer %1"_s.arg(QString::fromStdString(m_vitrine->token()))};
    for (int index : order) {
        const QString &sha256 = photos.at(index).sha256;
        const qint64 bytes = m_thumbnailBytes.value(sha256);
        fromVitrine.append({u"http://127.0.0.1:%1%2"_s.arg(m_vitrine->port())
                                .arg(QString::fromStdString(vitrineRendition(sha256, m_settings.size))),
                            {}, headers, bytes});
        const QString file = QString::fromStdString(nginxThumbnail(sha256));
        fromNginx.append({u"http://127.0.0.1:%1%2"_s.arg(m_nginx->port()).arg(file), {}, {}, bytes});
    }
    add(CurlLoad::run(fromVitrine, m_settings.readers, m_runDir + u"/curl-thumbnails-vitrine.conf"_s), kVitrine,
        u"thumbnails"_s, m_vitrine->pid());
    add(CurlLoad::run(fromNginx, m_settings.readers, m_runDir + u"/curl-thumbnails-nginx.conf"_s), kNginx,
        u"thumbnails"_s, m_nginx->pid());
}

// Read while the processes still run: VmHWM goes with them.
void ServerBenchmark::recordMemory()
{
    m_vitrinePeakKb = ProcessMemory::peakKilobytes(m_vitrine->pid());
    const QList<qint64> workers = ProcessMemory::children(m_vitrine->pid());
    m_vitrineWorkers = int(workers.size());
    for (qint64 worker : workers) // one imaging worker per request thread that needed one
        m_vitrineWorkersPeakKb += ProcessMemory::peakKilobytes(worker);
    m_nginxPeakKb = ProcessMemory::treePeakKilobytes(m_nginx->pid());
    m_nginxProcesses = 1 + int(ProcessMemory::children(m_nginx->pid()).size());
}

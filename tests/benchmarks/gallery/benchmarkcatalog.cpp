#include "benchmarkcatalog.h"

#include "catalog/catalog.h"
#include "renditionpool.h"
#include "storage/contenthash.h"
#include "storage/filestore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Bump when the generated content changes, so older workspaces are made again.
constexpr int kPlanVersion = 1;
constexpr int kMaxAgeDays = 5;

void say(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

QString seconds(const QElapsedTimer &timer)
{
    return QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) + u" s"_s;
}

// A hard link saves the disk a copy per image; a symlink where the file system refuses
// (another device, or more links than an inode takes).
Status linkFile(const QString &target, const QString &link)
{
    const QByteArray from = QFile::encodeName(target);
    const QByteArray to = QFile::encodeName(link);
    if (::link(from.constData(), to.constData()) == 0 || errno == EEXIST)
        return {};
    if ((errno == EXDEV || errno == EMLINK || errno == EPERM) && ::symlink(from.constData(), to.constData()) == 0)
        return {};
    return Status::failure(link + u": cannot link to "_s + target + u" (" + QString::fromLocal8Bit(std::strerror(errno)) + u')');
}

Status makeShards(const QString &directory)
{
    for (int shard = 0; shard < 256; ++shard) {
        const QString path = directory + u'/' + u"%1"_s.arg(shard, 2, 16, QLatin1Char('0'));
        if (!QDir().mkpath(path))
            return Status::failure(path + u": cannot create the folder"_s);
    }
    return {};
}

} // namespace

BenchmarkCatalog::BenchmarkCatalog(QString dataDir, int images, int entities)
    : m_dataDir(QDir(dataDir).absolutePath())
    , m_plan(images, entities, QDateTime::currentDateTimeUtc())
    , m_connectionName(u"benchmark-generator"_s)
{
}

BenchmarkCatalog::~BenchmarkCatalog()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = {};
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString BenchmarkCatalog::workspaceName() const
{
    return u"gallery-%1-%2"_s.arg(m_plan.imageCount()).arg(m_plan.entityCount());
}

QString BenchmarkCatalog::workspaceDirectory() const
{
    return Workspace::workspacesDir(m_dataDir) + u'/' + workspaceName();
}

QString BenchmarkCatalog::catalogPath() const
{
    return workspaceDirectory() + u"/catalog.sqlite"_s;
}

QString BenchmarkCatalog::markerValue() const
{
    return u"images=%1 entities=%2 plan=%3"_s.arg(m_plan.imageCount()).arg(m_plan.entityCount()).arg(kPlanVersion);
}

bool BenchmarkCatalog::isComplete() const
{
    if (!QFileInfo::exists(catalogPath()))
        return false;
    const QString name = u"benchmark-marker"_s;
    QString marker;
    QDateTime created;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(catalogPath());
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        QSqlQuery query(db);
        if (db.open() && query.exec(u"SELECT (SELECT value FROM meta WHERE key = 'benchmark_catalog'), "
                                    "(SELECT value FROM meta WHERE key = 'created_at')"_s)
            && query.next()) {
            marker = query.value(0).toString();
            created = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        }
    }
    QSqlDatabase::removeDatabase(name);
    // Import times are relative to the generation: after a week "Recently imported" would
    // be empty and the figures no longer comparable.
    if (marker == markerValue() && created.isValid() && created.daysTo(QDateTime::currentDateTimeUtc()) >= kMaxAgeDays)
        say(u"the benchmark workspace is older than %1 days: making it again"_s.arg(kMaxAgeDays));
    return marker == markerValue() && created.isValid()
           && created.daysTo(QDateTime::currentDateTimeUtc()) < kMaxAgeDays;
}

Status BenchmarkCatalog::generate()
{
    QElapsedTimer total;
    total.start();
    if (QDir directory(workspaceDirectory()); directory.exists()) {
        say(u"removing the unfinished or outdated workspace "_s + directory.path());
        if (!directory.removeRecursively())
            return Status::failure(directory.path() + u": cannot remove"_s);
    }
    Result<Workspace> workspace = Workspace::create(m_dataDir, workspaceName());
    if (!workspace)
        return Status::failure(workspace.error());
    const FileStore store(workspace->storeDirectory());
    if (Status status = makeShards(store.root() + u"/originals"_s); !status)
        return status;
    if (Status status = makeShards(store.root() + u"/renditions"_s); !status)
        return status;

    QElapsedTimer step;
    step.start();
    RenditionPool pool(m_dataDir + u"/pool/"_s + workspaceName());
    if (Status status = pool.build(); !status)
        return status;
    say(u"  distinct image files drawn and written: "_s + seconds(step));

    if (Status status = openConnection(); !status)
        return status;
    for (const auto &[what, run] : std::initializer_list<std::pair<QString, std::function<Status()>>>{
             {u"entities"_s, [this] { return writeEntities(); }},
             {u"images, renditions, tags, links and files"_s, [&] { return writeImages(pool, store); }},
             {u"pinned primaries"_s, [this] { return pinSomePrimaries(); }},
             {u"search index"_s, [this] { return writeSearchIndex(); }},
             {u"checkpoint and marker"_s, [this] { return finish(); }}}) {
        step.restart();
        if (Status status = run(); !status)
            return Status::failure(what + u": "_s + status.error());
        say(u"  "_s + what + u": "_s + seconds(step));
    }
    say(u"generated %1 images over %2 entities in %3"_s.arg(m_plan.imageCount())
            .arg(m_plan.entityCount())
            .arg(seconds(total)));
    return {};
}

Status BenchmarkCatalog::linkFiles(const BenchmarkPlan::PlannedImage &image, const RenditionPool &pool,
                                   const FileStore &store)
{
    for (int spec = 0; spec < pool.specs().size(); ++spec) {
        const RenditionPool::File &file = pool.rendition(image.shape, image.variant, spec);
        if (Status status = linkFile(file.path, store.renditionPath(image.sha256, pool.specs().at(spec).name, file.sha256));
            !status)
            return status;
    }
    return linkFile(pool.original(image.shape, image.original).path, store.originalPath(image.sha256, image.format));
}

Status BenchmarkCatalog::verify()
{
    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<Catalog>> opened = Catalog::open(catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!opened)
        return Status::failure(opened.error());
    Catalog &catalog = *opened.value();
    if (Status status = catalog.checkIntegrity(); !status)
        return status;
    QSqlQuery query(QSqlDatabase::database(catalog.connectionName()));
    const QString invariants =
        uR"(SELECT (SELECT count(*) FROM images), (SELECT count(*) FROM renditions), (SELECT count(*) FROM image_search),
            (SELECT count(*) FROM (SELECT entity_id FROM links GROUP BY entity_id HAVING sum(is_primary) <> 1)),
            (SELECT count(*) FROM (SELECT entity_id FROM links GROUP BY entity_id HAVING count(DISTINCT sort_order) <> count(*))))"_s;
    if (!query.exec(invariants) || !query.next())
        return Status::failure(catalogPath() + u": "_s + query.lastError().text());
    const int images = m_plan.imageCount();
    if (query.value(0).toInt() != images || query.value(1).toInt() != 4 * images || query.value(2).toInt() != images)
        return Status::failure(u"expected %1 images, renditions and search rows, found %2, %3, %4"_s.arg(images)
                                   .arg(query.value(0).toInt())
                                   .arg(query.value(1).toInt())
                                   .arg(query.value(2).toInt()));
    if (query.value(3).toInt() != 0 || query.value(4).toInt() != 0)
        return Status::failure(u"%1 entities without exactly one primary, %2 with repeated sort orders"_s
                                   .arg(query.value(3).toInt())
                                   .arg(query.value(4).toInt()));
    query.finish();

    // Through the Catalog's own reads, as the app sees it.
    const qint64 largest = m_plan.largestEntity() + 1;
    const QList<ImageRecord> ofLargest = catalog.imagesOfEntity(largest);
    const std::optional<ImageRecord> primary = catalog.primaryImage(largest);
    if (ofLargest.isEmpty() || !primary || primary->id != ofLargest.first().id)
        return Status::failure(u"entity %1: %2 images, primary %3"_s.arg(largest).arg(ofLargest.size())
                                   .arg(primary ? primary->id : 0));
    const FileStore store(workspaceDirectory() + u"/files"_s);
    for (const RenditionRecord &rendition : ofLargest.first().renditions) {
        const QString path = store.renditionPath(ofLargest.first().sha256, rendition.name, rendition.sha256);
        if (Result<QString> sha = ContentHash::ofFile(path); !sha || sha.value() != rendition.sha256)
            return Status::failure(path + u": missing or not the recorded bytes"_s);
    }
    for (const QString &word : {u"Eiche"_s, u"Xylophon"_s}) {
        Result<QList<ImageRecord>> found = catalog.search(word, 5);
        if (!found || found->isEmpty() != (word == u"Xylophon"))
            return Status::failure(u"search for \"%1\": %2"_s.arg(word, found ? u"unexpected hits"_s : found.error()));
    }
    say(u"verified (integrity, invariants, reads, files) in "_s + seconds(timer));
    return {};
}

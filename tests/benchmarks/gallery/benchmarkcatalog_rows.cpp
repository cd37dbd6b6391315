// BenchmarkCatalog: the rows, written with plain SQL in a few big transactions (100,000
// Catalog::recordImport calls would take many minutes).
#include "benchmarkcatalog.h"

#include "catalog/catalogrows.h"
#include "catalog/catalogschema.h"
#include "renditionpool.h"
#include "storage/filestore.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

constexpr int kImagesPerTransaction = 25000;

Status run(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return Status::failure(sql.left(60) + u": "_s + query.lastError().text());
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec())
        return Status::failure(sql.left(60) + u": "_s + query.lastError().text());
    return {};
}

// A prepared statement run once per row.
class Statement final
{
public:
    Statement(QSqlDatabase &db, const QString &sql)
        : m_query(db)
        , m_sql(sql)
    {
        m_prepared = m_query.prepare(sql);
    }
    Q_DISABLE_COPY_MOVE(Statement)

    Status exec(std::initializer_list<QVariant> binds)
    {
        int i = 0;
        for (const QVariant &value : binds)
            m_query.bindValue(i++, value);
        if (!m_prepared || !m_query.exec())
            return Status::failure(m_sql.left(60) + u": "_s + m_query.lastError().text());
        return {};
    }

private:
    QSqlQuery m_query;
    QString m_sql;
    bool m_prepared = false;
};

QVariant nullable(const QString &text)
{
    return text.isNull() ? QVariant() : QVariant(text);
}

// Runs body between BEGIN and COMMIT, rolling back when it fails.
Status transaction(QSqlDatabase &db, const std::function<Status()> &body)
{
    if (Status status = run(db, u"BEGIN"_s); !status)
        return status;
    Status status = body();
    if (status)
        status = run(db, u"COMMIT"_s);
    if (!status)
        (void)run(db, u"ROLLBACK"_s);
    return status;
}

} // namespace

Status BenchmarkCatalog::openConnection()
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(catalogPath());
    if (!m_db.open())
        return Status::failure(catalogPath() + u": "_s + m_db.lastError().text());
    // A crash only costs a new generation (the marker is written last): no journal, no syncs.
    for (const QString &pragma : {u"PRAGMA journal_mode = OFF"_s, u"PRAGMA synchronous = OFF"_s,
                                  u"PRAGMA cache_size = -65536"_s}) {
        QSqlQuery query(m_db);
        if (!query.exec(pragma))
            return Status::failure(catalogPath() + u": "_s + query.lastError().text());
    }
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'workspace_id'"_s) || !query.next())
        return Status::failure(catalogPath() + u": no workspace id"_s);
    m_workspaceId = QUuid::fromString(query.value(0).toString());
    return {};
}

Status BenchmarkCatalog::writeEntities()
{
    const QString created = CatalogRows::timestamp(QDateTime::currentDateTimeUtc().addDays(-1100));
    return transaction(m_db, [&]() -> Status {
        Statement insert(m_db, u"INSERT INTO entities(id, kind, key, name, parent_id, base_key, created_at, "
                               "modified_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"_s);
        for (int number = 0; number < m_plan.entityCount(); ++number) {
            const BenchmarkPlan::PlannedEntity entity = m_plan.entity(number);
            if (Status status = insert.exec({number + 1, entityKindName(entity.kind), entity.key, entity.name,
                                             entity.parent < 0 ? QVariant() : QVariant(entity.parent + 1),
                                             entity.baseKey.isNull() ? u""_s : entity.baseKey, created, created});
                !status)
                return status;
        }
        return Status();
    });
}

Status BenchmarkCatalog::writeImages(const RenditionPool &pool, const FileStore &store)
{
    m_nextSortOrder = QList<int>(m_plan.entityCount(), 0);
    for (int first = 0; first < m_plan.imageCount(); first += kImagesPerTransaction) {
        const int end = std::min(first + kImagesPerTransaction, m_plan.imageCount());
        if (Status status = transaction(m_db, [&] { return writeImageBatch(first, end, pool, store); }); !status)
            return status;
    }
    return {};
}

Status BenchmarkCatalog::writeImageBatch(int first, int end, const RenditionPool &pool, const FileStore &store)
{
    Statement image(m_db, u"INSERT INTO images(id, uid, sha256, format, width, height, bytes, original_name, "
                          "captured_at, gps_lat, gps_lon, camera_make, camera_model, caption, alt_text, description, "
                          "image_type, front, created_at, modified_at, revision) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"_s);
    Statement rendition(m_db, u"INSERT INTO renditions(image_id, name, width, height, bytes, sha256) "
                              "VALUES (?, ?, ?, ?, ?, ?)"_s);
    Statement tag(m_db, u"INSERT INTO tags(id, name, folded) VALUES (?, ?, ?)"_s);
    Statement imageTag(m_db, u"INSERT INTO image_tags(image_id, tag_id) VALUES (?, ?)"_s);
    // The first by order is the primary, as Catalog::settlePrimary makes it.
    Statement link(m_db, u"INSERT INTO links(image_id, entity_id, sort_order, is_primary, linked_at) "
                         "VALUES (?, ?, ?, ?, ?)"_s);
    for (int number = first; number < end; ++number) {
        const BenchmarkPlan::PlannedImage planned = m_plan.image(number);
        const qint64 id = number + 1;
        const RenditionPool::File &original = pool.original(planned.shape, planned.original);
        const QString uid = QUuid::createUuidV5(m_workspaceId, planned.sha256).toString(QUuid::WithoutBraces);
        Status status = image.exec(
            {id, uid, planned.sha256, planned.format, original.width, original.height, original.bytes,
             planned.originalName, nullable(planned.capturedAt), planned.gps ? QVariant(planned.gps->first) : QVariant(),
             planned.gps ? QVariant(planned.gps->second) : QVariant(), CatalogRows::text(planned.cameraMake),
             CatalogRows::text(planned.cameraModel), planned.caption, planned.altText,
             CatalogRows::text(planned.description), CatalogRows::text(planned.imageType), planned.front ? 1 : 0,
             planned.createdAt, planned.createdAt});
        for (int spec = 0; status && spec < pool.specs().size(); ++spec) {
            const RenditionPool::File &file = pool.rendition(planned.shape, planned.variant, spec);
            status = rendition.exec({id, pool.specs().at(spec).name, file.width, file.height, file.bytes, file.sha256});
        }
        for (const QString &name : planned.tags) {
            if (!status)
                break;
            auto known = m_tagIds.constFind(name);
            if (known == m_tagIds.cend()) {
                known = m_tagIds.insert(name, int(m_tagIds.size()) + 1);
                status = tag.exec({known.value(), name, name.toCaseFolded()});
            }
            if (status)
                status = imageTag.exec({id, known.value()});
        }
        for (int entity : planned.entities) {
            if (!status)
                break;
            const int order = m_nextSortOrder[entity]++;
            status = link.exec({id, entity + 1, order, order == 0 ? 1 : 0, planned.createdAt});
        }
        if (status)
            status = linkFiles(planned, pool, store);
        if (!status)
            return Status::failure(u"image %1: "_s.arg(id) + status.error());
    }
    return {};
}

// One entity in ten has a pinned primary (the third image), as a user's setPrimary leaves it:
// the automatic one demoted first, so the one-primary index holds at every row.
Status BenchmarkCatalog::pinSomePrimaries()
{
    const QString pinnedAt = CatalogRows::now();
    return transaction(m_db, [&]() -> Status {
        const QString pinned = u"entity_id % 10 = 3 AND entity_id IN (SELECT entity_id FROM links WHERE sort_order = 2)"_s;
        if (Status status = run(m_db, u"UPDATE links SET is_primary = 0 WHERE sort_order = 0 AND "_s + pinned); !status)
            return status;
        return run(m_db,
                   u"UPDATE links SET is_primary = 1, primary_pinned = 1, pinned_by = 'benchmark', pinned_at = ? "
                   "WHERE sort_order = 2 AND "_s + pinned,
                   {pinnedAt});
    });
}

// Exactly the rows the catalog computes for each image (CatalogSchema::searchRowSelect()).
Status BenchmarkCatalog::writeSearchIndex()
{
    return transaction(m_db, [&] {
        return run(m_db, u"INSERT INTO image_search(rowid, caption, alt_text, description, tags, entities) "_s
                             + CatalogSchema::searchRowSelect());
    });
}

Status BenchmarkCatalog::finish()
{
    if (Status status = run(m_db, u"PRAGMA journal_mode = WAL"_s); !status)
        return status;
    if (Status status = transaction(m_db, [&] {
            return run(m_db, u"INSERT OR REPLACE INTO meta(key, value) VALUES ('benchmark_catalog', ?)"_s, {markerValue()});
        });
        !status)
        return status;
    m_db.close();
    m_db = {};
    QSqlDatabase::removeDatabase(m_connectionName);
    return {};
}

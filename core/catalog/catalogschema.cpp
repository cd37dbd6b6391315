#include "catalog/catalogschema.h"

#include "catalog/catalogrows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Step 1: the records. Timestamps are ISO 8601 text (UTC, milliseconds), which sorts
// chronologically. Links are owned by the entity's gallery: sort order, primary flag, and
// whether a user pinned the primary. The partial unique index makes a second primary per
// entity impossible whatever writes to the file.
const QStringList kRecords = {
    u"CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID"_s,
    uR"(CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL
            CHECK (kind IN ('customer', 'product', 'job', 'category', 'invoice', 'company')),
        key TEXT NOT NULL CHECK (key <> ''),
        name TEXT NOT NULL DEFAULT '',
        parent_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
        base_key TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        UNIQUE (kind, key)))"_s,
    u"CREATE INDEX entities_by_parent ON entities(parent_id)"_s,
    uR"(CREATE TABLE images (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        format TEXT NOT NULL,
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER NOT NULL DEFAULT 0,
        original_name TEXT NOT NULL DEFAULT '',
        captured_at TEXT,
        gps_lat REAL,
        gps_lon REAL,
        gps_alt REAL,
        camera_make TEXT NOT NULL DEFAULT '',
        camera_model TEXT NOT NULL DEFAULT '',
        exif_orientation INTEGER NOT NULL DEFAULT 1 CHECK (exif_orientation BETWEEN 1 AND 8),
        rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation BETWEEN 0 AND 3),
        caption TEXT NOT NULL DEFAULT '',
        alt_text TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        image_type TEXT NOT NULL DEFAULT '',
        front INTEGER NOT NULL DEFAULT 0 CHECK (front IN (0, 1)),
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1))"_s,
    u"CREATE INDEX images_by_created ON images(created_at)"_s,
    u"CREATE INDEX images_by_type ON images(image_type)"_s,
    uR"(CREATE TABLE renditions (
        image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (name <> ''),
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER NOT NULL DEFAULT 0,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (image_id, name)) WITHOUT ROWID)"_s,
    // A tag is one word whatever its case: "folded" is QString::toCaseFolded() of the name
    // (SQLite's NOCASE folds ASCII only, and tags are often German: "Äpfel" = "äpfel").
    uR"(CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (name <> ''),
        folded TEXT NOT NULL UNIQUE))"_s,
    uR"(CREATE TABLE image_tags (
        image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (image_id, tag_id)) WITHOUT ROWID)"_s,
    u"CREATE INDEX image_tags_by_tag ON image_tags(tag_id)"_s,
    uR"(CREATE TABLE links (
        image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL DEFAULT 0,
        is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
        primary_pinned INTEGER NOT NULL DEFAULT 0 CHECK (primary_pinned IN (0, 1)),
        pinned_by TEXT,
        pinned_at TEXT,
        linked_at TEXT NOT NULL,
        PRIMARY KEY (image_id, entity_id),
        CHECK (primary_pinned = 0 OR is_primary = 1)) WITHOUT ROWID)"_s,
    u"CREATE UNIQUE INDEX links_one_primary ON links(entity_id) WHERE is_primary = 1"_s,
    u"CREATE INDEX links_by_entity ON links(entity_id, sort_order)"_s,
    uR"(CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        operation TEXT NOT NULL,
        subject_uid TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'sending', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT))"_s,
    u"CREATE INDEX outbox_by_state ON outbox(state, next_attempt_at)"_s,
};

// Step 2: full-text search, kept in step with the records from C++ in the same transaction
// as each change (one statement, searchRowSelect(), computes an image's row). Indexes the
// images an older catalog already holds.
QStringList searchStep()
{
    return {
        uR"(CREATE VIRTUAL TABLE image_search USING fts5(
            caption, alt_text, description, tags, entities,
            tokenize = 'unicode61 remove_diacritics 2'))"_s,
        u"INSERT INTO image_search(rowid, caption, alt_text, description, tags, entities) "_s +
            CatalogSchema::searchRowSelect(),
    };
}

// Step 3: what the desktop's galleries need.
// - The trash: a trashed image keeps its rows (and files) until the trash is emptied; its
//   links are removed when it is trashed and remembered here, so restoring puts it back
//   where it was.
// - Indexes that give the gallery's sorts without sorting 100,000 rows (the expressions
//   are exactly those of the ORDER BY clauses in catalog_gallery.cpp).
// - The search index again with one- and two-letter prefix indexes, so a search typed one
//   letter at a time stays fast.
QStringList galleryStep()
{
    return {
        uR"(CREATE TABLE trash (
            image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
            trashed_at TEXT NOT NULL,
            links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links))))"_s,
        u"CREATE INDEX images_by_taken ON images(captured_at IS NULL, captured_at)"_s,
        u"CREATE INDEX images_by_name ON images(original_name COLLATE NOCASE)"_s,
        u"DROP TABLE image_search"_s,
        uR"(CREATE VIRTUAL TABLE image_search USING fts5(
            caption, alt_text, description, tags, entities,
            tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'))"_s,
        u"INSERT INTO image_search(rowid, caption, alt_text, description, tags, entities) "_s +
            CatalogSchema::searchRowSelect(),
    };
}

struct Step
{
    int version;
    QStringList statements;
};

QList<Step> steps()
{
    return {{1, kRecords}, {2, searchStep()}, {3, galleryStep()}};
}

Status run(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return Status::failure(query.lastError().text());
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec())
        return Status::failure(query.lastError().text());
    return {};
}

Status applyStatements(QSqlDatabase &db, const Step &step)
{
    for (const QString &statement : step.statements) {
        if (Status status = run(db, statement); !status)
            return Status::failure(u"schema step %1: %2"_s.arg(step.version).arg(status.error()));
    }
    return run(db, u"PRAGMA user_version = %1"_s.arg(step.version));
}

Status rollbackAfter(QSqlDatabase &db, const Status &status)
{
    (void)run(db, u"ROLLBACK"_s);
    return status;
}

} // namespace

int CatalogSchema::latestVersion()
{
    return steps().last().version;
}

Result<int> CatalogSchema::userVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return Result<int>::failure(query.lastError().text());
    return query.value(0).toInt();
}

Status CatalogSchema::create(QSqlDatabase &db, const QUuid &workspaceId, const QDateTime &createdAt)
{
    if (Status status = run(db, u"BEGIN IMMEDIATE"_s); !status)
        return status;
    for (const Step &step : steps()) {
        if (Status status = applyStatements(db, step); !status)
            return rollbackAfter(db, status);
    }
    const QString insertMeta = u"INSERT INTO meta(key, value) VALUES (?, ?)"_s;
    const QList<std::pair<QString, QString>> meta = {
        {u"workspace_id"_s, workspaceId.toString(QUuid::WithoutBraces)},
        {u"created_at"_s, CatalogRows::timestamp(createdAt)},
        {u"created_by"_s, QString(u"Vitrine "_s + QLatin1StringView(VITRINE_VERSION))},
    };
    for (const auto &[key, value] : meta) {
        if (Status status = run(db, insertMeta, {key, value}); !status)
            return rollbackAfter(db, status);
    }
    if (Status status = run(db, u"COMMIT"_s); !status)
        return rollbackAfter(db, status);
    return {};
}

Status CatalogSchema::migrate(QSqlDatabase &db, int targetVersion)
{
    for (const Step &step : steps()) {
        if (step.version > targetVersion)
            break;
        if (Status status = run(db, u"BEGIN IMMEDIATE"_s); !status)
            return status;
        // Read again inside the write lock: another process may have migrated meanwhile.
        const Result<int> current = userVersion(db);
        if (!current)
            return rollbackAfter(db, Status::failure(current.error()));
        if (current.value() >= step.version) {
            (void)run(db, u"ROLLBACK"_s);
            continue;
        }
        if (Status status = applyStatements(db, step); !status)
            return rollbackAfter(db, status);
        if (Status status = run(db, u"COMMIT"_s); !status)
            return rollbackAfter(db, status);
    }
    return {};
}

QString CatalogSchema::searchRowSelect()
{
    return uR"(SELECT i.id, i.caption, i.alt_text, i.description,
        coalesce((SELECT group_concat(t.name, ' ') FROM image_tags it
                  JOIN tags t ON t.id = it.tag_id WHERE it.image_id = i.id), ''),
        coalesce((SELECT group_concat(e.key || ' ' || e.base_key || ' ' || e.name, ' ') FROM links l
                  JOIN entities e ON e.id = l.entity_id WHERE l.image_id = i.id), '')
        FROM images i )"_s;
}

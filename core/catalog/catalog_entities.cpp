// Catalog: entities (customers, products, jobs, …).
#include "catalog/catalog.h"

#include "catalog/catalogrows.h"

#include <QDebug>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Result<Entity> Catalog::addEntity(EntityKind kind, const QString &key, const QString &name, const QString &parentKey,
                                  const QString &baseKey)
{
    const QString kindName = entityKindName(kind);
    const QString cleanKey = key.trimmed();
    if (kindName.isEmpty())
        return Result<Entity>::failure(failure(u"unknown entity kind"_s));
    if (cleanKey.isEmpty())
        return Result<Entity>::failure(failure(u"a %1 needs a key"_s.arg(kindName)));
    const QString cleanName = name.trimmed().isEmpty() ? cleanKey : name.trimmed();
    const QString label = u"%1 \"%2\""_s.arg(kindName, cleanKey);
    qint64 id = 0;
    const Status status = write([&]() -> Status {
        QVariant parentId;
        if (!parentKey.trimmed().isEmpty()) {
            const std::optional<Entity> parent = entity(kind, parentKey.trimmed());
            if (!parent)
                return Status::failure(
                    failure(u"%1: its parent %2 \"%3\" does not exist"_s.arg(label, kindName, parentKey.trimmed())));
            parentId = parent->id;
        }
        if (entity(kind, cleanKey))
            return Status::failure(failure(label + u" already exists"_s));
        const QString now = CatalogRows::now();
        Result<QSqlQuery> insert =
            exec(u"INSERT INTO entities(kind, key, name, parent_id, base_key, created_at, modified_at, revision) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, 1)"_s,
                 {kindName, cleanKey, cleanName, parentId, CatalogRows::text(baseKey.trimmed()), now, now});
        if (!insert)
            return Status::failure(insert.error());
        id = insert->lastInsertId().toLongLong();
        return enqueue(u"entity.create"_s, u"%1:%2"_s.arg(kindName, cleanKey),
                       {{u"kind"_s, kindName},
                        {u"key"_s, cleanKey},
                        {u"name"_s, cleanName},
                        {u"parentKey"_s, parentKey.trimmed()},
                        {u"baseKey"_s, baseKey.trimmed()}});
    });
    if (!status)
        return Result<Entity>::failure(status.error());
    const std::optional<Entity> added = entityById(id);
    if (!added)
        return Result<Entity>::failure(failure(label + u" was added but cannot be read back"_s));
    return *added;
}

std::optional<Entity> Catalog::entity(EntityKind kind, const QString &key)
{
    const QList<Entity> found =
        loadEntities(u"WHERE e.kind = ? AND e.key = ?"_s, {entityKindName(kind), key.trimmed()});
    return found.isEmpty() ? std::nullopt : std::optional<Entity>(found.first());
}

std::optional<Entity> Catalog::entityById(qint64 id)
{
    const QList<Entity> found = loadEntities(u"WHERE e.id = ?"_s, {id});
    return found.isEmpty() ? std::nullopt : std::optional<Entity>(found.first());
}

QList<Entity> Catalog::entities(std::optional<EntityKind> kind, const QString &filter)
{
    const QVariant kindName = kind ? QVariant(entityKindName(*kind)) : QVariant();
    QString pattern = filter.trimmed();
    pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    pattern = u'%' + pattern + u'%';
    return loadEntities(u"WHERE (? IS NULL OR e.kind = ?) "
                        "AND (e.key LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\') "
                        "ORDER BY e.kind, e.key"_s,
                        {kindName, kindName, pattern, pattern});
}

Status Catalog::renameEntity(qint64 entityId, const QString &name)
{
    const QString cleanName = name.trimmed();
    return write([&]() -> Status {
        const std::optional<Entity> current = entityById(entityId);
        if (!current)
            return Status::failure(failure(u"entity %1 does not exist"_s.arg(entityId)));
        if (cleanName.isEmpty())
            return Status::failure(failure(CatalogRows::entityLabel(*current) + u": the name cannot be empty"_s));
        if (cleanName == current->name)
            return {};
        if (Result<QSqlQuery> update = exec(u"UPDATE entities SET name = ? WHERE id = ?"_s, {cleanName, entityId});
            !update)
            return Status::failure(update.error());
        if (Status status = touchEntity(entityId); !status)
            return status;
        if (Status status = reindexEntityImages(entityId); !status)
            return status;
        return enqueue(u"entity.update"_s, entitySubject(*current),
                       {{u"kind"_s, entityKindName(current->kind)}, {u"key"_s, current->key}, {u"name"_s, cleanName}});
    });
}

Status Catalog::touchEntity(qint64 entityId)
{
    Result<QSqlQuery> update = exec(u"UPDATE entities SET revision = revision + 1, modified_at = ? WHERE id = ?"_s,
                                    {CatalogRows::now(), entityId});
    return update ? Status() : Status::failure(update.error());
}

Status Catalog::requireEntity(qint64 entityId)
{
    Result<QSqlQuery> query = exec(u"SELECT 1 FROM entities WHERE id = ?"_s, {entityId});
    if (!query)
        return Status::failure(query.error());
    if (!query->next())
        return Status::failure(failure(u"entity %1 does not exist"_s.arg(entityId)));
    return {};
}

QString Catalog::entitySubject(const Entity &entity) const
{
    return entityKindName(entity.kind) + u':' + entity.key;
}

QList<Entity> Catalog::loadEntities(const QString &sqlTail, const QVariantList &binds)
{
    checkThread();
    Result<QSqlQuery> query =
        exec(u"SELECT "_s + CatalogRows::entityColumns() + u" FROM entities e "_s + sqlTail, binds);
    if (!query) {
        qWarning().noquote() << query.error();
        return {};
    }
    QList<Entity> entities;
    while (query->next())
        entities.append(CatalogRows::entityFromRow(query.value()));
    return entities;
}

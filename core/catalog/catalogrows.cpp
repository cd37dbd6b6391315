#include "catalog/catalogrows.h"

#include <QSet>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace CatalogRows {

QString timestamp(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString now()
{
    return timestamp(QDateTime::currentDateTimeUtc());
}

QDateTime dateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString text(const QString &value)
{
    return value.isNull() ? QString::fromLatin1("") : value;
}

bool isSha256(const QString &value)
{
    if (value.size() != 64)
        return false;
    return std::all_of(value.cbegin(), value.cend(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

QStringList normalizedTags(const QStringList &tags)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &tag : tags) {
        const QString clean = tag.simplified();
        if (clean.isEmpty() || seen.contains(clean.toCaseFolded()))
            continue;
        seen.insert(clean.toCaseFolded());
        result.append(clean);
    }
    return result;
}

QString idArray(const QList<qint64> &ids)
{
    QString json;
    json.reserve(ids.size() * 8 + 2);
    json += u'[';
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            json += u',';
        json += QString::number(ids.at(i));
    }
    json += u']';
    return json;
}

QString entityColumns()
{
    return u"e.id, e.kind, e.key, e.name, e.parent_id, e.base_key, e.revision, "
           "(SELECT count(*) FROM links c WHERE c.entity_id = e.id)"_s;
}

Entity entityFromRow(const QSqlQuery &query, int firstColumn)
{
    Entity entity;
    entity.id = query.value(firstColumn).toLongLong();
    entity.kind = entityKindFromName(query.value(firstColumn + 1).toString()).value_or(EntityKind::Product);
    entity.key = query.value(firstColumn + 2).toString();
    entity.name = query.value(firstColumn + 3).toString();
    if (!query.value(firstColumn + 4).isNull())
        entity.parentId = query.value(firstColumn + 4).toLongLong();
    entity.baseKey = query.value(firstColumn + 5).toString();
    entity.revision = query.value(firstColumn + 6).toLongLong();
    entity.imageCount = query.value(firstColumn + 7).toInt();
    return entity;
}

QString entityLabel(const Entity &entity)
{
    return u"%1 \"%2\""_s.arg(entityKindName(entity.kind), entity.key);
}

} // namespace CatalogRows

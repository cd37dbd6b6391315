#pragma once

#include "catalog/entity.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

class QSqlQuery;

// How values are written to and read from catalog rows; shared by the Catalog's files.
namespace CatalogRows {

// ISO 8601 in UTC with milliseconds: fixed width, so the text sorts chronologically.
QString timestamp(const QDateTime &when);
QString now();
QDateTime dateTime(const QVariant &value);
// A QString that binds as '' rather than NULL when empty (NOT NULL text columns).
QString text(const QString &value);
bool isSha256(const QString &value);
// Trimmed, inner whitespace collapsed, empty ones dropped, duplicates (ignoring case) dropped.
QStringList normalizedTags(const QStringList &tags);
// A JSON array of ids, bound to "… IN (SELECT value FROM json_each(?))": one query for any
// number of ids.
QString idArray(const QList<qint64> &ids);

// "e.id, e.kind, …" and the matching reader, for queries that join entities as e.
QString entityColumns();
Entity entityFromRow(const QSqlQuery &query, int firstColumn = 0);
QString entityLabel(const Entity &entity); // product "SKU-1"

} // namespace CatalogRows

#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

// The catalog's schema as an ordered list of versioned steps. PRAGMA user_version holds
// the last step applied; each step runs in its own BEGIN IMMEDIATE transaction together
// with the user_version update, so a crash or a concurrent opener never leaves a step
// half-applied or applied twice.
class CatalogSchema final
{
public:
    static int latestVersion();

    // Creates the whole schema and the meta rows in one transaction on an empty database.
    static Status create(QSqlDatabase &db, const QUuid &workspaceId, const QDateTime &createdAt);
    // Applies the steps after the database's user_version, up to targetVersion, in order.
    static Status migrate(QSqlDatabase &db, int targetVersion = latestVersion());
    static Result<int> userVersion(QSqlDatabase &db);

    // "SELECT rowid, caption, alt_text, description, tags, entities FROM images i" for the
    // search index; callers add a WHERE clause on i.
    static QString searchRowSelect();
};

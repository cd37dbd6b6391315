#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QStringList>

// What an image record's body may hold (docs/api.md §5.1): the facts are set once at
// create, the texts, tags, type, front flag and rotation may change. Every check failure is
// a message for a 422 validation_failed answer.
class ImageRules final
{
public:
    static const QStringList kFacts;
    static const QStringList kChangeable;

    static bool isUid(const QString &text); // canonical lower-case UUID
    // The body to store for a create at uid (server-set fields are dropped).
    static Result<QJsonObject> forCreate(const QJsonObject &given, const QString &uid);
    // The body after an update: a PUT resets absent changeable fields, a PATCH keeps them;
    // facts may be repeated only with their current value.
    static Result<QJsonObject> forUpdate(const QJsonObject &current, const QJsonObject &given, bool patch);

private:
    static Status checkChangeable(const QJsonObject &given);
    static QJsonObject emptyChangeable();
};

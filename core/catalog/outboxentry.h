#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One local change waiting to be sent to the server, written in the same transaction as
// the change itself (ARCHITECTURE.md, "Sync principles").
struct OutboxEntry final
{
    qint64 id = 0;
    QDateTime createdAt;
    QString operation; // "image.create", "image.update", "image.delete", "link.create",
                       // "link.delete", "link.update", "entity.create", "entity.update"
    QString subjectUid; // image uid, or "kind:key" for an entity
    QJsonObject payload; // the changed fields
    QString state; // "pending", "sending", "done", "failed"
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
};

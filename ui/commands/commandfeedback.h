#pragma once

#include "common/result.h"

#include <QFuture>
#include <QObject>

// Where undoable commands report a write the catalog refused: the change was already
// shown optimistically, so the window tells the user and re-reads the truth.
class CommandFeedback final : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void watch(QFuture<Status> write, const QString &what);

signals:
    void failed(const QString &message);
    void finished(); // after every write, successful or not
};

#include "commands/commandfeedback.h"
#include "common/whenready.h"

void CommandFeedback::watch(QFuture<Status> write, const QString &what)
{
    whenReady(this, write, [this, what](const Status &status) {
        if (!status)
            emit failed(tr("%1 failed: %2").arg(what, status.error()));
        emit finished();
    });
}

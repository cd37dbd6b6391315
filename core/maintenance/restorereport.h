#pragma once

#include <QString>
#include <QStringList>
#include <QUuid>

// What a restore did: the workspace it (re)created and, when it replaced one, where the
// previous workspace was moved to (kept until the user removes it).
struct RestoreReport final
{
    QString workspaceName;
    QString directory;
    QString movedAsideTo; // empty for a restore into a new name
    QUuid workspaceId;
    int images = 0;
    int originals = 0;
    int renditions = 0;
    QStringList problems; // files the restored catalog refers to but the archive did not hold
};

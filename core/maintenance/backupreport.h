#pragma once

#include <QString>
#include <QStringList>
#include <QUuid>

// What a backup wrote. problems lists referenced files that were missing (left out) or
// did not hash to their name (archived as they are); a clean backup has none.
struct BackupReport final
{
    QString archivePath;
    qint64 archiveBytes = 0;
    QUuid workspaceId;
    int images = 0;
    int originals = 0;
    int renditions = 0;
    QStringList problems;
};

#pragma once

#include <QStringList>

// What StoreCleanup::apply did. skipped names what changed since the plan was made and
// was therefore left alone; failures what could not be removed.
struct CleanupReport final
{
    int removedFiles = 0;
    qint64 removedBytes = 0;
    int forgottenImages = 0;
    int droppedRenditions = 0;
    QStringList skipped;
    QStringList failures;
};

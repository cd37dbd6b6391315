#pragma once

#include "importitemresult.h"

#include <QList>
#include <QMetaType>

// The end of an import batch: every file's outcome, and why the batch stopped early, if
// it did (cancelled, or a full disk).
struct ImportReport final
{
    QList<ImportItemResult> items;
    QString stopReason;
    bool cancelled = false;
    bool diskFull = false;

    int count(ImportItemResult::Outcome outcome) const;
};
Q_DECLARE_METATYPE(ImportReport)

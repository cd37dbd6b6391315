#pragma once

#include "catalog/renditionrecord.h"
#include "common/result.h"
#include "imaging/imagingrequest.h"

#include <QList>

class FileStore;

// Takes the renditions a worker wrote under tmp/, checks them (the worker is not trusted
// to have written what it says), and moves them to their content-addressed names.
class RenditionPlacement final
{
public:
    static Result<QList<RenditionRecord>> place(const FileStore &store, const QString &originalSha256,
                                                const QList<RenditionFile> &files);
    // Removes a worker's temporary output after a failure.
    static void discard(const FileStore &store, const QList<RenditionFile> &files);
};

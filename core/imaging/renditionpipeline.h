#pragma once

#include "common/result.h"
#include "imaging/embedrequest.h"
#include "imaging/imagingrequest.h"

#include <QByteArray>

// What the imaging worker does with one request, in this process: read the file into
// memory (capped), sniff it against the allowlist, check the claimed size, read metadata,
// decode scaled, orient, write renditions. Runs only inside the isolated worker process
// (ImagingWorker); the parent talks to it through ImagingPool.
class RenditionPipeline final
{
public:
    RenditionPipeline() = delete;

    // token prefixes every file written, so the parent can remove them if the worker dies.
    static ImagingResult process(const ImagingRequest &request, const QString &token = {});
    static Status embed(const EmbedRequest &request, const ImportLimits &limits);

    // The file's bytes, refused if larger than maxBytes or not a regular file.
    static Result<QByteArray> readCapped(const QString &path, qint64 maxBytes);

private:
    static Result<ImageFacts> inspect(const QByteArray &bytes, const ImportLimits &limits);
};

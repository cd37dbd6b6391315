#pragma once

#include "common/result.h"
#include "imaging/embedrequest.h"
#include "imaging/imagingrequest.h"

#include <QByteArray>

// The messages between ImagingPool and the imaging worker: compact JSON, framed by
// MessageChannel. Requests carry an "op" ("process" or "embed"); the worker answers each
// with one reply. A process request also carries a token that prefixes every file the
// worker writes, so the parent can clean up after a worker that died mid-request.
class ImagingProtocol final
{
public:
    ImagingProtocol() = delete;

    struct Incoming final
    {
        enum class Op { Invalid, Process, Embed } op = Op::Invalid;
        ImagingRequest process;
        QString token;
        EmbedRequest embed;
        ImportLimits limits; // of either op
    };

    static QByteArray processMessage(const ImagingRequest &request, const QString &token);
    static QByteArray embedMessage(const EmbedRequest &request, const ImportLimits &limits);
    static Incoming parseRequest(const QByteArray &message);

    static QByteArray resultMessage(const ImagingResult &result);
    static Result<ImagingResult> parseResult(const QByteArray &message);
    static QByteArray statusMessage(const Status &status);
    static Result<Status> parseStatus(const QByteArray &message);
};

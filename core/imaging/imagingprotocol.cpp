#include "imagingprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> parseObject(const QByteArray &message)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(message, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QJsonObject limitsToJson(const ImportLimits &limits)
{
    return {{u"maxFileBytes"_s, double(limits.maxFileBytes)},
            {u"maxPixels"_s, double(limits.maxPixels)},
            {u"allocationLimitMb"_s, limits.allocationLimitMb},
            {u"workerMemoryLimitMb"_s, limits.workerMemoryLimitMb},
            {u"workerCpuSecondsPerFile"_s, limits.workerCpuSecondsPerFile},
            {u"workerWallSecondsPerFile"_s, limits.workerWallSecondsPerFile}};
}

ImportLimits limitsFromJson(const QJsonObject &json)
{
    ImportLimits limits;
    limits.maxFileBytes = qint64(json[u"maxFileBytes"_s].toDouble(double(limits.maxFileBytes)));
    limits.maxPixels = qint64(json[u"maxPixels"_s].toDouble(double(limits.maxPixels)));
    limits.allocationLimitMb = json[u"allocationLimitMb"_s].toInt(limits.allocationLimitMb);
    limits.workerMemoryLimitMb = json[u"workerMemoryLimitMb"_s].toInt(limits.workerMemoryLimitMb);
    limits.workerCpuSecondsPerFile =
        json[u"workerCpuSecondsPerFile"_s].toInt(limits.workerCpuSecondsPerFile);
    limits.workerWallSecondsPerFile =
        json[u"workerWallSecondsPerFile"_s].toInt(limits.workerWallSecondsPerFile);
    return limits;
}

QJsonArray specsToJson(const QList<RenditionSpec> &specs)
{
    QJsonArray array;
    for (const RenditionSpec &spec : specs) {
        array.append(QJsonObject{{u"name"_s, spec.name}, {u"longSide"_s, spec.longSide},
                                 {u"quality"_s, spec.quality}, {u"progressive"_s, spec.progressive}});
    }
    return array;
}

QList<RenditionSpec> specsFromJson(const QJsonArray &array)
{
    QList<RenditionSpec> specs;
    for (const QJsonValue &value : array) {
        const QJsonObject json = value.toObject();
        specs.append({json[u"name"_s].toString(), json[u"longSide"_s].toInt(),
                      json[u"quality"_s].toInt(80), json[u"progressive"_s].toBool()});
    }
    return specs;
}

QJsonObject factsToJson(const ImageFacts &facts)
{
    QJsonObject json{{u"format"_s, facts.format},
                     {u"width"_s, facts.width},
                     {u"height"_s, facts.height},
                     {u"orientation"_s, facts.exifOrientation},
                     {u"make"_s, facts.cameraMake},
                     {u"model"_s, facts.cameraModel},
                     {u"warning"_s, facts.metadataWarning}};
    if (facts.capturedAt.isValid())
        json[u"capturedAt"_s] = facts.capturedAt.toString(Qt::ISODateWithMs);
    if (facts.gps) {
        QJsonObject gps{{u"lat"_s, facts.gps->latitude}, {u"lon"_s, facts.gps->longitude}};
        if (facts.gps->altitude)
            gps[u"alt"_s] = *facts.gps->altitude;
        json[u"gps"_s] = gps;
    }
    return json;
}

ImageFacts factsFromJson(const QJsonObject &json)
{
    ImageFacts facts;
    facts.format = json[u"format"_s].toString();
    facts.width = json[u"width"_s].toInt();
    facts.height = json[u"height"_s].toInt();
    facts.exifOrientation = json[u"orientation"_s].toInt(1);
    facts.cameraMake = json[u"make"_s].toString();
    facts.cameraModel = json[u"model"_s].toString();
    facts.metadataWarning = json[u"warning"_s].toString();
    if (json.contains(u"capturedAt"_s))
        facts.capturedAt = QDateTime::fromString(json[u"capturedAt"_s].toString(), Qt::ISODateWithMs);
    if (json[u"gps"_s].isObject()) {
        const QJsonObject gps = json[u"gps"_s].toObject();
        GpsPosition position{gps[u"lat"_s].toDouble(), gps[u"lon"_s].toDouble(), std::nullopt};
        if (gps.contains(u"alt"_s))
            position.altitude = gps[u"alt"_s].toDouble();
        facts.gps = position;
    }
    return facts;
}

} // namespace

QByteArray ImagingProtocol::processMessage(const ImagingRequest &request, const QString &token)
{
    return compact({{u"op"_s, u"process"_s},
                    {u"token"_s, token},
                    {u"source"_s, request.sourcePath},
                    {u"displayName"_s, request.displayName},
                    {u"outputDir"_s, request.outputDir},
                    {u"turns"_s, request.rotationQuarterTurns},
                    {u"renditions"_s, specsToJson(request.renditions)},
                    {u"limits"_s, limitsToJson(request.limits)}});
}

QByteArray ImagingProtocol::embedMessage(const EmbedRequest &request, const ImportLimits &limits)
{
    return compact({{u"op"_s, u"embed"_s},
                    {u"source"_s, request.source},
                    {u"destination"_s, request.destination},
                    {u"caption"_s, request.caption},
                    {u"altText"_s, request.altText},
                    {u"description"_s, request.description},
                    {u"tags"_s, QJsonArray::fromStringList(request.tags)},
                    {u"imageType"_s, request.imageType},
                    {u"limits"_s, limitsToJson(limits)}});
}

ImagingProtocol::Incoming ImagingProtocol::parseRequest(const QByteArray &message)
{
    Incoming incoming;
    const std::optional<QJsonObject> json = parseObject(message);
    if (!json)
        return incoming;
    const QString op = (*json)[u"op"_s].toString();
    incoming.limits = limitsFromJson((*json)[u"limits"_s].toObject());
    if (op == u"process") {
        incoming.op = Incoming::Op::Process;
        incoming.token = (*json)[u"token"_s].toString();
        ImagingRequest &request = incoming.process;
        request.sourcePath = (*json)[u"source"_s].toString();
        request.displayName = (*json)[u"displayName"_s].toString();
        request.outputDir = (*json)[u"outputDir"_s].toString();
        request.rotationQuarterTurns = (*json)[u"turns"_s].toInt();
        request.renditions = specsFromJson((*json)[u"renditions"_s].toArray());
        request.limits = incoming.limits;
    } else if (op == u"embed") {
        incoming.op = Incoming::Op::Embed;
        EmbedRequest &request = incoming.embed;
        request.source = (*json)[u"source"_s].toString();
        request.destination = (*json)[u"destination"_s].toString();
        request.caption = (*json)[u"caption"_s].toString();
        request.altText = (*json)[u"altText"_s].toString();
        request.description = (*json)[u"description"_s].toString();
        for (const QJsonValue &tag : (*json)[u"tags"_s].toArray())
            request.tags.append(tag.toString());
        request.imageType = (*json)[u"imageType"_s].toString();
    }
    return incoming;
}

QByteArray ImagingProtocol::resultMessage(const ImagingResult &result)
{
    QJsonArray renditions;
    for (const RenditionFile &file : result.renditions) {
        renditions.append(QJsonObject{{u"name"_s, file.name}, {u"path"_s, file.path},
                                      {u"width"_s, file.width}, {u"height"_s, file.height},
                                      {u"bytes"_s, double(file.bytes)}});
    }
    return compact({{u"ok"_s, result.ok},
                    {u"error"_s, result.error},
                    {u"facts"_s, factsToJson(result.facts)},
                    {u"renditions"_s, renditions}});
}

Result<ImagingResult> ImagingProtocol::parseResult(const QByteArray &message)
{
    const std::optional<QJsonObject> json = parseObject(message);
    if (!json || !(*json)[u"ok"_s].isBool())
        return Result<ImagingResult>::failure(u"the imaging worker sent a garbled reply"_s);
    ImagingResult result;
    result.ok = (*json)[u"ok"_s].toBool();
    result.error = (*json)[u"error"_s].toString();
    result.facts = factsFromJson((*json)[u"facts"_s].toObject());
    for (const QJsonValue &value : (*json)[u"renditions"_s].toArray()) {
        const QJsonObject file = value.toObject();
        result.renditions.append({file[u"name"_s].toString(), file[u"path"_s].toString(),
                                  file[u"width"_s].toInt(), file[u"height"_s].toInt(),
                                  qint64(file[u"bytes"_s].toDouble())});
    }
    return result;
}

QByteArray ImagingProtocol::statusMessage(const Status &status)
{
    return compact({{u"ok"_s, status.ok()}, {u"error"_s, status.error()}});
}

Result<Status> ImagingProtocol::parseStatus(const QByteArray &message)
{
    const std::optional<QJsonObject> json = parseObject(message);
    if (!json || !(*json)[u"ok"_s].isBool())
        return Result<Status>::failure(u"the imaging worker sent a garbled reply"_s);
    if ((*json)[u"ok"_s].toBool())
        return Status();
    return Status::failure((*json)[u"error"_s].toString());
}

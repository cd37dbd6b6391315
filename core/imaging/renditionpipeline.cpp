#include "renditionpipeline.h"

#include "imaging/formatsniffer.h"
#include "imaging/imagedecoder.h"
#include "imaging/imageheader.h"
#include "imaging/imageorientation.h"
#include "imaging/metadataengine.h"
#include "imaging/renditionwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'g', 3) + u" MB"_s;
}

int largestLongSide(const QList<RenditionSpec> &specs)
{
    int largest = 0;
    for (const RenditionSpec &spec : specs)
        largest = std::max(largest, spec.longSide);
    return largest;
}

} // namespace

Result<QByteArray> RenditionPipeline::readCapped(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(u"cannot read the file (%1)"_s.arg(file.errorString()));
    if (!QFileInfo(path).isFile())
        return Result<QByteArray>::failure(u"not a regular file"_s);
    if (file.size() > maxBytes) {
        return Result<QByteArray>::failure(u"the file is %1, more than the limit of %2"_s.arg(
            megabytes(file.size()), megabytes(maxBytes)));
    }
    // Read at most one byte more than allowed, in case the file grew since size().
    QByteArray bytes = file.read(maxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return Result<QByteArray>::failure(u"cannot read the file (%1)"_s.arg(file.errorString()));
    if (bytes.size() > maxBytes)
        return Result<QByteArray>::failure(u"the file is larger than the limit of %1"_s.arg(megabytes(maxBytes)));
    return bytes;
}

Result<ImageFacts> RenditionPipeline::inspect(const QByteArray &bytes, const ImportLimits &limits)
{
    const Result<ImageFormat> format = FormatSniffer::sniff(bytes);
    if (!format)
        return Result<ImageFacts>::failure(format.error());
    const QSize claimed = ImageHeader::claimedSize(bytes, format.value());
    if (claimed.isValid()) {
        const QString refusal = ImageDecoder::pixelLimitReason(claimed, limits);
        if (!refusal.isEmpty())
            return Result<ImageFacts>::failure(refusal);
    }
    ImageFacts facts;
    facts.format = imageFormatName(format.value());
    return facts;
}

ImagingResult RenditionPipeline::process(const ImagingRequest &request, const QString &token)
{
    ImagingResult result;
    const auto fail = [&](const QString &reason) {
        result.ok = false;
        result.error = request.displayName + u": "_s + reason;
        result.renditions.clear();
        return result;
    };

    const Result<QByteArray> bytes = readCapped(request.sourcePath, request.limits.maxFileBytes);
    if (!bytes)
        return fail(bytes.error());
    Result<ImageFacts> facts = inspect(bytes.value(), request.limits);
    if (!facts)
        return fail(facts.error());
    result.facts = std::move(facts).value();
    const ImageFormat format = *imageFormatFromName(result.facts.format);

    ImageDecoder decoder(bytes.value(), format, request.limits);
    const Result<QSize> stored = decoder.readSize();
    if (!stored)
        return fail(stored.error());
    result.facts.width = stored->width();
    result.facts.height = stored->height();
    MetadataEngine::read(bytes.value(), format, result.facts);

    // Decode straight to the largest rendition's size; with no renditions asked for, a small
    // decode still proves the image is readable.
    const int largest = request.renditions.isEmpty() ? 64 : largestLongSide(request.renditions);
    const Result<QImage> decoded = decoder.read(ImageDecoder::fittedSize(stored.value(), largest));
    if (!decoded)
        return fail(decoded.error());

    const ImageOrientation orientation(result.facts.exifOrientation, request.rotationQuarterTurns);
    RenditionWriter writer(request.outputDir, token);
    Result<QList<RenditionFile>> files = writer.write(
        orientation.apply(decoded.value()), orientation.apply(stored.value()), request.renditions);
    if (!files)
        return fail(files.error());
    result.renditions = std::move(files).value();
    result.ok = true;
    return result;
}

Status RenditionPipeline::embed(const EmbedRequest &request, const ImportLimits &limits)
{
    const QString name = QFileInfo(request.source).fileName();
    const auto fail = [&](const QString &reason) { return Status::failure(name + u": "_s + reason); };
    const Result<QByteArray> bytes = readCapped(request.source, limits.maxFileBytes);
    if (!bytes)
        return fail(bytes.error());
    const Result<ImageFormat> format = FormatSniffer::sniff(bytes.value());
    if (!format)
        return fail(format.error());
    if (format.value() != ImageFormat::Jpeg)
        return fail(u"metadata can only be embedded into JPEG files"_s);
    const Result<QByteArray> embedded = MetadataEngine::embed(bytes.value(), request);
    if (!embedded)
        return fail(embedded.error());
    QSaveFile file(request.destination);
    if (!file.open(QIODevice::WriteOnly) || file.write(embedded.value()) != embedded->size()
        || !file.commit()) {
        return Status::failure(u"%1: cannot write (%2)"_s.arg(request.destination, file.errorString()));
    }
    return {};
}

#include "uploadcheck.h"

#include "imaging/formatsniffer.h"
#include "imaging/imageheader.h"
#include "imaging/imagingpool.h"
#include "imaging/importlimits.h"

using namespace Qt::StringLiterals;

namespace {

UploadCheck::Refusal unsupported(const QString &reason)
{
    return {415, u"unsupported_media_type"_s, reason};
}

UploadCheck::Refusal invalid(const QString &reason)
{
    return {422, u"invalid_image"_s, reason};
}

} // namespace

UploadCheck::UploadCheck(ImagingPool &pool) : m_pool(pool) {}

UploadCheck::Head UploadCheck::checkHead(QByteArrayView head, bool tiffAllowed)
{
    const Result<ImageFormat> format =
        FormatSniffer::sniff(head.first(std::min(head.size(), FormatSniffer::HeadBytes)));
    if (!format)
        return {ImageFormat::Jpeg, unsupported(format.error())};
    if (format.value() == ImageFormat::Tiff && !tiffAllowed)
        return {format.value(), unsupported(u"the bytes are a TIFF image; uploads take JPEG, PNG, WebP and GIF"_s)};
    const QSize claimed = ImageHeader::claimedSize(head, format.value());
    const qint64 limit = ImportLimits().maxPixels;
    if (claimed.isValid() && qint64(claimed.width()) * claimed.height() > limit)
        return {format.value(), invalid(u"the image claims %1 × %2 pixels, more than the limit of %3"_s
                                            .arg(claimed.width())
                                            .arg(claimed.height())
                                            .arg(limit))};
    return {format.value(), std::nullopt};
}

std::optional<UploadCheck::Refusal> UploadCheck::checkName(const QString &name, ImageFormat format)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    const QString suffix = dot < 0 ? QString() : name.mid(dot + 1).toLower();
    if (suffix.isEmpty())
        return std::nullopt;
    static const QList<std::pair<QString, ImageFormat>> kSuffixes = {
        {u"jpg"_s, ImageFormat::Jpeg}, {u"jpeg"_s, ImageFormat::Jpeg}, {u"jpe"_s, ImageFormat::Jpeg},
        {u"png"_s, ImageFormat::Png},  {u"webp"_s, ImageFormat::Webp}, {u"gif"_s, ImageFormat::Gif}};
    for (const auto &[known, named] : kSuffixes) {
        if (suffix != known)
            continue;
        if (named == format)
            return std::nullopt;
        return unsupported(u"the name says %1, the bytes are %2"_s.arg(imageFormatName(named).toUpper(),
                                                                        imageFormatName(format).toUpper()));
    }
    return unsupported(u".%1 is not a file type uploads take (.jpg .jpeg .jpe .png .webp .gif)"_s.arg(suffix));
}

Result<UploadCheck::Decoded> UploadCheck::decode(const QString &path, const QString &displayName)
{
    ImagingRequest request;
    request.sourcePath = path;
    request.displayName = displayName;
    request.renditions = {}; // no rendition: the worker decodes to 64 pixels only, to prove the image reads
    const ImagingResult result = m_pool.processInPool(request);
    if (result.ok)
        return Decoded{result.facts, std::nullopt};
    // The worker's messages; a worker that cannot run is no fault of the image.
    if (result.error.contains(u"cannot start the imaging worker"_s) ||
        result.error.contains(u"cannot create a channel to the imaging worker"_s))
        return Result<Decoded>::failure(result.error);
    const QString prefix = displayName + u": "_s;
    return Decoded{{}, invalid(result.error.startsWith(prefix) ? result.error.mid(prefix.size()) : result.error)};
}

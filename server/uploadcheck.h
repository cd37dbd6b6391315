#pragma once

#include "common/result.h"
#include "imaging/imagefacts.h"
#include "imaging/imageformat.h"

#include <QByteArrayView>
#include <QString>
#include <optional>

class ImagingPool;

// What an original must pass before the server stores it (docs/api.md §4.3, §9.1), each
// refusal with its HTTP status and error code: the format sniffed from the bytes (TIFF
// only on the blob path), the file name's extension against that format (uploads), the
// pixel count the header claims, and that the image decodes. The decode runs in the
// isolated imaging worker at a reduced size (cheap: it runs for every upload) and also
// reads the image's facts (pixel size, EXIF). Reasons are in the user's words.
class UploadCheck final
{
public:
    struct Refusal
    {
        int status = 0; // 415 or 422
        QString code;   // unsupported_media_type, invalid_image
        QString reason;
    };
    struct Head
    {
        ImageFormat format = ImageFormat::Jpeg;
        std::optional<Refusal> refusal;
    };
    struct Decoded
    {
        ImageFacts facts;
        std::optional<Refusal> refusal;
    };

    explicit UploadCheck(ImagingPool &pool);
    Q_DISABLE_COPY_MOVE(UploadCheck)

    // The first bytes of a file: an allowed format whose header claims no more pixels than
    // the limit (when the header is among these bytes).
    static Head checkHead(QByteArrayView head, bool tiffAllowed);
    // A file name's extension (.jpg .jpeg .jpe .png .webp .gif, any case) must name the
    // format; a name without extension is fine.
    static std::optional<Refusal> checkName(const QString &name, ImageFormat format);
    // The complete file at path decodes; its facts. A failure is the server's, not the
    // image's (the worker could not be started).
    Result<Decoded> decode(const QString &path, const QString &displayName);

private:
    ImagingPool &m_pool;
};

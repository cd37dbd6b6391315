#include "imageformat.h"

using namespace Qt::StringLiterals;

QString imageFormatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg: return u"jpeg"_s;
    case ImageFormat::Png: return u"png"_s;
    case ImageFormat::Webp: return u"webp"_s;
    case ImageFormat::Gif: return u"gif"_s;
    case ImageFormat::Tiff: return u"tiff"_s;
    }
    return {};
}

std::optional<ImageFormat> imageFormatFromName(const QString &name)
{
    for (ImageFormat format : {ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Webp,
                               ImageFormat::Gif, ImageFormat::Tiff}) {
        if (name == imageFormatName(format))
            return format;
    }
    return std::nullopt;
}

QString imageFormatExtension(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg: return u"jpg"_s;
    case ImageFormat::Tiff: return u"tif"_s;
    default: return imageFormatName(format);
    }
}

QByteArray imageFormatQtName(ImageFormat format)
{
    return imageFormatName(format).toLatin1();
}

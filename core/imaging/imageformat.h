#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

// The formats the import accepts (the allowlist). Anything else is refused by FormatSniffer.
enum class ImageFormat { Jpeg, Png, Webp, Gif, Tiff };

// "jpeg", "png", "webp", "gif", "tiff": the name stored in the catalog and in ImageFacts.
QString imageFormatName(ImageFormat format);
std::optional<ImageFormat> imageFormatFromName(const QString &name);
// "jpg", "png", "webp", "gif", "tif": the extension of a stored original.
QString imageFormatExtension(ImageFormat format);
// The name QImageReader knows the format by.
QByteArray imageFormatQtName(ImageFormat format);

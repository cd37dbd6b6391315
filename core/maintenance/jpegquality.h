#pragma once

#include <QString>
#include <optional>

// The quality a JPEG was written at, estimated from its luminance quantisation table
// against the IJG tables libjpeg (and so Qt) scales by quality. Exact for files Qt
// wrote; the nearest quality for others. This is how compress-old knows a rendition is
// already compressed, with nothing to remember beside the file itself.
class JpegQuality final
{
public:
    JpegQuality() = delete;

    // 1..100; no value when the file cannot be read or is not a JPEG with a DQT table.
    static std::optional<int> estimate(const QString &path);
    // The sum of the 64 entries of the luminance table libjpeg uses at quality.
    static int tableSum(int quality);
};

#pragma once

#include "common/result.h"
#include "imaging/imageformat.h"

#include <QByteArrayView>

// Decides a file's format from its first bytes, never from its name, and checks it against
// the allowlist (JPEG, PNG, WebP, GIF, TIFF). A refusal's error is the reason in the user's
// words, ready to follow "<file name>: ", e.g. "not an image (a shell script)".
class FormatSniffer final
{
public:
    FormatSniffer() = delete;

    // How many leading bytes sniff() looks at (at most).
    static constexpr qsizetype HeadBytes = 4096;

    static Result<ImageFormat> sniff(QByteArrayView head);

private:
    static std::optional<ImageFormat> allowed(QByteArrayView head);
    static QString describe(QByteArrayView head);
    static QString describeBinary(QByteArrayView head);
    static QString describeIsoMedia(QByteArrayView head);
    static QString describeText(QByteArrayView head);
};

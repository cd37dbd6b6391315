#pragma once

#include "common/result.h"
#include "imaging/embedrequest.h"
#include "imaging/imagefacts.h"
#include "imaging/imageformat.h"

#include <QByteArray>
#include <QByteArrayView>

// The one owner of every exiv2 call. exiv2 0.27 throws, logs through a global handler and
// needs its XMP toolkit initialised once; this class catches everything, routes the log to
// the lcExiv2 category, serialises calls, and only ever reads from memory buffers whose
// type exiv2 recognises as the already sniffed format (never from a path: 0.27 treats some
// path strings as URLs). Runs inside the imaging worker; untrusted input may crash it.
class MetadataEngine final
{
public:
    MetadataEngine() = delete;

    // Fills facts' orientation, capture time, GPS and camera. Never fails: unreadable or
    // invalid metadata leaves the defaults and says what in facts.metadataWarning.
    static void read(QByteArrayView bytes, ImageFormat format, ImageFacts &facts);

    // A copy of a JPEG with the request's texts embedded as XMP and IPTC (see EmbedRequest).
    static Result<QByteArray> embed(QByteArrayView jpeg, const EmbedRequest &request);
};

#pragma once

// Internals shared by the MetadataEngine source files; only they include exiv2.
#include "imaging/imageformat.h"

#include <QMutex>
#include <QStringList>

#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp>

#include <memory>

namespace MetadataEngineDetail {

// Holds the exiv2 lock for its lifetime and collects the error-level messages exiv2 logs
// meanwhile (it logs rather than throws for much damage it skips).
class Exiv2Session final
{
public:
    Exiv2Session();
    ~Exiv2Session();
    Q_DISABLE_COPY_MOVE(Exiv2Session)

    QStringList errors() const { return m_errors; }
    void addError(const QString &message) { m_errors.append(message); }

private:
    QMutexLocker<QMutex> m_lock;
    QStringList m_errors;
};

// exiv2's type id for an allowlisted format.
int exiv2Type(ImageFormat format);
// Opens a memory buffer that exiv2 recognises as the expected format, or returns null.
// The buffer must outlive the image. Throws what exiv2 throws.
std::unique_ptr<Exiv2::Image> openBuffer(const char *data, qsizetype size, ImageFormat format);
// The bytes of an image after writeMetadata().
QByteArray imageBytes(Exiv2::Image &image);

} // namespace MetadataEngineDetail

#include "imagedecoder.h"

#include "imaging/imaginglog.h"

#include <QLoggingCategory>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

// libjpeg only warns about a truncated file ("Corrupt JPEG data: premature end of data
// segment", or "Premature end of JPEG file") and pads the image with grey; Qt passes the
// warning to its log. Notice it, to refuse the file.
thread_local bool sawPrematureEnd = false;
QtMessageHandler previousHandler = nullptr;

// The decoders' own warnings repeat what the error result says; they reach stderr only when
// vitrine.imaging debug output is on.
void noticeDecoderWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool fromDecoder = context.category && std::strncmp(context.category, "qt.gui.imageio", 14) == 0;
    if (fromDecoder && std::strcmp(context.category, "qt.gui.imageio.jpeg") == 0
        && message.contains(u"premature end"_s, Qt::CaseInsensitive))
        sawPrematureEnd = true;
    if (fromDecoder && type == QtWarningMsg && !lcImaging().isDebugEnabled())
        return;
    if (previousHandler)
        previousHandler(type, context, message);
}

void installWarningHandlerOnce()
{
    static const bool installed = [] {
        previousHandler = qInstallMessageHandler(noticeDecoderWarnings);
        return true;
    }();
    Q_UNUSED(installed)
}

} // namespace

ImageDecoder::ImageDecoder(const QByteArray &bytes, ImageFormat format, const ImportLimits &limits)
    : m_bytes(bytes), m_format(format), m_limits(limits)
{
    m_buffer.setBuffer(&m_bytes);
    m_buffer.open(QIODevice::ReadOnly);
    m_reader.setDevice(&m_buffer);
    m_reader.setFormat(imageFormatQtName(format));
    m_reader.setAutoDetectImageFormat(false);
    m_reader.setDecideFormatFromContent(false);
    m_reader.setAutoTransform(false); // ImageOrientation applies EXIF and user rotation
    QImageReader::setAllocationLimit(limits.allocationLimitMb);
    installWarningHandlerOnce();
}

Result<QSize> ImageDecoder::readSize()
{
    const QSize size = m_reader.size();
    if (!size.isValid() || size.isEmpty()) {
        return Result<QSize>::failure(u"the %1 header is unreadable (%2)"_s.arg(
            imageFormatName(m_format).toUpper(), m_reader.errorString()));
    }
    const QString refusal = pixelLimitReason(size, m_limits);
    if (!refusal.isEmpty())
        return Result<QSize>::failure(refusal);
    return size;
}

Result<QImage> ImageDecoder::read(QSize scaledSize)
{
    if (!scaledSize.isEmpty())
        m_reader.setScaledSize(scaledSize);
    sawPrematureEnd = false;
    QImage image;
    const bool decoded = m_reader.read(&image);
    const QString format = imageFormatName(m_format).toUpper();
    if (!decoded || image.isNull()) {
        return Result<QImage>::failure(
            u"the %1 data is damaged or cannot be decoded (%2)"_s.arg(format, m_reader.errorString()));
    }
    if (sawPrematureEnd)
        return Result<QImage>::failure(u"the %1 data is incomplete (the file is truncated)"_s.arg(format));
    return flattened(std::move(image));
}

QSize ImageDecoder::fittedSize(QSize source, int longSide)
{
    const int width = source.width();
    const int height = source.height();
    if (longSide <= 0 || qMax(width, height) <= longSide)
        return source;
    if (width >= height)
        return QSize(longSide, qMax(1, int(qRound64(double(height) * longSide / width))));
    return QSize(qMax(1, int(qRound64(double(width) * longSide / height))), longSide);
}

QString ImageDecoder::pixelLimitReason(QSize claimed, const ImportLimits &limits)
{
    const qint64 pixels = qint64(claimed.width()) * claimed.height();
    if (claimed.width() <= 0 || claimed.height() <= 0)
        return u"the header claims an empty image (%1×%2 pixels)"_s.arg(claimed.width()).arg(claimed.height());
    if (pixels <= limits.maxPixels)
        return {};
    return u"the header claims %1×%2 pixels, more than the limit of %3 megapixels"_s
        .arg(claimed.width())
        .arg(claimed.height())
        .arg(double(limits.maxPixels) / 1e6, 0, 'g', 4);
}

QImage ImageDecoder::flattened(QImage image)
{
    if (!image.hasAlphaChannel()) {
        if (image.format() != QImage::Format_RGB32)
            image.convertTo(QImage::Format_RGB32);
        return image;
    }
    // Over white: with premultiplied alpha, each channel plus (255 - alpha).
    image.convertTo(QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            const int cover = 255 - qAlpha(p);
            line[x] = qRgb(qRed(p) + cover, qGreen(p) + cover, qBlue(p) + cover);
        }
    }
    image.reinterpretAsFormat(QImage::Format_RGB32);
    return image;
}

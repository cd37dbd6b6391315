#include "renditionwriter.h"

#include "imaging/imagedecoder.h"

#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QTemporaryFile>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

bool isPlainName(const QString &name)
{
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'-';
    });
}

} // namespace

RenditionWriter::RenditionWriter(QString outputDir, QString filePrefix)
    : m_outputDir(std::move(outputDir)), m_filePrefix(std::move(filePrefix))
{
}

Result<QList<RenditionFile>> RenditionWriter::write(const QImage &image, QSize uprightSize,
                                                    const QList<RenditionSpec> &specs)
{
    QList<qsizetype> largestFirst(specs.size());
    std::iota(largestFirst.begin(), largestFirst.end(), 0);
    std::stable_sort(largestFirst.begin(), largestFirst.end(), [&](qsizetype a, qsizetype b) {
        return specs[a].longSide > specs[b].longSide;
    });

    QList<RenditionFile> files(specs.size());
    QImage current = image;
    for (qsizetype index : largestFirst) {
        const RenditionSpec &spec = specs[index];
        const QSize size = ImageDecoder::fittedSize(uprightSize, spec.longSide);
        if (current.size() != size)
            current = current.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        Result<RenditionFile> file = writeOne(current, spec);
        if (!file) {
            for (const RenditionFile &written : std::as_const(files)) {
                if (!written.path.isEmpty())
                    QFile::remove(written.path);
            }
            return Result<QList<RenditionFile>>::failure(file.error());
        }
        files[index] = std::move(file).value();
    }
    return files;
}

Result<RenditionFile> RenditionWriter::writeOne(const QImage &image, const RenditionSpec &spec)
{
    if (!isPlainName(spec.name))
        return Result<RenditionFile>::failure(u"invalid rendition name \"%1\""_s.arg(spec.name));
    QTemporaryFile file(QDir(m_outputDir).filePath(m_filePrefix + spec.name + u"-XXXXXX.jpg"_s));
    file.setAutoRemove(false);
    if (!file.open()) {
        return Result<RenditionFile>::failure(
            u"cannot create a rendition in %1 (%2)"_s.arg(m_outputDir, file.errorString()));
    }
    QImageWriter writer(&file, "jpeg");
    writer.setQuality(spec.quality);
    writer.setOptimizedWrite(true);
    writer.setProgressiveScanWrite(spec.progressive);
    const bool written = writer.write(image) && file.flush();
    const qint64 bytes = file.size();
    const QString path = file.fileName();
    file.close();
    if (!written || file.error() != QFileDevice::NoError) {
        QFile::remove(path);
        const QString reason = file.error() != QFileDevice::NoError ? file.errorString()
                                                                     : writer.errorString();
        return Result<RenditionFile>::failure(
            u"cannot write the %1 rendition (%2)"_s.arg(spec.name, reason));
    }
    return RenditionFile{spec.name, path, image.width(), image.height(), bytes};
}

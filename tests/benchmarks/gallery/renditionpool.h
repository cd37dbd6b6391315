#pragma once

#include "common/result.h"
#include "imaging/renditionspec.h"

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

// The few hundred real image files every image of the benchmark catalog shares through hard
// links: for each shape (aspect ratio) kVariants scenes, each saved at every default
// rendition size the way the import writes them, and a few originals per shape. The scenes
// differ in colour and pattern, so a scrolled gallery looks like a gallery and the
// thumbnail cache cannot get away with one decoded image.
class RenditionPool final
{
public:
    static constexpr int kShapes = 4; // 4:3, 3:4, 1:1, 3:2
    static constexpr int kVariants = 50; // per shape: 200 distinct files per rendition size
    static constexpr int kJpegOriginals = 2; // per shape
    static constexpr int kOriginalLongSide = 3000;
    static constexpr int kPngOriginalLongSide = 1600;

    struct File
    {
        QString path;
        int width = 0;
        int height = 0;
        qint64 bytes = 0;
        QString sha256;
    };

    explicit RenditionPool(QString directory);
    Q_DISABLE_COPY_MOVE(RenditionPool)

    // Draws and writes every file into the directory (emptied first: files a finished
    // workspace links to keep their bytes, since a new file is a new inode).
    Status build();

    const QList<RenditionSpec> &specs() const { return m_specs; }
    const File &rendition(int shape, int variant, int specIndex) const;
    // index < kJpegOriginals: a JPEG original; kJpegOriginals: the shape's PNG.
    const File &original(int shape, int index) const;
    static QSize originalSize(int shape, bool png);

private:
    Result<File> writeImage(const QImage &image, const QString &name, const char *format, int quality,
                            bool progressive) const;
    Result<QList<File>> buildRenditions(int shape, int variant) const;
    Result<QList<File>> buildOriginals(int shape) const;

    QString m_directory;
    QList<RenditionSpec> m_specs;
    QList<File> m_renditions; // [shape][variant][spec]
    QList<File> m_originals; // [shape][index]
};

#include "renditionpool.h"

#include "storage/contenthash.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::StringLiterals;

namespace {

constexpr int kOriginalsPerShape = RenditionPool::kJpegOriginals + 1;

QSize aspect(int shape)
{
    static const QSize kAspects[RenditionPool::kShapes] = {{4, 3}, {3, 4}, {1, 1}, {3, 2}};
    return kAspects[shape];
}

QColor hue(QRandomGenerator &random, int saturation, int value)
{
    return QColor::fromHsv(random.bounded(360), saturation, value);
}

// A backdrop pattern in a 1000-unit square scaled to the image, so a scene looks the same
// at every size, as renditions of one photograph do.
void drawPattern(QPainter &painter, QRandomGenerator &random, int kind)
{
    painter.setPen(Qt::NoPen);
    const QColor ink = hue(random, 120 + random.bounded(100), 120 + random.bounded(120));
    switch (kind) {
    case 0: // stripes
        for (int x = -1000; x < 2000; x += 60 + random.bounded(60)) {
            painter.setBrush(ink.lighter(90 + random.bounded(40)));
            painter.drawPolygon(QPolygonF({QPointF(x, 0), QPointF(x + 30, 0), QPointF(x + 530, 1000), QPointF(x + 500, 1000)}));
        }
        break;
    case 1: // bubbles
        for (int i = 0; i < 25; ++i) {
            QColor c = hue(random, 150, 230);
            c.setAlpha(140);
            painter.setBrush(c);
            const int r = 20 + random.bounded(120);
            painter.drawEllipse(QPointF(random.bounded(1000), random.bounded(1000)), r, r);
        }
        break;
    case 2: // tiles
        for (int y = 0; y < 1000; y += 125)
            for (int x = 0; x < 1000; x += 125)
                if (((x + y) / 125) % 2 == 0) {
                    painter.setBrush(ink.lighter(80 + random.bounded(60)));
                    painter.drawRect(x, y, 125, 125);
                }
        break;
    case 3: // rings
        painter.setBrush(Qt::NoBrush);
        for (int r = 40; r < 800; r += 50) {
            painter.setPen(QPen(ink.lighter(70 + random.bounded(80)), 12));
            painter.drawEllipse(QPointF(500, 500), r, r);
        }
        painter.setPen(Qt::NoPen);
        break;
    default: // a horizon: floor and wall, like a showroom
        painter.setBrush(ink.darker(130));
        painter.drawRect(0, 620, 1000, 380);
        break;
    }
}

// A stand-in for the photographed thing: a lit, shadowed shape in the middle.
void drawSubject(QPainter &painter, QRandomGenerator &random)
{
    const QRectF body(250 + random.bounded(150), 220 + random.bounded(150), 300 + random.bounded(200),
                      300 + random.bounded(200));
    painter.setBrush(QColor(0, 0, 0, 70));
    painter.drawEllipse(QRectF(body.left(), body.bottom() - 30, body.width(), 70));
    QRadialGradient light(body.topLeft() + QPointF(body.width() * 0.3, body.height() * 0.3), body.width());
    const QColor colour = hue(random, 200, 220);
    light.setColorAt(0, colour.lighter(160));
    light.setColorAt(1, colour.darker(180));
    painter.setBrush(light);
    QPainterPath path;
    if (random.bounded(2) == 0)
        path.addRoundedRect(body, 40, 40);
    else
        path.addEllipse(body);
    painter.drawPath(path);
}

QImage drawScene(QSize size, quint32 seed)
{
    QRandomGenerator random(seed);
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size.width() / 1000.0, size.height() / 1000.0);
    QLinearGradient background(0, 0, 1000, 1000);
    const QColor base = hue(random, 60 + random.bounded(120), 160 + random.bounded(90));
    background.setColorAt(0, base.lighter(130));
    background.setColorAt(1, base.darker(140));
    painter.fillRect(QRectF(0, 0, 1000, 1000), background);
    drawPattern(painter, random, int(random.bounded(5)));
    drawSubject(painter, random);
    return image;
}

} // namespace

RenditionPool::RenditionPool(QString directory)
    : m_directory(std::move(directory))
    , m_specs(RenditionSpec::defaults())
{
}

QSize RenditionPool::originalSize(int shape, bool png)
{
    const int longSide = png ? kPngOriginalLongSide : kOriginalLongSide;
    return aspect(shape).scaled(longSide, longSide, Qt::KeepAspectRatio);
}

const RenditionPool::File &RenditionPool::rendition(int shape, int variant, int specIndex) const
{
    return m_renditions.at((shape * kVariants + variant) * m_specs.size() + specIndex);
}

const RenditionPool::File &RenditionPool::original(int shape, int index) const
{
    return m_originals.at(shape * kOriginalsPerShape + index);
}

Status RenditionPool::build()
{
    QDir dir(m_directory);
    if ((dir.exists() && !dir.removeRecursively()) || !QDir().mkpath(m_directory))
        return Status::failure(m_directory + u": cannot empty or create the folder"_s);
    // Drawing and encoding are most of the generation's time: on every core.
    struct Scene
    {
        int shape = 0;
        int variant = 0; // kVariants: the shape's originals
        QList<File> files;
        QString error;
    };
    QList<Scene> scenes;
    for (int shape = 0; shape < kShapes; ++shape)
        for (int variant = 0; variant <= kVariants; ++variant)
            scenes.append({shape, variant, {}, {}});
    QtConcurrent::blockingMap(scenes, [this](Scene &scene) {
        Result<QList<File>> files =
            scene.variant == kVariants ? buildOriginals(scene.shape) : buildRenditions(scene.shape, scene.variant);
        if (files)
            scene.files = std::move(files).value();
        else
            scene.error = files.error();
    });
    m_renditions.clear();
    m_originals.clear();
    for (const Scene &scene : std::as_const(scenes)) {
        if (!scene.error.isEmpty())
            return Status::failure(scene.error);
        (scene.variant == kVariants ? m_originals : m_renditions).append(scene.files);
    }
    return {};
}

// Like the import: the largest rendition drawn, each smaller one scaled down from the source.
Result<QList<RenditionPool::File>> RenditionPool::buildRenditions(int shape, int variant) const
{
    const QSize source = originalSize(shape, false);
    const QImage scene = drawScene(source.scaled(1024, 1024, Qt::KeepAspectRatio), quint32(shape * 1000 + variant));
    QList<File> files;
    for (const RenditionSpec &spec : std::as_const(m_specs)) {
        const QSize size = source.scaled(spec.longSide, spec.longSide, Qt::KeepAspectRatio);
        const QImage scaled = scene.size() == size ? scene
                                                   : scene.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QString name = u"s%1-v%2-%3.jpg"_s.arg(shape).arg(variant).arg(spec.name);
        Result<File> file = writeImage(scaled, name, "jpeg", spec.quality, spec.progressive);
        if (!file)
            return Result<QList<File>>::failure(file.error());
        files.append(std::move(file).value());
    }
    return files;
}

Result<QList<RenditionPool::File>> RenditionPool::buildOriginals(int shape) const
{
    QList<File> files;
    for (int index = 0; index < kOriginalsPerShape; ++index) {
        const bool png = index == kJpegOriginals;
        const QImage scene = drawScene(originalSize(shape, png), quint32(shape * 1000 + index * 7));
        const QString name = u"s%1-original%2.%3"_s.arg(shape).arg(index).arg(png ? u"png"_s : u"jpg"_s);
        Result<File> file = writeImage(scene, name, png ? "png" : "jpeg", 90, false);
        if (!file)
            return Result<QList<File>>::failure(file.error());
        files.append(std::move(file).value());
    }
    return files;
}

Result<RenditionPool::File> RenditionPool::writeImage(const QImage &image, const QString &name, const char *format,
                                                      int quality, bool progressive) const
{
    const QString path = m_directory + u'/' + name;
    QImageWriter writer(path, format);
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    writer.setProgressiveScanWrite(progressive);
    if (!writer.write(image))
        return Result<File>::failure(path + u": cannot write ("_s + writer.errorString() + u')');
    Result<QString> sha256 = ContentHash::ofFile(path);
    if (!sha256)
        return Result<File>::failure(sha256.error());
    return File{path, image.width(), image.height(), QFile(path).size(), sha256.value()};
}

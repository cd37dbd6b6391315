#include "demoworkspace.h"

#include "catalog/catalog.h"
#include "import/importjob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

struct DemoEntity final
{
    EntityKind kind = EntityKind::Product;
    QString key;
    QString name;
};

struct DemoImage final
{
    QString file; // absolute path
    QStringList links; // "kind:key", in the order the image joins each entity's gallery
    QStringList pins; // the entities whose primary this image is pinned as
    ImageEdit edit;
    QStringList tags;
};

struct DemoManifest final
{
    QList<DemoEntity> entities;
    QList<DemoImage> images;
};

const QString kPinnedBy = u"Vitrine demo"_s;

QString referenceOf(EntityKind kind, const QString &key)
{
    return entityKindName(kind) + u':' + key;
}

// "Product:TAS-1001" -> "product:TAS-1001"; empty when the kind is unknown.
QString normalisedReference(const QString &reference)
{
    const qsizetype colon = reference.indexOf(u':');
    const std::optional<EntityKind> kind = entityKindFromName(QStringView(reference).left(colon));
    if (colon <= 0 || !kind)
        return {};
    return referenceOf(*kind, reference.mid(colon + 1));
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

Result<QList<DemoEntity>> readEntities(const QJsonArray &array, const QString &manifestPath)
{
    QList<DemoEntity> entities;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const std::optional<EntityKind> kind = entityKindFromName(object.value(u"kind"_s).toString());
        const QString key = object.value(u"key"_s).toString();
        if (!kind || key.isEmpty())
            return Result<QList<DemoEntity>>::failure(
                DemoWorkspace::tr("%1: an entity needs a known kind and a key").arg(manifestPath));
        entities.append({*kind, key, object.value(u"name"_s).toString()});
    }
    return entities;
}

Result<DemoImage> readImage(const QJsonObject &object, const QDir &folder, const QStringList &known,
                            const QString &manifestPath)
{
    using R = Result<DemoImage>;
    DemoImage image;
    image.file = folder.absoluteFilePath(object.value(u"file"_s).toString());
    if (!QFileInfo(image.file).isFile())
        return R::failure(DemoWorkspace::tr("%1: the demo image %2 is missing").arg(manifestPath, image.file));
    for (const QString &reference : strings(object.value(u"links"_s)))
        image.links.append(normalisedReference(reference));
    for (const QString &reference : strings(object.value(u"pin"_s)))
        image.pins.append(normalisedReference(reference));
    for (const QString &reference : image.links + image.pins) {
        if (!known.contains(reference))
            return R::failure(DemoWorkspace::tr("%1: %2 refers to an entity that is not listed")
                                  .arg(manifestPath, QFileInfo(image.file).fileName()));
    }
    image.edit.caption = object.value(u"caption"_s).toString();
    image.edit.altText = object.value(u"alt"_s).toString();
    image.edit.description = object.value(u"description"_s).toString();
    image.edit.imageType = object.value(u"type"_s).toString();
    image.edit.front = object.value(u"front"_s).toBool();
    image.tags = strings(object.value(u"tags"_s));
    return image;
}

Result<DemoManifest> readManifest(const QString &imageFolder)
{
    using R = Result<DemoManifest>;
    const QDir folder(imageFolder);
    const QString path = folder.absoluteFilePath(u"demo.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(DemoWorkspace::tr("%1: cannot read the demo description (%2)").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return R::failure(DemoWorkspace::tr("%1: not valid JSON (%2)").arg(path, parseError.errorString()));

    DemoManifest manifest;
    Result<QList<DemoEntity>> entities = readEntities(root.value(u"entities"_s).toArray(), path);
    if (!entities)
        return R::failure(entities.error());
    manifest.entities = std::move(entities).value();
    QStringList known;
    for (const DemoEntity &entity : std::as_const(manifest.entities))
        known.append(referenceOf(entity.kind, entity.key));
    for (const QJsonValue &value : root.value(u"images"_s).toArray()) {
        Result<DemoImage> image = readImage(value.toObject(), folder, known, path);
        if (!image)
            return R::failure(image.error());
        manifest.images.append(std::move(image).value());
    }
    if (manifest.images.isEmpty())
        return R::failure(DemoWorkspace::tr("%1: lists no images").arg(path));
    return manifest;
}

// Imports every image unlinked (the links follow, in the manifest's order); returns the
// image id of each file.
Result<QHash<QString, qint64>> importImages(const Workspace &workspace, const DemoManifest &manifest, ImagingPool &pool,
                                            const QList<RenditionSpec> &renditions)
{
    QStringList files;
    for (const DemoImage &image : manifest.images)
        files.append(image.file);
    ImportOptions options;
    options.renditions = renditions;
    ImportJob job(workspace, pool, files, options);
    job.start();
    const ImportReport report = job.waitForFinished();
    QHash<QString, qint64> imageIds;
    for (const ImportItemResult &item : report.items) {
        if (item.imageId == 0)
            return Result<QHash<QString, qint64>>::failure(
                DemoWorkspace::tr("the demo image could not be imported: %1").arg(item.message));
        imageIds.insert(item.sourcePath, item.imageId);
    }
    if (report.items.size() < files.size())
        return Result<QHash<QString, qint64>>::failure(
            DemoWorkspace::tr("the demo import stopped early: %1").arg(report.stopReason));
    return imageIds;
}

Result<QHash<QString, qint64>> addEntities(Catalog &catalog, const DemoManifest &manifest)
{
    QHash<QString, qint64> entityIds;
    for (const DemoEntity &entity : manifest.entities) {
        const Result<Entity> added = catalog.addEntity(entity.kind, entity.key, entity.name);
        if (!added)
            return Result<QHash<QString, qint64>>::failure(added.error());
        entityIds.insert(referenceOf(entity.kind, entity.key), added->id);
    }
    return entityIds;
}

Status describe(Catalog &catalog, const DemoImage &image, qint64 imageId, const QHash<QString, qint64> &entityIds)
{
    for (const QString &reference : image.links) {
        if (Status linked = catalog.link(imageId, entityIds.value(reference)); !linked)
            return linked;
    }
    if (Status edited = catalog.editImage(imageId, image.edit); !edited)
        return edited;
    return catalog.setTags(imageId, image.tags);
}

Status pin(Catalog &catalog, const DemoImage &image, qint64 imageId, const QHash<QString, qint64> &entityIds)
{
    for (const QString &reference : image.pins) {
        if (Status pinned = catalog.setPrimary(entityIds.value(reference), imageId, kPinnedBy); !pinned)
            return pinned;
    }
    return {};
}

Status fill(const Workspace &workspace, const DemoManifest &manifest, ImagingPool &pool,
            const QList<RenditionSpec> &renditions)
{
    const Result<QHash<QString, qint64>> imageIds = importImages(workspace, manifest, pool, renditions);
    if (!imageIds)
        return Status::failure(imageIds.error());
    auto catalog = Catalog::open(workspace.catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!catalog)
        return Status::failure(catalog.error());
    const Result<QHash<QString, qint64>> entityIds = addEntities(*catalog.value(), manifest);
    if (!entityIds)
        return Status::failure(entityIds.error());
    // every link first, then the pins: a pin names an image already in the entity's gallery
    for (const DemoImage &image : manifest.images) {
        const qint64 imageId = imageIds->value(image.file);
        if (Status described = describe(*catalog.value(), image, imageId, entityIds.value()); !described)
            return described;
    }
    for (const DemoImage &image : manifest.images) {
        if (Status pinned = pin(*catalog.value(), image, imageIds->value(image.file), entityIds.value()); !pinned)
            return pinned;
    }
    return {};
}

} // namespace

QString DemoWorkspace::defaultName()
{
    return u"Demo"_s;
}

QString DemoWorkspace::defaultImageFolder()
{
    const QString fromEnvironment = qEnvironmentVariable("VITRINE_DEMO_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    const QString installed = QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../share/vitrine/demo"_s);
    if (QFileInfo::exists(installed + u"/demo.json"_s))
        return installed;
#ifdef VITRINE_SOURCE_DEMO_DIR
    return QStringLiteral(VITRINE_SOURCE_DEMO_DIR);
#else
    return installed;
#endif
}

Result<Workspace> DemoWorkspace::create(const QString &dataDir, const QString &imageFolder, ImagingPool &pool,
                                        const QString &name, const QList<RenditionSpec> &renditions)
{
    using R = Result<Workspace>;
    const Result<DemoManifest> manifest = readManifest(imageFolder);
    if (!manifest)
        return R::failure(manifest.error());
    if (Workspace::list(dataDir).contains(name))
        return R::failure(tr("a workspace named \"%1\" already exists in %2; open it, or choose another name")
                              .arg(name, dataDir));
    Result<Workspace> workspace = Workspace::create(dataDir, name);
    if (!workspace)
        return workspace;
    if (const Status filled = fill(workspace.value(), manifest.value(), pool, renditions); !filled) {
        QDir(workspace->directory()).removeRecursively(); // ours alone: made a moment ago
        return R::failure(tr("the demo workspace could not be made: %1").arg(filled.error()));
    }
    return workspace;
}

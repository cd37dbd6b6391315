#include "clicontext.h"
#include "commands.h"
#include "recordjson.h"

#include "imaging/imagingpool.h"
#include "storage/filestore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {

// RFC 4180 quoting, and a leading apostrophe on cells a spreadsheet would run as a formula.
QString csvCell(QString text)
{
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        return u'"' + text.replace(u"\""_s, u"\"\""_s) + u'"';
    return text;
}

const RenditionRecord *rendition(const ImageRecord &image, const QString &name)
{
    for (const RenditionRecord &r : image.renditions)
        if (r.name == name)
            return &r;
    return nullptr;
}

// An entity's images, primary first, then in the user's order.
QList<ImageRecord> primaryFirst(Catalog &catalog, const Entity &entity)
{
    QList<ImageRecord> images = catalog.imagesOfEntity(entity.id);
    const auto primary = catalog.primaryImage(entity.id);
    if (primary) {
        const auto at = std::find_if(images.begin(), images.end(), [&primary](const ImageRecord &i) { return i.id == primary->id; });
        if (at != images.end())
            std::rotate(images.begin(), at, at + 1);
    }
    return images;
}

QString csv(Catalog &catalog, const FileStore &store, const QList<Entity> &entities)
{
    QString text = u"kind,key,name,position,primary,image_uid,original_name,original_path,web_path,caption,alt_text,description,tags,image_type,front\r\n"_s;
    for (const Entity &entity : entities) {
        const QList<ImageRecord> images = primaryFirst(catalog, entity);
        for (qsizetype i = 0; i < images.size(); ++i) {
            const ImageRecord &image = images.at(i);
            const RenditionRecord *web = rendition(image, u"web1024"_s);
            const QStringList cells{entityKindName(entity.kind), entity.key, entity.name, QString::number(i + 1),
                                    i == 0 ? u"yes"_s : u"no"_s, image.uid, image.originalName,
                                    store.originalPath(image.sha256, image.facts.format),
                                    web ? store.renditionPath(image.sha256, web->name, web->sha256) : QString(),
                                    image.caption, image.altText, image.description, image.tags.join(u';'),
                                    image.imageType, image.front ? u"yes"_s : u"no"_s};
            QStringList quoted;
            for (const QString &cell : cells)
                quoted.append(csvCell(cell));
            text += quoted.join(u',') + u"\r\n"_s;
        }
    }
    return text;
}

int writeCsv(CliContext &context, const QList<Entity> &entities, const QString &target)
{
    const FileStore store(context.workspace().storeDirectory());
    const QByteArray bytes = csv(context.catalog(), store, entities).toUtf8();
    if (target == u"-") {
        QFile out;
        (void)out.open(stdout, QIODevice::WriteOnly);
        out.write(bytes);
        return ExitOk;
    }
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return context.fail(target + u": cannot write (" + file.errorString() + u')', ExitRefused);
    context.console().line(u"wrote "_s + target);
    context.console().result(QJsonObject{{u"csv"_s, target}, {u"entities"_s, int(entities.size())}});
    return ExitOk;
}

QString safeFileName(const QString &text)
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._-]+"_s);
    QString name = QString(text).replace(unsafe, u"_"_s);
    return name.startsWith(u'.') ? u'_' + name : name;
}

struct ExportTarget
{
    ImageRecord image;
    QString fileName;
};

QList<ExportTarget> exportTargets(Catalog &catalog, const QList<Entity> &entities, bool allImages)
{
    QList<ExportTarget> targets;
    if (allImages) {
        for (const ImageRecord &image : catalog.allImages())
            targets.append({image, image.uid + u".jpg"_s});
        return targets;
    }
    for (const Entity &entity : entities) {
        const QList<ImageRecord> images = primaryFirst(catalog, entity);
        for (qsizetype i = 0; i < images.size(); ++i)
            targets.append({images.at(i), safeFileName(entity.key) + u'-' + QString::number(i + 1) + u".jpg"_s});
    }
    return targets;
}

int writeRenditions(CliContext &context, const QList<ExportTarget> &targets, const QString &directory)
{
    if (!QDir().mkpath(directory))
        return context.fail(directory + u": cannot create the folder"_s, ExitRefused);
    const FileStore store(context.workspace().storeDirectory());
    ImagingPool pool(1);
    int failures = 0;
    QJsonArray written;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const ImageRecord &image = targets.at(i).image;
        context.console().progress(int(i), int(targets.size()), image.originalName);
        const RenditionRecord *web = rendition(image, u"web1024"_s);
        const QString destination = QDir(directory).filePath(targets.at(i).fileName);
        if (!web) {
            context.console().error(u"image "_s + image.uid + u" has no web rendition; run vitrine-cli verify");
            ++failures;
            continue;
        }
        const EmbedRequest request{store.renditionPath(image.sha256, web->name, web->sha256), destination,
                                   image.caption, image.altText, image.description, image.tags, image.imageType};
        const Status embedded = QtConcurrent::run(pool.threadPool(), [&pool, &request] { return pool.embedMetadata(request); }).result();
        if (!embedded) {
            context.console().error(embedded.error());
            ++failures;
            continue;
        }
        written.append(destination);
    }
    context.console().endProgress();
    context.console().line(u"wrote "_s + QString::number(written.size()) + u" renditions to " + directory);
    context.console().result(QJsonObject{{u"directory"_s, directory}, {u"files"_s, written}, {u"failed"_s, failures}});
    return failures ? ExitSomeFailed : ExitOk;
}

} // namespace

int Commands::exportImages(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"export --csv FILE|- [--entity KIND:KEY]... | export --renditions DIR [--entity KIND:KEY]..."_s);
    parser.addOptions({{u"csv"_s, u"Write entities with their images (primary first) as CSV to FILE, or - for stdout."_s, u"FILE"_s},
                       {u"renditions"_s, u"Write web renditions with caption, alt text and tags embedded (XMP/IPTC) to DIR."_s, u"DIR"_s},
                       {u"entity"_s, u"Only this entity (repeatable); default: every entity (CSV) or every image (renditions)."_s, u"KIND:KEY"_s}});
    if (!context.parse(parser, u"export"_s, arguments))
        return context.exitCode;
    if (parser.isSet(u"csv"_s) == parser.isSet(u"renditions"_s))
        return context.fail(u"export: name exactly one of --csv FILE or --renditions DIR"_s, ExitUsage);
    if (!context.openWorkspace())
        return context.exitCode;
    QList<Entity> entities;
    for (const QString &reference : parser.values(u"entity"_s)) {
        const auto entity = context.entity(reference);
        if (!entity)
            return context.exitCode;
        entities.append(*entity);
    }
    const bool everything = entities.isEmpty();
    if (parser.isSet(u"csv"_s))
        return writeCsv(context, everything ? context.catalog().entities() : entities, parser.value(u"csv"_s));
    return writeRenditions(context, exportTargets(context.catalog(), entities, everything), parser.value(u"renditions"_s));
}

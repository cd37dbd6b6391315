#include "clicontext.h"
#include "commands.h"
#include "recordjson.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QString summary(const ImageRecord &image)
{
    QString line = QString::number(image.id) + u'\t' + image.uid + u'\t' + image.originalName + u'\t'
        + QString::number(image.facts.width) + u'x' + QString::number(image.facts.height);
    if (!image.caption.isEmpty())
        line += u"\t\""_s + image.caption + u'"';
    return line;
}

void printImages(CliContext &context, const QList<ImageRecord> &images)
{
    QJsonArray json;
    for (const ImageRecord &image : images) {
        context.console().line(summary(image));
        json.append(RecordJson::image(image));
    }
    context.console().result(json);
}

QString describe(const ImageRecord &image, const QList<LinkInfo> &links)
{
    const ImageFacts &facts = image.facts;
    QStringList lines{u"image "_s + QString::number(image.id) + u"  uid " + image.uid,
                      u"  file:        "_s + image.originalName + u" (" + facts.format + u", "
                          + QString::number(facts.width) + u'x' + QString::number(facts.height) + u", "
                          + QString::number(image.bytes) + u" bytes)",
                      u"  sha256:      "_s + image.sha256};
    if (facts.capturedAt.isValid())
        lines << u"  taken:       "_s + facts.capturedAt.toString(Qt::ISODate);
    if (!facts.cameraMake.isEmpty() || !facts.cameraModel.isEmpty())
        lines << u"  camera:      "_s + facts.cameraMake + u' ' + facts.cameraModel;
    if (facts.gps)
        lines << u"  position:    "_s + QString::number(facts.gps->latitude, 'f', 6) + u", "
                + QString::number(facts.gps->longitude, 'f', 6);
    lines << u"  orientation: EXIF "_s + QString::number(facts.exifOrientation) + u", rotated "
            + QString::number(image.rotationQuarterTurns * 90) + u"°";
    lines << u"  caption:     "_s + image.caption << u"  alt text:    "_s + image.altText
          << u"  description: "_s + image.description << u"  type:        "_s + image.imageType
          << u"  front:       "_s + (image.front ? u"yes"_s : u"no"_s) << u"  tags:        "_s + image.tags.join(u", "_s);
    for (const LinkInfo &link : links)
        lines << u"  entity:      "_s + RecordJson::entityReference(link.entity) + u" #" + QString::number(link.sortOrder)
                + (link.primary ? (link.pinned ? u" primary (pinned by "_s + link.pinnedBy + u')' : u" primary (first in order)"_s)
                                : QString());
    return lines.join(u'\n');
}

std::optional<bool> parseYesNo(const QString &text)
{
    if (text == u"yes" || text == u"true" || text == u"1")
        return true;
    if (text == u"no" || text == u"false" || text == u"0")
        return false;
    return std::nullopt;
}

// Opens the workspace and finds the one image a command names as its only argument.
std::optional<ImageRecord> singleImage(CliContext &context, const QCommandLineParser &parser, const QString &usage)
{
    if (parser.positionalArguments().size() != 1) {
        context.fail(u"usage: vitrine-cli "_s + usage, ExitUsage);
        return std::nullopt;
    }
    if (!context.openWorkspace())
        return std::nullopt;
    return context.image(parser.positionalArguments().first());
}

int reportChange(CliContext &context, const Status &status, qint64 imageId)
{
    if (!status)
        return context.fail(status.error(), ExitRefused);
    const auto image = context.catalog().imageById(imageId);
    context.console().line(u"updated image "_s + QString::number(imageId));
    if (image)
        context.console().result(RecordJson::image(*image));
    return ExitOk;
}

} // namespace

int Commands::list(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"list [--entity KIND:KEY | --unassigned] [--limit N] [--offset N]"_s);
    parser.addOptions({{u"entity"_s, u"The images of one entity, in their order."_s, u"KIND:KEY"_s},
                       {u"unassigned"_s, u"Images linked to no entity."_s},
                       {u"limit"_s, u"At most N images."_s, u"N"_s, u"-1"_s},
                       {u"offset"_s, u"Skip the first N images."_s, u"N"_s, u"0"_s}});
    if (!context.parse(parser, u"list"_s, arguments) || !context.openWorkspace())
        return context.exitCode;
    if (parser.isSet(u"entity"_s)) {
        const auto entity = context.entity(parser.value(u"entity"_s));
        if (!entity)
            return context.exitCode;
        printImages(context, context.catalog().imagesOfEntity(entity->id));
    } else if (parser.isSet(u"unassigned"_s)) {
        printImages(context, context.catalog().unassignedImages());
    } else {
        printImages(context, context.catalog().allImages(parser.value(u"limit"_s).toInt(), parser.value(u"offset"_s).toInt()));
    }
    return ExitOk;
}

int Commands::show(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"show IMAGE — everything known about one image (by number, uid or SHA-256)"_s);
    if (!context.parse(parser, u"show"_s, arguments))
        return context.exitCode;
    const auto image = singleImage(context, parser, u"show IMAGE"_s);
    if (!image)
        return context.exitCode;
    const QList<LinkInfo> links = context.catalog().linksOfImage(image->id);
    context.console().line(describe(*image, links));
    context.console().result(RecordJson::imageWithLinks(*image, links));
    return ExitOk;
}

int Commands::search(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"search TEXT... — captions, alt texts, descriptions, tags, entity names and keys"_s);
    parser.addOption({u"limit"_s, u"At most N results."_s, u"N"_s, u"200"_s});
    if (!context.parse(parser, u"search"_s, arguments))
        return context.exitCode;
    if (parser.positionalArguments().isEmpty())
        return context.fail(u"usage: vitrine-cli search TEXT..."_s, ExitUsage);
    if (!context.openWorkspace())
        return context.exitCode;
    const auto found = context.catalog().search(parser.positionalArguments().join(u' '), parser.value(u"limit"_s).toInt());
    if (!found)
        return context.fail(found.error(), ExitRefused);
    printImages(context, found.value());
    return ExitOk;
}

int Commands::tag(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"tag IMAGE [--add TAG]... [--remove TAG]... [--set TAG,TAG...]"_s);
    parser.addOptions({{u"add"_s, u"Add a tag (repeatable)."_s, u"TAG"_s},
                       {u"remove"_s, u"Remove a tag (repeatable)."_s, u"TAG"_s},
                       {u"set"_s, u"Replace all tags with this comma-separated list."_s, u"TAGS"_s}});
    if (!context.parse(parser, u"tag"_s, arguments))
        return context.exitCode;
    if (!parser.isSet(u"add"_s) && !parser.isSet(u"remove"_s) && !parser.isSet(u"set"_s))
        return context.fail(u"tag: name --add, --remove or --set"_s, ExitUsage);
    const auto image = singleImage(context, parser, u"tag IMAGE [--add TAG]... [--remove TAG]... [--set TAGS]"_s);
    if (!image)
        return context.exitCode;
    Catalog &catalog = context.catalog();
    Status status;
    if (parser.isSet(u"set"_s))
        status = catalog.setTags(image->id, parser.value(u"set"_s).split(u',', Qt::SkipEmptyParts));
    if (status && parser.isSet(u"add"_s))
        status = catalog.addTags(image->id, parser.values(u"add"_s));
    if (status && parser.isSet(u"remove"_s))
        status = catalog.removeTags(image->id, parser.values(u"remove"_s));
    return reportChange(context, status, image->id);
}

int Commands::edit(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"edit IMAGE [--caption T] [--alt-text T] [--description T] [--type T] [--front yes|no]"_s);
    parser.addOptions({{u"caption"_s, u"The caption."_s, u"TEXT"_s},
                       {u"alt-text"_s, u"Text describing the image for those who cannot see it."_s, u"TEXT"_s},
                       {u"description"_s, u"A longer description."_s, u"TEXT"_s},
                       {u"type"_s, u"Image type, for example Produktfoto."_s, u"TYPE"_s},
                       {u"front"_s, u"Whether this is a front view."_s, u"yes|no"_s}});
    if (!context.parse(parser, u"edit"_s, arguments))
        return context.exitCode;
    ImageEdit change;
    const auto take = [&parser](const QString &option, std::optional<QString> &field) {
        if (parser.isSet(option))
            field = parser.value(option);
    };
    take(u"caption"_s, change.caption);
    take(u"alt-text"_s, change.altText);
    take(u"description"_s, change.description);
    take(u"type"_s, change.imageType);
    if (parser.isSet(u"front"_s)) {
        change.front = parseYesNo(parser.value(u"front"_s));
        if (!change.front)
            return context.fail(u"--front takes yes or no, not \""_s + parser.value(u"front"_s) + u'"', ExitUsage);
    }
    if (!change.caption && !change.altText && !change.description && !change.imageType && !change.front)
        return context.fail(u"edit: name at least one of --caption, --alt-text, --description, --type, --front"_s, ExitUsage);
    const auto image = singleImage(context, parser, u"edit IMAGE [options]"_s);
    if (!image)
        return context.exitCode;
    return reportChange(context, context.catalog().editImage(image->id, change), image->id);
}

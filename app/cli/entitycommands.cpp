#include "clicontext.h"
#include "commands.h"
#include "recordjson.h"

#include <QCommandLineParser>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

int addEntity(CliContext &context, const QCommandLineParser &parser, const QStringList &positional)
{
    const auto kind = entityKindFromName(positional.value(1));
    if (positional.size() != 3 || !kind)
        return context.fail(u"usage: vitrine-cli entity add KIND KEY [--name NAME] [--parent KEY] [--base-key KEY] "
                            u"(kinds: customer, product, job, category, invoice, company)"_s,
                            ExitUsage);
    const QString key = positional.at(2);
    const QString name = parser.isSet(u"name"_s) ? parser.value(u"name"_s) : key;
    const Result<Entity> added = context.catalog().addEntity(*kind, key, name, parser.value(u"parent"_s),
                                                             parser.value(u"base-key"_s));
    if (!added)
        return context.fail(added.error(), ExitRefused);
    context.console().line(u"added "_s + RecordJson::entityReference(added.value()) + u" (" + added->name + u')');
    context.console().result(RecordJson::entity(added.value()));
    return ExitOk;
}

int listEntities(CliContext &context, const QCommandLineParser &parser)
{
    std::optional<EntityKind> kind;
    if (parser.isSet(u"kind"_s)) {
        kind = entityKindFromName(parser.value(u"kind"_s));
        if (!kind)
            return context.fail(u"unknown entity kind \""_s + parser.value(u"kind"_s) + u'"', ExitUsage);
    }
    QJsonArray json;
    for (const Entity &entity : context.catalog().entities(kind, parser.value(u"filter"_s))) {
        context.console().line(RecordJson::entityReference(entity) + u'\t' + entity.name + u'\t'
                               + QString::number(entity.imageCount) + u" images"_s);
        json.append(RecordJson::entity(entity));
    }
    context.console().result(json);
    return ExitOk;
}

// Commands that name an image and an entity, in either order.
struct ImageAndEntity
{
    std::optional<ImageRecord> image;
    std::optional<Entity> entity;
};

ImageAndEntity imageAndEntity(CliContext &context, const QString &imageReference, const QString &entityReference)
{
    ImageAndEntity result;
    result.entity = context.entity(entityReference);
    if (result.entity)
        result.image = context.image(imageReference);
    return result;
}

int twoArgumentCommand(CliContext &context, const QStringList &arguments, const QString &command,
                       const QString &usage, bool entityFirst)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(usage);
    if (!context.parse(parser, command, arguments))
        return context.exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return context.fail(u"usage: vitrine-cli "_s + usage, ExitUsage);
    if (!context.openWorkspace())
        return context.exitCode;
    const ImageAndEntity named = entityFirst ? imageAndEntity(context, positional.at(1), positional.at(0))
                                             : imageAndEntity(context, positional.at(0), positional.at(1));
    if (!named.image || !named.entity)
        return context.exitCode;
    Status status;
    if (command == u"link")
        status = context.catalog().link(named.image->id, named.entity->id);
    else if (command == u"unlink")
        status = context.catalog().unlink(named.image->id, named.entity->id);
    else
        status = context.catalog().setPrimary(named.entity->id, named.image->id, qEnvironmentVariable("USER"));
    if (!status)
        return context.fail(status.error(), ExitRefused);
    context.console().line(command + u": image "_s + QString::number(named.image->id) + u", "
                           + RecordJson::entityReference(*named.entity));
    context.console().result(QJsonObject{{u"image"_s, named.image->id},
                                         {u"entity"_s, RecordJson::entityReference(*named.entity)},
                                         {u"done"_s, command}});
    return ExitOk;
}

} // namespace

int Commands::entity(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"entity add KIND KEY [--name NAME] [--parent KEY] [--base-key KEY] | "
                                     u"entity list [--kind KIND] [--filter TEXT]"_s);
    parser.addOptions({{u"name"_s, u"Display name (default: the key)."_s, u"NAME"_s},
                       {u"parent"_s, u"Key of the parent entity of the same kind (product variants)."_s, u"KEY"_s},
                       {u"base-key"_s, u"Base key (for example the base SKU of a variant)."_s, u"KEY"_s},
                       {u"kind"_s, u"Only entities of this kind."_s, u"KIND"_s},
                       {u"filter"_s, u"Only entities whose key or name contains TEXT."_s, u"TEXT"_s}});
    if (!context.parse(parser, u"entity"_s, arguments))
        return context.exitCode;
    const QStringList positional = parser.positionalArguments();
    if (!context.openWorkspace())
        return context.exitCode;
    if (positional.value(0) == u"add")
        return addEntity(context, parser, positional);
    if (positional.value(0) == u"list" && positional.size() == 1)
        return listEntities(context, parser);
    return context.fail(u"usage: vitrine-cli entity add KIND KEY ... | entity list ..."_s, ExitUsage);
}

int Commands::link(CliContext &context, const QStringList &arguments)
{
    return twoArgumentCommand(context, arguments, u"link"_s, u"link IMAGE KIND:KEY"_s, false);
}

int Commands::unlink(CliContext &context, const QStringList &arguments)
{
    return twoArgumentCommand(context, arguments, u"unlink"_s, u"unlink IMAGE KIND:KEY"_s, false);
}

int Commands::setPrimary(CliContext &context, const QStringList &arguments)
{
    return twoArgumentCommand(context, arguments, u"set-primary"_s, u"set-primary KIND:KEY IMAGE"_s, true);
}

int Commands::reorder(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"reorder KIND:KEY IMAGE... — the entity's images in their new order"_s);
    if (!context.parse(parser, u"reorder"_s, arguments))
        return context.exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return context.fail(u"usage: vitrine-cli reorder KIND:KEY IMAGE..."_s, ExitUsage);
    if (!context.openWorkspace())
        return context.exitCode;
    const auto entity = context.entity(positional.first());
    if (!entity)
        return context.exitCode;
    QList<qint64> order;
    for (const QString &reference : positional.mid(1)) {
        const auto image = context.image(reference);
        if (!image)
            return context.exitCode;
        order.append(image->id);
    }
    if (const Status status = context.catalog().reorder(entity->id, order); !status)
        return context.fail(status.error(), ExitRefused);
    context.console().line(u"reordered "_s + QString::number(order.size()) + u" images of "
                           + RecordJson::entityReference(*entity));
    QJsonArray ids;
    for (const qint64 id : order)
        ids.append(id);
    context.console().result(QJsonObject{{u"entity"_s, RecordJson::entityReference(*entity)}, {u"order"_s, ids}});
    return ExitOk;
}

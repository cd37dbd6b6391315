#include "clicontext.h"
#include "commands.h"
#include "recordjson.h"

#include "imaging/imagingpool.h"
#include "import/imagerotation.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

int Commands::rotate(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"rotate IMAGE left|right|180 — the original's bytes stay as they are"_s);
    if (!context.parse(parser, u"rotate"_s, arguments))
        return context.exitCode;
    const QStringList positional = parser.positionalArguments();
    static const QHash<QString, int> turns{{u"right"_s, 1}, {u"left"_s, -1}, {u"180"_s, 2}};
    if (positional.size() != 2 || !turns.contains(positional.at(1)))
        return context.fail(u"usage: vitrine-cli rotate IMAGE left|right|180"_s, ExitUsage);
    if (!context.openWorkspace())
        return context.exitCode;
    const auto image = context.image(positional.at(0));
    if (!image)
        return context.exitCode;
    ImagingPool pool(1);
    ImageRotation rotation(context.workspace(), pool);
    if (const Status rotated = rotation.rotate(image->id, turns.value(positional.at(1))); !rotated)
        return context.fail(rotated.error(), ExitRefused);
    const auto after = context.catalog().imageById(image->id);
    context.console().line(u"rotated image "_s + QString::number(image->id) + u" to "
                           + QString::number(after ? after->rotationQuarterTurns * 90 : 0) + u"°");
    if (after)
        context.console().result(RecordJson::image(*after));
    return ExitOk;
}

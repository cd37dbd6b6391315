#include "clicontext.h"
#include "commands.h"
#include "interruption.h"
#include "recordjson.h"

#include "imaging/imagingpool.h"
#include "import/importjob.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;
using Outcome = ImportItemResult::Outcome;

namespace {

QJsonObject itemJson(const ImportItemResult &item)
{
    QJsonObject json{{u"file"_s, item.sourcePath}, {u"outcome"_s, ImportItemResult::outcomeName(item.outcome)}};
    if (!item.message.isEmpty())
        json.insert(u"message"_s, item.message);
    if (item.imageId != 0) {
        json.insert(u"image"_s, item.imageId);
        json.insert(u"uid"_s, item.imageUid);
    }
    QJsonArray entities;
    for (const Entity &entity : item.entities)
        entities.append(RecordJson::entityReference(entity));
    if (!entities.isEmpty())
        json.insert(u"entities"_s, entities);
    return json;
}

void reportItem(const Console &console, const ImportItemResult &item)
{
    switch (item.outcome) {
    case Outcome::Imported:
        if (!item.message.isEmpty())
            console.warning(item.message);
        break;
    case Outcome::Duplicate: {
        QStringList entities;
        for (const Entity &entity : item.entities)
            entities.append(RecordJson::entityReference(entity));
        console.warning(item.message + (entities.isEmpty() ? QString() : u", linked to "_s + entities.join(u", "_s)));
        break;
    }
    case Outcome::Failed:
        console.error(item.message);
        break;
    case Outcome::NotAttempted:
        break;
    }
}

int summarise(CliContext &context, const ImportReport &report)
{
    const int imported = report.count(Outcome::Imported);
    const int duplicates = report.count(Outcome::Duplicate);
    const int failed = report.count(Outcome::Failed);
    const int skipped = report.count(Outcome::NotAttempted);
    context.console().line(QString::number(imported) + u" imported, "_s + QString::number(duplicates) + u" already present, "
                           + QString::number(failed) + u" failed" + (skipped ? u", "_s + QString::number(skipped) + u" not attempted" : QString()));
    if (!report.stopReason.isEmpty())
        context.console().error(u"the import stopped early: "_s + report.stopReason);
    QJsonArray items;
    for (const ImportItemResult &item : report.items)
        items.append(itemJson(item));
    context.console().result(QJsonObject{{u"imported"_s, imported},
                                         {u"duplicates"_s, duplicates},
                                         {u"failed"_s, failed},
                                         {u"notAttempted"_s, skipped},
                                         {u"stopReason"_s, report.stopReason},
                                         {u"items"_s, items}});
    if (report.diskFull)
        return ExitDiskFull;
    if (report.cancelled)
        return ExitCancelled;
    return failed || skipped ? ExitSomeFailed : ExitOk;
}

// Reads a positive number option into a limit; false (after saying why) when it is not one.
bool readLimit(CliContext &context, const QCommandLineParser &parser, const QString &option, double scale, auto &limit)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || value <= 0 || value * scale > 1e15) {
        context.fail(u"--"_s + option + u" takes a positive number, not \"" + parser.value(option) + u'"', ExitUsage);
        return false;
    }
    limit = static_cast<std::remove_reference_t<decltype(limit)>>(value * scale);
    return true;
}

std::optional<QList<qint64>> targetEntities(CliContext &context, const QStringList &references)
{
    QList<qint64> ids;
    for (const QString &reference : references) {
        const auto entity = context.entity(reference);
        if (!entity)
            return std::nullopt;
        ids.append(entity->id);
    }
    return ids;
}

ImportReport runJob(CliContext &context, ImportJob &job)
{
    const Console &console = context.console();
    ImportReport report;
    QEventLoop loop;
    QObject::connect(&job, &ImportJob::itemFinished, &loop, [&console](const ImportItemResult &item) {
        reportItem(console, item);
    });
    QObject::connect(&job, &ImportJob::progressUpdated, &loop, [&console](int done, int total) {
        console.progress(done, total, u"importing"_s);
    });
    QObject::connect(&job, &ImportJob::finished, &loop, [&loop, &report](const ImportReport &finished) {
        report = finished;
        loop.quit();
    });
    QTimer interruptWatch;
    QObject::connect(&interruptWatch, &QTimer::timeout, &loop, [&job] {
        if (Interruption::requested())
            job.cancel();
    });
    interruptWatch.start(100);
    job.start();
    loop.exec();
    console.endProgress();
    return report;
}

} // namespace

int Commands::importFiles(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"import FILES|DIRS... [--entity KIND:KEY]... [--recursive]"_s);
    parser.addOptions({{u"entity"_s, u"Link every imported image to this entity (repeatable)."_s, u"KIND:KEY"_s},
                       {{u"r"_s, u"recursive"_s}, u"Import folders with their subfolders."_s},
                       {u"max-file-size"_s, u"Refuse files over MB megabytes (default 15)."_s, u"MB"_s},
                       {u"max-pixels"_s, u"Refuse images over MP megapixels (default 100)."_s, u"MP"_s},
                       {u"timeout"_s, u"Give up on a file after S seconds in the imaging worker (default 60)."_s, u"S"_s}});
    parser.addPositionalArgument(u"paths"_s, u"Image files and folders."_s, u"FILES|DIRS..."_s);
    if (!context.parse(parser, u"import"_s, arguments))
        return context.exitCode;
    if (parser.positionalArguments().isEmpty())
        return context.fail(u"usage: vitrine-cli import FILES|DIRS... [--entity KIND:KEY]... [--recursive]"_s, ExitUsage);
    if (!context.openWorkspace())
        return context.exitCode;
    const auto entityIds = targetEntities(context, parser.values(u"entity"_s));
    if (!entityIds)
        return context.exitCode;
    const Result<QStringList> files = ImportJob::collectFiles(parser.positionalArguments(), parser.isSet(u"recursive"_s));
    if (!files)
        return context.fail(files.error(), ExitNotFound);

    ImportOptions options;
    options.entityIds = entityIds.value();
    ImportLimits &limits = options.limits;
    if (!readLimit(context, parser, u"max-file-size"_s, 1024.0 * 1024.0, limits.maxFileBytes)
        || !readLimit(context, parser, u"max-pixels"_s, 1e6, limits.maxPixels)
        || !readLimit(context, parser, u"timeout"_s, 1.0, limits.workerWallSecondsPerFile))
        return context.exitCode;
    limits.workerCpuSecondsPerFile = std::min(limits.workerCpuSecondsPerFile, limits.workerWallSecondsPerFile);
    ImagingPool pool(context.workers(), options.limits);
    ImportJob job(context.workspace(), pool, files.value(), options);
    Interruption::install();
    return summarise(context, runJob(context, job));
}

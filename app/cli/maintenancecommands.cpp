#include "clicontext.h"
#include "commands.h"
#include "interruption.h"

#include "imaging/imagingpool.h"
#include "maintenance/compressold.h"
#include "maintenance/storecleanup.h"
#include "maintenance/storeverifier.h"
#include "maintenance/workspacebackup.h"
#include "maintenance/workspacerestore.h"
#include "maintenance/workspacestats.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

std::atomic_bool s_cancel{false};

// Progress on the terminal, and Ctrl+C turned into the job's cancel flag.
JobProgress progressFor(const CliContext &context, const QString &what)
{
    Interruption::install();
    return JobProgress(
        [&context, what](qint64 done, qint64 total) {
            if (Interruption::requested())
                s_cancel = true;
            context.console().progress(int(done * 1000 / std::max<qint64>(total, 1)), 1000, what);
        },
        &s_cancel);
}

// A command with no positional argument that works on the chosen workspace.
bool prepare(CliContext &context, QCommandLineParser &parser, const QString &command, const QStringList &arguments,
             int positionalCount = 0)
{
    if (!context.parse(parser, command, arguments))
        return false;
    if (parser.positionalArguments().size() != positionalCount) {
        context.fail(u"usage: vitrine-cli "_s + parser.applicationDescription(), ExitUsage);
        return false;
    }
    return context.openWorkspace();
}

QJsonArray problemsJson(const QList<StoreProblem> &problems)
{
    QJsonArray json;
    for (const StoreProblem &problem : problems)
        json.append(QJsonObject{{u"image"_s, problem.imageId}, {u"path"_s, problem.path},
                                {u"rendition"_s, problem.renditionName}, {u"message"_s, problem.message}});
    return json;
}

QJsonArray orphansJson(const QList<CleanupPlan::OrphanFile> &files)
{
    QJsonArray json;
    for (const CleanupPlan::OrphanFile &file : files)
        json.append(QJsonObject{{u"path"_s, file.path}, {u"bytes"_s, file.bytes}});
    return json;
}

void printPlan(const Console &console, const CleanupPlan &plan)
{
    for (const CleanupPlan::OrphanFile &file : plan.orphanFiles)
        console.line(u"unreferenced file: "_s + file.path + u" (" + QString::number(file.bytes) + u" bytes)");
    for (const StoredFileRef &missing : plan.missingFiles)
        console.line(u"record without file: image "_s + QString::number(missing.imageId)
                     + (missing.renditionName.isEmpty() ? u" original"_s : u" rendition "_s + missing.renditionName));
    if (!plan.tooRecent.isEmpty())
        console.line(QString::number(plan.tooRecent.size())
                     + u" recent unreferenced files left alone (an import may be about to record them)"_s);
}

QJsonObject mapJson(const QMap<QString, int> &map)
{
    QJsonObject json;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace

int Commands::verify(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"verify — check that every recorded file exists and hashes to its name"_s);
    if (!prepare(context, parser, u"verify"_s, arguments))
        return context.exitCode;
    const Status integrity = context.catalog().checkIntegrity();
    if (!integrity)
        context.console().error(integrity.error());
    const auto report = StoreVerifier(context.workspace()).run(progressFor(context, u"verifying"_s));
    context.console().endProgress();
    if (!report)
        return context.fail(report.error(), ExitWorkspace);
    for (const StoreProblem &problem : report->problems)
        context.console().error(problem.message);
    context.console().line(QString::number(report->checkedFiles) + u" files checked ("_s
                           + QString::number(report->checkedBytes) + u" bytes), "
                           + QString::number(report->problems.size()) + u" problems");
    context.console().result(QJsonObject{{u"checkedFiles"_s, report->checkedFiles},
                                         {u"checkedBytes"_s, report->checkedBytes},
                                         {u"problems"_s, problemsJson(report->problems)},
                                         {u"catalogIntegrity"_s, integrity ? u"ok"_s : integrity.error()},
                                         {u"cancelled"_s, report->cancelled}});
    if (report->cancelled)
        return ExitCancelled;
    return report->isClean() && integrity ? ExitOk : ExitDamage;
}

int Commands::cleanup(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"cleanup [--yes] [--min-age SECONDS] — list (and with --yes remove) "
                                     u"unreferenced files and records whose file is missing"_s);
    parser.addOptions({{u"yes"_s, u"Remove what the list shows."_s},
                       {u"min-age"_s, u"Leave unreferenced files younger than this alone (default 3600)."_s,
                        u"SECONDS"_s, u"3600"_s}});
    if (!prepare(context, parser, u"cleanup"_s, arguments))
        return context.exitCode;
    bool ok = false;
    const qint64 minimumAge = parser.value(u"min-age"_s).toLongLong(&ok);
    if (!ok || minimumAge < 0)
        return context.fail(u"--min-age takes a number of seconds"_s, ExitUsage);
    const StoreCleanup cleanup(context.workspace(), minimumAge);
    const auto plan = cleanup.plan();
    if (!plan)
        return context.fail(plan.error(), ExitWorkspace);
    printPlan(context.console(), plan.value());
    QJsonObject json{{u"orphanFiles"_s, orphansJson(plan->orphanFiles)},
                     {u"missingFiles"_s, int(plan->missingFiles.size())},
                     {u"tooRecent"_s, int(plan->tooRecent.size())},
                     {u"applied"_s, false}};
    if (!parser.isSet(u"yes"_s) || plan->isEmpty()) {
        if (!plan->isEmpty())
            context.console().line(u"nothing removed: run again with --yes to remove the above"_s);
        context.console().result(json);
        return ExitOk;
    }
    const auto done = cleanup.apply(plan.value());
    if (!done)
        return context.fail(done.error(), ExitWorkspace);
    for (const QString &failure : done->failures)
        context.console().error(failure);
    context.console().line(u"removed "_s + QString::number(done->removedFiles) + u" files ("
                           + QString::number(done->removedBytes) + u" bytes), forgot "
                           + QString::number(done->forgottenImages) + u" images");
    json.insert(u"applied"_s, true);
    json.insert(u"removedFiles"_s, done->removedFiles);
    json.insert(u"forgottenImages"_s, done->forgottenImages);
    json.insert(u"failures"_s, QJsonArray::fromStringList(done->failures));
    context.console().result(json);
    return done->failures.isEmpty() ? ExitOk : ExitSomeFailed;
}

int Commands::stats(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"stats — counts per entity kind and image type, bytes of originals and renditions"_s);
    if (!prepare(context, parser, u"stats"_s, arguments))
        return context.exitCode;
    const auto stats = WorkspaceStats::collect(context.workspace());
    if (!stats)
        return context.fail(stats.error(), ExitWorkspace);
    const CatalogStats &catalog = stats->catalog;
    context.console().line(u"images: "_s + QString::number(catalog.images) + u" (" + QString::number(catalog.unassignedImages)
                           + u" unassigned)");
    for (auto it = catalog.entitiesPerKind.cbegin(); it != catalog.entitiesPerKind.cend(); ++it)
        context.console().line(u"  "_s + it.key() + u": " + QString::number(it.value()) + u" entities");
    for (auto it = catalog.imagesPerType.cbegin(); it != catalog.imagesPerType.cend(); ++it)
        context.console().line(u"  type "_s + (it.key().isEmpty() ? u"(none)"_s : it.key()) + u": " + QString::number(it.value()));
    context.console().line(u"originals: "_s + QString::number(stats->onDisk.originalFiles) + u" files, "
                           + QString::number(stats->onDisk.originalBytes) + u" bytes on disk");
    context.console().line(u"renditions: "_s + QString::number(stats->onDisk.renditionFiles) + u" files, "
                           + QString::number(stats->onDisk.renditionBytes) + u" bytes on disk");
    context.console().result(QJsonObject{
        {u"images"_s, catalog.images},
        {u"unassignedImages"_s, catalog.unassignedImages},
        {u"entitiesPerKind"_s, mapJson(catalog.entitiesPerKind)},
        {u"imagesPerType"_s, mapJson(catalog.imagesPerType)},
        {u"originalBytes"_s, catalog.originalBytes},
        {u"renditionBytes"_s, catalog.renditionBytes},
        {u"onDisk"_s, QJsonObject{{u"originalFiles"_s, stats->onDisk.originalFiles},
                                   {u"originalBytes"_s, stats->onDisk.originalBytes},
                                   {u"renditionFiles"_s, stats->onDisk.renditionFiles},
                                   {u"renditionBytes"_s, stats->onDisk.renditionBytes},
                                   {u"temporaryFiles"_s, stats->onDisk.temporaryFiles}}},
        {u"catalogFileBytes"_s, stats->catalogFileBytes}});
    return ExitOk;
}

int Commands::backup(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"backup FILE [--replace] — the whole workspace into one archive, while it stays in use"_s);
    parser.addOption({u"replace"_s, u"Overwrite FILE if it exists."_s});
    if (!prepare(context, parser, u"backup"_s, arguments, 1))
        return context.exitCode;
    const QString archive = parser.positionalArguments().first();
    const auto report = WorkspaceBackup(context.workspace())
                            .write(archive, progressFor(context, u"backing up"_s),
                                   parser.isSet(u"replace"_s) ? WorkspaceBackup::ExistingArchive::Replace
                                                              : WorkspaceBackup::ExistingArchive::Refuse);
    context.console().endProgress();
    if (!report)
        return context.fail(report.error(), s_cancel ? ExitCancelled : ExitRefused);
    for (const QString &problem : report->problems)
        context.console().warning(problem);
    context.console().line(u"wrote "_s + report->archivePath + u": " + QString::number(report->images) + u" images, "
                           + QString::number(report->archiveBytes) + u" bytes");
    context.console().result(QJsonObject{{u"archive"_s, report->archivePath}, {u"bytes"_s, report->archiveBytes},
                                         {u"images"_s, report->images},
                                         {u"problems"_s, QJsonArray::fromStringList(report->problems)}});
    return report->problems.isEmpty() ? ExitOk : ExitSomeFailed;
}

int Commands::restore(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"restore FILE [--as NAME] [--replace] — all or nothing; a replaced workspace is kept aside"_s);
    parser.addOptions({{u"as"_s, u"Restore into a new workspace of this name (default: --workspace)."_s, u"NAME"_s},
                       {u"replace"_s, u"Replace the existing workspace (it is moved aside, not deleted)."_s}});
    if (!context.parse(parser, u"restore"_s, arguments))
        return context.exitCode;
    if (parser.positionalArguments().size() != 1)
        return context.fail(u"usage: vitrine-cli restore FILE [--as NAME] [--replace]"_s, ExitUsage);
    const QString name = parser.isSet(u"as"_s) ? parser.value(u"as"_s) : context.workspaceName();
    if (name.isEmpty())
        return context.fail(u"restore: name the workspace with --as NAME (or --workspace NAME with --replace)"_s, ExitUsage);
    const auto target = parser.isSet(u"replace"_s) ? WorkspaceRestore::Target::ReplaceExisting
                                                   : WorkspaceRestore::Target::NewWorkspace;
    const auto report = WorkspaceRestore(parser.positionalArguments().first())
                            .restore(context.dataDir(), name, target, progressFor(context, u"restoring"_s));
    context.console().endProgress();
    if (!report)
        return context.fail(report.error(), s_cancel ? ExitCancelled : ExitRefused);
    for (const QString &problem : report->problems)
        context.console().warning(problem);
    context.console().line(u"restored workspace "_s + report->workspaceName + u" (" + QString::number(report->images)
                           + u" images)" + (report->movedAsideTo.isEmpty() ? QString() : u"; the previous one is kept in "_s + report->movedAsideTo));
    context.console().result(QJsonObject{{u"workspace"_s, report->workspaceName}, {u"directory"_s, report->directory},
                                         {u"movedAsideTo"_s, report->movedAsideTo}, {u"images"_s, report->images},
                                         {u"problems"_s, QJsonArray::fromStringList(report->problems)}});
    return ExitOk;
}

int Commands::compressOld(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"compress-old [--months N] [--quality Q] — re-encode old images' renditions; originals untouched"_s);
    parser.addOptions({{u"months"_s, u"Images imported more than N months ago (default 6)."_s, u"N"_s, u"6"_s},
                       {u"quality"_s, u"JPEG quality of the new renditions (default 60)."_s, u"Q"_s, u"60"_s}});
    if (!prepare(context, parser, u"compress-old"_s, arguments))
        return context.exitCode;
    CompressOld::Options options;
    bool monthsOk = false, qualityOk = false;
    options.olderThanMonths = parser.value(u"months"_s).toInt(&monthsOk);
    options.quality = parser.value(u"quality"_s).toInt(&qualityOk);
    if (!monthsOk || options.olderThanMonths < 0 || !qualityOk || options.quality < 1 || options.quality > 100)
        return context.fail(u"--months takes a whole number of months and --quality a number from 1 to 100"_s, ExitUsage);
    ImagingPool pool(context.workers());
    const auto report = CompressOld(context.workspace(), pool, options).run(progressFor(context, u"compressing"_s));
    context.console().endProgress();
    if (!report)
        return context.fail(report.error(), ExitWorkspace);
    for (const QString &failure : report->failures)
        context.console().error(failure);
    context.console().line(QString::number(report->recompressed) + u" images re-encoded, "_s
                           + QString::number(report->alreadyCompressed) + u" already compressed; renditions "
                           + QString::number(report->bytesBefore) + u" → " + QString::number(report->bytesAfter) + u" bytes");
    context.console().result(QJsonObject{{u"candidates"_s, report->candidates}, {u"recompressed"_s, report->recompressed},
                                         {u"alreadyCompressed"_s, report->alreadyCompressed},
                                         {u"bytesBefore"_s, report->bytesBefore}, {u"bytesAfter"_s, report->bytesAfter},
                                         {u"failures"_s, QJsonArray::fromStringList(report->failures)}});
    if (report->cancelled)
        return ExitCancelled;
    return report->failures.isEmpty() ? ExitOk : ExitSomeFailed;
}

#include "clicontext.h"
#include "commands.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

int createWorkspace(CliContext &context, const QString &name)
{
    const Result<Workspace> workspace = Workspace::create(context.dataDir(), name);
    if (!workspace)
        return context.fail(workspace.error(), Workspace::isValidName(name) ? ExitWorkspace : ExitUsage);
    context.console().line(u"created workspace "_s + name + u" in " + workspace->directory());
    context.console().result(QJsonObject{{u"name"_s, name}, {u"directory"_s, workspace->directory()}});
    return ExitOk;
}

int listWorkspaces(CliContext &context)
{
    const QStringList names = Workspace::list(context.dataDir());
    for (const QString &name : names)
        context.console().line(name);
    if (names.isEmpty())
        context.console().line(u"no workspaces in "_s + context.dataDir());
    context.console().result(QJsonArray::fromStringList(names));
    return ExitOk;
}

} // namespace

int Commands::workspace(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Create or list workspaces: workspace create NAME | workspace list"_s);
    parser.addPositionalArgument(u"action"_s, u"create or list"_s);
    parser.addPositionalArgument(u"name"_s, u"the new workspace's name (create)"_s);
    if (!context.parse(parser, u"workspace"_s, arguments))
        return context.exitCode;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == u"create" && positional.size() == 2)
        return createWorkspace(context, positional.at(1));
    if (action == u"list" && positional.size() == 1)
        return listWorkspaces(context);
    return context.fail(u"usage: vitrine-cli workspace create NAME | workspace list"_s, ExitUsage);
}

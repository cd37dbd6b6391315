#include "clicontext.h"
#include "commands.h"

#include <QCoreApplication>
#include <QHash>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

using Command = std::function<int(CliContext &, const QStringList &)>;

struct GlobalOptions
{
    QString dataDir;
    QString workspace = qEnvironmentVariable("VITRINE_WORKSPACE");
    bool json = false;
    int workers = QThread::idealThreadCount();
    QString command;
    QStringList arguments;
    QString error;
};

const QHash<QString, Command> &commands()
{
    static const QHash<QString, Command> table{
        {u"workspace"_s, Commands::workspace}, {u"import"_s, Commands::importFiles},
        {u"list"_s, Commands::list},           {u"show"_s, Commands::show},
        {u"search"_s, Commands::search},       {u"entity"_s, Commands::entity},
        {u"link"_s, Commands::link},           {u"unlink"_s, Commands::unlink},
        {u"set-primary"_s, Commands::setPrimary}, {u"reorder"_s, Commands::reorder},
        {u"tag"_s, Commands::tag},             {u"edit"_s, Commands::edit},
        {u"rotate"_s, Commands::rotate},       {u"export"_s, Commands::exportImages},
        {u"verify"_s, Commands::verify},       {u"cleanup"_s, Commands::cleanup},
        {u"stats"_s, Commands::stats},         {u"backup"_s, Commands::backup},
        {u"restore"_s, Commands::restore},     {u"compress-old"_s, Commands::compressOld},
    };
    return table;
}

const char *usage()
{
    return R"(Usage: vitrine-cli [global options] COMMAND [arguments]

Global options (before or after the command):
  --data-dir DIR     folder holding the workspaces (default: $VITRINE_DATA_DIR, else the user's data folder)
  --workspace NAME   the workspace to use (default: $VITRINE_WORKSPACE, else the only one, else "default")
  --json             print results as JSON on stdout
  --workers N        imaging worker processes (default: one per core)

Commands:
  workspace create NAME | workspace list
  import FILES|DIRS... [--entity KIND:KEY]... [--recursive]
  list [--entity KIND:KEY | --unassigned] [--limit N] [--offset N]
  show IMAGE                      IMAGE: its number, uid or SHA-256
  search TEXT...
  entity add KIND KEY [--name NAME] [--parent KEY] [--base-key KEY]
  entity list [--kind KIND] [--filter TEXT]
  link IMAGE KIND:KEY | unlink IMAGE KIND:KEY
  set-primary KIND:KEY IMAGE
  reorder KIND:KEY IMAGE...
  tag IMAGE [--add TAG]... [--remove TAG]... [--set TAG,TAG...]
  edit IMAGE [--caption T] [--alt-text T] [--description T] [--type T] [--front yes|no]
  rotate IMAGE left|right|180
  export --csv FILE|- [--entity KIND:KEY]...
  export --renditions DIR [--entity KIND:KEY]...
  verify | cleanup [--yes] [--min-age SECONDS] | stats
  backup FILE [--replace] | restore FILE [--as NAME] [--replace]
  compress-old [--months N] [--quality Q]
  Every command takes --help.

Entity kinds: customer, product, job, category, invoice, company.

Exit codes:
  0 success    1 some items failed    2 usage error    3 workspace or catalog unusable
  4 not found  5 refused              6 disk full      7 verify found damage   130 interrupted
)";
}

// Global options may stand anywhere; everything else belongs to the command.
GlobalOptions parseGlobals(const QStringList &arguments)
{
    GlobalOptions options;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const auto valueOf = [&](const QString &name, QString &into) {
            if (argument.startsWith(name + u'=')) {
                into = argument.mid(name.size() + 1);
                return true;
            }
            if (argument != name)
                return false;
            if (i + 1 >= arguments.size())
                options.error = name + u" needs a value"_s;
            else
                into = arguments.at(++i);
            return true;
        };
        QString workers;
        if (valueOf(u"--data-dir"_s, options.dataDir) || valueOf(u"--workspace"_s, options.workspace))
            continue;
        if (valueOf(u"--workers"_s, workers)) {
            bool ok = false;
            options.workers = workers.toInt(&ok);
            if (!ok || options.workers < 1 || options.workers > 64)
                options.error = u"--workers takes a number from 1 to 64"_s;
        } else if (argument == u"--json") {
            options.json = true;
        } else if (options.command.isEmpty() && !argument.startsWith(u'-')) {
            options.command = argument;
        } else {
            options.arguments.append(argument);
        }
    }
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"vitrine"_s);
    QCoreApplication::setOrganizationName(u"Vitrine"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VITRINE_VERSION));

    const GlobalOptions options = parseGlobals(QCoreApplication::arguments());
    if (options.command.isEmpty() || options.command == u"help") {
        if (options.arguments.contains(u"--version"_s)) {
            std::printf("vitrine-cli %s\n", VITRINE_VERSION);
            return ExitOk;
        }
        std::fputs(usage(), options.command.isEmpty() && !options.arguments.contains(u"--help"_s) ? stderr : stdout);
        return options.command.isEmpty() && !options.arguments.contains(u"--help"_s) ? ExitUsage : ExitOk;
    }
    CliContext context(options.dataDir, options.workspace, options.json, options.workers);
    if (!options.error.isEmpty())
        return context.fail(options.error, ExitUsage);
    const auto command = commands().constFind(options.command);
    if (command == commands().cend())
        return context.fail(u"unknown command \""_s + options.command + u"\" (see: vitrine-cli help)", ExitUsage);
    return (*command)(context, options.arguments);
}

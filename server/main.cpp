// vitrine-server: serves workspaces to the desktop and other clients (docs/api.md), and
// manages its users and workspaces from the command line (docs/server.md).
#include "accounts.h"
#include "apiserver.h"
#include "blobstore.h"
#include "passwordhash.h"
#include "recordstore.h"
#include "renditioncache.h"
#include "imaging/imagingpool.h"
#include "serverdatabase.h"
#include "serveroptions.h"
#include "workspaceblobs.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <malloc.h>
#include <pthread.h>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "vitrine-server: %s\n", qPrintable(message));
    return code;
}

// The password comes from standard input, never from the command line (where other users
// of the machine could read it from the process list).
QString readPassword()
{
    QTextStream in(stdin);
    return in.readLine();
}

Status runCommand(const ServerOptions &options, Accounts &accounts)
{
    const QStringList &names = options.operands;
    switch (options.command) {
    case ServerOptions::Command::UserAdd:
        return accounts.addUser(names.at(0), readPassword());
    case ServerOptions::Command::UserPasswd:
        return accounts.setPassword(names.at(0), readPassword());
    case ServerOptions::Command::UserRemove:
        return accounts.removeUser(names.at(0));
    case ServerOptions::Command::WorkspaceAdd:
        return accounts.addWorkspace(names.at(0));
    case ServerOptions::Command::WorkspaceGrant:
        return accounts.grant(names.at(0), names.at(1), names.at(2));
    case ServerOptions::Command::Serve:
    case ServerOptions::Command::Help:
        break;
    }
    return {};
}

Status bootstrap(Accounts &accounts)
{
    const QString given = qEnvironmentVariable("VITRINE_ADMIN_PASSWORD");
    const QString password = given.isEmpty() ? PasswordHash::randomPassword() : given;
    Result<bool> created = accounts.bootstrap(password);
    if (!created)
        return Status::failure(created.error());
    if (created.value() && given.isEmpty())
        std::printf("First start: created the workspace \"main\" and the user \"admin\" with the password\n"
                    "  %s\nIt is shown this once; change it with: vitrine-server user passwd admin --data DIR\n",
                    qPrintable(password));
    return {};
}

// SIGINT and SIGTERM are waited for on a thread of their own, which stops the server
// cleanly: the listening socket closes and requests in flight are finished.
int serve(const ServerOptions &options, ServerDatabase &database, Accounts &accounts)
{
    if (options.tlsCert.isEmpty() != options.tlsKey.isEmpty())
        return fail(u"--tls-cert and --tls-key go together"_s, 2);
    if (Status status = bootstrap(accounts); !status)
        return fail(status.error());
    WorkspaceBlobs blobs(database);
    BlobStore store(options.dataDir);
    RecordStore records(database);
    ImagingPool pool; // one worker process per core, shared by all request threads
    RenditionCache renditions(options.dataDir, store, pool);
    ApiServer server(accounts, blobs, store, records, renditions, pool,
                     {options.host, options.port, options.tlsCert, options.tlsKey, database.location().kindName()});
    Result<quint16> port = server.bind();
    if (!port)
        return fail(port.error());
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    // stop() does nothing before the listen loop runs, so it is repeated until run() returns.
    std::atomic<bool> finished = false;
    std::thread waiter([&server, &finished, stopSignals] {
        int signal = 0;
        sigwait(&stopSignals, &signal);
        while (!finished) {
            server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    std::printf("vitrine-server: listening on %s://%s:%u\n", options.tlsCert.isEmpty() ? "http" : "https",
                qPrintable(options.host), unsigned(port.value()));
    std::fflush(stdout);
    server.run();
    finished = true;
    pthread_kill(waiter.native_handle(), SIGTERM); // ends the waiter when run() ended on its own
    waiter.join();
    std::printf("vitrine-server: stopped\n");
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Blocked before any thread starts, so every thread inherits it and sigwait() gets them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a client that hangs up must not kill the server
    // Request bodies of up to 15 MB are read into memory on 8 threads. glibc would raise its
    // mmap threshold after the first such body is freed and keep the later ones in per-thread
    // heaps it never gives back; a fixed threshold returns each body to the system when done.
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"vitrine-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VITRINE_VERSION));
    Result<ServerOptions> options = ServerOptions::parse(QCoreApplication::arguments().mid(1));
    if (!options)
        return fail(options.error() + u"\n"_s + ServerOptions::usage(), 2);
    if (options->command == ServerOptions::Command::Help) {
        std::printf("%s", qPrintable(ServerOptions::usage()));
        return 0;
    }
    if (!QDir().mkpath(options->dataDir))
        return fail(u"cannot create the data directory %1"_s.arg(options->dataDir));
    const DatabaseLocation location =
        options->database.value_or(DatabaseLocation::sqlite(QDir(options->dataDir).filePath(u"server.sqlite"_s)));
    Result<std::unique_ptr<ServerDatabase>> database = ServerDatabase::open(location);
    if (!database)
        return fail(database.error());
    Accounts accounts(*database.value(), options->tokenDays);
    if (options->command != ServerOptions::Command::Serve) {
        const Status done = runCommand(options.value(), accounts);
        return done ? 0 : fail(done.error());
    }
    return serve(options.value(), *database.value(), accounts);
}

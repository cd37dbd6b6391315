#pragma once

#include "console.h"
#include "exitcode.h"

#include "catalog/catalog.h"
#include "storage/workspace.h"

#include <QStringList>
#include <memory>
#include <optional>

class QCommandLineParser;

// What every command needs: the global options, the console, and the workspace and
// catalog they name (opened on first use). Also turns the user's words for images
// ("42", a uid, a SHA-256) and entities ("product:SKU-1") into records.
class CliContext final
{
public:
    CliContext(QString dataDir, QString workspaceName, bool json, int workers);
    Q_DISABLE_COPY_MOVE(CliContext)

    const Console &console() const { return m_console; }
    const QString &dataDir() const { return m_dataDir; }
    const QString &workspaceName() const { return m_workspaceName; }
    int workers() const { return m_workers; }

    // Returns false (after printing why and setting exitCode) when the workspace cannot be used.
    bool openWorkspace();
    const Workspace &workspace() const { return *m_workspace; }
    Catalog &catalog() const { return *m_catalog; }

    std::optional<ImageRecord> image(const QString &reference);
    std::optional<Entity> entity(const QString &reference);
    // Parses a command's own arguments; on a usage error prints it and returns false.
    bool parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments);
    // Prints a failed Status and returns the exit code for it.
    int fail(const QString &message, int exitCode);

    int exitCode = ExitOk;

private:
    Console m_console;
    QString m_dataDir;
    QString m_workspaceName;
    int m_workers;
    std::optional<Workspace> m_workspace;
    std::unique_ptr<Catalog> m_catalog;
};

#pragma once

#include <QStringList>

class CliContext;

// One function per vitrine-cli command; each takes the arguments after the command name
// and returns the process exit code (see exitcode.h).
namespace Commands {
int workspace(CliContext &context, const QStringList &arguments);   // workspacecommands.cpp
int entity(CliContext &context, const QStringList &arguments);      // entitycommands.cpp
int link(CliContext &context, const QStringList &arguments);
int unlink(CliContext &context, const QStringList &arguments);
int setPrimary(CliContext &context, const QStringList &arguments);
int reorder(CliContext &context, const QStringList &arguments);
int importFiles(CliContext &context, const QStringList &arguments); // importcommand.cpp
int list(CliContext &context, const QStringList &arguments);        // imagecommands.cpp
int show(CliContext &context, const QStringList &arguments);
int search(CliContext &context, const QStringList &arguments);
int tag(CliContext &context, const QStringList &arguments);
int edit(CliContext &context, const QStringList &arguments);
int rotate(CliContext &context, const QStringList &arguments);      // rotatecommand.cpp
int exportImages(CliContext &context, const QStringList &arguments); // exportcommand.cpp
int verify(CliContext &context, const QStringList &arguments);      // maintenancecommands.cpp
int cleanup(CliContext &context, const QStringList &arguments);
int stats(CliContext &context, const QStringList &arguments);
int backup(CliContext &context, const QStringList &arguments);
int restore(CliContext &context, const QStringList &arguments);
int compressOld(CliContext &context, const QStringList &arguments);
}

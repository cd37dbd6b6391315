#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

// One workspace: a directory holding its catalog file and its file store, isolated from
// the other workspaces of the same data directory.
//
//   <dataDir>/workspaces/<name>/catalog.sqlite
//   <dataDir>/workspaces/<name>/files/...      (see FileStore)
class Workspace final
{
public:
    // --data-dir beats VITRINE_DATA_DIR beats QStandardPaths::AppDataLocation.
    static QString resolveDataDir(const QString &explicitDir);
    static QStringList list(const QString &dataDir);
    static bool isValidName(const QString &name);
    // Creates the directories and a new catalog; refuses an existing workspace.
    static Result<Workspace> create(const QString &dataDir, const QString &name);
    // An existing workspace; an empty name picks the only one, or the one named "default".
    static Result<Workspace> locate(const QString &dataDir, const QString &name);
    // The folder holding every workspace of a data directory.
    static QString workspacesDir(const QString &dataDir);

    const QString &name() const { return m_name; }
    const QString &directory() const { return m_directory; }
    QString catalogPath() const;
    QString storeDirectory() const;

private:
    Workspace(QString name, QString directory);
    QString m_name;
    QString m_directory;
};

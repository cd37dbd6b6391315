#include "workspace.h"

#include "catalog/catalog.h"
#include "filestore.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

Workspace::Workspace(QString name, QString directory)
    : m_name(std::move(name))
    , m_directory(std::move(directory))
{
}

QString Workspace::resolveDataDir(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return QDir(explicitDir).absolutePath();
    const QString fromEnvironment = qEnvironmentVariable("VITRINE_DATA_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Workspace::workspacesDir(const QString &dataDir)
{
    return QDir(dataDir).absolutePath() + u"/workspaces"_s;
}

bool Workspace::isValidName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"_s);
    return pattern.match(name).hasMatch();
}

QStringList Workspace::list(const QString &dataDir)
{
    QStringList names;
    const QDir dir(workspacesDir(dataDir));
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (isValidName(name) && QFileInfo::exists(dir.filePath(name) + u"/catalog.sqlite"))
            names.append(name);
    }
    return names;
}

Result<Workspace> Workspace::create(const QString &dataDir, const QString &name)
{
    using R = Result<Workspace>;
    if (!isValidName(name))
        return R::failure(u"\""_s + name + u"\" is not a valid workspace name (letters, digits, '.', '_' and '-', at most 64)"_s);
    Workspace workspace(name, workspacesDir(dataDir) + u'/' + name);
    if (QFileInfo::exists(workspace.catalogPath()))
        return R::failure(u"workspace \""_s + name + u"\" already exists in " + dataDir);
    if (!QDir().mkpath(workspace.directory()))
        return R::failure(workspace.directory() + u": cannot create the folder"_s);
    if (const Status layout = FileStore(workspace.storeDirectory()).ensureLayout(); !layout)
        return R::failure(layout.error());
    auto catalog = Catalog::open(workspace.catalogPath(), Catalog::OpenMode::Create);
    if (!catalog)
        return R::failure(catalog.error());
    return workspace;
}

Result<Workspace> Workspace::locate(const QString &dataDir, const QString &name)
{
    using R = Result<Workspace>;
    const QStringList existing = list(dataDir);
    QString chosen = name;
    if (chosen.isEmpty()) {
        if (existing.size() == 1)
            chosen = existing.first();
        else if (existing.contains(u"default"_s))
            chosen = u"default"_s;
        else if (existing.isEmpty())
            return R::failure(u"no workspace in "_s + dataDir + u" (create one with: vitrine-cli workspace create NAME)"_s);
        else
            return R::failure(u"several workspaces in "_s + dataDir + u" (" + existing.join(u", "_s)
                              + u"): choose one with --workspace"_s);
    }
    if (!existing.contains(chosen))
        return R::failure(u"no workspace \""_s + chosen + u"\" in " + dataDir);
    return Workspace(chosen, workspacesDir(dataDir) + u'/' + chosen);
}

QString Workspace::catalogPath() const
{
    return m_directory + u"/catalog.sqlite"_s;
}

QString Workspace::storeDirectory() const
{
    return m_directory + u"/files"_s;
}

#pragma once

#include "catalog/catalog.h"
#include "storage/filestore.h"
#include "storage/workspace.h"

#include <QMap>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <optional>

// A workspace in a temporary data directory, with images written straight into its store
// and recorded through Catalog::recordImport (no imaging workers: where the pipeline is
// not what a test is about). Each image has an original and two renditions.
class TestWorkspace final
{
public:
    explicit TestWorkspace(const QString &name = QStringLiteral("main"));
    Q_DISABLE_COPY_MOVE(TestWorkspace)

    bool isValid() const { return m_workspace.has_value(); }
    const Workspace &workspace() const { return *m_workspace; }
    QString dataDir() const { return m_dir.path(); }
    FileStore store() const { return FileStore(m_workspace->storeDirectory()); }
    std::unique_ptr<Catalog> openCatalog() const;

    // An image of distinct bytes per seed, with renditions "thumb150" (quality 65) and
    // "web1024" (quality 85). Invalid record (id 0) on failure.
    ImageRecord addImage(Catalog &catalog, int seed) const;
    ImageRecord addImage(int seed) const;
    QString originalPath(const ImageRecord &image) const;
    QString renditionPath(const ImageRecord &image, const QString &name) const;

    // relative path -> SHA-256 of every file under dir: equal maps mean identical trees.
    static QMap<QString, QString> treeDigest(const QString &dir);
    static bool flipByte(const QString &path, qint64 offset);
    static bool makeOld(const QString &path, int ageSeconds);
    static QString writeFile(const QString &path, const QByteArray &bytes);
    // Every row of every table of a catalog file, as sorted text lines per table.
    static QMap<QString, QStringList> catalogDump(const QString &catalogPath);

private:
    QTemporaryDir m_dir;
    std::optional<Workspace> m_workspace;
};

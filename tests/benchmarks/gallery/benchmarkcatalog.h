#pragma once

#include "benchmarkplan.h"
#include "common/result.h"
#include "storage/workspace.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

class FileStore;
class RenditionPool;

// A generated workspace for the gallery benchmark, <dataDir>/workspaces/gallery-<images>-<entities>:
// a real catalog (made by Workspace::create, so schema and meta are the app's) filled with
// direct SQL in a few big transactions, and files at the paths FileStore computes, hard
// links to the few hundred distinct files of a RenditionPool (<dataDir>/pool/<name>).
//
// Every image has the four default renditions, their rows naming the shared file's real
// SHA-256, and an original that is a hard link to one of a few real JPEG or PNG files of
// the recorded size (the viewer can open it, but its bytes do not match the image's
// SHA-256: `vitrine-cli verify` reports every original as damaged). No rotation, EXIF
// orientation 1. The outbox is empty, as after a sync; nothing is in the trash.
//
// A meta row written in the last transaction marks a finished workspace; an unfinished one
// (an interrupted run), or one older than a few days (its "recently imported" images are
// no longer recent), is removed and made again.
class BenchmarkCatalog final
{
public:
    BenchmarkCatalog(QString dataDir, int images, int entities);
    ~BenchmarkCatalog();
    Q_DISABLE_COPY_MOVE(BenchmarkCatalog)

    const QString &dataDir() const { return m_dataDir; }
    QString workspaceName() const;
    QString catalogPath() const;
    const BenchmarkPlan &plan() const { return m_plan; }

    bool isComplete() const;
    // Makes the workspace, replacing an unfinished one; prints what it does and its times.
    Status generate();
    // Catalog::checkIntegrity() and the promised invariants, read through the Catalog.
    Status verify();

private:
    QString markerValue() const;
    QString workspaceDirectory() const;
    Status openConnection();
    Status writeEntities();
    Status writeImages(const RenditionPool &pool, const FileStore &store);
    Status writeImageBatch(int first, int end, const RenditionPool &pool, const FileStore &store);
    Status pinSomePrimaries();
    Status writeSearchIndex();
    Status finish();
    Status linkFiles(const BenchmarkPlan::PlannedImage &image, const RenditionPool &pool, const FileStore &store);

    QString m_dataDir;
    BenchmarkPlan m_plan;
    QString m_connectionName;
    QSqlDatabase m_db;
    QUuid m_workspaceId;
    QList<int> m_nextSortOrder; // per entity, while links are written
    QHash<QString, int> m_tagIds;
};

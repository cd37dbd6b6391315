#pragma once

#include "maintenance/backupmanifest.h"
#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <memory>

class BlobStore;
class MaintenanceGate;
class QIODevice;
class RecordStore;

// GET …/backup (docs/api.md §9.4): a workspace as one tar archive (BackupLayout), taken
// while the workspace stays in use. snapshot() reads the records with one statement (a
// consistent state on SQLite and PostgreSQL alike) and pins the originals they hold with
// hard links in a temporary folder, so no cleanup can take them away while the archive is
// sent; write() then streams it at the client's pace, touching the folder as it goes (a
// cleanup takes a folder left unchanged for a day to be a dead process's). The folder goes
// with the object.
class ServerBackup final
{
public:
    ServerBackup(RecordStore &records, BlobStore &store, MaintenanceGate &gate);
    ~ServerBackup();
    Q_DISABLE_COPY_MOVE(ServerBackup)

    Status snapshot(qint64 workspaceId, const QString &workspaceName);
    Status write(QIODevice *device);
    // "acme-20240501T120000Z.tar"
    QString fileName() const;

private:
    struct Member
    {
        QString name;
        QString path;
    };
    Status writeRecords(qint64 workspaceId, QStringList &blobs);
    Status pin(const QString &sha256);
    void touchStaging() const;

    RecordStore &m_records;
    BlobStore &m_store;
    MaintenanceGate &m_gate;
    std::unique_ptr<QTemporaryDir> m_staging;
    QList<Member> m_members;
    BackupManifest m_manifest;
};

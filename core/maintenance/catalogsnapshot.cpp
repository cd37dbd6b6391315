#include "catalogsnapshot.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

Status vacuumInto(QSqlDatabase &db, const QString &catalogPath, const QString &snapshotPath)
{
    db.setDatabaseName(catalogPath);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=15000"_s);
    if (!db.open())
        return Status::failure(catalogPath + u": cannot open the catalog (" + db.lastError().text() + u')');
    QSqlQuery query(db);
    if (!query.prepare(u"VACUUM INTO ?"_s))
        return Status::failure(catalogPath + u": cannot copy the catalog (" + query.lastError().text() + u')');
    query.addBindValue(snapshotPath);
    if (!query.exec())
        return Status::failure(catalogPath + u": cannot copy the catalog to " + snapshotPath + u" ("
                               + query.lastError().text() + u')');
    return {};
}

} // namespace

Status CatalogSnapshot::write(const QString &catalogPath, const QString &snapshotPath)
{
    if (!QFileInfo(catalogPath).isFile())
        return Status::failure(catalogPath + u": no catalog there"_s);
    if (QFileInfo::exists(snapshotPath))
        return Status::failure(snapshotPath + u": already exists"_s);
    const QString connection = u"vitrine-snapshot-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Status status;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        status = vacuumInto(db, catalogPath, snapshotPath);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!status)
        remove(snapshotPath);
    return status;
}

void CatalogSnapshot::remove(const QString &snapshotPath)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(snapshotPath + suffix);
}

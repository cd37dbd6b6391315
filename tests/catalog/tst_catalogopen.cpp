// Opening a catalog: create/open modes, pragmas, newer and damaged files, a leftover WAL,
// migrations of an older schema.
#include "catalog/catalog.h"
#include "catalog/catalogschema.h"
#include "catalogfixture.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVersionNumber>

using namespace Qt::StringLiterals;
using namespace CatalogFixture;

class TestCatalogOpen final : public QObject
{
    Q_OBJECT

private slots:
    void createThenOpenExisting();
    void createRefusesAnExistingFile();
    void createRefusesAMissingFolder();
    void openExistingRefusesAMissingFile();
    void pragmasAreInEffect();
    void sqliteHasFts5AndJson();
    void connectionIsRemovedWithTheCatalog();
    void newerSchemaIsRefusedAndUnchanged();
    void damagedFileIsRefusedAndUnchanged_data();
    void damagedFileIsRefusedAndUnchanged();
    void truncatedCatalogIsRefusedAndUnchanged();
    void damageInsideIsFoundByTheIntegrityCheck();
    void leftoverWalIsRecovered();
    void olderSchemaIsMigratedInOrder();

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshPath() { return m_dir.filePath(u"catalog-%1.sqlite"_s.arg(++m_counter)); }
};

void TestCatalogOpen::createThenOpenExisting()
{
    const QString path = freshPath();
    QUuid workspace;
    {
        std::unique_ptr<Catalog> catalog = create(path);
        QVERIFY(catalog);
        workspace = catalog->workspaceId();
        QVERIFY(!workspace.isNull());
        QCOMPARE(catalog->schemaVersion(), Catalog::latestSchemaVersion());
        QCOMPARE(catalog->path(), path);
        QVERIFY(!scalar(*catalog, u"SELECT value FROM meta WHERE key = 'created_at'"_s).toString().isEmpty());
    }
    std::unique_ptr<Catalog> reopened = openExisting(path);
    QVERIFY(reopened);
    QCOMPARE(reopened->workspaceId(), workspace);
    QCOMPARE(reopened->schemaVersion(), Catalog::latestSchemaVersion());
}

void TestCatalogOpen::createRefusesAnExistingFile()
{
    const QString path = freshPath();
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious data");
    }
    const auto result = Catalog::open(path, Catalog::OpenMode::Create);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(path), qPrintable(result.error()));
    QCOMPARE(fileBytes(path), QByteArray("precious data"));

    // An existing catalog is not clobbered either.
    const QString catalogPath = freshPath();
    QUuid workspace;
    {
        std::unique_ptr<Catalog> catalog = create(catalogPath);
        QVERIFY(catalog);
        workspace = catalog->workspaceId();
    }
    QVERIFY(!Catalog::open(catalogPath, Catalog::OpenMode::Create));
    std::unique_ptr<Catalog> reopened = openExisting(catalogPath);
    QVERIFY(reopened);
    QCOMPARE(reopened->workspaceId(), workspace);
}

void TestCatalogOpen::createRefusesAMissingFolder()
{
    const QString path = m_dir.filePath(u"no-such-folder/catalog.sqlite"_s);
    const auto result = Catalog::open(path, Catalog::OpenMode::Create);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(u"folder"_s), qPrintable(result.error()));
    QVERIFY(!QFile::exists(path));
}

void TestCatalogOpen::openExistingRefusesAMissingFile()
{
    const QString path = freshPath();
    const auto result = Catalog::open(path, Catalog::OpenMode::OpenExisting);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(path), qPrintable(result.error()));
    QVERIFY(!QFile::exists(path));
}

void TestCatalogOpen::pragmasAreInEffect()
{
    const QString path = freshPath();
    {
        QVERIFY(create(path));
    }
    std::unique_ptr<Catalog> catalog = openExisting(path);
    QVERIFY(catalog);
    QCOMPARE(scalar(*catalog, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(scalar(*catalog, u"PRAGMA synchronous"_s).toInt(), 2); // FULL
    QCOMPARE(scalar(*catalog, u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(scalar(*catalog, u"PRAGMA busy_timeout"_s).toInt(), 15000);
}

void TestCatalogOpen::sqliteHasFts5AndJson()
{
    std::unique_ptr<Catalog> catalog = create(freshPath());
    QVERIFY(catalog);
    const QString version = scalar(*catalog, u"SELECT sqlite_version()"_s).toString();
    qInfo("SQLite %s", qPrintable(version));
    QVERIFY2(QVersionNumber::fromString(version) >= QVersionNumber(3, 38), qPrintable(version)); // json built in
    QCOMPARE(execute(*catalog, u"CREATE VIRTUAL TABLE temp.probe USING fts5(a)"_s), QString());
    QCOMPARE(scalar(*catalog, u"SELECT json_array_length('[1,2,3]')"_s).toInt(), 3);
#ifdef Q_OS_LINUX
    // Debian's Qt driver uses the system's libsqlite3 rather than a copy built into Qt.
    QFile maps(u"/proc/self/maps"_s);
    QVERIFY(maps.open(QIODevice::ReadOnly));
    QVERIFY(maps.readAll().contains("libsqlite3.so"));
#endif
}

void TestCatalogOpen::connectionIsRemovedWithTheCatalog()
{
    std::unique_ptr<Catalog> first = create(freshPath());
    std::unique_ptr<Catalog> second = openExisting(first->path());
    QVERIFY(first && second);
    QVERIFY(first->connectionName() != second->connectionName());
    const QString name = first->connectionName();
    QVERIFY(QSqlDatabase::contains(name));
    first.reset();
    QVERIFY(!QSqlDatabase::contains(name));
    QVERIFY(QSqlDatabase::contains(second->connectionName()));
}

void TestCatalogOpen::newerSchemaIsRefusedAndUnchanged()
{
    const QString path = freshPath();
    {
        std::unique_ptr<Catalog> catalog = create(path);
        QVERIFY(catalog);
        QVERIFY(catalog->addEntity(EntityKind::Customer, u"K-1"_s, u"Kunde"_s));
        const int future = Catalog::latestSchemaVersion() + 5;
        QCOMPARE(execute(*catalog, u"PRAGMA user_version = %1"_s.arg(future)), QString());
    }
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());
    const auto result = Catalog::open(path, Catalog::OpenMode::OpenExisting);
    QVERIFY(!result);
    const QString expected = u"%1: this catalog was written by a newer Vitrine (schema %2; this version knows up "
                             "to %3). Upgrade Vitrine to open it."_s.arg(path)
                                 .arg(Catalog::latestSchemaVersion() + 5)
                                 .arg(Catalog::latestSchemaVersion());
    QCOMPARE(result.error(), expected);
    QCOMPARE(fileBytes(path), before);
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s) || QFileInfo(path + u"-wal"_s).size() == 0);
}

void TestCatalogOpen::damagedFileIsRefusedAndUnchanged_data()
{
    QTest::addColumn<QByteArray>("content");
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 7919) % 251));
    QTest::newRow("garbage") << garbage;
    QTest::newRow("text") << QByteArray("This is a shopping list, not a catalog.\n");
    QTest::newRow("sqlite header, garbage after") << QByteArray("SQLite format 3\0", 16) + garbage;
    QTest::newRow("empty") << QByteArray();
}

void TestCatalogOpen::damagedFileIsRefusedAndUnchanged()
{
    QFETCH(QByteArray, content);
    const QString path = freshPath();
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const auto result = Catalog::open(path, Catalog::OpenMode::OpenExisting);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(u"damaged"_s) && result.error().contains(u"vitrine-cli restore"_s),
             qPrintable(result.error()));
    QVERIFY2(result.error().startsWith(path), qPrintable(result.error()));
    QCOMPARE(fileBytes(path), content);
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
}

void TestCatalogOpen::truncatedCatalogIsRefusedAndUnchanged()
{
    const QString path = freshPath();
    {
        std::unique_ptr<Catalog> catalog = create(path);
        QVERIFY(catalog);
        const Result<Entity> customer = catalog->addEntity(EntityKind::Customer, u"K-1"_s, u"Kunde"_s);
        QVERIFY(customer);
        for (int i = 0; i < 60; ++i)
            QVERIFY(catalog->recordImport(newImage(u"img-%1"_s.arg(i)), {customer->id}));
    }
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s)); // checkpointed on close
    QByteArray truncated = fileBytes(path);
    QVERIFY(truncated.size() > 8 * 4096);
    truncated.truncate(truncated.size() / 2);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(truncated);
    }
    const auto result = Catalog::open(path, Catalog::OpenMode::OpenExisting);
    QVERIFY(!result);
    QVERIFY2(result.error().contains(u"damaged"_s) && result.error().contains(u"restore"_s),
             qPrintable(result.error()));
    QCOMPARE(fileBytes(path), truncated);
}

void TestCatalogOpen::damageInsideIsFoundByTheIntegrityCheck()
{
    const QString path = freshPath();
    {
        std::unique_ptr<Catalog> catalog = create(path);
        QVERIFY(catalog);
        for (int i = 0; i < 60; ++i)
            QVERIFY(catalog->recordImport(newImage(u"img-%1"_s.arg(i)), {}));
        QVERIFY(catalog->checkIntegrity());
    }
    // Garbage over the last page, far from the header and the meta table.
    QByteArray damaged = fileBytes(path);
    const qsizetype pageSize = 4096;
    QVERIFY(damaged.size() > 8 * pageSize);
    for (qsizetype i = damaged.size() - pageSize; i < damaged.size(); ++i)
        damaged[i] = char((i * 131) % 256);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(damaged);
    }
    {
        std::unique_ptr<Catalog> catalog = openExisting(path);
        QVERIFY(catalog); // the first reads do not touch that page
        const Status integrity = catalog->checkIntegrity();
        QVERIFY(!integrity);
        QVERIFY2(integrity.error().startsWith(path) && integrity.error().contains(u"damaged"_s),
                 qPrintable(integrity.error()));
    }
    QCOMPARE(fileBytes(path), damaged);
}

void TestCatalogOpen::leftoverWalIsRecovered()
{
    const QString path = freshPath();
    QTemporaryDir crashDir;
    const QString copy = crashDir.filePath(u"catalog.sqlite"_s);
    QString sha;
    {
        std::unique_ptr<Catalog> writer = create(path);
        QVERIFY(writer);
        const Result<Entity> job = writer->addEntity(EntityKind::Job, u"J-77"_s, u"Dachsanierung"_s);
        QVERIFY(job);
        const auto recorded = writer->recordImport(newImage(u"wal"_s), {job->id});
        QVERIFY(recorded);
        sha = recorded->image.sha256;
        // The writer is still open: the commits live in the -wal only. Copying both files
        // now is what a power cut leaves behind (SQLite rebuilds the -shm).
        QVERIFY(QFileInfo(path + u"-wal"_s).size() > 0);
        QVERIFY(QFile::copy(path, copy));
        QVERIFY(QFile::copy(path + u"-wal"_s, copy + u"-wal"_s));
    }
    std::unique_ptr<Catalog> recovered = openExisting(copy);
    QVERIFY(recovered);
    const std::optional<Entity> job = recovered->entity(EntityKind::Job, u"J-77"_s);
    QVERIFY(job);
    QCOMPARE(job->name, u"Dachsanierung"_s);
    const std::optional<ImageRecord> image = recovered->imageBySha256(sha);
    QVERIFY(image);
    QCOMPARE(recovered->imagesOfEntity(job->id).size(), 1);
    QCOMPARE(recovered->primaryImage(job->id)->id, image->id);
}

void TestCatalogOpen::olderSchemaIsMigratedInOrder()
{
    const QString path = freshPath();
    const QUuid workspace = QUuid::createUuid();
    {
        // A catalog as the first schema version wrote it: records but no search index.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old-catalog"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(CatalogSchema::migrate(db, 1));
        QCOMPARE(CatalogSchema::userVersion(db).value(), 1);
        QSqlQuery query(db);
        QVERIFY(!db.tables().contains(u"image_search"_s));
        QVERIFY(query.exec(
            u"INSERT INTO meta VALUES ('workspace_id', '%1')"_s.arg(workspace.toString(QUuid::WithoutBraces))));
        QVERIFY(query.exec(u"INSERT INTO entities(id, kind, key, name, created_at, modified_at) "
                           "VALUES (1, 'product', 'SKU-4711', 'Gartenschlauch', '2020-01-01T00:00:00.000Z', "
                           "'2020-01-01T00:00:00.000Z')"_s));
        QVERIFY(query.exec(u"INSERT INTO images(id, uid, sha256, format, caption, created_at, modified_at) "
                           "VALUES (1, 'u-1', '%1', 'jpeg', 'grüner Schlauch', '2020-01-01T00:00:00.000Z', "
                           "'2020-01-01T00:00:00.000Z')"_s.arg(sha256Of(u"old"_s))));
        QVERIFY(query.exec(u"INSERT INTO links(image_id, entity_id, sort_order, is_primary, linked_at) "
                           "VALUES (1, 1, 0, 1, '2020-01-01T00:00:00.000Z')"_s));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"old-catalog"_s);

    std::unique_ptr<Catalog> catalog = openExisting(path);
    QVERIFY(catalog);
    QCOMPARE(catalog->schemaVersion(), Catalog::latestSchemaVersion());
    QCOMPARE(scalar(*catalog, u"PRAGMA user_version"_s).toInt(), Catalog::latestSchemaVersion());
    QCOMPARE(catalog->workspaceId(), workspace);
    // Step 2 indexed what step 1's tables already held.
    for (const QString &text : {u"gruner"_s, u"Schlauch"_s, u"SKU-4711"_s, u"Gartensch"_s}) {
        const auto found = catalog->search(text);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestCatalogOpen)
#include "tst_catalogopen.moc"

// Entities: kinds, keys unique per kind, parents and variants, filters, renames.
#include "catalog/catalog.h"
#include "catalogfixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace CatalogFixture;

class TestCatalogEntities final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void kindNames();
    void addsEveryKind();
    void keyIsUniquePerKind();
    void emptyKeyIsRefused();
    void nameDefaultsToKey();
    void variantNamesItsParent();
    void missingParentChangesNothing();
    void listsByKindAndFilter();
    void renameIncrementsRevisionAndQueuesAChange();
    void imageCountFollowsLinks();

private:
    int entityRows() { return scalar(*m_catalog, u"SELECT count(*) FROM entities"_s).toInt(); }
    int outboxRows() { return scalar(*m_catalog, u"SELECT count(*) FROM outbox"_s).toInt(); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
};

void TestCatalogEntities::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_catalog = create(m_dir->filePath(u"catalog.sqlite"_s));
    QVERIFY(m_catalog);
}

void TestCatalogEntities::cleanup()
{
    m_catalog.reset();
    m_dir.reset();
}

void TestCatalogEntities::kindNames()
{
    for (EntityKind kind : allEntityKinds())
        QCOMPARE(entityKindFromName(entityKindName(kind)), kind);
    QCOMPARE(allEntityKinds().size(), 6);
    QCOMPARE(entityKindName(EntityKind::Customer), u"customer"_s);
    QCOMPARE(entityKindFromName(u"Product"), EntityKind::Product);
    QCOMPARE(entityKindFromName(u"INVOICE"), EntityKind::Invoice);
    QCOMPARE(entityKindFromName(u" job "), EntityKind::Job);
    QVERIFY(!entityKindFromName(u"products"));
    QVERIFY(!entityKindFromName(u"supplier"));
    QVERIFY(!entityKindFromName(u""));
}

void TestCatalogEntities::addsEveryKind()
{
    for (EntityKind kind : allEntityKinds()) {
        const Result<Entity> added = m_catalog->addEntity(kind, u"X-1"_s, u"Name of "_s + entityKindName(kind));
        QVERIFY2(added, qPrintable(added.error()));
        QCOMPARE(added->kind, kind);
        QCOMPARE(added->key, u"X-1"_s);
        QCOMPARE(added->revision, 1);
        const std::optional<Entity> found = m_catalog->entity(kind, u"X-1"_s);
        QVERIFY(found);
        QCOMPARE(found->id, added->id);
        QCOMPARE(found->name, u"Name of "_s + entityKindName(kind));
        QCOMPARE(m_catalog->entityById(added->id)->key, u"X-1"_s);
    }
    QCOMPARE(entityRows(), 6);
    const QList<OutboxEntry> outbox = m_catalog->outbox();
    QCOMPARE(outbox.size(), 6);
    QCOMPARE(outbox.first().operation, u"entity.create"_s);
    QCOMPARE(outbox.first().subjectUid, u"customer:X-1"_s);
    QCOMPARE(outbox.first().payload.value(u"name"_s).toString(), u"Name of customer"_s);
    QCOMPARE(outbox.first().state, u"pending"_s);
    QCOMPARE(m_catalog->pendingOutboxCount(), 6);
}

void TestCatalogEntities::keyIsUniquePerKind()
{
    QVERIFY(m_catalog->addEntity(EntityKind::Product, u"4711"_s, u"Seife"_s));
    QVERIFY(m_catalog->addEntity(EntityKind::Customer, u"4711"_s, u"Müller"_s));
    const int entities = entityRows();
    const int outbox = outboxRows();
    const Result<Entity> again = m_catalog->addEntity(EntityKind::Product, u" 4711 "_s, u"Andere Seife"_s);
    QVERIFY(!again);
    QVERIFY2(again.error().contains(u"product \"4711\" already exists"_s), qPrintable(again.error()));
    QCOMPARE(entityRows(), entities);
    QCOMPARE(outboxRows(), outbox);
    QCOMPARE(m_catalog->entity(EntityKind::Product, u"4711"_s)->name, u"Seife"_s);
}

void TestCatalogEntities::emptyKeyIsRefused()
{
    const Result<Entity> added = m_catalog->addEntity(EntityKind::Job, u"   "_s, u"Nothing"_s);
    QVERIFY(!added);
    QVERIFY2(added.error().contains(u"needs a key"_s), qPrintable(added.error()));
    QCOMPARE(entityRows(), 0);
    QCOMPARE(outboxRows(), 0);
}

void TestCatalogEntities::nameDefaultsToKey()
{
    const Result<Entity> added = m_catalog->addEntity(EntityKind::Invoice, u"RE-2024-001"_s, {});
    QVERIFY(added);
    QCOMPARE(added->name, u"RE-2024-001"_s);
}

void TestCatalogEntities::variantNamesItsParent()
{
    const Result<Entity> shirt = m_catalog->addEntity(EntityKind::Product, u"SHIRT"_s, u"T-Shirt"_s);
    QVERIFY(shirt);
    const Result<Entity> red =
        m_catalog->addEntity(EntityKind::Product, u"SHIRT-RED-L"_s, u"T-Shirt rot, L"_s, u"SHIRT"_s, u"SHIRT"_s);
    QVERIFY2(red, qPrintable(red.error()));
    QCOMPARE(red->parentId, shirt->id);
    QCOMPARE(red->baseKey, u"SHIRT"_s);
    QVERIFY(!shirt->parentId);
    QCOMPARE(m_catalog->outbox().last().payload.value(u"parentKey"_s).toString(), u"SHIRT"_s);
}

void TestCatalogEntities::missingParentChangesNothing()
{
    QVERIFY(m_catalog->addEntity(EntityKind::Customer, u"SHIRT"_s, u"A customer, not a product"_s));
    const Result<Entity> orphan = m_catalog->addEntity(EntityKind::Product, u"SHIRT-RED"_s, u"rot"_s, u"SHIRT"_s);
    QVERIFY(!orphan);
    QVERIFY2(orphan.error().contains(u"parent product \"SHIRT\" does not exist"_s), qPrintable(orphan.error()));
    QCOMPARE(entityRows(), 1);
    QCOMPARE(outboxRows(), 1);
}

void TestCatalogEntities::listsByKindAndFilter()
{
    QVERIFY(m_catalog->addEntity(EntityKind::Product, u"B-200"_s, u"Gartenschlauch"_s));
    QVERIFY(m_catalog->addEntity(EntityKind::Product, u"A-100"_s, u"Rasenmäher"_s));
    QVERIFY(m_catalog->addEntity(EntityKind::Customer, u"K-1"_s, u"Garten GmbH"_s));
    QVERIFY(m_catalog->addEntity(EntityKind::Customer, u"K_2"_s, u"100% Bau"_s));

    QCOMPARE(m_catalog->entities().size(), 4);
    const QList<Entity> products = m_catalog->entities(EntityKind::Product);
    QCOMPARE(products.size(), 2);
    QCOMPARE(products.at(0).key, u"A-100"_s); // sorted by key
    QCOMPARE(products.at(1).key, u"B-200"_s);

    const QList<Entity> garden = m_catalog->entities({}, u"garten"_s);
    QCOMPARE(garden.size(), 2);
    QCOMPARE(m_catalog->entities(EntityKind::Customer, u"garten"_s).size(), 1);
    QCOMPARE(m_catalog->entities({}, u"100"_s).size(), 2); // key A-100 and name "100% Bau"
    // LIKE wildcards in the filter are plain characters.
    QCOMPARE(m_catalog->entities({}, u"%"_s).size(), 1);
    QCOMPARE(m_catalog->entities({}, u"_"_s).size(), 1);
    QCOMPARE(m_catalog->entities({}, u"nothing like it"_s).size(), 0);
}

void TestCatalogEntities::renameIncrementsRevisionAndQueuesAChange()
{
    const Result<Entity> job = m_catalog->addEntity(EntityKind::Job, u"J-1"_s, u"Altbau"_s);
    QVERIFY(job);
    QVERIFY(m_catalog->renameEntity(job->id, u"  Altbau, 2. OG  "_s));
    const std::optional<Entity> renamed = m_catalog->entityById(job->id);
    QCOMPARE(renamed->name, u"Altbau, 2. OG"_s);
    QCOMPARE(renamed->revision, 2);
    const OutboxEntry last = m_catalog->outbox().last();
    QCOMPARE(last.operation, u"entity.update"_s);
    QCOMPARE(last.payload.value(u"name"_s).toString(), u"Altbau, 2. OG"_s);

    // The same name again is no change; an empty name or a missing entity is refused.
    QVERIFY(m_catalog->renameEntity(job->id, u"Altbau, 2. OG"_s));
    QCOMPARE(m_catalog->entityById(job->id)->revision, 2);
    QVERIFY(!m_catalog->renameEntity(job->id, u" "_s));
    const Status missing = m_catalog->renameEntity(9999, u"x"_s);
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(u"entity 9999 does not exist"_s), qPrintable(missing.error()));
    QCOMPARE(outboxRows(), 2);
}

void TestCatalogEntities::imageCountFollowsLinks()
{
    const Result<Entity> product = m_catalog->addEntity(EntityKind::Product, u"P"_s, u"P"_s);
    QVERIFY(product);
    QVERIFY(m_catalog->recordImport(newImage(u"a"_s), {product->id}));
    QVERIFY(m_catalog->recordImport(newImage(u"b"_s), {product->id}));
    QCOMPARE(m_catalog->entityById(product->id)->imageCount, 2);
    QCOMPARE(m_catalog->entities(EntityKind::Product).first().imageCount, 2);
}

QTEST_GUILESS_MAIN(TestCatalogEntities)
#include "tst_catalogentities.moc"

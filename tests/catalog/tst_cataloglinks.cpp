// Links between images and entities: order, and the primary image rule (exactly one per
// entity with images; the pinned one, else the first by order).
#include "catalog/catalog.h"
#include "catalogfixture.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace CatalogFixture;

class TestCatalogLinks final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstLinkBecomesPrimary();
    void reorderMovesTheAutomaticPrimary();
    void pinnedPrimarySurvivesReorderAndNewLinks();
    void unlinkingThePinnedPrimaryFallsBackToTheFirst();
    void unpinningReturnsToAutomatic();
    void secondPrimaryIsImpossibleEvenInRawSql();
    void reorderPersists();
    void badReorderChangesNothing();
    void badLinksChangeNothing();
    void linkChangesAreRevisionedAndQueued();
    void linksOfImageDescribeEachLink();

private:
    QList<qint64> order(qint64 entityId);
    qint64 primaryOf(qint64 entityId);
    int rows(const QString &table) { return scalar(*m_catalog, u"SELECT count(*) FROM "_s + table).toInt(); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
    Entity m_product;
    QList<qint64> m_images; // a, b, c linked to m_product in this order
};

void TestCatalogLinks::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_catalog = create(m_dir->filePath(u"catalog.sqlite"_s));
    QVERIFY(m_catalog);
    const Result<Entity> product = m_catalog->addEntity(EntityKind::Product, u"SKU-1"_s, u"Stuhl"_s);
    QVERIFY(product);
    m_product = product.value();
    m_images.clear();
    for (const QString &seed : {u"a"_s, u"b"_s, u"c"_s}) {
        const Result<RecordedImport> recorded = m_catalog->recordImport(newImage(seed), {m_product.id});
        QVERIFY(recorded);
        m_images.append(recorded->image.id);
    }
}

void TestCatalogLinks::cleanup()
{
    QVERIFY(everyEntityHasOnePrimary(*m_catalog));
    m_catalog.reset();
    m_dir.reset();
}

QList<qint64> TestCatalogLinks::order(qint64 entityId)
{
    QList<qint64> ids;
    for (const ImageRecord &image : m_catalog->imagesOfEntity(entityId))
        ids.append(image.id);
    return ids;
}

qint64 TestCatalogLinks::primaryOf(qint64 entityId)
{
    const std::optional<ImageRecord> primary = m_catalog->primaryImage(entityId);
    return primary ? primary->id : 0;
}

void TestCatalogLinks::firstLinkBecomesPrimary()
{
    const Result<Entity> job = m_catalog->addEntity(EntityKind::Job, u"J-1"_s, u"Job"_s);
    QVERIFY(job);
    QVERIFY(!m_catalog->primaryImage(job->id));
    QVERIFY(m_catalog->link(m_images.at(2), job->id));
    QCOMPARE(primaryOf(job->id), m_images.at(2));
    QVERIFY(m_catalog->link(m_images.at(0), job->id));
    QCOMPARE(primaryOf(job->id), m_images.at(2));
    QCOMPARE(order(job->id), (QList<qint64> {m_images.at(2), m_images.at(0)}));
    QCOMPARE(primaryOf(m_product.id), m_images.at(0));
    QVERIFY(everyEntityHasOnePrimary(*m_catalog));

    // The last link gone: no images, no primary.
    QVERIFY(m_catalog->unlink(m_images.at(2), job->id));
    QVERIFY(m_catalog->unlink(m_images.at(0), job->id));
    QVERIFY(!m_catalog->primaryImage(job->id));
}

void TestCatalogLinks::reorderMovesTheAutomaticPrimary()
{
    const QList<qint64> reversed = {m_images.at(2), m_images.at(1), m_images.at(0)};
    QVERIFY(m_catalog->reorder(m_product.id, reversed));
    QCOMPARE(order(m_product.id), reversed);
    QCOMPARE(primaryOf(m_product.id), m_images.at(2));
    QVERIFY(everyEntityHasOnePrimary(*m_catalog));

    // Unlinking the automatic primary: the next by order takes over.
    QVERIFY(m_catalog->unlink(m_images.at(2), m_product.id));
    QCOMPARE(primaryOf(m_product.id), m_images.at(1));
}

void TestCatalogLinks::pinnedPrimarySurvivesReorderAndNewLinks()
{
    QVERIFY(m_catalog->setPrimary(m_product.id, m_images.at(1), u"anna"_s));
    QCOMPARE(primaryOf(m_product.id), m_images.at(1));
    QVERIFY(m_catalog->reorder(m_product.id, {m_images.at(2), m_images.at(0), m_images.at(1)}));
    QCOMPARE(primaryOf(m_product.id), m_images.at(1));
    const Result<RecordedImport> later = m_catalog->recordImport(newImage(u"later"_s), {m_product.id});
    QVERIFY(later);
    QCOMPARE(primaryOf(m_product.id), m_images.at(1));
    QVERIFY(m_catalog->unlink(m_images.at(2), m_product.id));
    QCOMPARE(primaryOf(m_product.id), m_images.at(1));

    // Pinning another one moves the pin.
    QVERIFY(m_catalog->setPrimary(m_product.id, m_images.at(0), u"ben"_s));
    QCOMPARE(primaryOf(m_product.id), m_images.at(0));
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM links WHERE primary_pinned = 1"_s).toInt(), 1);
}

void TestCatalogLinks::unlinkingThePinnedPrimaryFallsBackToTheFirst()
{
    QVERIFY(m_catalog->setPrimary(m_product.id, m_images.at(2), u"anna"_s));
    QVERIFY(m_catalog->unlink(m_images.at(2), m_product.id));
    QCOMPARE(primaryOf(m_product.id), m_images.at(0));
    // Automatic again: a reorder moves it.
    QVERIFY(m_catalog->reorder(m_product.id, {m_images.at(1), m_images.at(0)}));
    QCOMPARE(primaryOf(m_product.id), m_images.at(1));
}

void TestCatalogLinks::unpinningReturnsToAutomatic()
{
    QVERIFY(m_catalog->setPrimary(m_product.id, m_images.at(2), u"anna"_s));
    QVERIFY(m_catalog->unpinPrimary(m_product.id));
    QCOMPARE(primaryOf(m_product.id), m_images.at(0));
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM links WHERE primary_pinned = 1"_s).toInt(), 0);
}

void TestCatalogLinks::secondPrimaryIsImpossibleEvenInRawSql()
{
    const QString update =
        execute(*m_catalog, u"UPDATE links SET is_primary = 1 WHERE entity_id = ?"_s, {m_product.id});
    QVERIFY2(update.contains(u"UNIQUE"_s), qPrintable(update));

    const Result<RecordedImport> loose = m_catalog->recordImport(newImage(u"loose"_s), {});
    QVERIFY(loose);
    const QString insert = execute(*m_catalog,
                                   u"INSERT INTO links(image_id, entity_id, sort_order, is_primary, linked_at) "
                                   "VALUES (?, ?, 9, 1, 'now')"_s,
                                   {loose->image.id, m_product.id});
    QVERIFY2(insert.contains(u"UNIQUE"_s), qPrintable(insert));
    QCOMPARE(scalar(*m_catalog, u"SELECT sum(is_primary) FROM links WHERE entity_id = ?"_s, {m_product.id}).toInt(), 1);

    // A pin without the primary flag is refused too.
    const QString pin =
        execute(*m_catalog, u"UPDATE links SET primary_pinned = 1 WHERE image_id = ?"_s, {m_images.at(2)});
    QVERIFY2(pin.contains(u"CHECK"_s), qPrintable(pin));
}

void TestCatalogLinks::reorderPersists()
{
    const QList<qint64> wanted = {m_images.at(1), m_images.at(2), m_images.at(0)};
    QVERIFY(m_catalog->reorder(m_product.id, wanted));
    const QString path = m_catalog->path();
    m_catalog.reset();
    m_catalog = openExisting(path);
    QVERIFY(m_catalog);
    QCOMPARE(order(m_product.id), wanted);
    QCOMPARE(primaryOf(m_product.id), m_images.at(1));
}

void TestCatalogLinks::badReorderChangesNothing()
{
    const Result<RecordedImport> foreign = m_catalog->recordImport(newImage(u"foreign"_s), {});
    QVERIFY(foreign);
    const int outbox = rows(u"outbox"_s);
    const qint64 revision = m_catalog->entityById(m_product.id)->revision;
    const QList<qint64> before = order(m_product.id);
    const QList<QList<qint64>> bad = {
        {m_images.at(2), m_images.at(1), foreign->image.id}, // a foreign image
        {m_images.at(2), m_images.at(1)}, // one missing
        {m_images.at(2), m_images.at(1), m_images.at(0), m_images.at(0)}, // one twice
        {m_images.at(2), m_images.at(1), 99999}, // no such image
        {},
    };
    for (const QList<qint64> &ids : bad) {
        const Status status = m_catalog->reorder(m_product.id, ids);
        QVERIFY(!status);
        QVERIFY2(status.error().contains(u"product \"SKU-1\""_s), qPrintable(status.error()));
    }
    QVERIFY(!m_catalog->reorder(424242, {}));
    QCOMPARE(order(m_product.id), before);
    QCOMPARE(rows(u"outbox"_s), outbox);
    QCOMPARE(m_catalog->entityById(m_product.id)->revision, revision);
}

void TestCatalogLinks::badLinksChangeNothing()
{
    const int outbox = rows(u"outbox"_s);
    const Status missingEntity = m_catalog->link(m_images.at(0), 4711);
    QVERIFY(!missingEntity);
    QVERIFY2(missingEntity.error().contains(u"entity 4711 does not exist"_s), qPrintable(missingEntity.error()));
    QVERIFY(!m_catalog->link(4712, m_product.id));
    const Result<Entity> job = m_catalog->addEntity(EntityKind::Job, u"J"_s, u"J"_s);
    QVERIFY(job);
    const Status notLinked = m_catalog->unlink(m_images.at(0), job->id);
    QVERIFY(!notLinked);
    QVERIFY2(notLinked.error().contains(u"is not linked to job \"J\""_s), qPrintable(notLinked.error()));
    QVERIFY(!m_catalog->setPrimary(job->id, m_images.at(0), u"anna"_s));
    QCOMPARE(rows(u"links"_s), 3);
    QCOMPARE(rows(u"outbox"_s), outbox + 1); // the job itself
    // Linking again what is linked is no change.
    QVERIFY(m_catalog->link(m_images.at(0), m_product.id));
    QCOMPARE(rows(u"outbox"_s), outbox + 1);
}

void TestCatalogLinks::linkChangesAreRevisionedAndQueued()
{
    qint64 revision = m_catalog->entityById(m_product.id)->revision;
    QCOMPARE(revision, 4); // created, then three links

    QVERIFY(m_catalog->setPrimary(m_product.id, m_images.at(1), u"anna"_s));
    QCOMPARE(m_catalog->entityById(m_product.id)->revision, ++revision);
    OutboxEntry entry = m_catalog->outbox(1000).last();
    QCOMPARE(entry.operation, u"link.update"_s);
    QCOMPARE(entry.subjectUid, u"product:SKU-1"_s);
    QCOMPARE(entry.payload.value(u"primary"_s).toString(), m_catalog->imageById(m_images.at(1))->uid);
    QCOMPARE(entry.payload.value(u"pinned"_s).toBool(), true);
    QCOMPARE(entry.payload.value(u"pinnedBy"_s).toString(), u"anna"_s);

    QVERIFY(m_catalog->reorder(m_product.id, {m_images.at(2), m_images.at(1), m_images.at(0)}));
    QCOMPARE(m_catalog->entityById(m_product.id)->revision, ++revision);
    entry = m_catalog->outbox(1000).last();
    QCOMPARE(entry.operation, u"link.update"_s);
    const QJsonArray order = entry.payload.value(u"order"_s).toArray();
    QCOMPARE(order.size(), 3);
    QCOMPARE(order.at(0).toString(), m_catalog->imageById(m_images.at(2))->uid);

    QVERIFY(m_catalog->unlink(m_images.at(0), m_product.id));
    QCOMPARE(m_catalog->entityById(m_product.id)->revision, ++revision);
    entry = m_catalog->outbox(1000).last();
    QCOMPARE(entry.operation, u"link.delete"_s);
    QCOMPARE(entry.subjectUid, m_catalog->imageById(m_images.at(0))->uid);
    QCOMPARE(m_catalog->imageById(m_images.at(0))->revision, 1); // links belong to the entity
}

void TestCatalogLinks::linksOfImageDescribeEachLink()
{
    const Result<Entity> customer = m_catalog->addEntity(EntityKind::Customer, u"K-9"_s, u"Kunde"_s);
    QVERIFY(customer);
    QVERIFY(m_catalog->link(m_images.at(1), customer->id));
    QVERIFY(m_catalog->setPrimary(m_product.id, m_images.at(1), u"anna"_s));
    const QList<LinkInfo> links = m_catalog->linksOfImage(m_images.at(1));
    QCOMPARE(links.size(), 2);
    QCOMPARE(links.at(0).entity.kind, EntityKind::Customer);
    QVERIFY(links.at(0).primary);
    QVERIFY(!links.at(0).pinned);
    QCOMPARE(links.at(0).sortOrder, 0);
    QCOMPARE(links.at(1).entity.key, u"SKU-1"_s);
    QVERIFY(links.at(1).primary);
    QVERIFY(links.at(1).pinned);
    QCOMPARE(links.at(1).pinnedBy, u"anna"_s);
    QVERIFY(qAbs(links.at(1).pinnedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(links.at(1).sortOrder, 1);
}

QTEST_GUILESS_MAIN(TestCatalogLinks)
#include "tst_cataloglinks.moc"

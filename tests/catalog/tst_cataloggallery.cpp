// What the desktop's galleries and sidebar read (galleryImageIds, galleryItems, the counts,
// tags and image types) and the trash: trashing, restoring, emptying.
#include "catalog/catalog.h"
#include "catalogfixture.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace CatalogFixture;

namespace {

using Kind = GallerySelection::Kind;

QString stamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString hoursAgo(int hours)
{
    return stamp(QDateTime::currentDateTimeUtc().addSecs(-qint64(hours) * 3600));
}

QString idList(const QList<qint64> &ids)
{
    QStringList texts;
    for (qint64 id : ids)
        texts.append(QString::number(id));
    return u"["_s + texts.join(u", "_s) + u"]"_s;
}

const char *sortName(GallerySort sort)
{
    switch (sort) {
    case GallerySort::Order:
        return "order";
    case GallerySort::DateTaken:
        return "taken";
    case GallerySort::DateImported:
        return "imported";
    case GallerySort::Name:
        return "name";
    }
    return "?";
}

constexpr GallerySort kSorts[] = {GallerySort::Order, GallerySort::DateTaken, GallerySort::DateImported,
                                  GallerySort::Name};

} // namespace

class TestCatalogGallery final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void galleryIdsFollowSelectionAndSort();
    void searchOrderIsRelevance();
    void searchWithoutWordsOrWithSyntaxIsHarmless();
    void manyHitsAreShownNewestFirst();
    void unknownEntityShowsNothing();
    void galleryItemsDescribeTheImagesInTheAskedOrder();
    void primaryFlagIsRelativeToTheContextEntity();
    void collectionCountsMatchTheGalleries();
    void entityCountsByKindListEveryKind();
    void allTagsAreTheTagsInUseSortedIgnoringCase();
    void imageTypesAreDistinctAndSorted();
    void trashedImagesLeaveEveryViewButTheTrash();
    void trashSorts();
    void restoreBringsBackLinksOrderAndPin();
    void restoreKeepsAPinMadeMeanwhile();
    void restoreDoesNotPinAgainAfterAPinMeanwhile();
    void restoreOfSeveralKeepsTheirOrder();
    void importingATrashedImageAgainRestoresIt();
    void emptyTrashForgetsTheTrashedImages();
    void linkingATrashedImageIsRefused();
    void badTrashInputChangesNothing();

private:
    qint64 id(int index) const { return m_images.at(index); }
    QList<qint64> idsOf(const QList<int> &indexes) const;
    QList<qint64> ids(const GallerySelection &selection, GallerySort sort = GallerySort::Order);
    QList<qint64> ids(Kind kind, GallerySort sort = GallerySort::Order)
    {
        return ids(GallerySelection::collection(kind), sort);
    }
    int rows(const QString &table) { return scalar(*m_catalog, u"SELECT count(*) FROM "_s + table).toInt(); }
    // Every view of the gallery holding id, by kind (search: for "garten" and "stuhl").
    QStringList viewsHolding(qint64 imageId);
    void verifyCountsMatchGalleries();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
    Entity m_product; // SKU-1 "Stuhl": images 2, 0, 1 in this order; 2 is the automatic primary
    Entity m_job; // J-1 "Baustelle": image 0
    Entity m_customer; // K-1: no images
    QList<qint64> m_images;
};

// Five images with distinct names, capture dates and import dates, so every sort gives a
// different order:
//   index  name         taken        imported   links          caption / type / tags
//   0      Delta.jpg    2023-05-17   2 days     product, job   "Roter Stuhl im Garten", Produktfoto, front; Zebra apfel
//   1      alpha.jpg    2021-01-01   40 days    product        type Produktfoto
//   2      Charlie.jpg  (unknown)    1 day      product        "Detailaufnahme", Detail
//   3      bravo.jpg    2022-03-03   10 days    -              tags garten Mitte
//   4      echo.jpg     2020-06-06   3 hours    -              tags APFEL (= apfel); renditions given unsorted
void TestCatalogGallery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_catalog = create(m_dir->filePath(u"catalog.sqlite"_s));
    QVERIFY(m_catalog);
    const Result<Entity> product = m_catalog->addEntity(EntityKind::Product, u"SKU-1"_s, u"Stuhl"_s);
    QVERIFY2(product, qPrintable(product.error()));
    const Result<Entity> job = m_catalog->addEntity(EntityKind::Job, u"J-1"_s, u"Baustelle"_s);
    QVERIFY2(job, qPrintable(job.error()));
    const Result<Entity> customer = m_catalog->addEntity(EntityKind::Customer, u"K-1"_s, u"Kunde"_s);
    QVERIFY2(customer, qPrintable(customer.error()));
    m_product = product.value();
    m_job = job.value();
    m_customer = customer.value();

    struct Seed
    {
        QString name;
        QDateTime taken;
        int importedHoursAgo;
        QList<qint64> entities;
    };
    const QList<Seed> seeds = {
        {u"Delta.jpg"_s, QDateTime(QDate(2023, 5, 17), QTime(14, 30, 5), Qt::UTC), 48, {m_product.id, m_job.id}},
        {u"alpha.jpg"_s, QDateTime(QDate(2021, 1, 1), QTime(8, 0), Qt::UTC), 40 * 24, {m_product.id}},
        {u"Charlie.jpg"_s, QDateTime(), 24, {m_product.id}},
        {u"bravo.jpg"_s, QDateTime(QDate(2022, 3, 3), QTime(12, 0), Qt::UTC), 10 * 24, {}},
        {u"echo.jpg"_s, QDateTime(QDate(2020, 6, 6), QTime(6, 0), Qt::UTC), 3, {}},
    };
    m_images.clear();
    for (qsizetype i = 0; i < seeds.size(); ++i) {
        NewImage image = newImage(u"image%1"_s.arg(i));
        image.originalName = seeds.at(i).name;
        image.facts.capturedAt = seeds.at(i).taken;
        if (i == 4)
            std::reverse(image.renditions.begin(), image.renditions.end());
        const Result<RecordedImport> recorded = m_catalog->recordImport(image, seeds.at(i).entities);
        QVERIFY2(recorded, qPrintable(recorded.error()));
        m_images.append(recorded->image.id);
        // The import time is the catalog's clock; set it to the scenario's.
        QCOMPARE(execute(*m_catalog, u"UPDATE images SET created_at = ? WHERE id = ?"_s,
                         {hoursAgo(seeds.at(i).importedHoursAgo), recorded->image.id}),
                 QString());
    }
    QVERIFY(m_catalog->reorder(m_product.id, {id(2), id(0), id(1)}));

    ImageEdit first;
    first.caption = u"Roter Stuhl im Garten"_s;
    first.imageType = u"Produktfoto"_s;
    first.front = true;
    QVERIFY(m_catalog->editImage(id(0), first));
    ImageEdit second;
    second.imageType = u"Produktfoto"_s;
    QVERIFY(m_catalog->editImage(id(1), second));
    ImageEdit third;
    third.caption = u"Detailaufnahme"_s;
    third.imageType = u"Detail"_s;
    QVERIFY(m_catalog->editImage(id(2), third));
    QVERIFY(m_catalog->setTags(id(0), {u"Zebra"_s, u"apfel"_s}));
    QVERIFY(m_catalog->setTags(id(3), {u"garten"_s, u"Mitte"_s}));
    QVERIFY(m_catalog->setTags(id(4), {u"APFEL"_s}));
}

void TestCatalogGallery::cleanup()
{
    if (m_catalog) {
        QVERIFY(everyEntityHasOnePrimary(*m_catalog));
        const Status integrity = m_catalog->checkIntegrity();
        QVERIFY2(integrity, qPrintable(integrity.error()));
    }
    m_catalog.reset();
    m_dir.reset();
}

QList<qint64> TestCatalogGallery::idsOf(const QList<int> &indexes) const
{
    QList<qint64> result;
    for (int index : indexes)
        result.append(id(index));
    return result;
}

QList<qint64> TestCatalogGallery::ids(const GallerySelection &selection, GallerySort sort)
{
    const Result<QList<qint64>> found = m_catalog->galleryImageIds(selection, sort);
    if (!found) {
        qWarning().noquote() << found.error();
        return {-1};
    }
    return found.value();
}

QStringList TestCatalogGallery::viewsHolding(qint64 imageId)
{
    QStringList views;
    for (GallerySort sort : kSorts) {
        const QString suffix = u"/"_s + QLatin1StringView(sortName(sort));
        const QList<std::pair<QString, GallerySelection>> selections = {
            {u"all"_s, GallerySelection::collection(Kind::AllImages)},
            {u"unassigned"_s, GallerySelection::collection(Kind::Unassigned)},
            {u"recent"_s, GallerySelection::collection(Kind::RecentlyImported)},
            {u"trash"_s, GallerySelection::collection(Kind::Trash)},
            {u"product"_s, GallerySelection::ofEntity(m_product.id)},
            {u"job"_s, GallerySelection::ofEntity(m_job.id)},
            {u"search garten"_s, GallerySelection::search(u"garten"_s)},
            {u"search stuhl"_s, GallerySelection::search(u"stuhl"_s)},
        };
        for (const auto &[name, selection] : selections) {
            if (ids(selection, sort).contains(imageId))
                views.append(name + suffix);
        }
    }
    return views;
}

void TestCatalogGallery::verifyCountsMatchGalleries()
{
    const CollectionCounts counts = m_catalog->collectionCounts();
    QCOMPARE(counts.allImages, int(ids(Kind::AllImages).size()));
    QCOMPARE(counts.unassigned, int(ids(Kind::Unassigned).size()));
    QCOMPARE(counts.recentlyImported, int(ids(Kind::RecentlyImported).size()));
    QCOMPARE(counts.trash, int(ids(Kind::Trash).size()));
}

// One catalog for all the cases (they only read).
void TestCatalogGallery::galleryIdsFollowSelectionAndSort()
{
    struct Case
    {
        const char *name;
        Kind kind;
        QString argument; // "product"/"job"/"customer" for an entity, the text for a search
        GallerySort sort;
        QList<int> expected; // indexes into m_images
    };
    const QList<Case> cases = {
        // Every image: by id; taken with the unknown date last; imported oldest first; by
        // name ignoring case.
        {"all/order", Kind::AllImages, {}, GallerySort::Order, {0, 1, 2, 3, 4}},
        {"all/taken", Kind::AllImages, {}, GallerySort::DateTaken, {4, 1, 3, 0, 2}},
        {"all/imported", Kind::AllImages, {}, GallerySort::DateImported, {1, 3, 0, 2, 4}},
        {"all/name", Kind::AllImages, {}, GallerySort::Name, {1, 3, 2, 0, 4}},
        {"unassigned/order", Kind::Unassigned, {}, GallerySort::Order, {3, 4}},
        {"unassigned/taken", Kind::Unassigned, {}, GallerySort::DateTaken, {4, 3}},
        {"unassigned/imported", Kind::Unassigned, {}, GallerySort::DateImported, {3, 4}},
        {"unassigned/name", Kind::Unassigned, {}, GallerySort::Name, {3, 4}},
        // Within 7 days: 4 (3 h), 2 (1 day), 0 (2 days); newest first in its own order.
        {"recent/order", Kind::RecentlyImported, {}, GallerySort::Order, {4, 2, 0}},
        {"recent/taken", Kind::RecentlyImported, {}, GallerySort::DateTaken, {4, 0, 2}},
        {"recent/imported", Kind::RecentlyImported, {}, GallerySort::DateImported, {0, 2, 4}},
        {"recent/name", Kind::RecentlyImported, {}, GallerySort::Name, {2, 0, 4}},
        // The product's own order is 2, 0, 1.
        {"product/order", Kind::Entity, u"product"_s, GallerySort::Order, {2, 0, 1}},
        {"product/taken", Kind::Entity, u"product"_s, GallerySort::DateTaken, {1, 0, 2}},
        {"product/imported", Kind::Entity, u"product"_s, GallerySort::DateImported, {1, 0, 2}},
        {"product/name", Kind::Entity, u"product"_s, GallerySort::Name, {1, 2, 0}},
        {"job/order", Kind::Entity, u"job"_s, GallerySort::Order, {0}},
        {"job/name", Kind::Entity, u"job"_s, GallerySort::Name, {0}},
        {"customer/order", Kind::Entity, u"customer"_s, GallerySort::Order, {}},
        {"trash/order", Kind::Trash, {}, GallerySort::Order, {}},
        {"trash/name", Kind::Trash, {}, GallerySort::Name, {}},
        // "stuhl" is the product's name (images 0, 1, 2) and in image 0's caption.
        {"search stuhl/taken", Kind::Search, u"stuhl"_s, GallerySort::DateTaken, {1, 0, 2}},
        {"search stuhl/imported", Kind::Search, u"stuhl"_s, GallerySort::DateImported, {1, 0, 2}},
        {"search Stuhl/name", Kind::Search, u"Stuhl"_s, GallerySort::Name, {1, 2, 0}},
        // Caption of 0 and tag of 3; the last word is a prefix.
        {"search gar/name", Kind::Search, u"gar"_s, GallerySort::Name, {3, 0}},
        {"search GARTEN/taken", Kind::Search, u"GARTEN"_s, GallerySort::DateTaken, {3, 0}},
        {"search GARTEN/imported", Kind::Search, u"GARTEN"_s, GallerySort::DateImported, {3, 0}},
        // All words must match: the job's name and the product's.
        {"search two words/order", Kind::Search, u"stuhl baustelle"_s, GallerySort::Order, {0}},
        {"search two words/name", Kind::Search, u"baustelle stuhl"_s, GallerySort::Name, {0}},
        {"search entity key/order", Kind::Search, u"J-1"_s, GallerySort::Order, {0}},
        {"search no hit/order", Kind::Search, u"fahrrad"_s, GallerySort::Order, {}},
        {"search no hit/taken", Kind::Search, u"fahrrad"_s, GallerySort::DateTaken, {}},
        {"search diacritics/order", Kind::Search, u"D\u00e9tail"_s, GallerySort::Order, {2}},
    };
    for (const Case &c : cases) {
        GallerySelection selection = GallerySelection::collection(c.kind);
        if (c.kind == Kind::Entity) {
            const Entity &entity = c.argument == u"product"_s ? m_product
                                   : c.argument == u"job"_s   ? m_job
                                                              : m_customer;
            selection = GallerySelection::ofEntity(entity.id);
        } else if (c.kind == Kind::Search) {
            selection = GallerySelection::search(c.argument);
        }
        const Result<QList<qint64>> found = m_catalog->galleryImageIds(selection, c.sort);
        QVERIFY2(found, qPrintable(QLatin1StringView(c.name) + u": "_s + found.error()));
        QVERIFY2(found.value() == idsOf(c.expected),
                 qPrintable(u"%1: got %2, expected %3"_s.arg(QLatin1StringView(c.name), idList(found.value()),
                                                                idList(idsOf(c.expected)))));
    }
}

void TestCatalogGallery::searchOrderIsRelevance()
{
    // The exact ranking is FTS5's business; the gallery's must be the search's.
    for (const QString &text : {u"stuhl"_s, u"garten"_s, u"apfel"_s}) {
        const Result<QList<ImageRecord>> searched = m_catalog->search(text);
        QVERIFY2(searched, qPrintable(searched.error()));
        QList<qint64> expected;
        for (const ImageRecord &image : searched.value())
            expected.append(image.id);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(ids(GallerySelection::search(text)), expected);
    }
    QList<qint64> stuhl = ids(GallerySelection::search(u"stuhl"_s));
    std::sort(stuhl.begin(), stuhl.end());
    QCOMPARE(stuhl, idsOf({0, 1, 2}));
    QList<qint64> apfel = ids(GallerySelection::search(u"apfel"_s));
    std::sort(apfel.begin(), apfel.end());
    QCOMPARE(apfel, idsOf({0, 4}));
}

void TestCatalogGallery::searchWithoutWordsOrWithSyntaxIsHarmless()
{
    for (const QString &text : {QString(), u"   "_s, u"-- * \" ( )"_s}) {
        for (GallerySort sort : kSorts) {
            const Result<QList<qint64>> found = m_catalog->galleryImageIds(GallerySelection::search(text), sort);
            QVERIFY2(found, qPrintable(found.error()));
            QVERIFY(found->isEmpty());
        }
    }
    // FTS operators and quotes are plain words.
    for (const QString &text : {u"stuhl AND"_s, u"NEAR(stuhl"_s, u"\"stuhl"_s, u"stuhl OR garten"_s}) {
        for (GallerySort sort : kSorts) {
            const Result<QList<qint64>> found = m_catalog->galleryImageIds(GallerySelection::search(text), sort);
            QVERIFY2(found, qPrintable(text + u": "_s + found.error()));
        }
    }
    QCOMPARE(ids(GallerySelection::search(u"\"stuhl"_s), GallerySort::Name), idsOf({1, 2, 0}));
}

// A search with more than 2000 hits is shown newest first instead of ranked.
void TestCatalogGallery::manyHitsAreShownNewestFirst()
{
    const QString insert = execute(
        *m_catalog,
        u"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2001) "
        "INSERT INTO images(uid, sha256, format, original_name, caption, created_at, modified_at) "
        "SELECT 'bulk-' || x, printf('%064d', x), 'jpeg', 'bulk' || x || '.jpg', 'massenware', ?, ? FROM n"_s,
        {hoursAgo(100), hoursAgo(100)});
    QCOMPARE(insert, QString());
    QCOMPARE(execute(*m_catalog,
                     u"INSERT INTO image_search(rowid, caption, alt_text, description, tags, entities) "
                     "SELECT id, caption, '', '', '', '' FROM images WHERE caption = 'massenware'"_s),
             QString());
    const QList<qint64> found = ids(GallerySelection::search(u"massenware"_s));
    QCOMPARE(found.size(), 2001);
    QVERIFY(std::is_sorted(found.crbegin(), found.crend()));
    QCOMPARE(found.first(), qint64(scalar(*m_catalog, u"SELECT max(id) FROM images"_s).toLongLong()));
    // Trashed ones are left out there too.
    QVERIFY(m_catalog->trashImages({found.first()}));
    const QList<qint64> after = ids(GallerySelection::search(u"massenware"_s));
    QCOMPARE(after.size(), 2000);
    QVERIFY(!after.contains(found.first()));
}

void TestCatalogGallery::unknownEntityShowsNothing()
{
    for (GallerySort sort : kSorts) {
        const Result<QList<qint64>> found = m_catalog->galleryImageIds(GallerySelection::ofEntity(987654), sort);
        QVERIFY2(found, qPrintable(found.error()));
        QVERIFY(found->isEmpty());
    }
}

void TestCatalogGallery::galleryItemsDescribeTheImagesInTheAskedOrder()
{
    QVERIFY(m_catalog->setRotation(id(0), 5, newImage(u"image0"_s).renditions));
    const Result<QList<GalleryItem>> items = m_catalog->galleryItems({id(4), 987654, id(0), id(3)});
    QVERIFY2(items, qPrintable(items.error()));
    QCOMPARE(items->size(), 3); // the unknown id is left out
    QCOMPARE(items->at(0).id, id(4));
    QCOMPARE(items->at(1).id, id(0));
    QCOMPARE(items->at(2).id, id(3));

    const GalleryItem &delta = items->at(1);
    QCOMPARE(delta.sha256, sha256Of(u"image0"_s));
    QCOMPARE(delta.format, u"jpeg"_s);
    QCOMPARE(delta.originalName, u"Delta.jpg"_s);
    QCOMPARE(delta.caption, u"Roter Stuhl im Garten"_s);
    QCOMPARE(delta.imageType, u"Produktfoto"_s);
    QVERIFY(delta.front);
    QVERIFY(delta.primary); // the job's
    QCOMPARE(delta.width, 4000);
    QCOMPARE(delta.height, 3000);
    QCOMPARE(delta.exifOrientation, 6);
    QCOMPARE(delta.rotationQuarterTurns, 1);
    QCOMPARE(delta.renditions.size(), 2);

    const GalleryItem &echo = items->at(0);
    QCOMPARE(echo.originalName, u"echo.jpg"_s);
    QCOMPARE(echo.caption, QString());
    QCOMPARE(echo.imageType, QString());
    QVERIFY(!echo.front);
    QVERIFY(!echo.primary);
    QCOMPARE(echo.rotationQuarterTurns, 0);
    // Given web1024 first, listed by name.
    QCOMPARE(echo.renditions.size(), 2);
    QCOMPARE(echo.renditions.at(0).name, u"thumb150"_s);
    QCOMPARE(echo.renditions.at(0).width, 150);
    QCOMPARE(echo.renditions.at(0).height, 113);
    QCOMPARE(echo.renditions.at(0).bytes, 4000);
    QCOMPARE(echo.renditions.at(0).sha256, sha256Of(u"image4/thumb150"_s));
    QCOMPARE(echo.renditions.at(1).name, u"web1024"_s);
    QCOMPARE(echo.renditions.at(1).sha256, sha256Of(u"image4/web1024"_s));
    QCOMPARE(items->at(2).renditions.at(1).sha256, sha256Of(u"image3/web1024"_s));

    // Nothing asked, nothing found; an id asked twice is described twice.
    const Result<QList<GalleryItem>> none = m_catalog->galleryItems({});
    QVERIFY2(none, qPrintable(none.error()));
    QVERIFY(none->isEmpty());
    const Result<QList<GalleryItem>> unknown = m_catalog->galleryItems({987654, -1, 0});
    QVERIFY2(unknown, qPrintable(unknown.error()));
    QVERIFY(unknown->isEmpty());
    const Result<QList<GalleryItem>> twice = m_catalog->galleryItems({id(1), id(1)});
    QVERIFY2(twice, qPrintable(twice.error()));
    QCOMPARE(twice->size(), 2);
    QCOMPARE(twice->at(1).originalName, u"alpha.jpg"_s);
}

void TestCatalogGallery::primaryFlagIsRelativeToTheContextEntity()
{
    const auto primaries = [this](qint64 context) {
        QList<qint64> result;
        const Result<QList<GalleryItem>> items = m_catalog->galleryItems(idsOf({0, 1, 2, 3, 4}), context);
        if (!items) {
            qWarning().noquote() << items.error();
            return QList<qint64> {-1};
        }
        for (const GalleryItem &item : items.value()) {
            if (item.primary)
                result.append(item.id);
        }
        return result;
    };
    // The product's automatic primary is 2 (first by order), the job's is 0.
    QCOMPARE(primaries(m_product.id), idsOf({2}));
    QCOMPARE(primaries(m_job.id), idsOf({0}));
    QCOMPARE(primaries(m_customer.id), QList<qint64>());
    QCOMPARE(primaries(0), idsOf({0, 2})); // in a collection: primary of any entity
    QCOMPARE(primaries(987654), QList<qint64>());

    QVERIFY(m_catalog->setPrimary(m_product.id, id(1), u"anna"_s));
    QCOMPARE(primaries(m_product.id), idsOf({1}));
    QCOMPARE(primaries(0), idsOf({0, 1}));
}

void TestCatalogGallery::collectionCountsMatchTheGalleries()
{
    CollectionCounts counts = m_catalog->collectionCounts();
    QCOMPARE(counts.allImages, 5);
    QCOMPARE(counts.unassigned, 2);
    QCOMPARE(counts.recentlyImported, 3);
    QCOMPARE(counts.trash, 0);
    verifyCountsMatchGalleries();

    // Unlinking the job's only image: still linked to the product, so still assigned.
    QVERIFY(m_catalog->unlink(id(0), m_job.id));
    QCOMPARE(m_catalog->collectionCounts().unassigned, 2);
    QVERIFY(m_catalog->unlink(id(1), m_product.id));
    counts = m_catalog->collectionCounts();
    QCOMPARE(counts.unassigned, 3);
    QCOMPARE(ids(Kind::Unassigned), idsOf({1, 3, 4}));
    verifyCountsMatchGalleries();

    // Trashing a recent linked image and an unassigned one.
    QVERIFY(m_catalog->trashImages({id(0), id(3)}));
    counts = m_catalog->collectionCounts();
    QCOMPARE(counts.allImages, 3);
    QCOMPARE(counts.unassigned, 2); // 1 and 4
    QCOMPARE(counts.recentlyImported, 2); // 2 and 4
    QCOMPARE(counts.trash, 2);
    verifyCountsMatchGalleries();
}

void TestCatalogGallery::entityCountsByKindListEveryKind()
{
    QMap<EntityKind, int> counts = m_catalog->entityCountsByKind();
    QCOMPARE(int(counts.size()), int(allEntityKinds().size()));
    QCOMPARE(counts.value(EntityKind::Product), 1);
    QCOMPARE(counts.value(EntityKind::Job), 1);
    QCOMPARE(counts.value(EntityKind::Customer), 1);
    QCOMPARE(counts.value(EntityKind::Category, -1), 0);
    QCOMPARE(counts.value(EntityKind::Invoice, -1), 0);
    QCOMPARE(counts.value(EntityKind::Company, -1), 0);

    QVERIFY(m_catalog->addEntity(EntityKind::Product, u"SKU-2"_s, u"Tisch"_s));
    QVERIFY(m_catalog->addEntity(EntityKind::Product, u"SKU-2-R"_s, u"Tisch rot"_s, u"SKU-2"_s));
    QVERIFY(m_catalog->addEntity(EntityKind::Invoice, u"R-1"_s, {}));
    QVERIFY(!m_catalog->addEntity(EntityKind::Product, u"SKU-1"_s, u"again"_s)); // refused: not counted
    counts = m_catalog->entityCountsByKind();
    QCOMPARE(counts.value(EntityKind::Product), 3);
    QCOMPARE(counts.value(EntityKind::Invoice), 1);
    int total = 0;
    for (int count : std::as_const(counts))
        total += count;
    QCOMPARE(total, int(m_catalog->entities().size()));
}

void TestCatalogGallery::allTagsAreTheTagsInUseSortedIgnoringCase()
{
    // "APFEL" on image 4 is the existing "apfel".
    QCOMPARE(m_catalog->allTags(), (QStringList {u"apfel"_s, u"garten"_s, u"Mitte"_s, u"Zebra"_s}));
    QVERIFY(m_catalog->removeTags(id(0), {u"zebra"_s}));
    QCOMPARE(m_catalog->allTags(), (QStringList {u"apfel"_s, u"garten"_s, u"Mitte"_s}));
    // Still used by image 4.
    QVERIFY(m_catalog->removeTags(id(0), {u"Apfel"_s}));
    QCOMPARE(m_catalog->allTags(), (QStringList {u"apfel"_s, u"garten"_s, u"Mitte"_s}));
    QVERIFY(m_catalog->setTags(id(4), {}));
    QVERIFY(m_catalog->addTags(id(1), {u"  Blau   Grün "_s}));
    QCOMPARE(m_catalog->allTags(), (QStringList {u"Blau Grün"_s, u"garten"_s, u"Mitte"_s}));
}

void TestCatalogGallery::imageTypesAreDistinctAndSorted()
{
    QCOMPARE(m_catalog->imageTypes(), (QStringList {u"Detail"_s, u"Produktfoto"_s}));
    ImageEdit edit;
    edit.imageType = u"Ansicht"_s;
    QVERIFY(m_catalog->editImage(id(4), edit));
    edit.imageType = QString();
    QVERIFY(m_catalog->editImage(id(2), edit)); // an empty type is no type
    QCOMPARE(m_catalog->imageTypes(), (QStringList {u"Ansicht"_s, u"Produktfoto"_s}));
}

void TestCatalogGallery::trashedImagesLeaveEveryViewButTheTrash()
{
    // Image 0: linked to the product and the job (the job's primary), recent, found by
    // "garten" and "stuhl"; image 3: unassigned, found by "garten".
    QVERIFY(viewsHolding(id(0)).contains(u"job/order"_s));
    const int outbox = rows(u"outbox"_s);
    const qint64 productRevision = m_catalog->entityById(m_product.id)->revision;
    const QList<StoredFileRef> filesBefore = m_catalog->referencedFiles().value();
    QVERIFY(m_catalog->trashImages({id(0), id(3)}));

    for (int index : {0, 3}) {
        QStringList expected;
        for (GallerySort sort : kSorts)
            expected.append(u"trash/"_s + QLatin1StringView(sortName(sort)));
        QCOMPARE(viewsHolding(id(index)), expected);
        QVERIFY(m_catalog->isTrashed(id(index)));
        QVERIFY(m_catalog->linksOfImage(id(index)).isEmpty());
        // Records and files are kept until the trash is emptied.
        QVERIFY(m_catalog->imageById(id(index)));
    }
    QCOMPARE(m_catalog->referencedFiles().value().size(), filesBefore.size());
    QVERIFY(!m_catalog->isTrashed(id(1)));
    QVERIFY(!m_catalog->isTrashed(987654));

    // The other images are where they were; the entities' primaries settled.
    QCOMPARE(ids(Kind::AllImages), idsOf({1, 2, 4}));
    QCOMPARE(ids(GallerySelection::ofEntity(m_product.id)), idsOf({2, 1}));
    QCOMPARE(ids(GallerySelection::ofEntity(m_job.id)), QList<qint64>());
    QCOMPARE(m_catalog->primaryImage(m_product.id)->id, id(2));
    QVERIFY(!m_catalog->primaryImage(m_job.id));
    QCOMPARE(m_catalog->entityById(m_product.id)->imageCount, 2);
    QCOMPARE(m_catalog->entityById(m_product.id)->revision, productRevision + 1);
    QCOMPARE(m_catalog->search(u"garten"_s).value().size(), 0);
    QCOMPARE(m_catalog->unassignedImages().size(), 1);
    verifyCountsMatchGalleries();

    // Each removed link is in the outbox.
    QCOMPARE(rows(u"outbox"_s), outbox + 2);
    const QList<OutboxEntry> entries = m_catalog->outbox(1000).mid(outbox);
    const QString uid = m_catalog->imageById(id(0))->uid;
    QSet<QString> entities;
    for (const OutboxEntry &entry : entries) {
        QCOMPARE(entry.operation, u"link.delete"_s);
        QCOMPARE(entry.subjectUid, uid);
        entities.insert(entry.payload.value(u"entity"_s).toString());
    }
    QCOMPARE(entities, (QSet<QString> {u"product:SKU-1"_s, u"job:J-1"_s}));

    // Trashing again what is in the trash is no change.
    QVERIFY(m_catalog->trashImages({id(0)}));
    QCOMPARE(rows(u"outbox"_s), outbox + 2);
    QCOMPARE(rows(u"trash"_s), 2);

    // The trash shows them as the gallery paints them (no primary: no links).
    const Result<QList<GalleryItem>> items = m_catalog->galleryItems(ids(Kind::Trash));
    QVERIFY2(items, qPrintable(items.error()));
    QCOMPARE(items->size(), 2);
    for (const GalleryItem &item : items.value())
        QVERIFY(!item.primary);
}

void TestCatalogGallery::trashSorts()
{
    QVERIFY(m_catalog->trashImages({id(0), id(2), id(3), id(4)}));
    // One call, one time: then by id, newest first.
    QCOMPARE(scalar(*m_catalog, u"SELECT count(DISTINCT trashed_at) FROM trash"_s).toInt(), 1);
    QCOMPARE(ids(Kind::Trash), idsOf({4, 3, 2, 0}));
    // Trashed at different times: 2, then 4, then 0, then 3; the trash's order is newest first.
    for (const auto &[index, hours] : {std::pair {2, 4}, std::pair {4, 3}, std::pair {0, 2}, std::pair {3, 1}}) {
        QCOMPARE(execute(*m_catalog, u"UPDATE trash SET trashed_at = ? WHERE image_id = ?"_s,
                         {hoursAgo(hours), id(index)}),
                 QString());
    }
    QCOMPARE(ids(Kind::Trash, GallerySort::Order), idsOf({3, 0, 4, 2}));
    QCOMPARE(ids(Kind::Trash, GallerySort::DateTaken), idsOf({4, 3, 0, 2}));
    QCOMPARE(ids(Kind::Trash, GallerySort::DateImported), idsOf({3, 0, 2, 4}));
    QCOMPARE(ids(Kind::Trash, GallerySort::Name), idsOf({3, 2, 0, 4}));
    for (GallerySort sort : kSorts) {
        QCOMPARE(ids(Kind::AllImages, sort), idsOf({1}));
        QCOMPARE(ids(Kind::RecentlyImported, sort), QList<qint64>()); // 1 is 40 days old
        QCOMPARE(ids(Kind::Unassigned, sort), QList<qint64>()); // 1 is linked
    }
}

void TestCatalogGallery::restoreBringsBackLinksOrderAndPin()
{
    QVERIFY(m_catalog->setPrimary(m_product.id, id(0), u"anna"_s));
    const QList<LinkInfo> before = m_catalog->linksOfImage(id(0));
    QCOMPARE(before.size(), 2);
    const CollectionCounts countsBefore = m_catalog->collectionCounts();

    QVERIFY(m_catalog->trashImages({id(0)}));
    QCOMPARE(ids(GallerySelection::ofEntity(m_product.id)), idsOf({2, 1}));
    QCOMPARE(m_catalog->primaryImage(m_product.id)->id, id(2)); // automatic meanwhile
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM links WHERE primary_pinned = 1"_s).toInt(), 0);

    const int outbox = rows(u"outbox"_s);
    QVERIFY(m_catalog->restoreImages({id(0)}));
    QVERIFY(!m_catalog->isTrashed(id(0)));
    QCOMPARE(ids(Kind::Trash), QList<qint64>());
    QCOMPARE(ids(GallerySelection::ofEntity(m_product.id)), idsOf({2, 0, 1}));
    QCOMPARE(ids(GallerySelection::ofEntity(m_job.id)), idsOf({0}));
    QCOMPARE(m_catalog->primaryImage(m_product.id)->id, id(0));
    QCOMPARE(m_catalog->primaryImage(m_job.id)->id, id(0));
    QCOMPARE(ids(GallerySelection::search(u"garten"_s), GallerySort::Name), idsOf({3, 0}));
    QCOMPARE(ids(Kind::AllImages), idsOf({0, 1, 2, 3, 4}));

    const QList<LinkInfo> after = m_catalog->linksOfImage(id(0));
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(after.at(i).entity.id, before.at(i).entity.id);
        QCOMPARE(after.at(i).sortOrder, before.at(i).sortOrder);
        QCOMPARE(after.at(i).primary, before.at(i).primary);
        QCOMPARE(after.at(i).pinned, before.at(i).pinned);
        QCOMPARE(after.at(i).pinnedBy, before.at(i).pinnedBy);
        QCOMPARE(after.at(i).pinnedAt, before.at(i).pinnedAt);
    }
    QCOMPARE(after.at(1).entity.id, m_product.id);
    QVERIFY(after.at(1).pinned);
    QCOMPARE(after.at(1).pinnedBy, u"anna"_s);

    const CollectionCounts countsAfter = m_catalog->collectionCounts();
    QCOMPARE(countsAfter.allImages, countsBefore.allImages);
    QCOMPARE(countsAfter.unassigned, countsBefore.unassigned);
    QCOMPARE(countsAfter.recentlyImported, countsBefore.recentlyImported);
    QCOMPARE(countsAfter.trash, 0);

    // The new links are in the outbox: two link.create, then the pin.
    QStringList operations;
    for (const OutboxEntry &entry : m_catalog->outbox(1000).mid(outbox))
        operations.append(entry.operation);
    QCOMPARE(operations.count(u"link.create"_s), 2);
    QCOMPARE(operations.count(u"link.update"_s), 1);
    const OutboxEntry pin = m_catalog->outbox(1000).last();
    QCOMPARE(pin.payload.value(u"pinnedBy"_s).toString(), u"anna"_s);

    // The automatic primary comes back as the first by order.
    QVERIFY(m_catalog->unpinPrimary(m_product.id));
    QVERIFY(m_catalog->trashImages({id(2)}));
    QCOMPARE(m_catalog->primaryImage(m_product.id)->id, id(0));
    QVERIFY(m_catalog->restoreImages({id(2)}));
    QCOMPARE(ids(GallerySelection::ofEntity(m_product.id)), idsOf({2, 0, 1}));
    QCOMPARE(m_catalog->primaryImage(m_product.id)->id, id(2));
}

void TestCatalogGallery::restoreKeepsAPinMadeMeanwhile()
{
    QVERIFY(m_catalog->setPrimary(m_product.id, id(0), u"anna"_s));
    QVERIFY(m_catalog->trashImages({id(0)}));
    QVERIFY(m_catalog->setPrimary(m_product.id, id(1), u"ben"_s));
    QVERIFY(m_catalog->restoreImages({id(0)}));
    QCOMPARE(ids(GallerySelection::ofEntity(m_product.id)), idsOf({2, 0, 1}));
    QCOMPARE(m_catalog->primaryImage(m_product.id)->id, id(1));
    QCOMPARE(scalar(*m_catalog, u"SELECT pinned_by FROM links WHERE primary_pinned = 1"_s).toString(), u"ben"_s);
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM links WHERE primary_pinned = 1"_s).toInt(), 1);
}

// catalog.h promises to pin a restored image again only where "no other image has been
// pinned since". restoreImage (catalog_trash.cpp) checks only whether another image is
// pinned now: a pin made meanwhile and undone again (back to automatic, the user's latest
// choice) is overridden by the old pin.
void TestCatalogGallery::restoreDoesNotPinAgainAfterAPinMeanwhile()
{
    QVERIFY(m_catalog->setPrimary(m_product.id, id(0), u"anna"_s));
    QVERIFY(m_catalog->trashImages({id(0)}));
    QVERIFY(m_catalog->setPrimary(m_product.id, id(1), u"ben"_s));
    QVERIFY(m_catalog->unpinPrimary(m_product.id));
    QCOMPARE(m_catalog->primaryImage(m_product.id)->id, id(2));
    QVERIFY(m_catalog->restoreImages({id(0)}));
    QCOMPARE(ids(GallerySelection::ofEntity(m_product.id)), idsOf({2, 0, 1}));
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM links WHERE primary_pinned = 1"_s).toInt(), 0);
    QCOMPARE(m_catalog->primaryImage(m_product.id)->id, id(2));
}

void TestCatalogGallery::restoreOfSeveralKeepsTheirOrder()
{
    // A new image linked to the product while two of its images are in the trash.
    QVERIFY(m_catalog->trashImages({id(2), id(0)}));
    const Result<RecordedImport> later = m_catalog->recordImport(newImage(u"later"_s), {m_product.id});
    QVERIFY2(later, qPrintable(later.error()));
    QCOMPARE(ids(GallerySelection::ofEntity(m_product.id)), (QList<qint64> {id(1), later->image.id}));
    // Restored in the other order than trashed.
    QVERIFY(m_catalog->restoreImages({id(0), id(2)}));
    QCOMPARE(ids(GallerySelection::ofEntity(m_product.id)), (QList<qint64> {id(2), id(0), id(1), later->image.id}));
    QCOMPARE(m_catalog->primaryImage(m_product.id)->id, id(2));
    QCOMPARE(ids(GallerySelection::ofEntity(m_job.id)), idsOf({0}));
    QCOMPARE(ids(Kind::Trash), QList<qint64>());
    verifyCountsMatchGalleries();
}

void TestCatalogGallery::importingATrashedImageAgainRestoresIt()
{
    QVERIFY(m_catalog->trashImages({id(1)}));
    NewImage again = newImage(u"image1"_s);
    const Result<RecordedImport> recorded = m_catalog->recordImport(again, {m_customer.id});
    QVERIFY2(recorded, qPrintable(recorded.error()));
    QVERIFY(recorded->duplicate);
    QCOMPARE(recorded->image.id, id(1));
    QVERIFY(!m_catalog->isTrashed(id(1)));
    QCOMPARE(ids(GallerySelection::ofEntity(m_product.id)), idsOf({2, 0, 1}));
    QCOMPARE(ids(GallerySelection::ofEntity(m_customer.id)), idsOf({1}));
    QCOMPARE(recorded->entities.size(), 2);
    verifyCountsMatchGalleries();
}

void TestCatalogGallery::emptyTrashForgetsTheTrashedImages()
{
    QVERIFY(m_catalog->trashImages({id(0), id(3)}));
    const QString uid0 = m_catalog->imageById(id(0))->uid;
    const QString uid3 = m_catalog->imageById(id(3))->uid;
    const int outbox = rows(u"outbox"_s);
    const int pending = m_catalog->pendingOutboxCount();

    const Result<int> emptied = m_catalog->emptyTrash();
    QVERIFY2(emptied, qPrintable(emptied.error()));
    QCOMPARE(emptied.value(), 2);

    QVERIFY(!m_catalog->imageById(id(0)));
    QVERIFY(!m_catalog->imageById(id(3)));
    QVERIFY(!m_catalog->isTrashed(id(0)));
    QCOMPARE(rows(u"trash"_s), 0);
    QCOMPARE(ids(Kind::Trash), QList<qint64>());
    QCOMPARE(ids(Kind::AllImages), idsOf({1, 2, 4}));
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM renditions WHERE image_id IN (?, ?)"_s, {id(0), id(3)}).toInt(),
             0);
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM image_tags WHERE image_id IN (?, ?)"_s, {id(0), id(3)}).toInt(),
             0);
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM image_search WHERE rowid IN (?, ?)"_s, {id(0), id(3)}).toInt(),
             0);
    // Their files are no longer referenced, so cleanup may remove them; the others still are.
    const Result<QList<StoredFileRef>> files = m_catalog->referencedFiles();
    QVERIFY2(files, qPrintable(files.error()));
    QCOMPARE(files->size(), 3 * 3);
    for (const StoredFileRef &file : files.value())
        QVERIFY(file.imageId != id(0) && file.imageId != id(3));
    // Unused tags are no longer offered; used ones are.
    QCOMPARE(m_catalog->allTags(), (QStringList {u"apfel"_s}));
    CollectionCounts counts = m_catalog->collectionCounts();
    QCOMPARE(counts.allImages, 3);
    QCOMPARE(counts.trash, 0);
    verifyCountsMatchGalleries();

    // One image.delete each; the earlier rows about them stay for the sync.
    QCOMPARE(rows(u"outbox"_s), outbox + 2);
    QCOMPARE(m_catalog->pendingOutboxCount(), pending + 2);
    const QList<OutboxEntry> entries = m_catalog->outbox(1000);
    QCOMPARE(entries.at(entries.size() - 2).operation, u"image.delete"_s);
    QCOMPARE(entries.at(entries.size() - 2).subjectUid, uid0);
    QCOMPARE(entries.at(entries.size() - 2).payload.value(u"sha256"_s).toString(), sha256Of(u"image0"_s));
    QCOMPARE(entries.last().operation, u"image.delete"_s);
    QCOMPARE(entries.last().subjectUid, uid3);
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [&](const OutboxEntry &entry) {
        return entry.operation == u"image.create"_s && entry.subjectUid == uid0;
    }));

    // Nothing left to empty, nothing left to restore.
    const Result<int> again = m_catalog->emptyTrash();
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again.value(), 0);
    QCOMPARE(rows(u"outbox"_s), outbox + 2);
    QVERIFY(!m_catalog->restoreImages({id(0)}));

    // Importing the same bytes again is a new image.
    const Result<RecordedImport> reimported = m_catalog->recordImport(newImage(u"image0"_s), {});
    QVERIFY2(reimported, qPrintable(reimported.error()));
    QVERIFY(!reimported->duplicate);
    QVERIFY(!m_catalog->isTrashed(reimported->image.id));
    QVERIFY(ids(Kind::AllImages).contains(reimported->image.id));
    QCOMPARE(reimported->image.uid, uid0); // same bytes, same workspace
}

void TestCatalogGallery::linkingATrashedImageIsRefused()
{
    QVERIFY(m_catalog->trashImages({id(1)}));
    const int outbox = rows(u"outbox"_s);
    const int links = rows(u"links"_s);
    const Status linked = m_catalog->link(id(1), m_customer.id);
    QVERIFY(!linked);
    QVERIFY2(linked.error().contains(u"image %1 is in the trash"_s.arg(id(1))), qPrintable(linked.error()));
    QVERIFY2(linked.error().contains(m_catalog->path()), qPrintable(linked.error()));
    QVERIFY(!m_catalog->setPrimary(m_product.id, id(1), u"anna"_s));
    QVERIFY(!m_catalog->reorder(m_product.id, {id(2), id(0), id(1)}));
    QVERIFY(!m_catalog->unlink(id(1), m_product.id));
    QCOMPARE(rows(u"outbox"_s), outbox);
    QCOMPARE(rows(u"links"_s), links);
    QCOMPARE(ids(GallerySelection::ofEntity(m_customer.id)), QList<qint64>());
    QCOMPARE(ids(Kind::Trash), idsOf({1}));
    // Restored, it can be linked.
    QVERIFY(m_catalog->restoreImages({id(1)}));
    QVERIFY(m_catalog->link(id(1), m_customer.id));
    QCOMPARE(ids(GallerySelection::ofEntity(m_customer.id)), idsOf({1}));
}

void TestCatalogGallery::badTrashInputChangesNothing()
{
    const int outbox = rows(u"outbox"_s);
    const int links = rows(u"links"_s);

    // An unknown image refuses the whole call.
    const Status unknown = m_catalog->trashImages({id(0), 987654});
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().contains(u"image 987654 does not exist"_s), qPrintable(unknown.error()));
    QVERIFY(!m_catalog->isTrashed(id(0)));
    QCOMPARE(rows(u"trash"_s), 0);
    QCOMPARE(rows(u"links"_s), links);
    QCOMPARE(rows(u"outbox"_s), outbox);

    // Nothing asked, nothing done; the same image twice is trashed once.
    QVERIFY(m_catalog->trashImages({}));
    QVERIFY(m_catalog->restoreImages({}));
    QCOMPARE(rows(u"outbox"_s), outbox);
    QVERIFY(m_catalog->trashImages({id(3), id(3)}));
    QCOMPARE(ids(Kind::Trash), idsOf({3}));

    // Restoring what is not in the trash refuses the whole call.
    const Status notTrashed = m_catalog->restoreImages({id(3), id(4)});
    QVERIFY(!notTrashed);
    QVERIFY2(notTrashed.error().contains(u"image %1 is not in the trash"_s.arg(id(4))), qPrintable(notTrashed.error()));
    QVERIFY(m_catalog->isTrashed(id(3)));
    const Status missing = m_catalog->restoreImages({987654});
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(u"987654"_s), qPrintable(missing.error()));
    QCOMPARE(ids(Kind::Trash), idsOf({3}));
    QCOMPARE(ids(Kind::Unassigned), idsOf({4}));
    verifyCountsMatchGalleries();
}

QTEST_GUILESS_MAIN(TestCatalogGallery)
#include "tst_cataloggallery.moc"

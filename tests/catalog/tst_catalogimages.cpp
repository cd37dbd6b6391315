// Images: recording imports, duplicates, uids, edits, tags, rotation, renditions, the
// outbox written in the same transaction, forgetting, listing and statistics.
#include "catalog/catalog.h"
#include "catalogfixture.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace CatalogFixture;

class TestCatalogImages final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void recordsAnImportWithEverything();
    void sameBytesTwiceIsADuplicate();
    void uidIsDeterministicPerWorkspace();
    void badImportChangesNothing();
    void editChangesOnlyGivenFieldsAndIncrementsRevision();
    void tagsAreNormalisedAndQueued();
    void rotationReplacesRenditions();
    void replacingRenditionsIsNotAUserChange();
    void failingTransactionLeavesNeitherChangeNorOutbox();
    void forgetRemovesRowsAndQueuesDelete();
    void listsPagesUnassignedAndOldImages();
    void listsManyImagesWithTheirTagsAndRenditions();
    void statsAndReferencedFiles();

private:
    int rows(const QString &table) { return scalar(*m_catalog, u"SELECT count(*) FROM "_s + table).toInt(); }
    Entity addProduct(const QString &key);
    ImageRecord record(const QString &seed, const QList<qint64> &entities = {});
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
};

void TestCatalogImages::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_catalog = create(m_dir->filePath(u"catalog.sqlite"_s));
    QVERIFY(m_catalog);
}

void TestCatalogImages::cleanup()
{
    m_catalog.reset();
    m_dir.reset();
}

Entity TestCatalogImages::addProduct(const QString &key)
{
    const Result<Entity> product = m_catalog->addEntity(EntityKind::Product, key, u"Product "_s + key);
    return product ? product.value() : Entity {};
}

ImageRecord TestCatalogImages::record(const QString &seed, const QList<qint64> &entities)
{
    const Result<RecordedImport> recorded = m_catalog->recordImport(newImage(seed), entities);
    if (!recorded)
        qWarning().noquote() << recorded.error();
    return recorded ? recorded->image : ImageRecord {};
}

void TestCatalogImages::recordsAnImportWithEverything()
{
    const Entity product = addProduct(u"SKU-1"_s);
    const NewImage image = newImage(u"first"_s);
    const Result<RecordedImport> recorded = m_catalog->recordImport(image, {product.id});
    QVERIFY2(recorded, qPrintable(recorded.error()));
    QVERIFY(!recorded->duplicate);
    QCOMPARE(recorded->entities.size(), 1);
    QCOMPARE(recorded->entities.first().key, u"SKU-1"_s);

    const std::optional<ImageRecord> stored = m_catalog->imageById(recorded->image.id);
    QVERIFY(stored);
    QCOMPARE(stored->sha256, image.sha256);
    QCOMPARE(stored->bytes, image.bytes);
    QCOMPARE(stored->originalName, u"first.jpg"_s);
    QCOMPARE(stored->facts.format, u"jpeg"_s);
    QCOMPARE(stored->facts.width, 4000);
    QCOMPARE(stored->facts.height, 3000);
    QCOMPARE(stored->facts.exifOrientation, 6);
    QCOMPARE(stored->facts.capturedAt, image.facts.capturedAt);
    QVERIFY(stored->facts.gps);
    QCOMPARE(stored->facts.gps->latitude, 48.1374);
    QCOMPARE(stored->facts.gps->longitude, 11.5755);
    QCOMPARE(stored->facts.gps->altitude.value_or(0), 519.5);
    QCOMPARE(stored->facts.cameraMake, u"Canon"_s);
    QCOMPARE(stored->facts.cameraModel, u"EOS 80D"_s);
    QCOMPARE(stored->rotationQuarterTurns, 0);
    QCOMPARE(stored->revision, 1);
    QVERIFY(stored->createdAt.isValid());
    QCOMPARE(stored->modifiedAt, stored->createdAt);
    QVERIFY(qAbs(stored->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(stored->renditions.size(), 2);
    QCOMPARE(stored->renditions.at(0).name, u"thumb150"_s);
    QCOMPARE(stored->renditions.at(1).name, u"web1024"_s);
    QCOMPARE(stored->renditions.at(1).width, 1024);
    QCOMPARE(stored->renditions.at(1).sha256, image.renditions.at(1).sha256);
    QCOMPARE(m_catalog->imageByUid(stored->uid)->id, stored->id);
    QCOMPARE(m_catalog->imageBySha256(stored->sha256.toUpper())->id, stored->id);

    const QList<OutboxEntry> outbox = m_catalog->outbox();
    QCOMPARE(outbox.size(), 3); // entity.create, image.create, link.create
    QCOMPARE(outbox.at(1).operation, u"image.create"_s);
    QCOMPARE(outbox.at(1).subjectUid, stored->uid);
    QCOMPARE(outbox.at(1).payload.value(u"sha256"_s).toString(), image.sha256);
    QCOMPARE(outbox.at(1).payload.value(u"gps"_s).toObject().value(u"latitude"_s).toDouble(), 48.1374);
    QCOMPARE(outbox.at(2).operation, u"link.create"_s);
    QCOMPARE(outbox.at(2).payload.value(u"entity"_s).toString(), u"product:SKU-1"_s);
    QCOMPARE(outbox.at(2).payload.value(u"links"_s).toObject().value(u"primary"_s).toString(), stored->uid);
}

void TestCatalogImages::sameBytesTwiceIsADuplicate()
{
    const Entity first = addProduct(u"A"_s);
    const Entity second = addProduct(u"B"_s);
    const ImageRecord original = record(u"same"_s, {first.id});
    QVERIFY(original.id);
    const int outbox = rows(u"outbox"_s);

    const Result<RecordedImport> again = m_catalog->recordImport(newImage(u"same"_s), {first.id, second.id});
    QVERIFY(again);
    QVERIFY(again->duplicate);
    QCOMPARE(again->image.id, original.id);
    QCOMPARE(again->image.uid, original.uid);
    QCOMPARE(again->entities.size(), 2); // the existing image, now linked to both
    QCOMPARE(rows(u"images"_s), 1);
    QCOMPARE(rows(u"renditions"_s), 2);
    QCOMPARE(rows(u"links"_s), 2);
    const QList<OutboxEntry> entries = m_catalog->outbox();
    QCOMPARE(entries.size(), outbox + 1); // the new link only
    QCOMPARE(entries.last().operation, u"link.create"_s);

    // Once more, with nothing new to link: nothing at all is written.
    const Result<RecordedImport> third = m_catalog->recordImport(newImage(u"same"_s), {first.id});
    QVERIFY(third && third->duplicate);
    QCOMPARE(rows(u"outbox"_s), outbox + 1);
    QCOMPARE(m_catalog->imageById(original.id)->revision, 1);
}

void TestCatalogImages::uidIsDeterministicPerWorkspace()
{
    const ImageRecord here = record(u"shared bytes"_s);
    QCOMPARE(here.uid, QUuid::createUuidV5(m_catalog->workspaceId(), here.sha256).toString(QUuid::WithoutBraces));
    QCOMPARE(QUuid::fromString(here.uid).version(), QUuid::Sha1);

    // Forgotten and imported again: the same uid.
    QVERIFY(m_catalog->forgetImage(here.id));
    QCOMPARE(record(u"shared bytes"_s).uid, here.uid);

    QTemporaryDir other;
    std::unique_ptr<Catalog> otherWorkspace = create(other.filePath(u"catalog.sqlite"_s));
    QVERIFY(otherWorkspace);
    QVERIFY(otherWorkspace->workspaceId() != m_catalog->workspaceId());
    const Result<RecordedImport> there = otherWorkspace->recordImport(newImage(u"shared bytes"_s), {});
    QVERIFY(there);
    QCOMPARE(there->image.sha256, here.sha256);
    QVERIFY(there->image.uid != here.uid);
}

void TestCatalogImages::badImportChangesNothing()
{
    const Entity product = addProduct(u"P"_s);
    const int outbox = rows(u"outbox"_s);
    NewImage notHashed = newImage(u"x"_s);
    notHashed.sha256 = u"not-a-hash"_s;
    const Result<RecordedImport> bad = m_catalog->recordImport(notHashed, {product.id});
    QVERIFY(!bad);
    QVERIFY2(bad.error().contains(u"x.jpg"_s) && bad.error().contains(u"not a SHA-256"_s), qPrintable(bad.error()));

    const Result<RecordedImport> missing = m_catalog->recordImport(newImage(u"y"_s), {product.id, 4242});
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(u"entity 4242 does not exist"_s), qPrintable(missing.error()));

    NewImage twice = newImage(u"z"_s);
    twice.renditions.append(twice.renditions.first());
    QVERIFY(!m_catalog->recordImport(twice, {}));

    QCOMPARE(rows(u"images"_s), 0);
    QCOMPARE(rows(u"links"_s), 0);
    QCOMPARE(rows(u"renditions"_s), 0);
    QCOMPARE(rows(u"image_search"_s), 0);
    QCOMPARE(rows(u"outbox"_s), outbox);
}

void TestCatalogImages::editChangesOnlyGivenFieldsAndIncrementsRevision()
{
    const ImageRecord image = record(u"edit"_s);
    ImageEdit edit;
    edit.caption = u"Haustür, Ansicht von Süden"_s;
    edit.front = true;
    QVERIFY(m_catalog->editImage(image.id, edit));
    std::optional<ImageRecord> edited = m_catalog->imageById(image.id);
    QCOMPARE(edited->caption, u"Haustür, Ansicht von Süden"_s);
    QVERIFY(edited->front);
    QCOMPARE(edited->altText, QString());
    QCOMPARE(edited->revision, 2);
    QVERIFY(edited->modifiedAt >= image.modifiedAt);
    const OutboxEntry update = m_catalog->outbox().last();
    QCOMPARE(update.operation, u"image.update"_s);
    QCOMPARE(update.subjectUid, image.uid);
    QCOMPARE(update.payload.keys(), (QStringList {u"caption"_s, u"front"_s, u"uid"_s}));

    ImageEdit more;
    more.altText = u"Eine Haustür"_s;
    more.description = u"Eiche, geölt"_s;
    more.imageType = u"Produktfoto"_s;
    more.caption = edited->caption; // unchanged: not in the outbox entry
    QVERIFY(m_catalog->editImage(image.id, more));
    edited = m_catalog->imageById(image.id);
    QCOMPARE(edited->altText, u"Eine Haustür"_s);
    QCOMPARE(edited->description, u"Eiche, geölt"_s);
    QCOMPARE(edited->imageType, u"Produktfoto"_s);
    QCOMPARE(edited->revision, 3);
    QVERIFY(!m_catalog->outbox().last().payload.contains(u"caption"_s));

    // No actual change: no revision, no outbox entry.
    const int outbox = rows(u"outbox"_s);
    QVERIFY(m_catalog->editImage(image.id, more));
    QVERIFY(m_catalog->editImage(image.id, ImageEdit {}));
    QCOMPARE(m_catalog->imageById(image.id)->revision, 3);
    QCOMPARE(rows(u"outbox"_s), outbox);

    const Status missing = m_catalog->editImage(777, more);
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains(u"image 777 does not exist"_s), qPrintable(missing.error()));
}

void TestCatalogImages::tagsAreNormalisedAndQueued()
{
    const ImageRecord image = record(u"tags"_s);
    QVERIFY(m_catalog->setTags(image.id, {u"  rot "_s, u"Außen"_s, u"ROT"_s, u""_s, u"neu  und   schön"_s}));
    QCOMPARE(m_catalog->imageById(image.id)->tags, (QStringList {u"Außen"_s, u"neu und schön"_s, u"rot"_s}));
    QCOMPARE(m_catalog->imageById(image.id)->revision, 2);
    QCOMPARE(m_catalog->outbox().last().payload.value(u"tags"_s).toArray().size(), 3);

    QVERIFY(m_catalog->addTags(image.id, {u"Rot"_s, u"blau"_s}));
    QCOMPARE(m_catalog->imageById(image.id)->tags, (QStringList {u"Außen"_s, u"blau"_s, u"neu und schön"_s, u"rot"_s}));
    QCOMPARE(m_catalog->imageById(image.id)->revision, 3);

    QVERIFY(m_catalog->removeTags(image.id, {u"AUSSEN"_s, u"außen"_s, u"neu und schön"_s}));
    QCOMPARE(m_catalog->imageById(image.id)->tags, (QStringList {u"blau"_s, u"rot"_s}));

    // Tag spelling is shared: another image tagged "BLAU" shows the existing "blau".
    const ImageRecord other = record(u"other"_s);
    QVERIFY(m_catalog->addTags(other.id, {u"BLAU"_s}));
    QCOMPARE(m_catalog->imageById(other.id)->tags, QStringList {u"blau"_s});

    // Case is ignored beyond ASCII too.
    QVERIFY(m_catalog->addTags(other.id, {u"Äpfel"_s}));
    QVERIFY(m_catalog->addTags(image.id, {u"ÄPFEL"_s, u"äpfel"_s}));
    QCOMPARE(m_catalog->imageById(image.id)->tags, (QStringList {u"blau"_s, u"rot"_s, u"Äpfel"_s}));
    QCOMPARE(rows(u"tags"_s), 5); // rot, Außen, neu und schön, blau, Äpfel

    const int outbox = rows(u"outbox"_s);
    QVERIFY(m_catalog->addTags(image.id, {u"ROT"_s, u"äPFEL"_s}));
    QCOMPARE(m_catalog->imageById(image.id)->revision, 5);
    QCOMPARE(rows(u"outbox"_s), outbox);
    QVERIFY(!m_catalog->setTags(12345, {u"x"_s}));
}

void TestCatalogImages::rotationReplacesRenditions()
{
    const ImageRecord image = record(u"rotate"_s);
    const QList<RenditionRecord> rotated = {
        RenditionRecord {u"thumb150"_s, 113, 150, 4100, sha256Of(u"r1"_s)},
        RenditionRecord {u"web1024"_s, 768, 1024, 91000, sha256Of(u"r2"_s)},
    };
    QVERIFY(m_catalog->setRotation(image.id, 5, rotated));
    std::optional<ImageRecord> stored = m_catalog->imageById(image.id);
    QCOMPARE(stored->rotationQuarterTurns, 1);
    QCOMPARE(stored->revision, 2);
    QCOMPARE(stored->renditions.at(0).width, 113);
    QCOMPARE(stored->renditions.at(1).sha256, sha256Of(u"r2"_s));
    QCOMPARE(m_catalog->outbox().last().payload.value(u"rotation"_s).toInt(), 1);

    QVERIFY(m_catalog->setRotation(image.id, -1, rotated));
    QCOMPARE(m_catalog->imageById(image.id)->rotationQuarterTurns, 3);
    QCOMPARE(m_catalog->imageById(image.id)->revision, 3);
}

void TestCatalogImages::replacingRenditionsIsNotAUserChange()
{
    const ImageRecord image = record(u"compress"_s);
    const int outbox = rows(u"outbox"_s);
    const QList<RenditionRecord> smaller = {RenditionRecord {u"web1024"_s, 1024, 768, 40000, sha256Of(u"small"_s)}};
    QVERIFY(m_catalog->replaceRenditions(image.id, smaller));
    const std::optional<ImageRecord> stored = m_catalog->imageById(image.id);
    QCOMPARE(stored->renditions.size(), 1);
    QCOMPARE(stored->renditions.first().bytes, 40000);
    QCOMPARE(stored->revision, 1);
    QCOMPARE(rows(u"outbox"_s), outbox);
    QVERIFY(!m_catalog->replaceRenditions(image.id, {RenditionRecord {u""_s, 1, 1, 1, sha256Of(u"x"_s)}}));
    QCOMPARE(m_catalog->imageById(image.id)->renditions.size(), 1);
}

void TestCatalogImages::failingTransactionLeavesNeitherChangeNorOutbox()
{
    const Entity product = addProduct(u"P"_s);
    const ImageRecord image = record(u"atomic"_s, {product.id});
    const int outbox = rows(u"outbox"_s);
    // Every outbox write now fails, as a full disk would make it.
    QCOMPARE(execute(*m_catalog,
                     u"CREATE TEMP TRIGGER refuse_outbox BEFORE INSERT ON outbox "
                     "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s),
             QString());

    ImageEdit edit;
    edit.caption = u"never stored"_s;
    const Status edited = m_catalog->editImage(image.id, edit);
    QVERIFY(!edited);
    QVERIFY2(edited.error().contains(u"injected failure"_s), qPrintable(edited.error()));
    QVERIFY(!m_catalog->setTags(image.id, {u"never"_s}));
    QVERIFY(!m_catalog->recordImport(newImage(u"never"_s), {product.id}));
    QVERIFY(!m_catalog->addEntity(EntityKind::Job, u"J"_s, u"never"_s));
    QVERIFY(!m_catalog->unlink(image.id, product.id));
    QVERIFY(!m_catalog->forgetImage(image.id));

    const std::optional<ImageRecord> unchanged = m_catalog->imageById(image.id);
    QCOMPARE(unchanged->caption, QString());
    QVERIFY(unchanged->tags.isEmpty());
    QCOMPARE(unchanged->revision, 1);
    QCOMPARE(rows(u"images"_s), 1);
    QCOMPARE(rows(u"links"_s), 1);
    QCOMPARE(rows(u"entities"_s), 1);
    QCOMPARE(m_catalog->entityById(product.id)->revision, 2);
    QCOMPARE(rows(u"outbox"_s), outbox);
    QCOMPARE(m_catalog->search(u"never"_s)->size(), 0);

    // The connection is usable again afterwards: nothing was left half-open.
    QCOMPARE(execute(*m_catalog, u"DROP TRIGGER refuse_outbox"_s), QString());
    QVERIFY(m_catalog->editImage(image.id, edit));
    QCOMPARE(m_catalog->imageById(image.id)->caption, u"never stored"_s);
}

void TestCatalogImages::forgetRemovesRowsAndQueuesDelete()
{
    const Entity product = addProduct(u"P"_s);
    const ImageRecord first = record(u"first"_s, {product.id});
    const ImageRecord second = record(u"second"_s, {product.id});
    QVERIFY(m_catalog->addTags(first.id, {u"weg"_s}));
    QCOMPARE(m_catalog->primaryImage(product.id)->id, first.id);

    QVERIFY(m_catalog->forgetImage(first.id));
    QVERIFY(!m_catalog->imageById(first.id));
    QCOMPARE(rows(u"images"_s), 1);
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM renditions WHERE image_id = ?"_s, {first.id}).toInt(), 0);
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM image_tags WHERE image_id = ?"_s, {first.id}).toInt(), 0);
    QCOMPARE(scalar(*m_catalog, u"SELECT count(*) FROM links WHERE image_id = ?"_s, {first.id}).toInt(), 0);
    QCOMPARE(m_catalog->search(u"weg"_s)->size(), 0);
    QCOMPARE(m_catalog->primaryImage(product.id)->id, second.id);
    const OutboxEntry last = m_catalog->outbox().last();
    QCOMPARE(last.operation, u"image.delete"_s);
    QCOMPARE(last.payload.value(u"sha256"_s).toString(), first.sha256);
    QVERIFY(!m_catalog->forgetImage(first.id));
}

void TestCatalogImages::listsPagesUnassignedAndOldImages()
{
    const Entity product = addProduct(u"P"_s);
    QList<qint64> ids;
    for (int i = 0; i < 10; ++i)
        ids.append(record(u"list-%1"_s.arg(i), i % 2 ? QList<qint64> {product.id} : QList<qint64> {}).id);
    QCOMPARE(m_catalog->allImages().size(), 10);
    const QList<ImageRecord> page = m_catalog->allImages(3, 4);
    QCOMPARE(page.size(), 3);
    QCOMPARE(page.first().id, ids.at(4));
    QCOMPARE(m_catalog->unassignedImages().size(), 5);
    QCOMPARE(m_catalog->imagesOfEntity(product.id).size(), 5);
    QCOMPARE(m_catalog->imagesCreatedBefore(QDateTime::currentDateTimeUtc().addSecs(60)).size(), 10);
    QCOMPARE(m_catalog->imagesCreatedBefore(QDateTime::currentDateTimeUtc().addDays(-1)).size(), 0);
    // Written before: created a day ago according to the row.
    QCOMPARE(
        execute(*m_catalog, u"UPDATE images SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?"_s, {ids.at(2)}),
        QString());
    const QList<ImageRecord> old = m_catalog->imagesCreatedBefore(QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(old.size(), 1);
    QCOMPARE(old.first().id, ids.at(2));
}

void TestCatalogImages::listsManyImagesWithTheirTagsAndRenditions()
{
    for (int i = 0; i < 300; ++i) {
        const ImageRecord image = record(u"many-%1"_s.arg(i));
        QVERIFY(m_catalog->setTags(image.id, {u"n%1"_s.arg(i), u"all"_s}));
    }
    const QList<ImageRecord> all = m_catalog->allImages();
    QCOMPARE(all.size(), 300);
    for (int i = 0; i < all.size(); ++i) {
        QCOMPARE(all.at(i).tags, (QStringList {u"all"_s, u"n%1"_s.arg(i)}));
        QCOMPARE(all.at(i).renditions.size(), 2);
        QCOMPARE(all.at(i).renditions.at(0).sha256, sha256Of(u"many-%1/thumb150"_s.arg(i)));
    }
}

void TestCatalogImages::statsAndReferencedFiles()
{
    const Entity product = addProduct(u"P"_s);
    QVERIFY(m_catalog->addEntity(EntityKind::Customer, u"K"_s, u"Kunde"_s));
    const ImageRecord first = record(u"s1"_s, {product.id});
    const ImageRecord second = record(u"s2"_s);
    record(u"s3"_s);
    ImageEdit typed;
    typed.imageType = u"Produktfoto"_s;
    QVERIFY(m_catalog->editImage(first.id, typed));
    QVERIFY(m_catalog->editImage(second.id, typed));

    const CatalogStats stats = m_catalog->stats();
    QCOMPARE(stats.entitiesPerKind.value(u"product"_s), 1);
    QCOMPARE(stats.entitiesPerKind.value(u"customer"_s), 1);
    QCOMPARE(stats.entitiesPerKind.value(u"job"_s), 0);
    QCOMPARE(stats.entitiesPerKind.size(), 6);
    QCOMPARE(stats.imagesPerType.value(u"Produktfoto"_s), 2);
    QCOMPARE(stats.imagesPerType.value(QString()), 1);
    QCOMPARE(stats.images, 3);
    QCOMPARE(stats.unassignedImages, 2);
    QCOMPARE(stats.originalBytes, 3 * 123456);
    QCOMPARE(stats.renditionBytes, 3 * (4000 + 90000));

    const QList<StoredFileRef> files = m_catalog->referencedFiles().value();
    QCOMPARE(files.size(), 9);
    const StoredFileRef original = files.at(0);
    QCOMPARE(original.imageId, first.id);
    QCOMPARE(original.renditionName, QString());
    QCOMPARE(original.format, u"jpeg"_s);
    QCOMPARE(original.expectedSha256, first.sha256);
    QCOMPARE(original.bytes, 123456);
    const StoredFileRef thumb = files.at(1);
    QCOMPARE(thumb.sha256, first.sha256);
    QCOMPARE(thumb.renditionName, u"thumb150"_s);
    QCOMPARE(thumb.expectedSha256, sha256Of(u"s1/thumb150"_s));
}

QTEST_GUILESS_MAIN(TestCatalogImages)
#include "tst_catalogimages.moc"

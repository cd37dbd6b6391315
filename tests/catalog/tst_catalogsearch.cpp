// Full-text search: every indexed field, words and prefixes, hostile input, and the index
// following every change (edits, tags, links, entity renames).
#include "catalog/catalog.h"
#include "catalogfixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace CatalogFixture;

class TestCatalogSearch final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsByEveryField_data();
    void findsByEveryField();
    void hostileInputIsNeverAnError_data();
    void hostileInputIsNeverAnError();
    void indexFollowsChanges();
    void entityRenameReindexesItsImages();
    void bestMatchesFirstAndLimit();

private:
    qint64 onlyHit(const QString &text);
    QTemporaryDir m_dir;
    std::unique_ptr<Catalog> m_catalog;
    qint64 m_door = 0;
    qint64 m_chair = 0;
};

void TestCatalogSearch::initTestCase()
{
    m_catalog = create(m_dir.filePath(u"catalog.sqlite"_s));
    QVERIFY(m_catalog);
    const Result<Entity> product = m_catalog->addEntity(EntityKind::Product, u"SKU-4711"_s, u"Eichentür Landhaus"_s);
    const Result<Entity> customer = m_catalog->addEntity(EntityKind::Customer, u"K-1001"_s, u"Schreinerei Holzwurm"_s);
    QVERIFY(product && customer);
    const Result<RecordedImport> door = m_catalog->recordImport(newImage(u"door"_s), {product->id, customer->id});
    const Result<RecordedImport> chair = m_catalog->recordImport(newImage(u"chair"_s), {});
    QVERIFY(door && chair);
    m_door = door->image.id;
    m_chair = chair->image.id;
    ImageEdit edit;
    edit.caption = u"Haustür von außen"_s;
    edit.altText = u"Braune Tür mit Messinggriff"_s;
    edit.description = u"Montiert im Frühjahr"_s;
    QVERIFY(m_catalog->editImage(m_door, edit));
    QVERIFY(m_catalog->setTags(m_door, {u"Referenz"_s, u"Außenansicht"_s}));
    ImageEdit chairEdit;
    chairEdit.caption = u"Stuhl, Buche"_s;
    QVERIFY(m_catalog->editImage(m_chair, chairEdit));
}

qint64 TestCatalogSearch::onlyHit(const QString &text)
{
    const Result<QList<ImageRecord>> found = m_catalog->search(text);
    if (!found) {
        qWarning().noquote() << found.error();
        return -1;
    }
    return found->size() == 1 ? found->first().id : -found->size();
}

void TestCatalogSearch::findsByEveryField_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("caption") << u"Haustür"_s;
    QTest::newRow("caption, any case") << u"HAUSTÜR"_s;
    QTest::newRow("caption, without diacritics") << u"haustur"_s;
    QTest::newRow("alt text") << u"Messinggriff"_s;
    QTest::newRow("description") << u"Frühjahr"_s;
    QTest::newRow("tag") << u"Referenz"_s;
    QTest::newRow("entity name") << u"Holzwurm"_s;
    QTest::newRow("entity key") << u"SKU-4711"_s;
    QTest::newRow("customer number") << u"K-1001"_s;
    QTest::newRow("prefix of the last word") << u"Eichen"_s;
    QTest::newRow("prefix of a key") << u"SKU-47"_s;
    QTest::newRow("two words, any field") << u"braune schreinerei"_s;
}

void TestCatalogSearch::findsByEveryField()
{
    QFETCH(QString, text);
    QCOMPARE(onlyHit(text), m_door);
}

void TestCatalogSearch::hostileInputIsNeverAnError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("hits");
    QTest::newRow("unbalanced") << u"\"foo AND ("_s << 0;
    QTest::newRow("star") << u"*"_s << 0;
    QTest::newRow("quote") << u"\""_s << 0;
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("blanks") << u"  \t "_s << 0;
    QTest::newRow("operators") << u"AND OR NOT NEAR"_s << 0;
    QTest::newRow("near call") << u"NEAR(tür messing, 2)"_s << 0;
    QTest::newRow("column filter") << u"caption:Haustür"_s << 0;
    QTest::newRow("caret and minus") << u"^Haustür -außen"_s << 1;
    QTest::newRow("brackets around a word") << u"(Stuhl)"_s << 1;
    QTest::newRow("quotes inside") << u"Hau\"stür"_s << 0;
    QTest::newRow("sql") << u"'; DROP TABLE images; --"_s << 0;
    QTest::newRow("only a word then star") << u"Stu*"_s << 1;
}

void TestCatalogSearch::hostileInputIsNeverAnError()
{
    QFETCH(QString, text);
    QFETCH(int, hits);
    const Result<QList<ImageRecord>> found = m_catalog->search(text);
    QVERIFY2(found, qPrintable(found.error()));
    QCOMPARE(found->size(), hits);
    QCOMPARE(m_catalog->allImages().size(), 2);
}

void TestCatalogSearch::indexFollowsChanges()
{
    QCOMPARE(onlyHit(u"Buche"_s), m_chair);
    ImageEdit edit;
    edit.caption = u"Stuhl, Kirsche"_s;
    QVERIFY(m_catalog->editImage(m_chair, edit));
    QCOMPARE(onlyHit(u"Buche"_s), 0);
    QCOMPARE(onlyHit(u"Kirsche"_s), m_chair);

    QVERIFY(m_catalog->addTags(m_chair, {u"Sitzmöbel"_s}));
    QCOMPARE(onlyHit(u"sitzmobel"_s), m_chair);
    QVERIFY(m_catalog->removeTags(m_chair, {u"Sitzmöbel"_s}));
    QCOMPARE(onlyHit(u"Sitzmöbel"_s), 0);

    const std::optional<Entity> customer = m_catalog->entity(EntityKind::Customer, u"K-1001"_s);
    QVERIFY(m_catalog->link(m_chair, customer->id));
    QCOMPARE(m_catalog->search(u"Holzwurm"_s)->size(), 2);
    QVERIFY(m_catalog->unlink(m_chair, customer->id));
    QCOMPARE(onlyHit(u"Holzwurm"_s), m_door);
    QVERIFY(m_catalog->editImage(m_chair, ImageEdit {u"Stuhl, Buche"_s, {}, {}, {}, {}}));
}

void TestCatalogSearch::entityRenameReindexesItsImages()
{
    const std::optional<Entity> product = m_catalog->entity(EntityKind::Product, u"SKU-4711"_s);
    QVERIFY(m_catalog->renameEntity(product->id, u"Kieferntür Modern"_s));
    QCOMPARE(onlyHit(u"Eichentür"_s), 0);
    QCOMPARE(onlyHit(u"Kiefern"_s), m_door);
    QCOMPARE(onlyHit(u"SKU-4711"_s), m_door);
}

void TestCatalogSearch::bestMatchesFirstAndLimit()
{
    for (int i = 0; i < 5; ++i) {
        const Result<RecordedImport> recorded = m_catalog->recordImport(newImage(u"rank-%1"_s.arg(i)), {});
        QVERIFY(recorded);
        // One mention of "Fenster" among many words, except the last: only "Fenster".
        const QString caption = i == 4 ? u"Fenster"_s : u"Fenster mit Rahmen, Glas, Griff und Dichtung Nr %1"_s.arg(i);
        QVERIFY(m_catalog->editImage(recorded->image.id, ImageEdit {caption, {}, {}, {}, {}}));
    }
    const Result<QList<ImageRecord>> found = m_catalog->search(u"fenster"_s);
    QVERIFY(found);
    QCOMPARE(found->size(), 5);
    QCOMPARE(found->first().caption, u"Fenster"_s);
    QCOMPARE(m_catalog->search(u"fenster"_s, 2)->size(), 2);
}

QTEST_GUILESS_MAIN(TestCatalogSearch)
#include "tst_catalogsearch.moc"

// Several threads, each with its own Catalog on the same file, writing at once: no
// "database is locked", nothing lost, the primary rule kept.
#include "catalog/catalog.h"
#include "catalogfixture.h"

#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace Qt::StringLiterals;
using namespace CatalogFixture;

class TestCatalogConcurrency final : public QObject
{
    Q_OBJECT

private slots:
    void twoWritersAndAReader();
};

void TestCatalogConcurrency::twoWritersAndAReader()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalog.sqlite"_s);
    qint64 sharedId = 0;
    {
        std::unique_ptr<Catalog> catalog = create(path);
        QVERIFY(catalog);
        const Result<Entity> shared = catalog->addEntity(EntityKind::Job, u"J-1"_s, u"Baustelle"_s);
        QVERIFY(shared);
        sharedId = shared->id;
    }

    constexpr int perWriter = 60;
    QStringList failures;
    QMutex failuresMutex;
    std::atomic<bool> writing {true};
    const auto fail = [&](const QString &error) {
        QMutexLocker lock(&failuresMutex);
        failures.append(error);
    };
    const auto writer = [&](int number) {
        // Opened, used and closed in this thread only.
        Result<std::unique_ptr<Catalog>> opened = Catalog::open(path, Catalog::OpenMode::OpenExisting);
        if (!opened)
            return fail(opened.error());
        Catalog &catalog = *opened.value();
        const Result<Entity> own = catalog.addEntity(EntityKind::Product, u"P-%1"_s.arg(number), u"Produkt"_s);
        if (!own)
            return fail(own.error());
        for (int i = 0; i < perWriter; ++i) {
            const Result<RecordedImport> recorded =
                catalog.recordImport(newImage(u"w%1-%2"_s.arg(number).arg(i)), {sharedId, own->id});
            if (!recorded)
                return fail(recorded.error());
            if (Status s = catalog.addTags(recorded->image.id, {u"writer %1"_s.arg(number)}); !s)
                return fail(s.error());
            if (i % 10 == 0) {
                if (Status s = catalog.setPrimary(sharedId, recorded->image.id, u"writer"_s); !s)
                    return fail(s.error());
            }
        }
    };
    const auto reader = [&]() {
        Result<std::unique_ptr<Catalog>> opened = Catalog::open(path, Catalog::OpenMode::OpenExisting);
        if (!opened)
            return fail(opened.error());
        while (writing) {
            const QList<ImageRecord> images = opened.value()->imagesOfEntity(sharedId);
            if (!images.isEmpty() && !opened.value()->primaryImage(sharedId))
                return fail(u"an entity with images had no primary"_s);
            if (!opened.value()->search(u"writer"_s))
                return fail(u"search failed"_s);
        }
    };

    std::unique_ptr<QThread> first(QThread::create(writer, 1));
    std::unique_ptr<QThread> second(QThread::create(writer, 2));
    std::unique_ptr<QThread> third(QThread::create(reader));
    third->start();
    first->start();
    second->start();
    QVERIFY(first->wait(QDeadlineTimer(120000)));
    QVERIFY(second->wait(QDeadlineTimer(120000)));
    writing = false;
    QVERIFY(third->wait(QDeadlineTimer(120000)));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));

    std::unique_ptr<Catalog> catalog = openExisting(path);
    QVERIFY(catalog);
    QCOMPARE(catalog->allImages().size(), 2 * perWriter);
    QCOMPARE(catalog->imagesOfEntity(sharedId).size(), 2 * perWriter);
    QCOMPARE(catalog->search(u"writer"_s)->size(), 2 * perWriter);
    QVERIFY(everyEntityHasOnePrimary(*catalog));
    QCOMPARE(
        scalar(*catalog, u"SELECT count(DISTINCT sort_order) FROM links WHERE entity_id = ?"_s, {sharedId}).toInt(),
        2 * perWriter);
    QCOMPARE(scalar(*catalog, u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
}

QTEST_GUILESS_MAIN(TestCatalogConcurrency)
#include "tst_catalogconcurrency.moc"

// CatalogThread: the catalog on a thread of its own. Work runs there in the order queued,
// results come back as futures, writes are announced to the caller's thread, drain() waits,
// and destruction finishes the queued work and closes the connection on its own thread.
#include "catalog/catalog.h"
#include "catalog/catalogthread.h"
#include "catalogfixture.h"
#include "common/whenready.h"

#include <QFile>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace CatalogFixture;

class TestCatalogThread final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void openRefusesAMissingCatalog();
    void openUsesTheCatalogsWorkspace();
    void runReturnsResultsFromTheWorkerThread();
    void runDoesNotWaitForTheWork();
    void continuationsComeBackToTheCallersThread();
    void workRunsInTheOrderQueued();
    void seesWritesOfOtherConnections();
    void runWriteAnnouncesTheIdsOnTheCallersThread();
    void readsAreNotAnnouncedButNotifyChangedIs();
    void drainWaitsForQueuedWork();
    void drainFromTheWorkerThreadDoesNotWait();
    void destructionFinishesQueuedWorkAndKeepsWrites();

private:
    struct Announcement
    {
        QList<qint64> ids;
        QThread *thread = nullptr;
        QString caption; // image m_image's caption, read through another connection
    };
    std::unique_ptr<CatalogThread> openThread();
    // Records every catalogChanged of thread on a receiver living in this (the test's) thread.
    void listen(CatalogThread &thread);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QUuid m_workspaceId;
    qint64 m_product = 0;
    qint64 m_image = 0;
    std::unique_ptr<QObject> m_receiver;
    QList<Announcement> m_heard;
};

void TestCatalogThread::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"catalog.sqlite"_s);
    std::unique_ptr<Catalog> catalog = create(m_path);
    QVERIFY(catalog);
    m_workspaceId = catalog->workspaceId();
    const Result<Entity> product = catalog->addEntity(EntityKind::Product, u"SKU-1"_s, u"Stuhl"_s);
    QVERIFY2(product, qPrintable(product.error()));
    m_product = product->id;
    const Result<RecordedImport> recorded = catalog->recordImport(newImage(u"a"_s), {m_product});
    QVERIFY2(recorded, qPrintable(recorded.error()));
    m_image = recorded->image.id;
    m_heard.clear();
    m_receiver = std::make_unique<QObject>();
}

void TestCatalogThread::cleanup()
{
    m_receiver.reset();
    m_dir.reset();
}

std::unique_ptr<CatalogThread> TestCatalogThread::openThread()
{
    Result<std::unique_ptr<CatalogThread>> opened = CatalogThread::open(m_path);
    if (!opened) {
        qWarning().noquote() << opened.error();
        return nullptr;
    }
    return std::move(opened).value();
}

void TestCatalogThread::listen(CatalogThread &thread)
{
    connect(&thread, &CatalogThread::catalogChanged, m_receiver.get(), [this](const QList<qint64> &ids) {
        Announcement heard {ids, QThread::currentThread(), {}};
        // A Catalog of the receiver's own: what has been committed, not what the worker's
        // connection sees inside a transaction.
        if (std::unique_ptr<Catalog> reader = openExisting(m_path)) {
            if (const std::optional<ImageRecord> image = reader->imageById(m_image))
                heard.caption = image->caption;
        }
        m_heard.append(heard);
    });
}

void TestCatalogThread::openRefusesAMissingCatalog()
{
    const QString missing = m_dir->filePath(u"missing.sqlite"_s);
    Result<std::unique_ptr<CatalogThread>> opened = CatalogThread::open(missing);
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(missing), qPrintable(opened.error()));
    QVERIFY(!QFile::exists(missing)); // never created
}

void TestCatalogThread::openUsesTheCatalogsWorkspace()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    QCOMPARE(thread->path(), m_path);
    QCOMPARE(thread->workspaceId(), m_workspaceId);
    QVERIFY(!thread->workspaceId().isNull());
    QCOMPARE(thread->run([](Catalog &catalog) { return catalog.path(); }).result(), m_path);
}

void TestCatalogThread::runReturnsResultsFromTheWorkerThread()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    QThread *worker = thread->run([](Catalog &) { return QThread::currentThread(); }).result();
    QVERIFY(worker);
    QVERIFY(worker != QThread::currentThread());
    QCOMPARE(worker->objectName(), u"catalog"_s);
    // Always the same thread, whose own connection answers.
    QCOMPARE(thread->run([](Catalog &) { return QThread::currentThread(); }).result(), worker);
    const QString connection = thread->run([](Catalog &catalog) { return catalog.connectionName(); }).result();
    QVERIFY(!connection.isEmpty());
    QVERIFY(QSqlDatabase::contains(connection));

    // Values of any kind: a plain one, a Result, an optional, and nothing.
    QCOMPARE(thread->run([](Catalog &catalog) { return int(catalog.entities().size()); }).result(), 1);
    const Result<QList<qint64>> ids = thread->run([this](Catalog &catalog) {
        return catalog.galleryImageIds(GallerySelection::ofEntity(m_product), GallerySort::Order);
    }).result();
    QVERIFY2(ids, qPrintable(ids.error()));
    QCOMPARE(ids.value(), QList<qint64> {m_image});
    const std::optional<ImageRecord> image =
        thread->run([this](Catalog &catalog) { return catalog.imageById(m_image); }).result();
    QVERIFY(image);
    QCOMPARE(image->sha256, sha256Of(u"a"_s));
    std::atomic<QThread *> ranOn {nullptr};
    QFuture<void> done = thread->run([&ranOn](Catalog &) { ranOn = QThread::currentThread(); });
    done.waitForFinished();
    QVERIFY(done.isFinished());
    QCOMPARE(ranOn.load(), worker);
    // A refused change is a result like any other.
    const Result<Entity> refused =
        thread->run([](Catalog &catalog) { return catalog.addEntity(EntityKind::Product, u"SKU-1"_s, {}); }).result();
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(m_path), qPrintable(refused.error()));
}

void TestCatalogThread::runDoesNotWaitForTheWork()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    // The work waits for the caller: had run() waited for the work, the gate would never
    // open in time.
    QSemaphore gate;
    QFuture<bool> opened = thread->run([&gate](Catalog &) { return gate.tryAcquire(1, 5000); });
    QVERIFY(!opened.isFinished());
    gate.release();
    QVERIFY(opened.result());
}

// The documented way back: whenReady() (common/whenready.h).
void TestCatalogThread::continuationsComeBackToTheCallersThread()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    QThread *continuedOn = nullptr;
    QThread *workedOn = nullptr;
    int entities = -1;
    whenReady(m_receiver.get(),
              thread->run([](Catalog &catalog) {
                  return std::pair {QThread::currentThread(), int(catalog.entities().size())};
              }),
              [&](const std::pair<QThread *, int> &result) {
                  continuedOn = QThread::currentThread();
                  workedOn = result.first;
                  entities = result.second;
              });
    QTRY_VERIFY(continuedOn);
    QCOMPARE(continuedOn, QThread::currentThread());
    QVERIFY(workedOn != QThread::currentThread());
    QCOMPARE(entities, 1);

    // A receiver gone before the result: nothing is called, nothing crashes.
    QSemaphore gate;
    bool called = false;
    auto receiver = std::make_unique<QObject>();
    whenReady(receiver.get(), thread->run([&gate](Catalog &) { return gate.tryAcquire(1, 5000); }),
              [&called](bool) { called = true; });
    receiver.reset();
    gate.release();
    thread->drain();
    QTest::qWait(20);
    QVERIFY(!called);
}

void TestCatalogThread::workRunsInTheOrderQueued()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    // Each read is queued right after its write, without waiting: it must see it.
    QList<QFuture<bool>> seen;
    for (int i = 0; i < 20; ++i) {
        const QString key = u"J-%1"_s.arg(i);
        (void)thread->runWrite(
            [key](Catalog &catalog) { return catalog.addEntity(EntityKind::Job, key, u"Auftrag"_s); });
        seen.append(thread->run([key](Catalog &catalog) { return catalog.entity(EntityKind::Job, key).has_value(); }));
    }
    QList<int> order;
    for (int i = 0; i < 5; ++i)
        (void)thread->run([&order, i](Catalog &) { order.append(i); });
    for (qsizetype i = 0; i < seen.size(); ++i)
        QVERIFY2(seen[i].result(), qPrintable(u"J-%1 not seen"_s.arg(i)));
    thread->drain();
    QCOMPARE(order, (QList<int> {0, 1, 2, 3, 4}));
}

void TestCatalogThread::seesWritesOfOtherConnections()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    QCOMPARE(thread->run([](Catalog &catalog) { return int(catalog.entities(EntityKind::Customer).size()); }).result(),
             0);
    {
        std::unique_ptr<Catalog> other = openExisting(m_path);
        QVERIFY(other);
        QVERIFY(other->addEntity(EntityKind::Customer, u"K-1"_s, u"Kunde"_s));
    }
    QCOMPARE(thread->run([](Catalog &catalog) { return int(catalog.entities(EntityKind::Customer).size()); }).result(),
             1);
}

void TestCatalogThread::runWriteAnnouncesTheIdsOnTheCallersThread()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    listen(*thread);
    QFuture<Status> edited = thread->runWrite(
        [this](Catalog &catalog) {
            ImageEdit edit;
            edit.caption = u"Neu"_s;
            return catalog.editImage(m_image, edit);
        },
        {m_image, 4711});
    const Status status = edited.result();
    QVERIFY2(status, qPrintable(status.error()));
    QTRY_COMPARE(m_heard.size(), 1);
    QCOMPARE(m_heard.at(0).ids, (QList<qint64> {m_image, 4711}));
    QCOMPARE(m_heard.at(0).thread, QThread::currentThread());
    // Announced once committed: another connection already sees the change.
    QCOMPARE(m_heard.at(0).caption, u"Neu"_s);

    // A change of links only is announced without ids; the result still comes back.
    const Result<Entity> job =
        thread->runWrite([](Catalog &catalog) { return catalog.addEntity(EntityKind::Job, u"J-1"_s, u"Job"_s); })
            .result();
    QVERIFY2(job, qPrintable(job.error()));
    QTRY_COMPARE(m_heard.size(), 2);
    QCOMPARE(m_heard.at(1).ids, QList<qint64>());
    QCOMPARE(m_heard.at(1).thread, QThread::currentThread());

    // Several writes are announced in their order.
    for (qint64 id = 1; id <= 3; ++id)
        (void)thread->runWrite([](Catalog &) {}, {id * 100});
    QTRY_COMPARE(m_heard.size(), 5);
    QCOMPARE(m_heard.at(2).ids, QList<qint64> {100});
    QCOMPARE(m_heard.at(3).ids, QList<qint64> {200});
    QCOMPARE(m_heard.at(4).ids, QList<qint64> {300});
}

void TestCatalogThread::readsAreNotAnnouncedButNotifyChangedIs()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    listen(*thread);
    // A write through run() (not runWrite) is not announced either: run() is for reads.
    (void)thread->run([](Catalog &catalog) { return catalog.collectionCounts(); });
    (void)thread->run([](Catalog &catalog) { return catalog.addEntity(EntityKind::Job, u"J-9"_s, u"Job"_s); });
    thread->drain();
    QTest::qWait(50);
    QCoreApplication::processEvents();
    QVERIFY(m_heard.isEmpty());

    // A change written through another connection, announced by its writer.
    thread->notifyChanged({m_image});
    QTRY_COMPARE(m_heard.size(), 1);
    QCOMPARE(m_heard.at(0).ids, QList<qint64> {m_image});
    QCOMPARE(m_heard.at(0).thread, QThread::currentThread());
}

void TestCatalogThread::drainWaitsForQueuedWork()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    thread->drain(); // nothing queued: returns

    // The first job holds the queue until the gate opens; the others wait behind it.
    QSemaphore gate;
    std::atomic<int> ran {0};
    std::atomic<bool> gateOpened {false};
    QFuture<void> first = thread->run([&](Catalog &) { gateOpened = gate.tryAcquire(1, 5000); });
    QList<QFuture<qint64>> writes;
    for (int i = 0; i < 10; ++i) {
        writes.append(thread->runWrite([&ran, i](Catalog &catalog) {
            ++ran;
            const Result<Entity> added = catalog.addEntity(EntityKind::Category, u"C-%1"_s.arg(i), u"Kategorie"_s);
            return added ? added->id : qint64(-1);
        }));
    }
    QCOMPARE(ran.load(), 0);
    std::thread opener([&gate] {
        QThread::msleep(50);
        gate.release();
    });
    thread->drain();
    opener.join();
    QVERIFY(gateOpened.load());
    QCOMPARE(ran.load(), 10);
    QVERIFY(first.isFinished());
    for (const QFuture<qint64> &write : std::as_const(writes)) {
        QVERIFY(write.isFinished());
        QVERIFY(write.result() > 0);
    }
    // Committed: another connection sees them.
    std::unique_ptr<Catalog> reader = openExisting(m_path);
    QVERIFY(reader);
    QCOMPARE(int(reader->entities(EntityKind::Category).size()), 10);
}

void TestCatalogThread::drainFromTheWorkerThreadDoesNotWait()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    // Waiting there for the queue would wait for itself.
    CatalogThread *raw = thread.get();
    QFuture<int> inner = thread->run([raw](Catalog &) {
        raw->drain();
        return 7;
    });
    inner.waitForFinished();
    QVERIFY(inner.isFinished());
    QCOMPARE(inner.result(), 7);
}

void TestCatalogThread::destructionFinishesQueuedWorkAndKeepsWrites()
{
    std::unique_ptr<CatalogThread> thread = openThread();
    QVERIFY(thread);
    listen(*thread);
    const QString connection = thread->run([](Catalog &catalog) { return catalog.connectionName(); }).result();
    QVERIFY(QSqlDatabase::contains(connection));

    // The queue is held while the thread is destroyed with 30 writes behind it.
    QSemaphore gate;
    (void)thread->run([&gate](Catalog &) { (void)gate.tryAcquire(1, 5000); });
    QList<QFuture<Result<RecordedImport>>> imports;
    for (int i = 0; i < 30; ++i) {
        imports.append(thread->runWrite(
            [this, i](Catalog &catalog) { return catalog.recordImport(newImage(u"queued%1"_s.arg(i)), {m_product}); },
            {qint64(i)}));
    }
    std::thread opener([&gate] {
        QThread::msleep(100);
        gate.release();
    });
    thread.reset();
    opener.join();

    for (qsizetype i = 0; i < imports.size(); ++i) {
        QVERIFY(imports[i].isFinished());
        const Result<RecordedImport> recorded = imports[i].result();
        QVERIFY2(recorded, qPrintable(recorded.error()));
        QVERIFY(!recorded->duplicate);
    }
    // The connection was closed (on its own thread).
    QVERIFY(!QSqlDatabase::contains(connection));
    // Announcements still on their way to this thread do not crash anything.
    QCoreApplication::processEvents();
    QVERIFY(m_heard.size() <= 30);

    std::unique_ptr<Catalog> reopened = openExisting(m_path);
    QVERIFY(reopened);
    QCOMPARE(int(reopened->imagesOfEntity(m_product).size()), 31);
    QCOMPARE(reopened->imagesOfEntity(m_product).last().sha256, sha256Of(u"queued29"_s));
    QVERIFY(everyEntityHasOnePrimary(*reopened));
    const Status integrity = reopened->checkIntegrity();
    QVERIFY2(integrity, qPrintable(integrity.error()));
}

QTEST_GUILESS_MAIN(TestCatalogThread)
#include "tst_catalogthread.moc"

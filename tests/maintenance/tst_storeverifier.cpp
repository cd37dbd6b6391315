// verify: a clean store passes; a flipped byte in an original or a rendition and a
// missing file are each reported, naming the file, and nothing is changed.
#include "maintenance/storeverifier.h"
#include "testworkspace.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestStoreVerifier final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanStorePasses();
    void damageIsReportedAndNothingChanged_data();
    void damageIsReportedAndNothingChanged();
    void progressAndCancellation();

private:
    std::unique_ptr<TestWorkspace> m_ws;
    QList<ImageRecord> m_images;
};

void TestStoreVerifier::init()
{
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY(m_ws->isValid());
    m_images.clear();
    for (int seed = 1; seed <= 3; ++seed) {
        m_images.append(m_ws->addImage(seed));
        QVERIFY(m_images.last().id > 0);
    }
}

void TestStoreVerifier::cleanStorePasses()
{
    const auto report = StoreVerifier(m_ws->workspace()).run();
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY(report->isClean());
    QCOMPARE(report->checkedFiles, 9);
    QVERIFY(report->checkedBytes > 0);
}

void TestStoreVerifier::damageIsReportedAndNothingChanged_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("kind");
    QTest::newRow("flipped byte in an original") << u"original"_s << u"flip"_s << int(StoreProblem::Kind::Damaged);
    QTest::newRow("flipped byte in a rendition") << u"web1024"_s << u"flip"_s << int(StoreProblem::Kind::Damaged);
    QTest::newRow("missing original") << u"original"_s << u"remove"_s << int(StoreProblem::Kind::Missing);
    QTest::newRow("missing rendition") << u"thumb150"_s << u"remove"_s << int(StoreProblem::Kind::Missing);
}

void TestStoreVerifier::damageIsReportedAndNothingChanged()
{
    QFETCH(QString, file);
    QFETCH(QString, damage);
    QFETCH(int, kind);
    const ImageRecord &image = m_images[1];
    const QString path = file == u"original" ? m_ws->originalPath(image) : m_ws->renditionPath(image, file);
    if (damage == u"flip")
        QVERIFY(TestWorkspace::flipByte(path, 20));
    else
        QVERIFY(QFile::remove(path));
    const QMap<QString, QString> before = TestWorkspace::treeDigest(m_ws->workspace().directory());

    const auto report = StoreVerifier(m_ws->workspace()).run();
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY(!report->isClean());
    QCOMPARE(report->problems.size(), 1);
    const StoreProblem &problem = report->problems.first();
    QCOMPARE(int(problem.kind), kind);
    QCOMPARE(problem.path, path);
    QCOMPARE(problem.imageId, image.id);
    QCOMPARE(problem.renditionName, file == u"original" ? QString() : file);
    QVERIFY2(problem.message.contains(path), qPrintable(problem.message));
    if (problem.kind == StoreProblem::Kind::Damaged) {
        QCOMPARE(problem.actualSha256.size(), 64);
        QVERIFY(problem.actualSha256 != problem.expectedSha256);
    }
    QCOMPARE(TestWorkspace::treeDigest(m_ws->workspace().directory()), before);
    auto catalog = m_ws->openCatalog();
    QCOMPARE(catalog->allImages().size(), 3); // nothing forgotten either
}

void TestStoreVerifier::progressAndCancellation()
{
    QList<qint64> done;
    std::atomic_bool cancel{false};
    const JobProgress progress([&](qint64 d, qint64 total) {
        done.append(d);
        QCOMPARE(total, 9);
        if (d == 4)
            cancel = true;
    }, &cancel);
    const auto report = StoreVerifier(m_ws->workspace()).run(progress);
    QVERIFY(report);
    QVERIFY(report->cancelled);
    QVERIFY(!report->isClean());
    QCOMPARE(report->checkedFiles, 4);
    QCOMPARE(done, (QList<qint64>{0, 1, 2, 3, 4}));
}

QTEST_GUILESS_MAIN(TestStoreVerifier)
#include "tst_storeverifier.moc"

// vitrine-cli as a user drives it: workspaces, entities, import, primary image, order,
// captions, tags, search, rotation and export, each checked through the program's own
// --json output.
#include "clirunner.h"
#include "testimages.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliWorkflow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_workspaces = 0;

    // A new data directory with one workspace, "shop", chosen for every command.
    CliRunner freshWorkspace()
    {
        CliRunner cli(m_dir.filePath(u"data"_s + QString::number(++m_workspaces)));
        const auto created = cli.run({u"workspace"_s, u"create"_s, u"shop"_s});
        if (created.exitCode != 0)
            qWarning() << created.err;
        cli.setEnvironment(u"VITRINE_WORKSPACE"_s, u"shop"_s);
        return cli;
    }

    QString image(const QString &name, const QByteArray &bytes)
    {
        return TestImages::writeFile(m_dir.filePath(u"in"_s), name, bytes);
    }

    static QList<qint64> ids(const QJsonArray &images)
    {
        QList<qint64> result;
        for (const QJsonValue &image : images)
            result.append(image[u"id"_s].toInteger());
        return result;
    }

    static QJsonObject linkTo(const QJsonObject &shown, const QString &key)
    {
        for (const QJsonValue &entity : shown[u"entities"_s].toArray())
            if (entity[u"key"_s].toString() == key)
                return entity.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(CliRunner::program()));
    }

    void usageErrorsAndHelp()
    {
        CliRunner cli(m_dir.filePath(u"nowhere"_s));
        QCOMPARE(cli.run({}).exitCode, 2);
        QCOMPARE(cli.run({u"frobnicate"_s}).exitCode, 2);
        QCOMPARE(cli.run({u"help"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"import"_s, u"--help"_s}).exitCode, 0);
        const auto noWorkspace = cli.run({u"list"_s});
        QCOMPARE(noWorkspace.exitCode, 3);
        QVERIFY2(noWorkspace.err.contains(u"workspace create"_s), qPrintable(noWorkspace.err));
    }

    void workspacesAreCreatedListedAndValidated()
    {
        CliRunner cli(m_dir.filePath(u"workspaces"_s));
        QCOMPARE(cli.run({u"workspace"_s, u"create"_s, u"shop"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"workspace"_s, u"create"_s, u"jobs"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"workspace"_s, u"create"_s, u"shop"_s}).exitCode, 3);
        QCOMPARE(cli.run({u"workspace"_s, u"create"_s, u"../escape"_s}).exitCode, 2);
        const auto listed = cli.json({u"workspace"_s, u"list"_s});
        QCOMPARE(listed.json().array(), (QJsonArray{u"jobs"_s, u"shop"_s}));
        // With two workspaces the user must say which one.
        const auto ambiguous = cli.run({u"list"_s});
        QCOMPARE(ambiguous.exitCode, 3);
        QVERIFY(ambiguous.err.contains(u"--workspace"_s));
        QCOMPARE(cli.run({u"--workspace"_s, u"jobs"_s, u"list"_s}).exitCode, 0);
    }

    void importIntoEntityThenChoosePrimaryAndOrder()
    {
        CliRunner cli = freshWorkspace();
        QCOMPARE(cli.run({u"entity"_s, u"add"_s, u"product"_s, u"SKU-1"_s, u"--name"_s, u"Oak chair"_s}).exitCode, 0);
        const QStringList files{image(u"p1.jpg"_s, TestImages::uniqueJpeg(1)), image(u"p2.jpg"_s, TestImages::uniqueJpeg(2)),
                                image(u"p3.jpg"_s, TestImages::uniqueJpeg(3))};
        const auto imported = cli.json(QStringList{u"import"_s, u"--entity"_s, u"product:SKU-1"_s} + files);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(imported.json()[u"imported"_s].toInt(), 3);

        const QList<qint64> order = ids(cli.json({u"list"_s, u"--entity"_s, u"product:SKU-1"_s}).json().array());
        QCOMPARE(order.size(), 3);
        // Nobody chose a primary yet: the first by order is.
        QJsonObject first = cli.json({u"show"_s, QString::number(order[0])}).json().object();
        QCOMPARE(linkTo(first, u"SKU-1"_s)[u"primary"_s].toBool(), true);
        QCOMPARE(linkTo(first, u"SKU-1"_s)[u"pinned"_s].toBool(), false);

        QCOMPARE(cli.run({u"set-primary"_s, u"product:SKU-1"_s, QString::number(order[2])}).exitCode, 0);
        const QStringList newOrder{QString::number(order[1]), QString::number(order[0]), QString::number(order[2])};
        QCOMPARE(cli.run(QStringList{u"reorder"_s, u"product:SKU-1"_s} + newOrder).exitCode, 0);
        QCOMPARE(ids(cli.json({u"list"_s, u"--entity"_s, u"product:SKU-1"_s}).json().array()),
                 (QList<qint64>{order[1], order[0], order[2]}));
        const QJsonObject pinned = cli.json({u"show"_s, QString::number(order[2])}).json().object();
        QCOMPARE(linkTo(pinned, u"SKU-1"_s)[u"primary"_s].toBool(), true); // the pin beats the order
        QCOMPARE(linkTo(pinned, u"SKU-1"_s)[u"pinned"_s].toBool(), true);

        // A reorder that names a stranger changes nothing.
        QCOMPARE(cli.run({u"reorder"_s, u"product:SKU-1"_s, QString::number(order[0])}).exitCode, 5);
        QCOMPARE(ids(cli.json({u"list"_s, u"--entity"_s, u"product:SKU-1"_s}).json().array()),
                 (QList<qint64>{order[1], order[0], order[2]}));
    }

    void imagesKeepTheOrderOfTheFiles()
    {
        CliRunner cli = freshWorkspace();
        QCOMPARE(cli.run({u"entity"_s, u"add"_s, u"job"_s, u"J-7"_s}).exitCode, 0);
        QStringList files;
        for (int i = 0; i < 8; ++i) // sizes vary, so the two workers finish out of order
            files.append(image(u"order-%1.jpg"_s.arg(i), TestImages::uniqueJpeg(60 + i, {i % 2 ? 640 : 32, 480})));
        QCOMPARE(cli.run(QStringList{u"--workers"_s, u"2"_s, u"import"_s, u"--entity"_s, u"job:J-7"_s} + files).exitCode, 0);
        QStringList names;
        for (const QJsonValue &shown : cli.json({u"list"_s, u"--entity"_s, u"job:J-7"_s}).json().array())
            names.append(shown[u"originalName"_s].toString());
        QCOMPARE(names, (QStringList{u"order-0.jpg"_s, u"order-1.jpg"_s, u"order-2.jpg"_s, u"order-3.jpg"_s,
                                     u"order-4.jpg"_s, u"order-5.jpg"_s, u"order-6.jpg"_s, u"order-7.jpg"_s}));
    }

    void duplicateNamesTheExistingImage()
    {
        CliRunner cli = freshWorkspace();
        QCOMPARE(cli.run({u"entity"_s, u"add"_s, u"product"_s, u"SKU-2"_s}).exitCode, 0);
        const QByteArray bytes = TestImages::uniqueJpeg(20);
        const auto first = cli.json({u"import"_s, image(u"original.jpg"_s, bytes)});
        QCOMPARE(first.exitCode, 0);
        const QString uid = first.json()[u"items"_s][0][u"uid"_s].toString();
        QVERIFY(!uid.isEmpty());

        const auto again = cli.json({u"import"_s, u"--entity"_s, u"product:SKU-2"_s, image(u"copy-of-it.jpg"_s, bytes)});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json()[u"duplicates"_s].toInt(), 1);
        QCOMPARE(again.json()[u"items"_s][0][u"uid"_s].toString(), uid);
        QVERIFY2(again.err.contains(u"copy-of-it.jpg"_s) && again.err.contains(uid), qPrintable(again.err));
        QCOMPARE(cli.json({u"list"_s}).json().array().size(), 1);
        // The user asked for the image on SKU-2: it is there now, still one image.
        QCOMPARE(cli.json({u"list"_s, u"--entity"_s, u"product:SKU-2"_s}).json().array().size(), 1);
    }

    void captionsTagsAndSearch()
    {
        CliRunner cli = freshWorkspace();
        QCOMPARE(cli.run({u"entity"_s, u"add"_s, u"customer"_s, u"C-77"_s, u"--name"_s, u"Müller Bau"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"import"_s, u"--entity"_s, u"customer:C-77"_s, image(u"site.jpg"_s, TestImages::uniqueJpeg(30))}).exitCode, 0);
        QCOMPARE(cli.run({u"edit"_s, u"1"_s, u"--caption"_s, u"Roof after repair"_s, u"--alt-text"_s, u"A red tiled roof"_s,
                          u"--type"_s, u"Produktfoto"_s, u"--front"_s, u"yes"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"tag"_s, u"1"_s, u"--add"_s, u"roof"_s, u"--add"_s, u"finished"_s}).exitCode, 0);
        const QJsonObject shown = cli.json({u"show"_s, u"1"_s}).json().object();
        QCOMPARE(shown[u"caption"_s].toString(), u"Roof after repair"_s);
        QCOMPARE(shown[u"front"_s].toBool(), true);
        QCOMPARE(shown[u"tags"_s].toArray().size(), 2);

        QCOMPARE(cli.json({u"search"_s, u"roof"_s}).json().array().size(), 1);
        QCOMPARE(cli.json({u"search"_s, u"finis"_s}).json().array().size(), 1);   // prefix
        QCOMPARE(cli.json({u"search"_s, u"müller"_s}).json().array().size(), 1);  // entity name
        QCOMPARE(cli.json({u"search"_s, u"C-77"_s}).json().array().size(), 1);    // entity key
        QCOMPARE(cli.json({u"search"_s, u"kitchen"_s}).json().array().size(), 0);
        const auto hostile = cli.json({u"search"_s, u"\"foo AND ("_s});
        QCOMPARE(hostile.exitCode, 0);

        // Bad input changes nothing.
        QCOMPARE(cli.run({u"edit"_s, u"1"_s, u"--front"_s, u"maybe"_s}).exitCode, 2);
        QCOMPARE(cli.json({u"show"_s, u"1"_s}).json()[u"front"_s].toBool(), true);
    }

    void unknownNamesAreNotFound()
    {
        CliRunner cli = freshWorkspace();
        QCOMPARE(cli.run({u"show"_s, u"999"_s}).exitCode, 4);
        QCOMPARE(cli.run({u"entity"_s, u"add"_s, u"planet"_s, u"X"_s}).exitCode, 2);
        QCOMPARE(cli.run({u"import"_s, image(u"x.jpg"_s, TestImages::uniqueJpeg(40))}).exitCode, 0);
        const auto missingEntity = cli.run({u"link"_s, u"1"_s, u"product:NOPE"_s});
        QCOMPARE(missingEntity.exitCode, 4);
        QVERIFY(missingEntity.err.contains(u"product:NOPE"_s));
        QCOMPARE(cli.run({u"import"_s, m_dir.filePath(u"no-such-file.jpg"_s)}).exitCode, 4);
    }

    void rotationTurnsRenditionsNotTheOriginal()
    {
        CliRunner cli = freshWorkspace();
        QCOMPARE(cli.run({u"import"_s, image(u"landscape.jpg"_s, TestImages::orientedJpeg(1, {64, 48}))}).exitCode, 0);
        const QJsonObject before = cli.json({u"show"_s, u"1"_s}).json().object();
        const auto rotated = cli.json({u"rotate"_s, u"1"_s, u"right"_s});
        QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.err));
        const QJsonObject after = rotated.json().object();
        QCOMPARE(after[u"rotation"_s].toInt(), 90);
        QCOMPARE(after[u"sha256"_s].toString(), before[u"sha256"_s].toString());
        const QJsonObject thumb = after[u"renditions"_s][0].toObject();
        QVERIFY2(thumb[u"height"_s].toInt() > thumb[u"width"_s].toInt(), "a landscape turned right stands upright");
        QCOMPARE(cli.run({u"verify"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"rotate"_s, u"1"_s, u"sideways"_s}).exitCode, 2);
    }

    void backupRestoreStatsAndCompressOld()
    {
        CliRunner cli = freshWorkspace();
        QCOMPARE(cli.run({u"entity"_s, u"add"_s, u"invoice"_s, u"R-2026-1"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"import"_s, u"--entity"_s, u"invoice:R-2026-1"_s, image(u"b1.jpg"_s, TestImages::uniqueJpeg(70, {800, 600})),
                          image(u"b2.jpg"_s, TestImages::uniqueJpeg(71, {800, 600}))}).exitCode, 0);
        QCOMPARE(cli.run({u"edit"_s, u"1"_s, u"--type"_s, u"Produktfoto"_s}).exitCode, 0);

        const QJsonObject stats = cli.json({u"stats"_s}).json().object();
        QCOMPARE(stats[u"images"_s].toInt(), 2);
        QCOMPARE(stats[u"entitiesPerKind"_s][u"invoice"_s].toInt(), 1);
        QCOMPARE(stats[u"imagesPerType"_s][u"Produktfoto"_s].toInt(), 1);
        QCOMPARE(stats[u"onDisk"_s][u"originalFiles"_s].toInt(), 2);
        QCOMPARE(stats[u"onDisk"_s][u"renditionFiles"_s].toInt(), 8);

        const QString archive = m_dir.filePath(u"shop-backup.tar"_s);
        QCOMPARE(cli.run({u"backup"_s, archive}).exitCode, 0);
        QCOMPARE(cli.run({u"backup"_s, archive}).exitCode, 5); // never overwrites unasked
        QCOMPARE(cli.run({u"restore"_s, archive, u"--as"_s, u"copy"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"restore"_s, archive, u"--as"_s, u"copy"_s}).exitCode, 5); // the name is taken
        const auto copied = cli.json({u"--workspace"_s, u"copy"_s, u"list"_s, u"--entity"_s, u"invoice:R-2026-1"_s});
        QCOMPARE(copied.json().array().size(), 2);
        QCOMPARE(cli.run({u"--workspace"_s, u"copy"_s, u"verify"_s}).exitCode, 0);

        // Nothing is six months old yet; with no age limit every image is re-encoded, once.
        const auto young = cli.json({u"compress-old"_s});
        QCOMPARE(young.exitCode, 0);
        QCOMPARE(young.json()[u"candidates"_s].toInt(), 0);
        const auto squeeze = cli.json({u"compress-old"_s, u"--months"_s, u"0"_s});
        QVERIFY2(squeeze.exitCode == 0, qPrintable(squeeze.err));
        const QJsonObject squeezed = squeeze.json().object();
        QCOMPARE(squeezed[u"recompressed"_s].toInt(), 2);
        QVERIFY(squeezed[u"bytesAfter"_s].toInteger() < squeezed[u"bytesBefore"_s].toInteger());
        QCOMPARE(cli.json({u"compress-old"_s, u"--months"_s, u"0"_s}).json()[u"recompressed"_s].toInt(), 0);
        QCOMPARE(cli.run({u"verify"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"compress-old"_s, u"--quality"_s, u"500"_s}).exitCode, 2);
    }

    void exportCsvPrimaryFirstAndRenditionsCarryMetadata()
    {
        CliRunner cli = freshWorkspace();
        QCOMPARE(cli.run({u"entity"_s, u"add"_s, u"product"_s, u"SKU/9"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"import"_s, u"--entity"_s, u"product:SKU/9"_s, image(u"e1.jpg"_s, TestImages::uniqueJpeg(50)),
                          image(u"e2.jpg"_s, TestImages::uniqueJpeg(51))}).exitCode, 0);
        QCOMPARE(cli.run({u"set-primary"_s, u"product:SKU/9"_s, u"2"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"edit"_s, u"2"_s, u"--caption"_s, u"=HYPERLINK(\"x\") chair, front"_s}).exitCode, 0);
        QCOMPARE(cli.run({u"tag"_s, u"2"_s, u"--add"_s, u"walnut"_s}).exitCode, 0);

        const auto csv = cli.run({u"export"_s, u"--csv"_s, u"-"_s});
        QCOMPARE(csv.exitCode, 0);
        const QStringList rows = csv.out.split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 3);
        QVERIFY(rows[0].startsWith(u"kind,key,name,position,primary,image_uid"_s));
        QVERIFY2(rows[1].startsWith(u"product,SKU/9,SKU/9,1,yes,"_s), qPrintable(rows[1]));
        QVERIFY2(rows[1].contains(u"\"'=HYPERLINK(\"\"x\"\") chair, front\""_s), qPrintable(rows[1])); // quoted, never a formula
        QVERIFY(rows[2].contains(u",2,no,"_s));

        const QString out = m_dir.filePath(u"web"_s);
        const auto exported = cli.run({u"export"_s, u"--renditions"_s, out, u"--entity"_s, u"product:SKU/9"_s});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile primary(out + u"/SKU_9-1.jpg"_s);
        QVERIFY(primary.open(QIODevice::ReadOnly));
        const QByteArray bytes = primary.readAll();
        QVERIFY(bytes.startsWith("\xFF\xD8"));
        QVERIFY2(bytes.contains("HYPERLINK") && bytes.contains("walnut"), "caption and tags travel inside the file");
        QVERIFY(QFile::exists(out + u"/SKU_9-2.jpg"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliWorkflow)
#include "tst_cliworkflow.moc"

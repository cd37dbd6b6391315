#include "catalogfixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace CatalogFixture {

QString sha256Of(const QString &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex());
}

NewImage newImage(const QString &seed)
{
    NewImage image;
    image.sha256 = sha256Of(seed);
    image.bytes = 123456;
    image.originalName = seed + u".jpg"_s;
    image.facts.format = u"jpeg"_s;
    image.facts.width = 4000;
    image.facts.height = 3000;
    image.facts.exifOrientation = 6;
    image.facts.capturedAt = QDateTime(QDate(2023, 5, 17), QTime(14, 30, 5), Qt::UTC);
    image.facts.gps = GpsPosition {48.1374, 11.5755, 519.5};
    image.facts.cameraMake = u"Canon"_s;
    image.facts.cameraModel = u"EOS 80D"_s;
    image.renditions = {
        RenditionRecord {u"thumb150"_s, 150, 113, 4000, sha256Of(seed + u"/thumb150"_s)},
        RenditionRecord {u"web1024"_s, 1024, 768, 90000, sha256Of(seed + u"/web1024"_s)},
    };
    return image;
}

std::unique_ptr<Catalog> create(const QString &path)
{
    Result<std::unique_ptr<Catalog>> catalog = Catalog::open(path, Catalog::OpenMode::Create);
    if (!catalog) {
        qWarning().noquote() << catalog.error();
        return nullptr;
    }
    return std::move(catalog).value();
}

std::unique_ptr<Catalog> openExisting(const QString &path)
{
    Result<std::unique_ptr<Catalog>> catalog = Catalog::open(path, Catalog::OpenMode::OpenExisting);
    if (!catalog) {
        qWarning().noquote() << catalog.error();
        return nullptr;
    }
    return std::move(catalog).value();
}

QVariant scalar(Catalog &catalog, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(QSqlDatabase::database(catalog.connectionName(), false));
    query.prepare(sql);
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec() || !query.next()) {
        qWarning().noquote() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

QString execute(Catalog &catalog, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(QSqlDatabase::database(catalog.connectionName(), false));
    query.prepare(sql);
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec())
        return query.lastError().text();
    return {};
}

bool everyEntityHasOnePrimary(Catalog &catalog)
{
    const QVariant broken = scalar(catalog,
                                   u"SELECT count(*) FROM (SELECT entity_id, sum(is_primary) AS p "
                                   "FROM links GROUP BY entity_id HAVING p <> 1)"_s);
    return broken.isValid() && broken.toInt() == 0;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace CatalogFixture

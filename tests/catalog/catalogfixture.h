#pragma once

#include "catalog/catalog.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <memory>

// Shared by the catalog tests: images described without files (the catalog only records
// facts) and raw SQL against a catalog's own connection.
namespace CatalogFixture {

QString sha256Of(const QString &seed);
// A plausible imported JPEG whose sha256 is derived from seed.
NewImage newImage(const QString &seed);
std::unique_ptr<Catalog> create(const QString &path);
std::unique_ptr<Catalog> openExisting(const QString &path);
// Runs sql on the catalog's connection and returns the first column of the first row.
QVariant scalar(Catalog &catalog, const QString &sql, const QVariantList &binds = {});
// Runs sql on the catalog's connection; returns the error text, empty on success.
QString execute(Catalog &catalog, const QString &sql, const QVariantList &binds = {});
// True when every entity with links has exactly one primary image.
bool everyEntityHasOnePrimary(Catalog &catalog);
QByteArray fileBytes(const QString &path);

} // namespace CatalogFixture

#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

// What an entity stands for in the business: images are kept for customers, products, jobs…
enum class EntityKind { Customer, Product, Job, Category, Invoice, Company };

// The singular lower-case name, as stored in the catalog and typed on the command line.
QString entityKindName(EntityKind kind);
// Accepts the singular names, case-insensitive ("Product", "customer"); nullopt otherwise.
std::optional<EntityKind> entityKindFromName(QStringView name);
QList<EntityKind> allEntityKinds();

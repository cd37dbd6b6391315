#include "catalog/entitykind.h"

namespace {
struct KindName
{
    EntityKind kind;
    QStringView name;
};

constexpr KindName kKindNames[] = {
    {EntityKind::Customer, u"customer"}, {EntityKind::Product, u"product"}, {EntityKind::Job, u"job"},
    {EntityKind::Category, u"category"}, {EntityKind::Invoice, u"invoice"}, {EntityKind::Company, u"company"},
};
} // namespace

QString entityKindName(EntityKind kind)
{
    for (const KindName &entry : kKindNames) {
        if (entry.kind == kind)
            return entry.name.toString();
    }
    return {};
}

std::optional<EntityKind> entityKindFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const KindName &entry : kKindNames) {
        if (trimmed.compare(entry.name, Qt::CaseInsensitive) == 0)
            return entry.kind;
    }
    return std::nullopt;
}

QList<EntityKind> allEntityKinds()
{
    QList<EntityKind> kinds;
    for (const KindName &entry : kKindNames)
        kinds.append(entry.kind);
    return kinds;
}

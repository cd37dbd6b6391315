#include "details/primaryreason.h"

#include <QLocale>

QString PrimaryReason::kindName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Customer:
        return tr("Customer");
    case EntityKind::Product:
        return tr("Product");
    case EntityKind::Job:
        return tr("Job");
    case EntityKind::Category:
        return tr("Category");
    case EntityKind::Invoice:
        return tr("Invoice");
    case EntityKind::Company:
        return tr("Company");
    }
    return entityKindName(kind);
}

QString PrimaryReason::entityLabel(const Entity &entity)
{
    const QString kindTitle = kindName(entity.kind);
    return entity.name.isEmpty() || entity.name == entity.key ? tr("%1 %2").arg(kindTitle, entity.key)
                                                               : tr("%1 %2 (%3)").arg(kindTitle, entity.key, entity.name);
}

QString PrimaryReason::describe(const LinkInfo &link)
{
    const QString entity = entityLabel(link.entity);
    if (!link.primary)
        return tr("Not the primary image of %1.").arg(entity);
    if (link.pinned) {
        const QString when = QLocale().toString(link.pinnedAt.toLocalTime(), QLocale::ShortFormat);
        return link.pinnedBy.isEmpty() ? tr("Primary image of %1: pinned on %2.").arg(entity, when)
                                       : tr("Primary image of %1: pinned by %2 on %3.").arg(entity, link.pinnedBy, when);
    }
    return tr("Primary image of %1: first in the gallery's order (automatic; pin another image to change it).")
        .arg(entity);
}

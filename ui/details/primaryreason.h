#pragma once

#include "catalog/linkinfo.h"

#include <QCoreApplication>
#include <QString>

// Why an image is (or is not) its entity's primary image, in the user's words. The rules
// of the product database (sync) will add their own reasons here.
class PrimaryReason final
{
    Q_DECLARE_TR_FUNCTIONS(PrimaryReason)

public:
    static QString describe(const LinkInfo &link);
    static QString entityLabel(const Entity &entity); // "Customer K-10023 (Café Morgenrot)"
    static QString kindName(EntityKind kind);          // "Customer"
};

#pragma once

#include "databaselocation.h"

#include <QStringList>

// The server database's tables, in the dialect of each backend. The two lists describe the
// same tables; they differ only where the dialects must (key columns, JSON, the version).
namespace ServerSchema {

constexpr int kVersion = 1;

QStringList statements(DatabaseLocation::Kind kind);

} // namespace ServerSchema

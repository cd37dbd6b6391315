#pragma once

#include <QLoggingCategory>

// Logging categories of the imaging pipeline: the pool and workers, and exiv2's own log.
Q_DECLARE_LOGGING_CATEGORY(lcImaging)
Q_DECLARE_LOGGING_CATEGORY(lcExiv2)

#include "imaginglog.h"

Q_LOGGING_CATEGORY(lcImaging, "vitrine.imaging", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExiv2, "vitrine.imaging.exiv2", QtCriticalMsg)

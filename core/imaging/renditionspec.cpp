#include "renditionspec.h"

QList<RenditionSpec> RenditionSpec::defaults()
{
    using namespace Qt::StringLiterals;
    return {
        {u"thumb150"_s, 150, 65, false},
        {u"thumb300"_s, 300, 70, false},
        {u"thumb500"_s, 500, 75, false},
        {u"web1024"_s, 1024, 85, true},
    };
}

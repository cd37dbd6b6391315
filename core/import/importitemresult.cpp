#include "importitemresult.h"

#include "importreport.h"

#include <algorithm>

using namespace Qt::StringLiterals;

QString ImportItemResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Imported: return u"imported"_s;
    case Outcome::Duplicate: return u"duplicate"_s;
    case Outcome::Failed: return u"failed"_s;
    case Outcome::NotAttempted: return u"not-attempted"_s;
    }
    return {};
}

int ImportReport::count(ImportItemResult::Outcome outcome) const
{
    return int(std::count_if(items.cbegin(), items.cend(),
                             [outcome](const ImportItemResult &item) { return item.outcome == outcome; }));
}

#pragma once

#include <QString>

// One referenced file that is not as the catalog describes it. Verification only reports
// it; nothing is repaired or removed behind the user's back.
struct StoreProblem final
{
    enum class Kind {
        Missing,   // no file at the expected path
        Damaged,   // the content hashes to something else than its name / the catalog says
        Unreadable // the file is there but cannot be read
    };

    Kind kind = Kind::Missing;
    qint64 imageId = 0;
    QString path;
    QString renditionName; // empty for the original
    QString expectedSha256;
    QString actualSha256;  // for Damaged
    QString message;       // names the file and what is wrong with it
};

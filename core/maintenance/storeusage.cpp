#include "storeusage.h"

#include <QDirIterator>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

void sumFiles(const QString &dir, int *files, qint64 *bytes)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++*files;
        *bytes += it.fileInfo().size();
    }
}

} // namespace

StoreUsage StoreUsage::measure(const QString &storeRoot)
{
    StoreUsage usage;
    sumFiles(storeRoot + u"/originals"_s, &usage.originalFiles, &usage.originalBytes);
    sumFiles(storeRoot + u"/renditions"_s, &usage.renditionFiles, &usage.renditionBytes);
    sumFiles(storeRoot + u"/tmp"_s, &usage.temporaryFiles, &usage.temporaryBytes);
    return usage;
}

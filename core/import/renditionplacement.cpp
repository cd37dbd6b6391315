#include "renditionplacement.h"

#include "storage/contenthash.h"
#include "storage/filestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

// The worker writes only inside tmp/: anything else it names is refused.
bool isInside(const QString &path, const QString &dir)
{
    return QFileInfo(path).absolutePath() == QDir(dir).absolutePath();
}

Result<RenditionRecord> check(const FileStore &store, const RenditionFile &file)
{
    using R = Result<RenditionRecord>;
    if (!isInside(file.path, store.tempDirectory()))
        return R::failure(file.path + u": the imaging worker wrote outside the workspace's temporary folder"_s);
    QFile rendition(file.path);
    if (!rendition.open(QIODevice::ReadOnly) || rendition.size() != file.bytes || rendition.read(2) != "\xFF\xD8")
        return R::failure(file.path + u": the imaging worker's rendition \""_s + file.name + u"\" is missing or not a JPEG"_s);
    const Result<QString> sha = ContentHash::ofFile(file.path);
    if (!sha)
        return R::failure(sha.error());
    return RenditionRecord{file.name, file.width, file.height, file.bytes, sha.value()};
}

} // namespace

Result<QList<RenditionRecord>> RenditionPlacement::place(const FileStore &store, const QString &originalSha256,
                                                         const QList<RenditionFile> &files)
{
    using R = Result<QList<RenditionRecord>>;
    QList<RenditionRecord> records;
    for (const RenditionFile &file : files) {
        Result<RenditionRecord> record = check(store, file);
        if (!record)
            return R::failure(record.error());
        const Status placed = store.place(file.path, store.renditionPath(originalSha256, file.name, record->sha256));
        if (!placed)
            return R::failure(placed.error(), placed.code());
        records.append(record.value());
    }
    return records;
}

void RenditionPlacement::discard(const FileStore &store, const QList<RenditionFile> &files)
{
    for (const RenditionFile &file : files) {
        if (isInside(file.path, store.tempDirectory()))
            (void)store.discard(file.path);
    }
}

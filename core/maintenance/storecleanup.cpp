#include "storecleanup.h"

#include "catalog/catalog.h"
#include "storage/filestore.h"
#include "storedfilelocation.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSet>
#include <algorithm>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

// Stored files are named "<sha256>.<ext>" or "<sha256>-<rendition>-<sha prefix>.jpg".
QString shaInName(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    if (name.size() < 64)
        return {};
    const QString sha = name.left(64);
    const bool hex = std::all_of(sha.cbegin(), sha.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
    return hex ? sha : QString();
}

QString imageName(qint64 imageId)
{
    return u"image "_s + QString::number(imageId);
}

} // namespace

StoreCleanup::StoreCleanup(Workspace workspace, qint64 minimumAgeSeconds)
    : m_workspace(std::move(workspace))
    , m_minimumAgeSeconds(minimumAgeSeconds)
{
}

Result<CleanupPlan> StoreCleanup::plan() const
{
    using R = Result<CleanupPlan>;
    auto catalog = Catalog::open(m_workspace.catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!catalog)
        return R::failure(catalog.error());
    const auto listed = catalog.value()->referencedFiles();
    if (!listed)
        return R::failure(listed.error() + u"; nothing planned"_s);
    const QList<StoredFileRef> &refs = listed.value();
    const FileStore store(m_workspace.storeDirectory());
    CleanupPlan plan;
    for (const StoredFileRef &ref : refs) {
        if (!QFileInfo(StoredFileLocation::pathOf(store, ref)).exists())
            plan.missingFiles.append(ref);
    }
    findOrphans(store, refs, plan);
    return plan;
}

void StoreCleanup::findOrphans(const FileStore &store, const QList<StoredFileRef> &refs, CleanupPlan &plan) const
{
    QSet<qint64> losingTheirImage; // images whose original is missing: they will be forgotten
    for (const StoredFileRef &ref : std::as_const(plan.missingFiles)) {
        if (StoredFileLocation::isOriginal(ref))
            losingTheirImage.insert(ref.imageId);
    }
    QHash<QString, StoredFileRef> recorded;
    for (const StoredFileRef &ref : refs)
        recorded.insert(StoredFileLocation::pathOf(store, ref), ref);

    QDirIterator it(store.root(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        const CleanupPlan::OrphanFile file{path, QFileInfo(path).size(), 0};
        const auto ref = recorded.constFind(path);
        if (ref == recorded.constEnd())
            (isOldEnough(path) ? plan.orphanFiles : plan.tooRecent).append(file);
        else if (losingTheirImage.contains(ref->imageId))
            plan.orphanFiles.append({path, file.bytes, ref->imageId});
    }
}

Result<CleanupReport> StoreCleanup::apply(const CleanupPlan &plan) const
{
    using R = Result<CleanupReport>;
    auto catalog = Catalog::open(m_workspace.catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!catalog)
        return R::failure(catalog.error());
    const FileStore store(m_workspace.storeDirectory());
    CleanupReport report;
    // Records first: the renditions of a forgotten image become unrecorded only then.
    removeMissingRecords(*catalog.value(), plan.missingFiles, report);
    removeOrphans(*catalog.value(), store, plan.orphanFiles, report);
    return report;
}

void StoreCleanup::removeMissingRecords(Catalog &catalog, const QList<StoredFileRef> &missing,
                                        CleanupReport &report) const
{
    const FileStore store(m_workspace.storeDirectory());
    QMap<qint64, QList<StoredFileRef>> byImage;
    for (const StoredFileRef &ref : missing)
        byImage[ref.imageId].append(ref);
    for (auto it = byImage.cbegin(); it != byImage.cend(); ++it) {
        const std::optional<ImageRecord> image = catalog.imageById(it.key());
        if (!image) {
            report.skipped.append(imageName(it.key()) + u": no longer in the catalog"_s);
            continue;
        }
        const bool originalMissing = std::any_of(it->cbegin(), it->cend(), [](const StoredFileRef &ref) {
            return StoredFileLocation::isOriginal(ref);
        });
        if (!originalMissing) {
            dropRenditions(catalog, *image, *it, report);
            continue;
        }
        const QString original = store.originalPath(image->sha256, image->facts.format);
        if (QFileInfo::exists(original)) {
            report.skipped.append(original + u": is there again; " + imageName(image->id) + u" kept");
            continue;
        }
        if (const Status forgotten = catalog.forgetImage(image->id); !forgotten) {
            report.failures.append(forgotten.error());
            continue;
        }
        ++report.forgottenImages;
    }
}

void StoreCleanup::dropRenditions(Catalog &catalog, const ImageRecord &image, const QList<StoredFileRef> &missing,
                                  CleanupReport &report) const
{
    const FileStore store(m_workspace.storeDirectory());
    QList<RenditionRecord> kept;
    int dropped = 0;
    for (const RenditionRecord &rendition : image.renditions) {
        const QString path = store.renditionPath(image.sha256, rendition.name, rendition.sha256);
        const bool listed = std::any_of(missing.cbegin(), missing.cend(), [&](const StoredFileRef &ref) {
            return ref.renditionName == rendition.name && ref.expectedSha256 == rendition.sha256;
        });
        if (listed && !QFileInfo::exists(path))
            ++dropped;
        else
            kept.append(rendition);
    }
    if (dropped < missing.size())
        report.skipped.append(imageName(image.id) + u": some of its renditions changed since the plan; left alone"_s);
    if (dropped == 0)
        return;
    if (const Status replaced = catalog.replaceRenditions(image.id, kept); !replaced) {
        report.failures.append(replaced.error());
        return;
    }
    report.droppedRenditions += dropped;
}

void StoreCleanup::removeOrphans(Catalog &catalog, const FileStore &store,
                                 const QList<CleanupPlan::OrphanFile> &orphans, CleanupReport &report) const
{
    for (const CleanupPlan::OrphanFile &file : orphans) {
        if (isRecorded(catalog, store, file.path)) {
            report.skipped.append(file.path + u": recorded in the catalog since the plan; kept"_s);
            continue;
        }
        if (file.imageId == 0 && !isOldEnough(file.path)) {
            report.skipped.append(file.path + u": changed since the plan; kept"_s);
            continue;
        }
        const qint64 bytes = QFileInfo(file.path).size();
        if (const Status removed = store.discard(file.path); !removed) {
            report.failures.append(removed.error());
            continue;
        }
        ++report.removedFiles;
        report.removedBytes += bytes;
    }
}

bool StoreCleanup::isRecorded(Catalog &catalog, const FileStore &store, const QString &path) const
{
    const QString sha = shaInName(path);
    if (sha.isEmpty())
        return false;
    const std::optional<ImageRecord> image = catalog.imageBySha256(sha);
    if (!image)
        return false;
    if (path == store.originalPath(sha, image->facts.format))
        return true;
    return std::any_of(image->renditions.cbegin(), image->renditions.cend(), [&](const RenditionRecord &r) {
        return path == store.renditionPath(sha, r.name, r.sha256);
    });
}

bool StoreCleanup::isOldEnough(const QString &path) const
{
    struct stat info{};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return false;
    const qint64 age = QDateTime::currentSecsSinceEpoch() - qint64(info.st_mtime);
    return age >= m_minimumAgeSeconds;
}

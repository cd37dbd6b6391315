#include "storeverifier.h"

#include "catalog/catalog.h"
#include "storage/contenthash.h"
#include "storage/filestore.h"
#include "storedfilelocation.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

StoreVerifier::StoreVerifier(Workspace workspace)
    : m_workspace(std::move(workspace))
{
}

Result<VerificationReport> StoreVerifier::run(const JobProgress &progress) const
{
    using R = Result<VerificationReport>;
    QList<StoredFileRef> refs;
    {
        auto catalog = Catalog::open(m_workspace.catalogPath(), Catalog::OpenMode::OpenExisting);
        if (!catalog)
            return R::failure(catalog.error());
        auto listed = catalog.value()->referencedFiles();
        if (!listed)
            return R::failure(listed.error());
        refs = std::move(listed).value();
    }
    const FileStore store(m_workspace.storeDirectory());
    VerificationReport report;
    progress.report(0, refs.size());
    for (const StoredFileRef &ref : std::as_const(refs)) {
        if (progress.isCancelled()) {
            report.cancelled = true;
            break;
        }
        check(store, ref, report);
        progress.report(report.checkedFiles, refs.size());
    }
    return report;
}

void StoreVerifier::check(const FileStore &store, const StoredFileRef &ref, VerificationReport &report)
{
    StoreProblem problem;
    problem.imageId = ref.imageId;
    problem.path = StoredFileLocation::pathOf(store, ref);
    problem.renditionName = ref.renditionName;
    problem.expectedSha256 = StoredFileLocation::expectedSha256(ref);
    const QString image = u"image "_s + QString::number(ref.imageId);
    const QString what = ref.renditionName.isEmpty() ? QString(u"original of " + image)
                                                     : QString(u"rendition \"" + ref.renditionName + u"\" of " + image);
    ++report.checkedFiles;
    const QFileInfo info(problem.path);
    if (!info.exists()) {
        problem.kind = StoreProblem::Kind::Missing;
        problem.message = problem.path + u": missing (the " + what + u')';
        report.problems.append(problem);
        return;
    }
    report.checkedBytes += info.size();
    const Result<QString> sha = ContentHash::ofFile(problem.path);
    if (!sha) {
        problem.kind = StoreProblem::Kind::Unreadable;
        problem.message = sha.error() + u" (the " + what + u')';
        report.problems.append(problem);
        return;
    }
    if (sha.value() != problem.expectedSha256) {
        problem.kind = StoreProblem::Kind::Damaged;
        problem.actualSha256 = sha.value();
        problem.message = problem.path + u": damaged, its content hashes to " + sha.value() + u" instead of "
            + problem.expectedSha256 + u" (the " + what + u')';
        report.problems.append(problem);
    }
}

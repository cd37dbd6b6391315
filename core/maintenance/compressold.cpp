#include "compressold.h"

#include "catalog/catalog.h"
#include "imaging/imagingpool.h"
#include "import/renditionrebuild.h"
#include "jpegquality.h"
#include "storage/filestore.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <deque>

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    bool ok = false;
    QString error;
    QList<RenditionRecord> records;
};

QString imageName(const ImageRecord &image)
{
    return u"image "_s + QString::number(image.id) + u" (" + image.originalName + u')';
}

bool sameFiles(const QList<RenditionRecord> &a, const QList<RenditionRecord> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const RenditionRecord &x, const RenditionRecord &y) {
        return x.name == y.name && x.sha256 == y.sha256;
    });
}

bool contains(const QList<RenditionRecord> &list, const RenditionRecord &record)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const RenditionRecord &r) {
        return r.name == record.name && r.sha256 == record.sha256;
    });
}

bool isProgressiveByDefault(const QString &name)
{
    const QList<RenditionSpec> defaults = RenditionSpec::defaults();
    return std::any_of(defaults.cbegin(), defaults.cend(), [&](const RenditionSpec &spec) {
        return spec.name == name && spec.progressive;
    });
}

} // namespace

struct CompressOld::Job
{
    ImageRecord image;
    QFuture<Outcome> future;
};

CompressOld::CompressOld(Workspace workspace, ImagingPool &pool, Options options)
    : m_workspace(std::move(workspace))
    , m_pool(pool)
    , m_options(std::move(options))
{
}

CompressOld::CompressOld(Workspace workspace, ImagingPool &pool)
    : CompressOld(std::move(workspace), pool, Options{})
{
}

QDateTime CompressOld::cutoff() const
{
    const QDateTime now = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();
    return now.addMonths(-m_options.olderThanMonths);
}

Result<CompressOldReport> CompressOld::run(const JobProgress &progress) const
{
    using R = Result<CompressOldReport>;
    auto opened = Catalog::open(m_workspace.catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!opened)
        return R::failure(opened.error());
    Catalog &catalog = *opened.value();
    const FileStore store(m_workspace.storeDirectory());
    const QList<ImageRecord> images = catalog.imagesCreatedBefore(cutoff());
    CompressOldReport report;
    report.candidates = int(images.size());
    const qsizetype window = qMax(1, m_pool.threadPool()->maxThreadCount());
    std::deque<Job> inFlight;
    int done = 0;
    const auto finishOldest = [&] {
        finish(catalog, store, inFlight.front(), report);
        inFlight.pop_front();
        progress.report(++done, report.candidates);
    };

    progress.report(0, report.candidates);
    for (const ImageRecord &image : images) {
        if (progress.isCancelled()) {
            report.cancelled = true;
            break;
        }
        const auto specs = specsToRedo(store, image);
        if (!specs || specs->isEmpty()) {
            if (!specs)
                report.failures.append(specs.error());
            else
                ++report.alreadyCompressed;
            progress.report(++done, report.candidates);
            continue;
        }
        while (qsizetype(inFlight.size()) >= window)
            finishOldest();
        ImagingPool &pool = m_pool;
        const QList<RenditionSpec> redo = specs.value();
        inFlight.push_back({image, QtConcurrent::run(pool.threadPool(), [&store, &pool, image, redo] {
                                RenditionRebuild rebuild(store, pool);
                                auto made = rebuild.make(image, image.rotationQuarterTurns, redo);
                                return made ? Outcome{true, {}, made.value()} : Outcome{false, made.error(), {}};
                            })});
    }
    while (!inFlight.empty())
        finishOldest();
    return report;
}

Result<QList<RenditionSpec>> CompressOld::specsToRedo(const FileStore &store, const ImageRecord &image) const
{
    using R = Result<QList<RenditionSpec>>;
    QList<RenditionSpec> specs;
    for (const RenditionRecord &rendition : image.renditions) {
        const QString path = store.renditionPath(image.sha256, rendition.name, rendition.sha256);
        const std::optional<int> quality = JpegQuality::estimate(path);
        if (!quality)
            return R::failure(path + u": rendition \"" + rendition.name + u"\" of " + imageName(image)
                              + u" cannot be read; left alone (run verify)"_s);
        if (*quality <= m_options.quality)
            continue;
        specs.append({rendition.name, qMax(rendition.width, rendition.height), m_options.quality,
                      isProgressiveByDefault(rendition.name)});
    }
    return specs;
}

void CompressOld::finish(Catalog &catalog, const FileStore &store, Job &job, CompressOldReport &report) const
{
    const Outcome made = job.future.result();
    if (!made.ok) {
        report.failures.append(imageName(job.image) + u": " + made.error);
        return;
    }
    QList<RenditionRecord> merged = job.image.renditions;
    for (RenditionRecord &rendition : merged) {
        const auto remade = std::find_if(made.records.cbegin(), made.records.cend(),
                                         [&](const RenditionRecord &r) { return r.name == rendition.name; });
        if (remade != made.records.cend())
            rendition = *remade;
    }
    const auto discardNew = [&] {
        for (const RenditionRecord &record : made.records) {
            if (!contains(job.image.renditions, record))
                (void)store.discard(store.renditionPath(job.image.sha256, record.name, record.sha256));
        }
    };
    // A rotation may have rebuilt the renditions meanwhile: never undo it.
    const std::optional<ImageRecord> current = catalog.imageById(job.image.id);
    if (!current || current->rotationQuarterTurns != job.image.rotationQuarterTurns
        || !sameFiles(current->renditions, job.image.renditions)) {
        discardNew();
        report.failures.append(imageName(job.image) + u": changed while it was being compressed; left as it is"_s);
        return;
    }
    if (const Status replaced = catalog.replaceRenditions(job.image.id, merged); !replaced) {
        discardNew();
        report.failures.append(replaced.error());
        return;
    }
    RenditionRebuild(store, m_pool).discardReplaced(job.image, merged);
    ++report.recompressed;
    for (const RenditionRecord &before : job.image.renditions) {
        if (!contains(merged, before)) {
            report.bytesBefore += before.bytes;
        }
    }
    for (const RenditionRecord &after : merged) {
        if (!contains(job.image.renditions, after))
            report.bytesAfter += after.bytes;
    }
}

#pragma once

#include "common/result.h"
#include "compressoldreport.h"
#include "imaging/renditionspec.h"
#include "jobprogress.h"
#include "storage/workspace.h"

#include <QDateTime>

class Catalog;
class FileStore;
class ImagingPool;
struct ImageRecord;

// Re-encodes the renditions of images older than some months at a lower JPEG quality
// (the job-photo document: 6 months, quality 60), to save space on images nobody
// looks at closely any more. Renditions are made again from the untouched original on the
// imaging pool, placed under new content-addressed names, recorded with
// Catalog::replaceRenditions, and only then are the old files removed. Idempotent: a
// rendition already at or below the quality (read from its quantisation table, see
// JpegQuality) is left alone, so a second run does nothing.
//
// run() blocks; it opens its own catalog connection in the calling thread and keeps as
// many images in flight as the pool has threads.
class CompressOld final
{
public:
    struct Options
    {
        int olderThanMonths = 6;
        int quality = 60;
        QDateTime now; // invalid: the current time
    };

    CompressOld(Workspace workspace, ImagingPool &pool, Options options);
    explicit CompressOld(Workspace workspace, ImagingPool &pool);

    Result<CompressOldReport> run(const JobProgress &progress = {}) const;

    QDateTime cutoff() const;

private:
    struct Job;
    // The renditions of image above the quality, as specs that remake them at it; an
    // empty list when there is nothing to do. Fails when a rendition cannot be read.
    Result<QList<RenditionSpec>> specsToRedo(const FileStore &store, const ImageRecord &image) const;
    void finish(Catalog &catalog, const FileStore &store, Job &job, CompressOldReport &report) const;

    Workspace m_workspace;
    ImagingPool &m_pool;
    Options m_options;
};

#pragma once

#include "common/result.h"
#include "jobprogress.h"
#include "storage/workspace.h"
#include "verificationreport.h"

struct StoredFileRef;
class FileStore;

// Checks that every file the catalog refers to exists and hashes to its name (originals)
// or to the SHA-256 recorded for it (renditions). It only reads: damage is reported, never
// "fixed". Opens its own catalog connection in the calling thread.
class StoreVerifier final
{
public:
    explicit StoreVerifier(Workspace workspace);

    Result<VerificationReport> run(const JobProgress &progress = {}) const;

private:
    static void check(const FileStore &store, const StoredFileRef &ref, VerificationReport &report);

    Workspace m_workspace;
};

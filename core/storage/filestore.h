#pragma once

#include "common/result.h"

#include <QString>

// A file copied into the store's temporary folder and hashed on the way.
struct StagedFile final
{
    QString tempPath;
    QString sha256; // lower-case hex
    qint64 bytes = 0;
};

// The workspace's files: originals kept byte for byte and named by their SHA-256, and the
// renditions made from them. Every file is written under tmp/ first, flushed to disk and
// renamed into place, so a crash never leaves a half-written file under a final name;
// the catalog records a file only after place() returned.
//
//   <root>/originals/ab/<sha256>.<ext>
//   <root>/renditions/ab/<sha256>-<rendition>-<first 16 hex of the rendition's own sha256>.jpg
//
// Renditions are content-addressed too: rebuilding one (rotation, compress-old) writes a
// new file beside the old one, the catalog switches to it in one transaction, and only
// then is the old file removed, so a crash never leaves the catalog describing bytes that
// are no longer on disk.
//   <root>/tmp/
class FileStore final
{
public:
    explicit FileStore(QString root);

    const QString &root() const { return m_root; }
    QString originalPath(const QString &sha256, const QString &format) const;
    QString renditionPath(const QString &originalSha256, const QString &renditionName,
                          const QString &renditionSha256) const;
    QString tempDirectory() const;

    Status ensureLayout() const;
    // Copies sourcePath into tmp/ while hashing it; refuses files over maxBytes before copying.
    Result<StagedFile> stage(const QString &sourcePath, qint64 maxBytes) const;
    // Flushes a finished temporary file, moves it to its final name and makes the rename durable.
    Status place(const QString &tempPath, const QString &finalPath) const;
    // A fresh, unique path under tmp/ for a worker to write to.
    QString newTempPath(const QString &suffix) const;

    // Removes a file that no catalog row refers to any more (after a rebuild).
    Status discard(const QString &path) const;

    static QString extensionFor(const QString &format);

private:
    QString m_root;
};

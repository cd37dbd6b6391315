#pragma once

#include <QList>
#include <QString>

// N distinct JPEG photographs made from a few real ones: each copy gets its own comment
// segment (COM) right after the start-of-image marker, so its bytes and SHA-256 differ
// while it still decodes to the same picture. Made once into a folder and reused.
class PhotoSet final
{
public:
    struct Photo
    {
        QString path;
        QString sha256; // lower-case hex
        qint64 bytes = 0;
    };

    // The JPEGs of sourceDir of at least minBytes, cycled into count files in targetDir
    // (kept there with a manifest, so a second run with the same count reuses them).
    bool make(const QString &sourceDir, const QString &targetDir, int count, qint64 minBytes);
    QString errorString() const { return m_error; }

    const QList<Photo> &photos() const { return m_photos; }
    int sourceCount() const { return m_sourceCount; }
    qint64 totalBytes() const;
    qint64 smallest() const;
    qint64 largest() const;
    // Reads every file once, so an upload phase starts with them in the page cache.
    void warmPageCache() const;

private:
    bool load(const QString &manifest, int count);
    bool write(const QStringList &sources, const QString &targetDir, int count);

    QList<Photo> m_photos;
    int m_sourceCount = 0;
    QString m_error;
};

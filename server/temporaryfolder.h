#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// A folder where requests keep their work in progress: uploads as they stream in, backups
// and restores being made, renditions being written. Each entry belongs to one request and
// goes when it ends; one left behind by a server process that died mid-request can only be
// told by its age (other processes on the same data directory may be using the folder right
// now): nothing in it has changed for a long time.
class TemporaryFolder final
{
public:
    struct Entry
    {
        QString path;
        qint64 files = 0; // files in it (or 1, for a file)
        qint64 bytes = 0; // that removing it frees (a hard link to a file kept elsewhere frees none)
        QDateTime modified; // UTC: the latest change to it or to anything in it (but such links)
    };

    // kept: names of entries that are not work in progress (lock files, a folder listed on its own).
    explicit TemporaryFolder(QString path, QStringList kept = {});

    QList<Entry> entries() const;
    // The entry as it is now, or nothing when it is gone.
    static std::optional<Entry> entry(const QString &path);
    // Removes the entry, a folder with all it holds; false when something stayed.
    static bool remove(const QString &path);

private:
    QString m_path;
    QStringList m_kept;
};

#pragma once

#include "common/result.h"
#include "storage/contenthash.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>
#include <map>
#include <memory>
#include <string>
#include <vector>

// The parts of one POST …/uploads (docs/api.md §9.1) as they stream in, fed by cpp-httplib's
// multipart ContentReader: each `file` part is written to a staged file while its SHA-256
// is computed; the fields `entity`, `caption`, `altText` and `primary` are kept; other
// parts are ignored. Nothing is held whole in memory. Every part is taken to its end
// whatever is wrong with it (a file over the size limit stops being written, files beyond
// the count are not staged): what was wrong is told afterwards, so the answer can name
// each file.
class UploadForm final
{
public:
    struct Limits
    {
        qint64 fileBytes = 0;
        int files = 0;
    };
    struct File
    {
        QString name; // the part's file name: its last path component, no control characters, ≤ 255 characters
        std::unique_ptr<QTemporaryFile> staged; // null when the file was over the size limit
        QString sha256;
        qint64 bytes = 0;
        bool tooLarge = false;
    };
    struct Fields
    {
        QString entity; // "kind:key", or empty
        QString caption;
        QString altText;
        bool primary = false;
    };

    static constexpr qsizetype kMaxText = 1000; // caption, altText

    UploadForm(QString stagingDir, Limits limits);
    Q_DISABLE_COPY_MOVE(UploadForm)

    // The multipart reader's callbacks; they never stop the reading.
    bool beginPart(const std::string &name, const std::string &fileName);
    bool receive(const char *data, size_t size);
    // After the body: the last file finished. A failure is the server's (a staged file
    // could not be written).
    Status finish();

    qint64 bytesReceived() const { return m_received; }
    int fileParts() const { return m_fileParts; } // also those beyond the limit
    std::vector<File> &files() { return m_files; }
    // The fields, checked: the entity's syntax, primary (needs an entity), the texts'
    // lengths, each field once. A failure is the message for a 400 answer.
    Result<Fields> fields() const;

    static QString cleanFileName(const QString &name);

private:
    void endPart();
    QString text(const QString &field) const;

    QString m_stagingDir;
    Limits m_limits;
    std::vector<File> m_files;
    std::map<QString, QByteArray> m_fields;
    QStringList m_repeated;
    QString m_field;      // the field being received, if one is
    int m_file = -1;      // index of the file being received, if one is
    std::unique_ptr<ContentHash> m_hash; // of the file being received
    qint64 m_received = 0;
    int m_fileParts = 0;
    QString m_error;
};

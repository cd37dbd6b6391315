#include "photoset.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString kManifest = u"manifest.txt"_s;

// FF D8, then FF FE <length> <text>: a comment segment, ignored by every decoder.
QByteArray withComment(const QByteArray &jpeg, int number)
{
    const QByteArray text = "vitrine serverbenchmark photo " + QByteArray::number(number);
    const int length = int(text.size()) + 2;
    QByteArray out;
    out.reserve(jpeg.size() + length + 2);
    out.append(jpeg.left(2));
    out.append(char(0xFF)).append(char(0xFE)).append(char(length >> 8)).append(char(length & 0xFF));
    out.append(text);
    out.append(jpeg.mid(2));
    return out;
}

} // namespace

bool PhotoSet::make(const QString &sourceDir, const QString &targetDir, int count, qint64 minBytes)
{
    QStringList sources;
    const QFileInfoList entries =
        QDir(sourceDir).entryInfoList({u"*.jpg"_s, u"*.jpeg"_s}, QDir::Files, QDir::Name);
    for (const QFileInfo &entry : entries)
        if (entry.size() >= minBytes)
            sources.append(entry.absoluteFilePath());
    m_sourceCount = int(sources.size());
    if (sources.isEmpty()) {
        m_error = u"%1: no JPEG photos of at least %2 bytes"_s.arg(sourceDir).arg(minBytes);
        return false;
    }
    if (load(targetDir + u'/' + kManifest, count))
        return true;
    return write(sources, targetDir, count);
}

// "sha256 bytes name" per line; reused only when it lists exactly count files, all present.
bool PhotoSet::load(const QString &manifest, int count)
{
    QFile file(manifest);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QString dir = QFileInfo(manifest).absolutePath();
    QList<Photo> photos;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() != 3)
            continue;
        Photo photo{dir + u'/' + QString::fromUtf8(fields.at(2)), QString::fromLatin1(fields.at(0)),
                    fields.at(1).toLongLong()};
        if (QFileInfo(photo.path).size() != photo.bytes)
            return false;
        photos.append(photo);
    }
    if (photos.size() != count)
        return false;
    m_photos = photos;
    return true;
}

bool PhotoSet::write(const QStringList &sources, const QString &targetDir, int count)
{
    if (!QDir().mkpath(targetDir)) {
        m_error = u"cannot create %1"_s.arg(targetDir);
        return false;
    }
    QList<QByteArray> originals;
    for (const QString &source : sources) {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = u"%1: %2"_s.arg(source, file.errorString());
            return false;
        }
        originals.append(file.readAll());
    }
    m_photos.clear();
    QByteArray manifest;
    for (int i = 0; i < count; ++i) {
        const QByteArray bytes = withComment(originals.at(i % originals.size()), i);
        const QString name = u"%1.jpg"_s.arg(i, 5, 10, QLatin1Char('0'));
        Photo photo{targetDir + u'/' + name,
                    QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
                    bytes.size()};
        QFile out(photo.path);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
            m_error = u"%1: %2"_s.arg(photo.path, out.errorString());
            return false;
        }
        manifest += photo.sha256.toLatin1() + ' ' + QByteArray::number(photo.bytes) + ' ' + name.toUtf8() + '\n';
        m_photos.append(photo);
    }
    QSaveFile file(targetDir + u'/' + kManifest); // written last: a partial set is never reused
    if (!file.open(QIODevice::WriteOnly) || file.write(manifest) != manifest.size() || !file.commit()) {
        m_error = u"%1: %2"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

qint64 PhotoSet::totalBytes() const
{
    qint64 total = 0;
    for (const Photo &photo : m_photos)
        total += photo.bytes;
    return total;
}

qint64 PhotoSet::smallest() const
{
    qint64 least = m_photos.isEmpty() ? 0 : m_photos.first().bytes;
    for (const Photo &photo : m_photos)
        least = std::min(least, photo.bytes);
    return least;
}

qint64 PhotoSet::largest() const
{
    qint64 most = 0;
    for (const Photo &photo : m_photos)
        most = std::max(most, photo.bytes);
    return most;
}

void PhotoSet::warmPageCache() const
{
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (const Photo &photo : m_photos) {
        QFile file(photo.path);
        if (file.open(QIODevice::ReadOnly))
            while (file.read(buffer.data(), buffer.size()) > 0) {
            }
    }
}

#include "testworkspace.h"

#include "storage/contenthash.h"
#include "testimages.h"

#include <QBuffer>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {

QString sha256Of(const QByteArray &bytes)
{
    ContentHash hash;
    hash.addData(bytes);
    return hash.hexDigest();
}

QByteArray encodeJpeg(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", quality);
    return bytes;
}

} // namespace

TestWorkspace::TestWorkspace(const QString &name)
{
    if (!m_dir.isValid())
        return;
    auto created = Workspace::create(m_dir.path(), name);
    if (created)
        m_workspace = created.value();
    else
        qWarning("cannot create the test workspace: %s", qPrintable(created.error()));
}

std::unique_ptr<Catalog> TestWorkspace::openCatalog() const
{
    auto catalog = Catalog::open(m_workspace->catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!catalog) {
        qWarning("%s", qPrintable(catalog.error()));
        return nullptr;
    }
    return std::move(catalog).value();
}

ImageRecord TestWorkspace::addImage(int seed) const
{
    auto catalog = openCatalog();
    return catalog ? addImage(*catalog, seed) : ImageRecord();
}

ImageRecord TestWorkspace::addImage(Catalog &catalog, int seed) const
{
    const FileStore files = store();
    const QByteArray original = TestImages::uniqueJpeg(seed);
    NewImage image;
    image.sha256 = sha256Of(original);
    image.bytes = original.size();
    image.originalName = u"photo-%1.jpg"_s.arg(seed);
    image.facts.format = u"jpeg"_s;
    image.facts.width = 64;
    image.facts.height = 48;
    if (writeFile(files.originalPath(image.sha256, image.facts.format), original).isEmpty())
        return {};
    const QImage pixels = QImage::fromData(original);
    for (const auto &[name, quality] : {std::pair{u"thumb150"_s, 65}, std::pair{u"web1024"_s, 85}}) {
        const QByteArray bytes = encodeJpeg(pixels, quality);
        const RenditionRecord rendition{name, pixels.width(), pixels.height(), bytes.size(), sha256Of(bytes)};
        if (writeFile(files.renditionPath(image.sha256, name, rendition.sha256), bytes).isEmpty())
            return {};
        image.renditions.append(rendition);
    }
    auto recorded = catalog.recordImport(image, {});
    if (!recorded) {
        qWarning("%s", qPrintable(recorded.error()));
        return {};
    }
    return recorded->image;
}

QString TestWorkspace::originalPath(const ImageRecord &image) const
{
    return store().originalPath(image.sha256, image.facts.format);
}

QString TestWorkspace::renditionPath(const ImageRecord &image, const QString &name) const
{
    for (const RenditionRecord &rendition : image.renditions) {
        if (rendition.name == name)
            return store().renditionPath(image.sha256, name, rendition.sha256);
    }
    return {};
}

QMap<QString, QString> TestWorkspace::treeDigest(const QString &dir)
{
    QMap<QString, QString> digest;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const Result<QString> sha = ContentHash::ofFile(path);
        digest.insert(path.mid(dir.size() + 1), sha ? sha.value() : u"unreadable"_s);
    }
    return digest;
}

bool TestWorkspace::flipByte(const QString &path, qint64 offset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    char c = 0;
    if (!file.getChar(&c) || !file.seek(offset))
        return false;
    return file.putChar(char(c ^ 0x20));
}

bool TestWorkspace::makeOld(const QString &path, int ageSeconds)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    return file.setFileTime(QDateTime::currentDateTime().addSecs(-ageSeconds), QFileDevice::FileModificationTime);
}

QString TestWorkspace::writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QMap<QString, QStringList> TestWorkspace::catalogDump(const QString &catalogPath)
{
    QMap<QString, QStringList> dump;
    const QString connection = u"dump-"_s + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(catalogPath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery tables(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s, db);
            QStringList names;
            while (tables.next())
                names.append(tables.value(0).toString());
            for (const QString &table : std::as_const(names)) {
                QSqlQuery rows(u"SELECT * FROM \""_s + table + u'"', db);
                QStringList lines;
                while (rows.next()) {
                    QStringList values;
                    for (int i = 0; i < rows.record().count(); ++i) {
                        const QVariant value = rows.value(i);
                        values.append(value.typeId() == QMetaType::QByteArray ? QString::fromLatin1(value.toByteArray().toHex())
                                                                              : value.toString());
                    }
                    lines.append(values.join(u'|'));
                }
                lines.sort();
                dump.insert(table, lines);
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return dump;
}

#include "uploadform.h"

#include "catalog/entitykind.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QStringList kFields = {u"entity"_s, u"caption"_s, u"altText"_s, u"primary"_s};
// Far beyond any valid field; what comes after is not kept (the field is refused anyway).
constexpr qsizetype kMaxFieldBytes = 64 * 1024;
constexpr qsizetype kMaxKey = 255;
constexpr qsizetype kMaxFileName = 255;

bool isControl(QChar c)
{
    return c.category() == QChar::Other_Control;
}

// "kind:key" of docs/api.md §2.2: a kind in lower case, a key of 1–255 characters without
// control characters that is not "." or "..".
bool isEntityName(const QString &entity)
{
    const qsizetype colon = entity.indexOf(u':');
    if (colon <= 0)
        return false;
    const QString kind = entity.left(colon);
    const QString key = entity.mid(colon + 1);
    const std::optional<EntityKind> known = entityKindFromName(kind);
    return known && entityKindName(*known) == kind && !key.isEmpty() && key.size() <= kMaxKey && key != u"."_s &&
           key != u".."_s && std::none_of(key.cbegin(), key.cend(), isControl);
}

} // namespace

UploadForm::UploadForm(QString stagingDir, Limits limits) : m_stagingDir(std::move(stagingDir)), m_limits(limits) {}

QString UploadForm::cleanFileName(const QString &name)
{
    QString last = name.mid(std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\')) + 1);
    last.removeIf(isControl);
    if (last.size() > kMaxFileName) {
        last.truncate(kMaxFileName);
        if (last.back().isHighSurrogate()) // half a character
            last.chop(1);
    }
    return last;
}

bool UploadForm::beginPart(const std::string &name, const std::string &fileName)
{
    endPart();
    const QString field = QString::fromStdString(name);
    if (field == u"file"_s) {
        if (++m_fileParts > m_limits.files)
            return true; // counted, not staged: the request is refused
        File file;
        file.name = cleanFileName(QString::fromStdString(fileName));
        file.staged = std::make_unique<QTemporaryFile>(m_stagingDir + u"/incoming-XXXXXX"_s);
        if (!file.staged->open() && m_error.isEmpty())
            m_error = u"cannot stage an upload in %1: %2"_s.arg(m_stagingDir, file.staged->errorString());
        m_hash = std::make_unique<ContentHash>();
        m_files.push_back(std::move(file));
        m_file = int(m_files.size()) - 1;
    } else if (kFields.contains(field)) {
        if (m_fields.count(field) != 0)
            m_repeated.append(field);
        m_fields[field].clear();
        m_field = field;
    }
    return true;
}

bool UploadForm::receive(const char *data, size_t size)
{
    m_received += qint64(size);
    if (m_file >= 0) {
        File &file = m_files[size_t(m_file)];
        file.bytes += qint64(size);
        if (file.tooLarge)
            return true;
        if (file.bytes > m_limits.fileBytes) {
            file.tooLarge = true;
            file.staged.reset(); // removes what was staged
            return true;
        }
        m_hash->addData(QByteArrayView(data, qsizetype(size)));
        if (file.staged->isOpen() && file.staged->write(data, qint64(size)) != qint64(size) && m_error.isEmpty())
            m_error = u"%1: %2"_s.arg(file.staged->fileName(), file.staged->errorString());
    } else if (!m_field.isEmpty()) {
        QByteArray &value = m_fields[m_field];
        value.append(data, std::min(qsizetype(size), kMaxFieldBytes + 1 - value.size()));
    }
    return true;
}

void UploadForm::endPart()
{
    if (m_file >= 0) {
        File &file = m_files[size_t(m_file)];
        if (file.staged) {
            file.sha256 = m_hash->hexDigest();
            if (!file.staged->flush() && m_error.isEmpty())
                m_error = u"%1: %2"_s.arg(file.staged->fileName(), file.staged->errorString());
        }
    }
    m_file = -1;
    m_field.clear();
}

Status UploadForm::finish()
{
    endPart();
    return m_error.isEmpty() ? Status() : Status::failure(m_error);
}

QString UploadForm::text(const QString &field) const
{
    const auto found = m_fields.find(field);
    return found == m_fields.end() ? QString() : QString::fromUtf8(found->second);
}

Result<UploadForm::Fields> UploadForm::fields() const
{
    using Answer = Result<Fields>;
    if (!m_repeated.isEmpty())
        return Answer::failure(u"Give \"%1\" once."_s.arg(m_repeated.constFirst()));
    Fields fields{text(u"entity"_s), text(u"caption"_s), text(u"altText"_s), false};
    for (const auto &[name, value] :
         {std::pair{u"caption"_s, fields.caption}, std::pair{u"altText"_s, fields.altText}}) {
        if (value.size() > kMaxText)
            return Answer::failure(u"\"%1\" may have at most %2 characters."_s.arg(name).arg(kMaxText));
    }
    const QString primary = text(u"primary"_s).trimmed();
    if (primary != u"true"_s && primary != u"false"_s && !primary.isEmpty())
        return Answer::failure(u"\"primary\" is true or false."_s);
    fields.primary = primary == u"true"_s;
    if (m_fields.count(u"entity"_s) != 0 && !isEntityName(fields.entity))
        return Answer::failure(u"\"entity\" must name an entity as kind:key, e.g. product:AB-1001."_s);
    if (fields.primary && fields.entity.isEmpty())
        return Answer::failure(u"\"primary\" needs an \"entity\"."_s);
    return fields;
}

// Catalog: full-text search over the images' texts, tags and linked entities.
#include "catalog/catalog.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Turns user text into an FTS5 query that cannot be a syntax error: every word becomes a
// quoted string (so AND, NEAR, *, quotes and brackets are plain text), all must match, and
// the last one matches as a prefix (search as you type). Words without a letter or digit
// hold no token and are dropped.
QString matchExpression(const QString &text)
{
    static const QRegularExpression whitespace(u"\\s+"_s);
    QStringList terms;
    for (const QString &word : text.split(whitespace, Qt::SkipEmptyParts)) {
        if (std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        QString quoted = word;
        quoted.replace(u'"', u"\"\""_s);
        terms.append(u'"' + quoted + u'"');
    }
    if (terms.isEmpty())
        return {};
    terms.last() += u'*';
    return terms.join(u' ');
}

} // namespace

Result<QList<ImageRecord>> Catalog::search(const QString &text, int limit)
{
    const QString expression = matchExpression(text);
    if (expression.isEmpty())
        return QList<ImageRecord>();
    Result<QList<ImageRecord>> found =
        queryImages(u"JOIN (SELECT rowid AS hit, rank AS score FROM image_search WHERE image_search MATCH ? "
                    "ORDER BY rank LIMIT ?) s ON s.hit = i.id ORDER BY s.score, i.id"_s,
                    {expression, limit < 0 ? -1 : limit});
    if (!found)
        return Result<QList<ImageRecord>>::failure(u"search for \"%1\": %2"_s.arg(text, found.error()));
    return found;
}

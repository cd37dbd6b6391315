// Catalog: full-text search over the images' texts, tags and linked entities.
#include "catalog/catalog.h"

#include <QRegularExpression>
#include <QSqlQuery>

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
                    "AND rowid NOT IN (SELECT image_id FROM trash) ORDER BY rank LIMIT ?) s ON s.hit = i.id "
                    "ORDER BY s.score, i.id"_s,
                    {expression, limit < 0 ? -1 : limit});
    if (!found)
        return Result<QList<ImageRecord>>::failure(u"search for \"%1\": %2"_s.arg(text, found.error()));
    return found;
}

// Ranking costs a few microseconds per hit: a search with thousands of hits (one common
// word, one typed letter) is shown newest first instead, which is what the user scrolls
// for anyway; a narrower search is ranked.
Result<QList<qint64>> Catalog::searchIds(const QString &text, GallerySort sort)
{
    using R = Result<QList<qint64>>;
    const QString expression = matchExpression(text);
    if (expression.isEmpty())
        return QList<qint64>();
    constexpr int kRankedHits = 2000;
    const QString trashed = u"(SELECT image_id FROM trash)"_s;
    QString sql;
    if (sort == GallerySort::Order) {
        Result<QSqlQuery> hits = exec(u"SELECT count(*) FROM image_search WHERE image_search MATCH ?"_s, {expression});
        if (!hits || !hits->next())
            return R::failure(u"search for \"%1\": %2"_s.arg(text, hits ? failure(u"no count"_s) : hits.error()));
        const bool ranked = hits->value(0).toInt() <= kRankedHits;
        hits->finish();
        sql = u"SELECT rowid FROM image_search WHERE image_search MATCH ? AND rowid NOT IN "_s + trashed +
              (ranked ? u" ORDER BY rank, rowid"_s : u" ORDER BY rowid DESC"_s);
    } else {
        const QString order = sort == GallerySort::DateTaken      ? u"i.captured_at IS NULL, i.captured_at, i.id"_s
                              : sort == GallerySort::DateImported ? u"i.created_at, i.id"_s
                                                                  : u"i.original_name COLLATE NOCASE, i.id"_s;
        sql = u"SELECT i.id FROM image_search s JOIN images i ON i.id = s.rowid WHERE image_search MATCH ? "
              "AND s.rowid NOT IN "_s +
              trashed + u" ORDER BY "_s + order;
    }
    Result<QSqlQuery> query = exec(sql, {expression});
    if (!query)
        return R::failure(u"search for \"%1\": %2"_s.arg(text, query.error()));
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

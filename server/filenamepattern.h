#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

// A file name with fields, as "%1-%2.%3.part" with a regular expression for each field. The
// one text makes a store's names, reads their fields back and finds them by a name filter,
// so the store's listing of its files cannot drift from how it names them. Each field
// stands once; the literal text holds no wildcard ('*', '?', '[').
class FileNamePattern final
{
public:
    FileNamePattern(QString pattern, QStringList fieldExpressions);

    // The name with these fields, in the order %1, %2, …
    QString name(const QStringList &fields) const;
    // A QDir name filter for the names with these fields; an empty (or missing) field is any.
    QString filter(const QStringList &fields) const;
    // The fields of a name made by this pattern, or nothing for any other name.
    std::optional<QStringList> fields(const QString &name) const;

private:
    // The pattern with each %N replaced by field(N - 1) and the text between by literal(text).
    QString substituted(const std::function<QString(int)> &field,
                        const std::function<QString(const QString &)> &literal) const;

    QString m_pattern;
    QStringList m_expressions;
    QRegularExpression m_regex;
};

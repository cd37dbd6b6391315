#include "filenamepattern.h"

using namespace Qt::StringLiterals;

namespace {

QString group(int field)
{
    return u"f"_s + QString::number(field + 1);
}

} // namespace

FileNamePattern::FileNamePattern(QString pattern, QStringList fieldExpressions)
    : m_pattern(std::move(pattern)), m_expressions(std::move(fieldExpressions))
{
    const QString expression = substituted(
        [this](int field) -> QString { return u"(?<"_s + group(field) + u'>' + m_expressions.value(field) + u')'; },
        [](const QString &text) -> QString { return QRegularExpression::escape(text); });
    m_regex.setPattern(QRegularExpression::anchoredPattern(expression));
    Q_ASSERT(m_regex.isValid());
}

QString FileNamePattern::name(const QStringList &fields) const
{
    return substituted([&fields](int field) -> QString { return fields.value(field); },
                       [](const QString &text) -> QString { return text; });
}

QString FileNamePattern::filter(const QStringList &fields) const
{
    QStringList any;
    for (int field = 0; field < m_expressions.size(); ++field)
        any.append(fields.value(field).isEmpty() ? u"*"_s : fields.value(field));
    return name(any);
}

std::optional<QStringList> FileNamePattern::fields(const QString &name) const
{
    const QRegularExpressionMatch match = m_regex.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    QStringList fields;
    for (int field = 0; field < m_expressions.size(); ++field)
        fields.append(match.captured(group(field)));
    return fields;
}

QString FileNamePattern::substituted(const std::function<QString(int)> &field,
                                     const std::function<QString(const QString &)> &literal) const
{
    QString result;
    QString text;
    for (qsizetype i = 0; i < m_pattern.size(); ++i) {
        const QChar c = m_pattern.at(i);
        const bool isField = c == u'%' && i + 1 < m_pattern.size() && m_pattern.at(i + 1) >= u'1' &&
                             m_pattern.at(i + 1) <= u'9';
        if (!isField) {
            text += c;
            continue;
        }
        result += literal(text) + field(m_pattern.at(i + 1).digitValue() - 1);
        text.clear();
        ++i;
    }
    return result + literal(text);
}

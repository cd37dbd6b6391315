#include "details/tagedit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStringListModel>

TagEdit::TagEdit(QWidget *parent)
    : QLineEdit(parent), m_known(new QStringListModel(this)), m_completer(new QCompleter(m_known, this))
{
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setWidget(this);
    setPlaceholderText(tr("Tags, separated by commas"));
    connect(this, &QLineEdit::textEdited, this, &TagEdit::updatePrefix);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &TagEdit::complete);
}

void TagEdit::setKnownTags(const QStringList &tags)
{
    m_known->setStringList(tags);
}

void TagEdit::setTags(const QStringList &tags)
{
    setText(tags.join(QStringLiteral(", ")));
}

QStringList TagEdit::tags() const
{
    QStringList tags;
    for (const QString &part : text().split(u',', Qt::SkipEmptyParts)) {
        const QString tag = part.simplified();
        if (!tag.isEmpty() && !tags.contains(tag, Qt::CaseInsensitive))
            tags.append(tag);
    }
    return tags;
}

// Completes the word after the last comma, not the whole field.
void TagEdit::updatePrefix()
{
    const QString current = text().section(u',', -1).trimmed();
    if (current.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(current);
    if (m_completer->completionCount() > 0)
        m_completer->complete();
    else
        m_completer->popup()->hide();
}

void TagEdit::complete(const QString &tag)
{
    QStringList parts = text().split(u',');
    parts.last() = (parts.size() > 1 ? QStringLiteral(" ") : QString()) + tag;
    setText(parts.join(u',') + QStringLiteral(", "));
}

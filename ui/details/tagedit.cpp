#include "details/tagedit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
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

// Return in the popup takes the highlighted tag and leaves the field open for the next one;
// the completer alone would let the field save the half-typed word first. With nothing
// highlighted, Return saves what was typed.
void TagEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (!enter || !m_completer->popup()->isVisible())
        return QLineEdit::keyPressEvent(event);
    const QModelIndex highlighted = m_completer->popup()->currentIndex();
    m_completer->popup()->hide();
    if (!highlighted.isValid())
        return QLineEdit::keyPressEvent(event);
    complete(highlighted.data().toString());
    event->accept(); // the completer must not complete a second time
}

void TagEdit::complete(const QString &tag)
{
    QStringList parts = text().split(u',');
    parts.last() = (parts.size() > 1 ? QStringLiteral(" ") : QString()) + tag;
    setText(parts.join(u',') + QStringLiteral(", "));
    setModified(true); // still the user's unsaved typing
}

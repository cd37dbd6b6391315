// DetailsPanel: what the user changes becomes a request, sent only when a value really
// changed.
#include "details/detailspanel.h"

#include "details/entitychooser.h"
#include "details/tagedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>

void DetailsPanel::connectEditors()
{
    connect(m_caption, &QLineEdit::editingFinished, this, &DetailsPanel::commitCaption);
    connect(m_altText, &QLineEdit::editingFinished, this, &DetailsPanel::commitAltText);
    m_description->installEventFilter(this);
    connect(m_tags, &QLineEdit::editingFinished, this, &DetailsPanel::commitTags);
    connect(m_type, &QComboBox::activated, this, &DetailsPanel::commitType);
    connect(m_type->lineEdit(), &QLineEdit::editingFinished, this, &DetailsPanel::commitType);
    connect(m_front, &QCheckBox::clicked, this, &DetailsPanel::commitFront);
    connect(m_linkList, &QListWidget::currentRowChanged, this, &DetailsPanel::updateLinkButtons);
    connect(m_addLink, &QPushButton::clicked, this, &DetailsPanel::addLink);
    connect(m_removeLink, &QPushButton::clicked, this, [this] {
        if (const std::optional<LinkInfo> link = currentLink())
            emit unlinkRequested(m_imageId, link->entity.id);
    });
    connect(m_makePrimary, &QPushButton::clicked, this, [this] {
        if (const std::optional<LinkInfo> link = currentLink())
            emit setPrimaryRequested(link->entity.id, m_imageId);
    });
    connect(m_unpin, &QPushButton::clicked, this, [this] {
        if (const std::optional<LinkInfo> link = currentLink())
            emit unpinPrimaryRequested(link->entity.id);
    });
    connect(m_entityUnpin, &QPushButton::clicked, this, [this] {
        if (m_entityId != 0)
            emit unpinPrimaryRequested(m_entityId);
    });
    for (QLabel *facts : {m_photoFacts}) {
        connect(facts, &QLabel::linkActivated, this, [this](const QString &link) {
            const QUrl url(link);
            emit openLocationRequested(url);
            QDesktopServices::openUrl(url);
        });
    }
}

// The description is several lines: saved when the field loses focus or on Ctrl+Enter.
bool DetailsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description) {
        if (event->type() == QEvent::FocusOut)
            commitDescription();
        if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
                commitDescription();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

// One field of the image: a request only when the value really changed.
template <typename Value>
void DetailsPanel::commitField(Value ImageRecord::*stored, std::optional<Value> ImageEdit::*edited, const Value &value)
{
    if (!m_record || m_record.value().*stored == value)
        return;
    m_record.value().*stored = value;
    ImageEdit edit;
    edit.*edited = value;
    emit editRequested(m_imageId, edit);
}

void DetailsPanel::commitCaption()
{
    m_caption->setModified(false);
    commitField(&ImageRecord::caption, &ImageEdit::caption, m_caption->text());
}

void DetailsPanel::commitAltText()
{
    m_altText->setModified(false);
    commitField(&ImageRecord::altText, &ImageEdit::altText, m_altText->text());
}

void DetailsPanel::commitDescription()
{
    m_description->document()->setModified(false);
    commitField(&ImageRecord::description, &ImageEdit::description, m_description->toPlainText());
}

void DetailsPanel::commitTags()
{
    m_tags->setModified(false);
    if (!m_record)
        return;
    const QStringList tags = m_tags->tags();
    QStringList before = m_record->tags;
    if (tags.size() == before.size() &&
        std::equal(tags.cbegin(), tags.cend(), before.cbegin(),
                   [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) == 0; }))
        return;
    m_record->tags = tags;
    emit tagsRequested(m_imageId, tags);
}

void DetailsPanel::commitType()
{
    m_type->lineEdit()->setModified(false);
    commitField(&ImageRecord::imageType, &ImageEdit::imageType, m_type->currentText().simplified());
}

void DetailsPanel::commitFront(bool front)
{
    commitField(&ImageRecord::front, &ImageEdit::front, front);
}

void DetailsPanel::addLink()
{
    if (!m_catalog || m_imageId == 0)
        return;
    EntityChooser chooser(m_catalog, this);
    if (chooser.exec() == QDialog::Accepted && chooser.chosenEntityId() != 0)
        emit linkRequested(m_imageId, chooser.chosenEntityId());
}

std::optional<LinkInfo> DetailsPanel::currentLink() const
{
    const QListWidgetItem *item = m_linkList->currentItem();
    if (!item)
        return std::nullopt;
    const qint64 entityId = item->data(Qt::UserRole).toLongLong();
    for (const LinkInfo &link : m_links) {
        if (link.entity.id == entityId)
            return link;
    }
    return std::nullopt;
}

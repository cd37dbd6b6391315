#include "details/detailspanel.h"

#include "catalog/catalogthread.h"
#include "common/whenready.h"
#include "details/primaryreason.h"
#include "details/tagedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// A field holds the user's unsaved typing: a reload must not overwrite it. Saved or
// refilled fields are not modified, so undo and redo show through even with the focus.
bool holdsTyping(const QWidget *field)
{
    if (const auto *line = qobject_cast<const QLineEdit *>(field))
        return line->isModified();
    if (const auto *combo = qobject_cast<const QComboBox *>(field))
        return combo->lineEdit() && combo->lineEdit()->isModified();
    if (const auto *text = qobject_cast<const QPlainTextEdit *>(field))
        return text->document()->isModified();
    return false;
}

// "Produktfoto" is the type of most images in the source documents: it always comes first.
const QStringList kStandardTypes = {u"Produktfoto"_s, u"Detailfoto"_s, u"Milieufoto"_s, u"Verpackung"_s,
                                    u"Zeichnung"_s, u"Logo"_s};

QLabel *factsLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setTextFormat(Qt::RichText);
    return label;
}

QString row(const QString &name, const QString &value)
{
    return value.isEmpty() ? QString() : u"<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>"_s.arg(name, value.toHtmlEscaped());
}

QString table(const QString &rows)
{
    return rows.isEmpty() ? DetailsPanel::tr("Unknown") : u"<table>"_s + rows + u"</table>"_s;
}

} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_photoFacts(factsLabel(this)), m_fileFacts(factsLabel(this)),
      m_entityFacts(factsLabel(this))
{
    setAccessibleName(tr("Details"));
    setMinimumWidth(280);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_title);
    m_imagePart = new QWidget(content);
    auto *imageLayout = new QVBoxLayout(m_imagePart);
    imageLayout->setContentsMargins(0, 0, 0, 0);
    imageLayout->addWidget(buildImageEditor());
    imageLayout->addWidget(buildLinks());
    auto *photo = new QGroupBox(tr("Photo"), m_imagePart);
    (new QVBoxLayout(photo))->addWidget(m_photoFacts);
    auto *file = new QGroupBox(tr("File"), m_imagePart);
    (new QVBoxLayout(file))->addWidget(m_fileFacts);
    imageLayout->addWidget(photo);
    imageLayout->addWidget(file);
    layout->addWidget(m_imagePart);
    layout->addWidget(m_entityFacts);
    m_entityUnpin = new QPushButton(tr("Unpin the primary image"), content);
    layout->addWidget(m_entityUnpin);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the content follows the width
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    connectEditors();
    clear();
}

// The focused editor loses the focus while the children are destroyed, after this object
// stopped being a DetailsPanel: its last "editing finished" must not reach it.
DetailsPanel::~DetailsPanel()
{
    m_description->removeEventFilter(this);
    for (QObject *editor : std::initializer_list<QObject *>{m_caption, m_altText, m_tags, m_type, m_type->lineEdit(),
                                                            m_front, m_linkList})
        editor->disconnect(this);
}

QWidget *DetailsPanel::buildImageEditor()
{
    auto *box = new QGroupBox(tr("Description"), m_imagePart);
    auto *form = new QFormLayout(box);
    m_caption = new QLineEdit(box);
    m_caption->setObjectName(u"caption"_s);
    m_altText = new QLineEdit(box);
    m_altText->setObjectName(u"altText"_s);
    m_description = new QPlainTextEdit(box);
    m_description->setObjectName(u"description"_s);
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    m_description->setToolTip(tr("Saved when you leave the field or press Ctrl+Enter"));
    m_tags = new TagEdit(box);
    m_tags->setObjectName(u"tags"_s);
    m_type = new QComboBox(box);
    m_type->setObjectName(u"imageType"_s);
    m_type->setEditable(true);
    m_type->setInsertPolicy(QComboBox::NoInsert);
    m_front = new QCheckBox(tr("&Front view"), box);
    m_front->setObjectName(u"front"_s);
    const std::pair<QWidget *, QString> fields[] = {{m_caption, tr("&Caption")},      {m_altText, tr("&Alt text")},
                                                    {m_description, tr("D&escription")}, {m_tags, tr("&Tags")},
                                                    {m_type, tr("T&ype")}};
    for (const auto &[field, label] : fields) {
        form->addRow(label, field);
        field->setAccessibleName(QString(label).remove(u'&'));
    }
    form->addRow(QString(), m_front);
    m_front->setAccessibleName(tr("Front view"));
    return box;
}

QWidget *DetailsPanel::buildLinks()
{
    auto *box = new QGroupBox(tr("Linked entities"), m_imagePart);
    auto *layout = new QVBoxLayout(box);
    m_linkList = new QListWidget(box);
    m_linkList->setAccessibleName(tr("Linked entities"));
    m_linkList->setMaximumHeight(110);
    m_addLink = new QPushButton(tr("&Link…"), box);
    m_removeLink = new QPushButton(tr("&Remove"), box);
    m_makePrimary = new QPushButton(tr("Set as &primary"), box);
    m_unpin = new QPushButton(tr("&Unpin"), box);
    m_addLink->setToolTip(tr("Link this image to a customer, product or job"));
    // Two by two: four buttons in a row would make the panel scroll sideways.
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_addLink, 0, 0);
    buttons->addWidget(m_removeLink, 0, 1);
    buttons->addWidget(m_makePrimary, 1, 0);
    buttons->addWidget(m_unpin, 1, 1);
    m_primaryReasons = new QLabel(box);
    m_primaryReasons->setWordWrap(true);
    m_primaryReasons->setAccessibleName(tr("Why primary"));
    layout->addWidget(m_linkList);
    layout->addLayout(buttons);
    layout->addWidget(m_primaryReasons);
    return box;
}

void DetailsPanel::setCatalog(CatalogThread *catalog)
{
    m_catalog = catalog;
    clear();
}

void DetailsPanel::setMode(bool image, bool entity)
{
    m_imagePart->setVisible(image);
    m_entityFacts->setVisible(entity);
    m_entityUnpin->setVisible(false);
}

void DetailsPanel::clear()
{
    ++m_generation;
    m_imageId = 0;
    m_entityId = 0;
    m_record.reset();
    m_links.clear();
    m_title->setText(tr("Nothing selected"));
    setMode(false, false);
}

void DetailsPanel::showSelectionCount(int count)
{
    clear();
    m_title->setText(tr("%n image(s) selected", nullptr, count));
}

void DetailsPanel::showImage(qint64 imageId, qint64 contextEntityId)
{
    if (imageId != m_imageId)
        m_record.reset();
    m_imageId = imageId;
    m_contextEntityId = contextEntityId;
    m_entityId = 0;
    reload();
}

void DetailsPanel::showEntity(qint64 entityId)
{
    m_imageId = 0;
    m_record.reset();
    m_entityId = entityId;
    reload();
}

void DetailsPanel::reload()
{
    if (!m_catalog)
        return;
    const int generation = ++m_generation;
    if (m_imageId != 0) {
        const qint64 id = m_imageId;
        whenReady(this, m_catalog->run([id](Catalog &catalog) {
            return ImageView{catalog.imageById(id), catalog.linksOfImage(id), catalog.allTags(), catalog.imageTypes()};
        }),
                  [this, generation](const ImageView &view) { showImageView(generation, view); });
    } else if (m_entityId != 0) {
        const qint64 id = m_entityId;
        using EntityView = std::tuple<std::optional<Entity>, QList<LinkInfo>, std::optional<ImageRecord>>;
        whenReady(this, m_catalog->run([id](Catalog &catalog) {
            std::optional<ImageRecord> primary = catalog.primaryImage(id);
            return EntityView{catalog.entityById(id), primary ? catalog.linksOfImage(primary->id) : QList<LinkInfo>(),
                              primary};
        }),
                  [this, generation](const EntityView &view) {
                      showEntityFacts(generation, std::get<0>(view), std::get<1>(view), std::get<2>(view));
                  });
    }
}

void DetailsPanel::showImageView(int generation, const ImageView &view)
{
    if (generation != m_generation)
        return;
    if (!view.record) {
        clear();
        return;
    }
    const ImageRecord &record = *view.record;
    m_title->setText(record.caption.isEmpty() ? record.originalName : record.caption);
    setMode(true, false);
    fillEditors(record, view);
    fillLinks(view.links, m_record && m_record->id == record.id);
    fillFacts(record);
    m_record = record;
    m_links = view.links;
    emit imageShown(record.id);
}

// A field the user is typing in keeps what is being typed.
void DetailsPanel::fillEditors(const ImageRecord &record, const ImageView &view)
{
    const bool sameImage = m_record && m_record->id == record.id;
    const auto untouched = [sameImage](QWidget *field) { return !sameImage || !field->hasFocus() || !holdsTyping(field); };
    if (untouched(m_caption))
        m_caption->setText(record.caption);
    if (untouched(m_altText))
        m_altText->setText(record.altText);
    if (untouched(m_description)) {
        m_description->setPlainText(record.description);
        m_description->document()->setModified(false);
    }
    m_tags->setKnownTags(view.knownTags);
    if (untouched(m_tags))
        m_tags->setTags(record.tags);
    if (untouched(m_type)) {
        QStringList types = kStandardTypes;
        for (const QString &type : view.imageTypes) {
            if (!types.contains(type, Qt::CaseInsensitive))
                types.append(type);
        }
        const QSignalBlocker blocker(m_type);
        m_type->clear();
        m_type->addItems(types);
        const int stored = m_type->findText(record.imageType, Qt::MatchFixedString);
        if (stored >= 0)
            m_type->setCurrentIndex(stored); // the popup and arrow keys start from it
        else
            m_type->setCurrentText(record.imageType);
    }
    const QSignalBlocker blocker(m_front);
    m_front->setChecked(record.front);
}

// The same image keeps the link the user chose; another image starts at the entity in view.
void DetailsPanel::fillLinks(const QList<LinkInfo> &links, bool sameImage)
{
    const qint64 current = sameImage && currentLink() ? currentLink()->entity.id : m_contextEntityId;
    m_linkList->clear();
    QStringList reasons;
    for (const LinkInfo &link : links) {
        auto *item = new QListWidgetItem((link.primary ? u"★ "_s : u"   "_s) + PrimaryReason::entityLabel(link.entity),
                                         m_linkList);
        item->setData(Qt::UserRole, link.entity.id);
        if (link.entity.id == current)
            m_linkList->setCurrentItem(item);
        if (link.primary)
            reasons.append(PrimaryReason::describe(link));
    }
    if (m_linkList->currentRow() < 0 && m_linkList->count() > 0)
        m_linkList->setCurrentRow(0); // the buttons act on a link: offer the first
    m_primaryReasons->setText(links.isEmpty() ? tr("Not linked to any entity.") : reasons.join(u'\n'));
    m_links = links;
    updateLinkButtons();
}

void DetailsPanel::fillFacts(const ImageRecord &record)
{
    const ImageFacts &facts = record.facts;
    QString photo = row(tr("Camera"), QString(facts.cameraMake + u' ' + facts.cameraModel).trimmed()) +
                    row(tr("Taken"), facts.capturedAt.isValid()
                                         ? QLocale().toString(facts.capturedAt, QLocale::ShortFormat)
                                         : QString());
    if (facts.gps) {
        const QString position = u"%1, %2"_s.arg(facts.gps->latitude, 0, 'f', 6).arg(facts.gps->longitude, 0, 'f', 6);
        const QString url = u"geo:%1,%2"_s.arg(facts.gps->latitude, 0, 'f', 6).arg(facts.gps->longitude, 0, 'f', 6);
        photo += u"<tr><td><b>%1</b>&nbsp;</td><td>%2 <a href=\"%3\">%4</a></td></tr>"_s.arg(
            tr("Position"), position, url, tr("Open in maps"));
    }
    m_photoFacts->setText(table(photo));
    const QString file =
        row(tr("Format"), facts.format.toUpper()) +
        row(tr("Pixels"), tr("%1 × %2").arg(facts.width).arg(facts.height)) +
        row(tr("Size"), QLocale().formattedDataSize(record.bytes)) + row(tr("Original name"), record.originalName) +
        row(tr("Imported"), QLocale().toString(record.createdAt.toLocalTime(), QLocale::ShortFormat)) +
        row(tr("Rotation"), record.rotationQuarterTurns ? tr("%1°").arg(record.rotationQuarterTurns * 90) : QString());
    m_fileFacts->setText(table(file));
}

void DetailsPanel::showEntityFacts(int generation, const std::optional<Entity> &entity,
                                   const QList<LinkInfo> &primaryLinks, const std::optional<ImageRecord> &primary)
{
    if (generation != m_generation)
        return;
    if (!entity) {
        clear();
        return;
    }
    m_title->setText(PrimaryReason::entityLabel(*entity));
    setMode(false, true);
    QString rows = row(tr("Key"), entity->key) + row(tr("Name"), entity->name) +
                   row(tr("Images"), QString::number(entity->imageCount));
    bool pinned = false;
    for (const LinkInfo &link : primaryLinks) {
        if (link.entity.id != entity->id || !primary)
            continue;
        rows += row(tr("Primary image"), primary->caption.isEmpty() ? primary->originalName : primary->caption);
        rows += row(tr("Why"), PrimaryReason::describe(link));
        pinned = link.pinned;
    }
    m_entityFacts->setText(table(rows));
    m_entityUnpin->setVisible(pinned);
}

void DetailsPanel::updateLinkButtons()
{
    const std::optional<LinkInfo> link = currentLink();
    m_addLink->setEnabled(m_imageId != 0);
    m_removeLink->setEnabled(link.has_value());
    m_makePrimary->setEnabled(link && !(link->primary && link->pinned));
    m_unpin->setEnabled(link && link->pinned);
}

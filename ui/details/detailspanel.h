#pragma once

#include "catalog/imageedit.h"
#include "catalog/imagerecord.h"
#include "catalog/linkinfo.h"

#include <QUrl>
#include <QWidget>
#include <optional>

class CatalogThread;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class TagEdit;

// The right column: the current image's texts, tags, type and front flag for editing, its
// links (add, remove, set as primary) and why it is primary, its photo and file facts; or,
// with no image selected, the entity's facts. It never writes: edits leave as requests the
// main window turns into undoable commands, and it reads through the catalog thread.
class DetailsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget *parent = nullptr);
    ~DetailsPanel() override;

    void setCatalog(CatalogThread *catalog);
    void showImage(qint64 imageId, qint64 contextEntityId);
    void showEntity(qint64 entityId);
    void showSelectionCount(int count);
    void clear();
    // Re-reads what is shown after a change; a field the user is typing in is left alone.
    void reload();
    qint64 imageId() const { return m_imageId; }

signals:
    void editRequested(qint64 imageId, const ImageEdit &edit);
    void tagsRequested(qint64 imageId, const QStringList &tags);
    void linkRequested(qint64 imageId, qint64 entityId);
    void unlinkRequested(qint64 imageId, qint64 entityId);
    void setPrimaryRequested(qint64 entityId, qint64 imageId);
    void unpinPrimaryRequested(qint64 entityId);
    void openLocationRequested(const QUrl &url);
    // The image's facts have arrived and its editors hold them.
    void imageShown(qint64 imageId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct ImageView
    {
        std::optional<ImageRecord> record;
        QList<LinkInfo> links;
        QStringList knownTags;
        QStringList imageTypes;
    };
    // detailspanel.cpp: layout and what is shown
    QWidget *buildImageEditor();
    QWidget *buildLinks();
    void setMode(bool image, bool entity);
    void showImageView(int generation, const ImageView &view);
    void fillEditors(const ImageRecord &record, const ImageView &view);
    void fillLinks(const QList<LinkInfo> &links, bool sameImage);
    void fillFacts(const ImageRecord &record);
    void showEntityFacts(int generation, const std::optional<Entity> &entity, const QList<LinkInfo> &primaryLinks,
                         const std::optional<ImageRecord> &primary);
    void updateLinkButtons();
    // detailspanel_edits.cpp: edits become requests
    void connectEditors();
    template <typename Value>
    void commitField(Value ImageRecord::*stored, std::optional<Value> ImageEdit::*edited, const Value &value);
    void commitCaption();
    void commitAltText();
    void commitDescription();
    void commitTags();
    void commitType();
    void commitFront(bool front);
    void addLink();
    std::optional<LinkInfo> currentLink() const;

    CatalogThread *m_catalog = nullptr;
    qint64 m_imageId = 0;
    qint64 m_contextEntityId = 0;
    qint64 m_entityId = 0;
    int m_generation = 0;
    std::optional<ImageRecord> m_record;
    QList<LinkInfo> m_links;

    QLabel *m_title;
    QWidget *m_imagePart;
    QLineEdit *m_caption;
    QLineEdit *m_altText;
    QPlainTextEdit *m_description;
    TagEdit *m_tags;
    QComboBox *m_type;
    QCheckBox *m_front;
    QListWidget *m_linkList;
    QPushButton *m_addLink;
    QPushButton *m_removeLink;
    QPushButton *m_makePrimary;
    QPushButton *m_unpin;
    QLabel *m_primaryReasons;
    QLabel *m_photoFacts;
    QLabel *m_fileFacts;
    QLabel *m_entityFacts;
    QPushButton *m_entityUnpin;
};

// The details panel against a real catalog on its own thread: what showImage puts in the
// editors, which edits become requests (once, and only for a real change), reload keeping
// the user's typing, the links with why an image is primary, the entity facts and the file
// facts.
#include "../catalog/catalogfixture.h"
#include "catalog/catalog.h"
#include "catalog/catalogthread.h"
#include "details/detailspanel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QString kAutomatic =
    u"first in the gallery's order (automatic; pin another image to change it)."_s;

} // namespace

class TestDetailsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showImageFillsTheEditors();
    void captionCommitsOnceOnReturn();
    void altTextCommitsOnceOnReturn();
    void descriptionCommitsOnCtrlReturnAndFocusOut();
    void tagsCommitTheParsedListAndCompleteFromTheCatalog();
    void acceptingATagCompletionDoesNotCommitThePrefix();
    void typeListStartsWithProduktfotoAndCommits();
    void typeListCurrentItemIsTheImagesType();
    void frontClickCommits();
    void reloadShowsCatalogChangesButKeepsTyping();
    void reloadKeepsTypingInEveryKindOfField();
    void linksShowThePrimaryAndWhy();
    void linkButtonsEmitRequests();
    void showingAnotherImageMakesTheEntityInViewCurrent();
    void linkChooserEmitsLinkRequested();
    void linkChooserEnterRightAfterTypingLinksWhatWasTyped();
    void showEntityShowsItsFacts();
    void selectionCountAndClearHideTheEditors();
    void fileAndPhotoFactsAreShown();

private:
    struct Edit
    {
        qint64 imageId;
        ImageEdit edit;
    };
    bool show(qint64 imageId, qint64 contextEntityId = 0);
    bool reload();
    bool showEntity(qint64 entityId);
    // Lets every answer already queued on the catalog thread arrive.
    void settle();
    template <typename Work>
    auto onCatalog(Work work)
    {
        return m_thread->run(std::move(work)).result();
    }

    QLineEdit *caption() const { return m_panel->findChild<QLineEdit *>(u"caption"_s); }
    QLineEdit *altText() const { return m_panel->findChild<QLineEdit *>(u"altText"_s); }
    QPlainTextEdit *description() const { return m_panel->findChild<QPlainTextEdit *>(u"description"_s); }
    QLineEdit *tags() const { return m_panel->findChild<QLineEdit *>(u"tags"_s); }
    QComboBox *imageType() const { return m_panel->findChild<QComboBox *>(u"imageType"_s); }
    QCheckBox *front() const { return m_panel->findChild<QCheckBox *>(u"front"_s); }
    QListWidget *links() const;
    QPushButton *button(const QString &text) const;
    QLabel *whyPrimary() const;
    QLabel *groupLabel(const QString &title) const;
    QLabel *title() const;
    QLabel *entityFacts() const;
    QWidget *editors() const { return caption()->parentWidget()->parentWidget(); }
    int rowOf(qint64 entityId) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CatalogThread> m_thread;
    DetailsPanel *m_panel = nullptr;
    QList<Edit> m_edits;
    qint64 m_customer = 0; // C-7 "Müller GmbH"
    qint64 m_chair = 0; // P-1 "Chair"
    qint64 m_table = 0; // P-2, no name
    qint64 m_job = 0; // J-1 "Spring catalogue"
    qint64 m_a = 0; // linked to C-7 (pinned primary, by anna) and P-1 (automatic primary)
    qint64 m_b = 0; // linked to C-7 and P-1, primary of neither
    qint64 m_c = 0; // unlinked
};

void TestDetailsPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString path = m_dir->filePath(u"catalog.sqlite"_s);
    {
        std::unique_ptr<Catalog> catalog = CatalogFixture::create(path);
        QVERIFY(catalog);
        m_customer = catalog->addEntity(EntityKind::Customer, u"C-7"_s, u"Müller GmbH"_s)->id;
        m_chair = catalog->addEntity(EntityKind::Product, u"P-1"_s, u"Chair"_s)->id;
        m_table = catalog->addEntity(EntityKind::Product, u"P-2"_s, QString())->id;
        m_job = catalog->addEntity(EntityKind::Job, u"J-1"_s, u"Spring catalogue"_s)->id;

        const auto record = [&](const QString &seed, const QList<qint64> &entities) -> qint64 {
            const Result<RecordedImport> recorded = catalog->recordImport(CatalogFixture::newImage(seed), entities);
            if (!recorded) {
                qWarning().noquote() << recorded.error();
                return 0;
            }
            return recorded->image.id;
        };
        m_a = record(u"a"_s, {m_chair, m_customer});
        m_b = record(u"b"_s, {m_chair, m_customer});
        m_c = record(u"c"_s, {});
        QVERIFY(m_a && m_b && m_c);

        ImageEdit a;
        a.caption = u"Oak chair"_s;
        a.altText = u"A chair made of oak"_s;
        a.description = u"Solid oak.\nOiled."_s;
        a.imageType = u"Milieufoto"_s;
        a.front = true;
        QVERIFY(catalog->editImage(m_a, a));
        QVERIFY(catalog->setTags(m_a, {u"oak"_s, u"Garden"_s}));
        ImageEdit b;
        b.imageType = u"Werkstattfoto"_s;
        QVERIFY(catalog->editImage(m_b, b));
        QVERIFY(catalog->setTags(m_b, {u"walnut"_s}));
        QVERIFY(catalog->setTags(m_c, {u"gardening"_s}));
        QVERIFY(catalog->setPrimary(m_customer, m_a, u"anna"_s));
    }
    Result<std::unique_ptr<CatalogThread>> opened = CatalogThread::open(path);
    QVERIFY2(opened, qPrintable(opened.error()));
    m_thread = std::move(opened.value());

    m_edits.clear();
    m_panel = new DetailsPanel;
    connect(m_panel, &DetailsPanel::editRequested, this,
            [this](qint64 imageId, const ImageEdit &edit) { m_edits.append({imageId, edit}); });
    m_panel->setCatalog(m_thread.get());
    m_panel->resize(420, 1200);
    m_panel->show();
    QApplication::setActiveWindow(m_panel);
    QVERIFY(QTest::qWaitForWindowActive(m_panel));
}

void TestDetailsPanel::cleanup()
{
    // Hidden first: a top-level widget destroyed while visible moves the focus out of its
    // fields from ~QWidget, when the panel's own part is already gone.
    if (m_panel)
        m_panel->hide();
    delete m_panel;
    m_panel = nullptr;
    m_thread.reset();
    m_dir.reset();
}

bool TestDetailsPanel::show(qint64 imageId, qint64 contextEntityId)
{
    QSignalSpy shown(m_panel, &DetailsPanel::imageShown);
    m_panel->showImage(imageId, contextEntityId);
    return shown.wait(5000) && shown.constLast().constFirst().toLongLong() == imageId;
}

bool TestDetailsPanel::reload()
{
    QSignalSpy shown(m_panel, &DetailsPanel::imageShown);
    m_panel->reload();
    return shown.wait(5000);
}

bool TestDetailsPanel::showEntity(qint64 entityId)
{
    m_panel->showEntity(entityId);
    settle();
    return !title()->text().isEmpty();
}

void TestDetailsPanel::settle()
{
    // Work runs in order: once a later no-op is done, every earlier answer has been posted
    // to its watcher in this thread, and these events are delivered in order.
    m_thread->drain();
    QFutureWatcher<void> marker;
    QSignalSpy finished(&marker, &QFutureWatcherBase::finished);
    marker.setFuture(m_thread->run([](Catalog &) {}));
    QVERIFY(finished.wait(5000));
    QCoreApplication::processEvents();
}

QListWidget *TestDetailsPanel::links() const
{
    return m_panel->findChild<QListWidget *>();
}

QPushButton *TestDetailsPanel::button(const QString &text) const
{
    const QList<QPushButton *> buttons = m_panel->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button->text() == text)
            return button;
    }
    qWarning() << "no button" << text;
    return nullptr;
}

QLabel *TestDetailsPanel::whyPrimary() const
{
    const QList<QLabel *> labels = m_panel->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->accessibleName() == u"Why primary"_s)
            return label;
    }
    return nullptr;
}

QLabel *TestDetailsPanel::groupLabel(const QString &title) const
{
    const QList<QGroupBox *> boxes = m_panel->findChildren<QGroupBox *>();
    for (QGroupBox *box : boxes) {
        if (box->title() == title)
            return box->findChild<QLabel *>();
    }
    return nullptr;
}

// The title and the entity facts are the two labels directly in the scrolled content.
QLabel *TestDetailsPanel::title() const
{
    const QList<QLabel *> labels = editors()->parentWidget()->findChildren<QLabel *>(Qt::FindDirectChildrenOnly);
    for (QLabel *label : labels) {
        if (label->textFormat() != Qt::RichText)
            return label;
    }
    return nullptr;
}

QLabel *TestDetailsPanel::entityFacts() const
{
    const QList<QLabel *> labels = editors()->parentWidget()->findChildren<QLabel *>(Qt::FindDirectChildrenOnly);
    for (QLabel *label : labels) {
        if (label->textFormat() == Qt::RichText)
            return label;
    }
    return nullptr;
}

int TestDetailsPanel::rowOf(qint64 entityId) const
{
    for (int row = 0; row < links()->count(); ++row) {
        if (links()->item(row)->data(Qt::UserRole).toLongLong() == entityId)
            return row;
    }
    return -1;
}

void TestDetailsPanel::showImageFillsTheEditors()
{
    QVERIFY(show(m_a, m_chair));
    QCOMPARE(m_panel->imageId(), m_a);
    QVERIFY(editors()->isVisible());
    QCOMPARE(title()->text(), u"Oak chair"_s);
    QCOMPARE(caption()->text(), u"Oak chair"_s);
    QCOMPARE(altText()->text(), u"A chair made of oak"_s);
    QCOMPARE(description()->toPlainText(), u"Solid oak.\nOiled."_s);
    QCOMPARE(tags()->text(), u"Garden, oak"_s); // as the catalog sorts them
    QCOMPARE(imageType()->currentText(), u"Milieufoto"_s);
    QVERIFY(front()->isChecked());
    QVERIFY(!entityFacts()->isVisible());
    QVERIFY(m_edits.isEmpty());

    // Another image: every field is replaced, the title falls back to the file name.
    QVERIFY(show(m_b, m_chair));
    QCOMPARE(title()->text(), u"b.jpg"_s);
    QCOMPARE(caption()->text(), QString());
    QCOMPARE(altText()->text(), QString());
    QCOMPARE(description()->toPlainText(), QString());
    QCOMPARE(tags()->text(), u"walnut"_s);
    QCOMPARE(imageType()->currentText(), u"Werkstattfoto"_s);
    QVERIFY(!front()->isChecked());
    QVERIFY(m_edits.isEmpty());
}

void TestDetailsPanel::captionCommitsOnceOnReturn()
{
    QVERIFY(show(m_a, m_chair));
    caption()->setFocus();
    QTRY_VERIFY(caption()->hasFocus());
    QTest::keyClicks(caption(), u" (oiled)"_s);
    QVERIFY(m_edits.isEmpty()); // nothing while typing
    QTest::keyClick(caption(), Qt::Key_Return);
    QCOMPARE(m_edits.size(), 1);
    QCOMPARE(m_edits.at(0).imageId, m_a);
    QCOMPARE(m_edits.at(0).edit.caption, std::optional<QString>(u"Oak chair (oiled)"_s));
    QVERIFY(!m_edits.at(0).edit.altText);
    QVERIFY(!m_edits.at(0).edit.description);
    QVERIFY(!m_edits.at(0).edit.imageType);
    QVERIFY(!m_edits.at(0).edit.front);

    // Return again, and leaving the field, without a change: nothing more.
    QTest::keyClick(caption(), Qt::Key_Return);
    altText()->setFocus();
    QTRY_VERIFY(altText()->hasFocus());
    QCOMPARE(m_edits.size(), 1);

    // Typing back the stored value is no change either.
    caption()->setFocus();
    QTRY_VERIFY(caption()->hasFocus());
    caption()->selectAll();
    QTest::keyClicks(caption(), u"Oak chair (oiled)"_s);
    QTest::keyClick(caption(), Qt::Key_Return);
    QCOMPARE(m_edits.size(), 1);
}

void TestDetailsPanel::altTextCommitsOnceOnReturn()
{
    QVERIFY(show(m_a, m_chair));
    altText()->setFocus();
    QTRY_VERIFY(altText()->hasFocus());
    altText()->selectAll();
    QTest::keyClicks(altText(), u"An oak chair, side view"_s);
    QTest::keyClick(altText(), Qt::Key_Return);
    QCOMPARE(m_edits.size(), 1);
    QCOMPARE(m_edits.at(0).imageId, m_a);
    QCOMPARE(m_edits.at(0).edit.altText, std::optional<QString>(u"An oak chair, side view"_s));
    QVERIFY(!m_edits.at(0).edit.caption);
    QVERIFY(!m_edits.at(0).edit.description);
    QVERIFY(!m_edits.at(0).edit.imageType);
    QVERIFY(!m_edits.at(0).edit.front);
    QTest::keyClick(altText(), Qt::Key_Return);
    caption()->setFocus();
    QTRY_VERIFY(caption()->hasFocus());
    QCOMPARE(m_edits.size(), 1);
}

void TestDetailsPanel::descriptionCommitsOnCtrlReturnAndFocusOut()
{
    QVERIFY(show(m_a, m_chair));
    description()->setFocus();
    QTRY_VERIFY(description()->hasFocus());
    description()->moveCursor(QTextCursor::End);
    // A plain Return is a new line, not a save.
    QTest::keyClick(description(), Qt::Key_Return);
    QTest::keyClicks(description(), u"Made in Bavaria."_s);
    QVERIFY(m_edits.isEmpty());
    QTest::keyClick(description(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_edits.size(), 1);
    QCOMPARE(m_edits.at(0).imageId, m_a);
    QCOMPARE(m_edits.at(0).edit.description, std::optional<QString>(u"Solid oak.\nOiled.\nMade in Bavaria."_s));
    QVERIFY(!m_edits.at(0).edit.caption);
    QVERIFY(!m_edits.at(0).edit.altText);
    QVERIFY(!m_edits.at(0).edit.imageType);
    QVERIFY(!m_edits.at(0).edit.front);
    QCOMPARE(description()->toPlainText(), u"Solid oak.\nOiled.\nMade in Bavaria."_s); // Ctrl+Return added no line
    QTest::keyClick(description(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_edits.size(), 1);

    // Leaving the field saves.
    QTest::keyClicks(description(), u" Since 1950."_s);
    QCOMPARE(m_edits.size(), 1);
    caption()->setFocus();
    QTRY_VERIFY(caption()->hasFocus());
    QCOMPARE(m_edits.size(), 2);
    QCOMPARE(m_edits.at(1).edit.description,
             std::optional<QString>(u"Solid oak.\nOiled.\nMade in Bavaria. Since 1950."_s));
    QVERIFY(!m_edits.at(1).edit.caption);

    // Entering and leaving without a change: nothing.
    description()->setFocus();
    QTRY_VERIFY(description()->hasFocus());
    caption()->setFocus();
    QTRY_VERIFY(caption()->hasFocus());
    QCOMPARE(m_edits.size(), 2);
}

void TestDetailsPanel::tagsCommitTheParsedListAndCompleteFromTheCatalog()
{
    QSignalSpy requested(m_panel, &DetailsPanel::tagsRequested);
    QVERIFY(show(m_a, m_chair));

    // The completer knows every tag in the catalog, not only this image's.
    auto *completer = tags()->findChild<QCompleter *>();
    QVERIFY(completer);
    QStringList known;
    for (int row = 0; row < completer->model()->rowCount(); ++row)
        known.append(completer->model()->index(row, 0).data().toString());
    QCOMPARE(known, (QStringList{u"Garden"_s, u"gardening"_s, u"oak"_s, u"walnut"_s}));

    tags()->setFocus();
    QTRY_VERIFY(tags()->hasFocus());
    QTest::keyClicks(tags(), u",  ,wal"_s);
    // The word after the last comma is completed, case-insensitively from its start.
    QCOMPARE(completer->completionPrefix(), u"wal"_s);
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), u"walnut"_s);
    QTRY_VERIFY(completer->popup()->isVisible());
    QTest::keyClick(completer->popup(), Qt::Key_Escape);
    QTRY_VERIFY(!completer->popup()->isVisible());
    QTest::keyClicks(tags(), u"nut, GAR"_s);
    QCOMPARE(completer->completionPrefix(), u"GAR"_s);
    QCOMPARE(completer->completionCount(), 2);
    QTest::keyClick(completer->popup(), Qt::Key_Escape);
    QTRY_VERIFY(!completer->popup()->isVisible());
    QTest::keyClicks(tags(), u"den , oak ,  new tag "_s);
    QVERIFY(requested.isEmpty());

    // Parsed: trimmed, empty parts and case-insensitive duplicates dropped, order kept.
    QTest::keyClick(tags(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), m_a);
    QCOMPARE(requested.at(0).at(1).toStringList(), (QStringList{u"Garden"_s, u"oak"_s, u"walnut"_s, u"new tag"_s}));
    QTest::keyClick(tags(), Qt::Key_Return);
    caption()->setFocus();
    QTRY_VERIFY(caption()->hasFocus());
    QCOMPARE(requested.size(), 1);
    QVERIFY(m_edits.isEmpty());

    // Clearing every tag is a change too.
    tags()->setFocus();
    QTRY_VERIFY(tags()->hasFocus());
    tags()->selectAll();
    QTest::keyClick(tags(), Qt::Key_Delete);
    QTest::keyClick(tags(), Qt::Key_Return);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(1).toStringList(), QStringList());
}

void TestDetailsPanel::acceptingATagCompletionDoesNotCommitThePrefix()
{
    QSignalSpy requested(m_panel, &DetailsPanel::tagsRequested);
    QVERIFY(show(m_a, m_chair));
    auto *completer = tags()->findChild<QCompleter *>();
    QVERIFY(completer);
    tags()->setFocus();
    QTRY_VERIFY(tags()->hasFocus());
    QTest::keyClicks(tags(), u", wal"_s);
    QTRY_VERIFY(completer->popup()->isVisible());
    // The user picks "walnut" in the popup and accepts it with Return (keys go to the popup).
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QTRY_VERIFY(!completer->popup()->isVisible());
    QCOMPARE(tags()->text(), u"Garden, oak, walnut, "_s);
    // Accepting a completion is not "done editing": the half-typed word must not be saved.
    QCOMPARE(requested.size(), 0);

    // The completed text is unsaved typing: a reload while the field has the focus keeps it.
    // As in the main window, what was requested is carried out and every change reloads.
    for (const QList<QVariant> &request : std::as_const(requested)) {
        const QStringList tags = request.at(1).toStringList();
        QVERIFY(onCatalog([this, tags](Catalog &catalog) { return catalog.setTags(m_a, tags); }));
    }
    QVERIFY(tags()->hasFocus());
    QVERIFY(reload());
    QCOMPARE(tags()->text(), u"Garden, oak, walnut, "_s);
}

void TestDetailsPanel::typeListStartsWithProduktfotoAndCommits()
{
    QVERIFY(show(m_a, m_chair));
    QComboBox *type = imageType();
    QStringList items;
    for (int i = 0; i < type->count(); ++i)
        items.append(type->itemText(i));
    // The standard types first, "Produktfoto" leading; then the catalog's own.
    QCOMPARE(items, (QStringList{u"Produktfoto"_s, u"Detailfoto"_s, u"Milieufoto"_s, u"Verpackung"_s, u"Zeichnung"_s,
                                u"Logo"_s, u"Werkstattfoto"_s}));
    QVERIFY(m_edits.isEmpty());

    // A typed type, saved with Return, once.
    type->setFocus();
    QTRY_VERIFY(type->hasFocus());
    type->lineEdit()->selectAll();
    QTest::keyClicks(type, u"Studio"_s);
    QVERIFY(m_edits.isEmpty());
    QTest::keyClick(type, Qt::Key_Return);
    QCOMPARE(m_edits.size(), 1);
    QCOMPARE(m_edits.at(0).imageId, m_a);
    QCOMPARE(m_edits.at(0).edit.imageType, std::optional<QString>(u"Studio"_s));
    QVERIFY(!m_edits.at(0).edit.caption);
    QVERIFY(!m_edits.at(0).edit.altText);
    QVERIFY(!m_edits.at(0).edit.description);
    QVERIFY(!m_edits.at(0).edit.front);
    QTest::keyClick(type, Qt::Key_Return);
    caption()->setFocus();
    QTRY_VERIFY(caption()->hasFocus());
    QCOMPARE(m_edits.size(), 1);

    // A type chosen in the list (activated) is saved too.
    type->setFocus();
    QTRY_VERIFY(type->hasFocus());
    type->showPopup();
    QTRY_VERIFY(type->view()->isVisible());
    type->view()->setCurrentIndex(type->model()->index(type->findText(u"Logo"_s), 0));
    QTest::keyClick(type->view(), Qt::Key_Return);
    QTRY_VERIFY(!type->view()->isVisible());
    QCOMPARE(m_edits.size(), 2);
    QCOMPARE(m_edits.at(1).edit.imageType, std::optional<QString>(u"Logo"_s));
    QVERIFY(!m_edits.at(1).edit.caption);
}

void TestDetailsPanel::typeListCurrentItemIsTheImagesType()
{
    QVERIFY(show(m_a, m_chair));
    QComboBox *type = imageType();
    QCOMPARE(type->currentText(), u"Milieufoto"_s);
    // Down from "Milieufoto" should pick the next type in the list, "Verpackung".
    QCOMPARE(type->currentIndex(), type->findText(u"Milieufoto"_s));
    type->setFocus();
    QTRY_VERIFY(type->hasFocus());
    QTest::keyClick(type, Qt::Key_Down);
    QCOMPARE(m_edits.size(), 1);
    QCOMPARE(m_edits.at(0).edit.imageType, std::optional<QString>(u"Verpackung"_s));
}

void TestDetailsPanel::frontClickCommits()
{
    QVERIFY(show(m_a, m_chair));
    QVERIFY(front()->isChecked());
    const QPoint indicator(front()->height() / 2, front()->height() / 2); // the box itself
    QTest::mouseClick(front(), Qt::LeftButton, {}, indicator);
    QVERIFY(!front()->isChecked());
    QCOMPARE(m_edits.size(), 1);
    QCOMPARE(m_edits.at(0).imageId, m_a);
    QCOMPARE(m_edits.at(0).edit.front, std::optional<bool>(false));
    QVERIFY(!m_edits.at(0).edit.caption);
    QVERIFY(!m_edits.at(0).edit.altText);
    QVERIFY(!m_edits.at(0).edit.description);
    QVERIFY(!m_edits.at(0).edit.imageType);
    QTest::mouseClick(front(), Qt::LeftButton, {}, indicator);
    QCOMPARE(m_edits.size(), 2);
    QCOMPARE(m_edits.at(1).edit.front, std::optional<bool>(true));

    // Filling the editors is not a click: showing another image emits nothing.
    QVERIFY(show(m_b, 0));
    QVERIFY(!front()->isChecked());
    QCOMPARE(m_edits.size(), 2);
}

void TestDetailsPanel::reloadShowsCatalogChangesButKeepsTyping()
{
    QVERIFY(show(m_a, m_chair));
    const auto edit = [this](const ImageEdit &edit) {
        const Status status = onCatalog([this, edit](Catalog &catalog) { return catalog.editImage(m_a, edit); });
        QVERIFY2(status, qPrintable(status.error()));
    };

    ImageEdit elsewhere;
    elsewhere.caption = u"Changed elsewhere"_s;
    elsewhere.front = false;
    edit(elsewhere);
    QVERIFY(reload());
    QCOMPARE(caption()->text(), u"Changed elsewhere"_s);
    QCOMPARE(title()->text(), u"Changed elsewhere"_s);
    QVERIFY(!front()->isChecked());

    // The user is typing in the caption when another change arrives: the typing stays, the
    // other fields follow the catalog.
    caption()->setFocus();
    QTRY_VERIFY(caption()->hasFocus());
    caption()->selectAll();
    QTest::keyClicks(caption(), u"My typing"_s);
    QVERIFY(caption()->isModified());
    ImageEdit again;
    again.caption = u"Changed again"_s;
    again.altText = u"Alt changed"_s;
    edit(again);
    QVERIFY(reload());
    QCOMPARE(caption()->text(), u"My typing"_s);
    QVERIFY(caption()->hasFocus());
    QCOMPARE(altText()->text(), u"Alt changed"_s);
    QVERIFY(m_edits.isEmpty());
    // Saving the typing compares it with the new stored value.
    QTest::keyClick(caption(), Qt::Key_Return);
    QCOMPARE(m_edits.size(), 1);
    QCOMPARE(m_edits.at(0).edit.caption, std::optional<QString>(u"My typing"_s));

    // A saved field is not typing any more: with the focus still in it, an undo (a change in
    // the catalog) shows through.
    ImageEdit undo;
    undo.caption = u"Changed again"_s;
    edit(undo);
    QVERIFY(caption()->hasFocus());
    QVERIFY(reload());
    QCOMPARE(caption()->text(), u"Changed again"_s);

    // Typing in a field without the focus any more is not protected: the catalog wins.
    QTest::keyClicks(caption(), u" plus"_s);
    QVERIFY(caption()->isModified());
    altText()->setFocus(); // commits the caption
    QTRY_VERIFY(altText()->hasFocus());
    QCOMPARE(m_edits.size(), 2);
    QCOMPARE(m_edits.at(1).edit.caption, std::optional<QString>(u"Changed again plus"_s));
    QVERIFY(reload());
    QCOMPARE(caption()->text(), u"Changed again"_s); // the request was not carried out
}

void TestDetailsPanel::reloadKeepsTypingInEveryKindOfField()
{
    QVERIFY(show(m_a, m_chair));
    ImageEdit change;
    change.caption = u"New caption"_s;
    change.altText = u"New alt"_s;
    change.description = u"New description"_s;
    change.imageType = u"Logo"_s;

    const auto typeIn = [this](QWidget *field, const QString &text) {
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, text);
    };
    const auto changeAndReload = [&] {
        const Status status = onCatalog([this, change](Catalog &catalog) {
            Status s = catalog.editImage(m_a, change);
            return s ? catalog.setTags(m_a, {u"beech"_s}) : s;
        });
        QVERIFY2(status, qPrintable(status.error()));
        QVERIFY(reload());
    };

    typeIn(altText(), u" typed"_s);
    changeAndReload();
    QCOMPARE(altText()->text(), u"A chair made of oak typed"_s);
    QCOMPARE(caption()->text(), u"New caption"_s);

    QTest::keyClick(altText(), Qt::Key_Return); // saved: no longer typing
    change.altText = u"Newer alt"_s;
    change.description = u"Newer description"_s;
    description()->moveCursor(QTextCursor::End);
    typeIn(description(), u" typed"_s);
    changeAndReload();
    QCOMPARE(description()->toPlainText(), u"New description typed"_s);
    QCOMPARE(altText()->text(), u"Newer alt"_s);

    change.description = u"Newest description"_s;
    typeIn(tags(), u", typed"_s);
    changeAndReload();
    QCOMPARE(tags()->text(), u"beech, typed"_s);
    QCOMPARE(description()->toPlainText(), u"Newest description"_s); // saved on focus-out, then refilled

    QComboBox *type = imageType();
    type->setFocus();
    QTRY_VERIFY(type->hasFocus());
    type->lineEdit()->selectAll();
    QTest::keyClicks(type, u"Typed type"_s);
    changeAndReload();
    QCOMPARE(type->currentText(), u"Typed type"_s);
    QCOMPARE(tags()->text(), u"beech"_s);
}

void TestDetailsPanel::linksShowThePrimaryAndWhy()
{
    QVERIFY(show(m_a, m_chair));
    const QList<LinkInfo> stored = onCatalog([this](Catalog &catalog) { return catalog.linksOfImage(m_a); });
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).entity.id, m_customer);
    QVERIFY(stored.at(0).pinned);
    QCOMPARE(stored.at(0).pinnedBy, u"anna"_s);
    QVERIFY(stored.at(0).pinnedAt.isValid());
    QVERIFY(qAbs(stored.at(0).pinnedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);

    QCOMPARE(links()->count(), 2);
    QCOMPARE(links()->item(0)->text(), u"★ Customer C-7 (Müller GmbH)"_s);
    QCOMPARE(links()->item(1)->text(), u"★ Product P-1 (Chair)"_s);
    QCOMPARE(links()->item(0)->data(Qt::UserRole).toLongLong(), m_customer);
    QCOMPARE(links()->item(1)->data(Qt::UserRole).toLongLong(), m_chair);
    // The entity in view is the current link.
    QCOMPARE(links()->currentRow(), rowOf(m_chair));

    const QString when = QLocale().toString(stored.at(0).pinnedAt.toLocalTime(), QLocale::ShortFormat);
    QCOMPARE(whyPrimary()->text(), u"Primary image of Customer C-7 (Müller GmbH): pinned by anna on %1.\n"
                                   "Primary image of Product P-1 (Chair): %2"_s.arg(when, kAutomatic));

    // Pinned without a name: no "by".
    QVERIFY(onCatalog([this](Catalog &catalog) { return catalog.setPrimary(m_chair, m_a, QString()); }));
    QVERIFY(reload());
    const QList<LinkInfo> pinned = onCatalog([this](Catalog &catalog) { return catalog.linksOfImage(m_a); });
    QCOMPARE(whyPrimary()->text(),
             u"Primary image of Customer C-7 (Müller GmbH): pinned by anna on %1.\n"
             "Primary image of Product P-1 (Chair): pinned on %2."_s.arg(
                 when, QLocale().toString(pinned.at(1).pinnedAt.toLocalTime(), QLocale::ShortFormat)));

    // An image that is nobody's primary: no star.
    QVERIFY(show(m_b, m_chair));
    QCOMPARE(links()->count(), 2);
    QCOMPARE(links()->item(0)->text(), u"   Customer C-7 (Müller GmbH)"_s);
    QCOMPARE(links()->item(1)->text(), u"   Product P-1 (Chair)"_s);
    QVERIFY(!whyPrimary()->text().contains(u"Primary image of"_s));

    // Unlinked; and an entity without a name is shown by its key.
    QVERIFY(show(m_c, 0));
    QCOMPARE(links()->count(), 0);
    QCOMPARE(whyPrimary()->text(), u"Not linked to any entity."_s);
    QVERIFY(onCatalog([this](Catalog &catalog) { return catalog.link(m_c, m_table); }));
    QVERIFY(reload());
    QCOMPARE(links()->count(), 1);
    QCOMPARE(links()->item(0)->text(), u"★ Product P-2"_s);
    QCOMPARE(whyPrimary()->text(), u"Primary image of Product P-2: "_s + kAutomatic);
}

void TestDetailsPanel::linkButtonsEmitRequests()
{
    QSignalSpy unlink(m_panel, &DetailsPanel::unlinkRequested);
    QSignalSpy primary(m_panel, &DetailsPanel::setPrimaryRequested);
    QSignalSpy unpin(m_panel, &DetailsPanel::unpinPrimaryRequested);
    QPushButton *remove = button(u"&Remove"_s);
    QPushButton *makePrimary = button(u"Set as &primary"_s);
    QPushButton *unpinButton = button(u"&Unpin"_s);
    QPushButton *add = button(u"&Link…"_s);
    QVERIFY(remove && makePrimary && unpinButton && add);

    // B, seen without an entity in view: the first link is offered.
    QVERIFY(show(m_b, 0));
    QCOMPARE(links()->currentRow(), 0);
    QCOMPARE(links()->currentItem()->data(Qt::UserRole).toLongLong(), m_customer);
    QVERIFY(add->isEnabled());
    QVERIFY(remove->isEnabled());
    QVERIFY(makePrimary->isEnabled());
    QVERIFY(!unpinButton->isEnabled());

    links()->setCurrentRow(rowOf(m_chair));
    QVERIFY(remove->isEnabled());
    QVERIFY(makePrimary->isEnabled());
    QVERIFY(!unpinButton->isEnabled());
    QTest::mouseClick(makePrimary, Qt::LeftButton);
    QCOMPARE(primary.size(), 1);
    QCOMPARE(primary.at(0).at(0).toLongLong(), m_chair); // entity, then image
    QCOMPARE(primary.at(0).at(1).toLongLong(), m_b);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(unlink.size(), 1);
    QCOMPARE(unlink.at(0).at(0).toLongLong(), m_b); // image, then entity
    QCOMPARE(unlink.at(0).at(1).toLongLong(), m_chair);

    // A with the customer in view: its pinned primary can be unpinned, not set again. (Cleared
    // first: the link chosen for B would be kept, see showingAnotherImageMakesTheEntityInViewCurrent.)
    m_panel->clear();
    QVERIFY(show(m_a, m_customer));
    QCOMPARE(links()->currentRow(), rowOf(m_customer));
    QVERIFY(remove->isEnabled());
    QVERIFY(!makePrimary->isEnabled());
    QVERIFY(unpinButton->isEnabled());
    QTest::mouseClick(unpinButton, Qt::LeftButton);
    QCOMPARE(unpin.size(), 1);
    QCOMPARE(unpin.at(0).at(0).toLongLong(), m_customer);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(unlink.size(), 2);
    QCOMPARE(unlink.at(1).at(0).toLongLong(), m_a);
    QCOMPARE(unlink.at(1).at(1).toLongLong(), m_customer);

    // The automatic primary of the chair can be pinned.
    links()->setCurrentRow(rowOf(m_chair));
    QVERIFY(makePrimary->isEnabled());
    QVERIFY(!unpinButton->isEnabled());
    QTest::mouseClick(makePrimary, Qt::LeftButton);
    QCOMPARE(primary.size(), 2);
    QCOMPARE(primary.at(1).at(0).toLongLong(), m_chair);
    QCOMPARE(primary.at(1).at(1).toLongLong(), m_a);

    // The current link survives a reload after the request was carried out.
    QVERIFY(onCatalog([this](Catalog &catalog) { return catalog.setPrimary(m_chair, m_a, u"ben"_s); }));
    QVERIFY(reload());
    QCOMPARE(links()->currentRow(), rowOf(m_chair));
    QVERIFY(!makePrimary->isEnabled());
    QVERIFY(unpinButton->isEnabled());
    QVERIFY(whyPrimary()->text().contains(u"Primary image of Product P-1 (Chair): pinned by ben on "_s));
    QCOMPARE(unlink.size(), 2);
    QCOMPARE(unpin.size(), 1);
}

void TestDetailsPanel::showingAnotherImageMakesTheEntityInViewCurrent()
{
    // The gallery of P-1 is in view; on image A the user looks at its customer link.
    QVERIFY(show(m_a, m_chair));
    QCOMPARE(links()->currentRow(), rowOf(m_chair));
    links()->setCurrentRow(rowOf(m_customer));
    // A reload of the same image keeps the user's choice.
    QVERIFY(reload());
    QCOMPARE(links()->currentRow(), rowOf(m_customer));
    // The next image of the P-1 gallery: its buttons should act on P-1, the entity in view.
    QVERIFY(show(m_b, m_chair));
    QCOMPARE(links()->currentItem()->data(Qt::UserRole).toLongLong(), m_chair);
}

void TestDetailsPanel::linkChooserEmitsLinkRequested()
{
    QSignalSpy linked(m_panel, &DetailsPanel::linkRequested);
    QVERIFY(show(m_c, 0));
    bool chose = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *filter = dialog->findChild<QLineEdit *>();
        auto *list = dialog->findChild<QListWidget *>();
        if (filter && list && QTest::qWaitFor([list] { return list->count() == 4; })) {
            QTest::keyClicks(filter, u"spring"_s); // names match too, case-insensitively
            if (QTest::qWaitFor([list] { return list->count() == 1; }) &&
                list->currentItem()->text() == u"Job J-1 (Spring catalogue)"_s) {
                chose = true;
                QTest::keyClick(filter, Qt::Key_Return);
                return;
            }
        }
        dialog->reject();
    });
    QTest::mouseClick(button(u"&Link…"_s), Qt::LeftButton);
    QVERIFY(chose);
    QCOMPARE(linked.size(), 1);
    QCOMPARE(linked.at(0).at(0).toLongLong(), m_c);
    QCOMPARE(linked.at(0).at(1).toLongLong(), m_job);

    // Cancelled: nothing.
    QTimer::singleShot(0, this, [] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
            dialog->reject();
    });
    QTest::mouseClick(button(u"&Link…"_s), Qt::LeftButton);
    QCOMPARE(linked.size(), 1);
}

void TestDetailsPanel::linkChooserEnterRightAfterTypingLinksWhatWasTyped()
{
    // A barcode scanner (or a fast typist) enters a key and Return at once.
    QSignalSpy linked(m_panel, &DetailsPanel::linkRequested);
    QVERIFY(show(m_c, 0));
    bool typed = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *filter = dialog->findChild<QLineEdit *>();
        auto *list = dialog->findChild<QListWidget *>();
        if (filter && list && QTest::qWaitFor([list] { return list->count() == 4; })) {
            typed = true;
            QTest::keyClicks(filter, u"J-1"_s);
            QTest::keyClick(filter, Qt::Key_Return);
            return;
        }
        dialog->reject();
    });
    QTest::mouseClick(button(u"&Link…"_s), Qt::LeftButton);
    QVERIFY(typed);
    QCOMPARE(linked.size(), 1);
    QCOMPARE(linked.at(0).at(1).toLongLong(), m_job);
}

void TestDetailsPanel::showEntityShowsItsFacts()
{
    QSignalSpy unpin(m_panel, &DetailsPanel::unpinPrimaryRequested);
    QPushButton *entityUnpin = button(u"Unpin the primary image"_s);
    QVERIFY(entityUnpin);
    QVERIFY(show(m_a, m_chair));

    QVERIFY(showEntity(m_chair));
    QCOMPARE(m_panel->imageId(), 0);
    QCOMPARE(title()->text(), u"Product P-1 (Chair)"_s);
    QVERIFY(entityFacts()->isVisible());
    QVERIFY(!editors()->isVisible());
    QVERIFY(!caption()->isVisible());
    QString facts = entityFacts()->text();
    QVERIFY2(facts.contains(u"<b>Key</b>&nbsp;</td><td>P-1<"_s), qPrintable(facts));
    QVERIFY2(facts.contains(u"<b>Name</b>&nbsp;</td><td>Chair<"_s), qPrintable(facts));
    QVERIFY2(facts.contains(u"<b>Images</b>&nbsp;</td><td>2<"_s), qPrintable(facts));
    QVERIFY2(facts.contains(u"<b>Primary image</b>&nbsp;</td><td>Oak chair<"_s), qPrintable(facts));
    QVERIFY2(facts.contains(QString(u"Primary image of Product P-1 (Chair): "_s + kAutomatic).toHtmlEscaped()),
             qPrintable(facts));
    QVERIFY(!entityUnpin->isVisible()); // automatic: nothing to unpin

    // A pinned primary can be unpinned from here; names are escaped.
    QVERIFY(showEntity(m_customer));
    QCOMPARE(title()->text(), u"Customer C-7 (Müller GmbH)"_s);
    facts = entityFacts()->text();
    QVERIFY2(facts.contains(u"<b>Name</b>&nbsp;</td><td>Müller GmbH<"_s), qPrintable(facts));
    QVERIFY2(facts.contains(u"pinned by anna on "_s), qPrintable(facts));
    QVERIFY(entityUnpin->isVisible());
    QTest::mouseClick(entityUnpin, Qt::LeftButton);
    QCOMPARE(unpin.size(), 1);
    QCOMPARE(unpin.at(0).at(0).toLongLong(), m_customer);

    // Without images: key, name and count only.
    QVERIFY(showEntity(m_job));
    QCOMPARE(title()->text(), u"Job J-1 (Spring catalogue)"_s);
    facts = entityFacts()->text();
    QVERIFY2(facts.contains(u"<b>Images</b>&nbsp;</td><td>0<"_s), qPrintable(facts));
    QVERIFY2(!facts.contains(u"Primary image"_s), qPrintable(facts));
    QVERIFY(!entityUnpin->isVisible());

    // An entity that is gone: nothing selected.
    QVERIFY(showEntity(999999));
    QCOMPARE(title()->text(), u"Nothing selected"_s);
    QVERIFY(!entityFacts()->isVisible());
    QVERIFY(!editors()->isVisible());
}

void TestDetailsPanel::selectionCountAndClearHideTheEditors()
{
    QVERIFY(show(m_a, m_chair));
    QVERIFY(caption()->isVisible());

    m_panel->showSelectionCount(3);
    QCOMPARE(title()->text(), u"3 image(s) selected"_s);
    QCOMPARE(m_panel->imageId(), 0);
    QVERIFY(!caption()->isVisible());
    QVERIFY(!links()->isVisible());
    QVERIFY(!entityFacts()->isVisible());

    m_panel->clear();
    QCOMPARE(title()->text(), u"Nothing selected"_s);
    QVERIFY(!caption()->isVisible());
    QVERIFY(!entityFacts()->isVisible());

    // An answer that arrives after the selection changed is dropped.
    QSignalSpy shown(m_panel, &DetailsPanel::imageShown);
    m_panel->showImage(m_b, 0);
    m_panel->showSelectionCount(2);
    settle();
    QCOMPARE(shown.size(), 0);
    QCOMPARE(title()->text(), u"2 image(s) selected"_s);
    QVERIFY(!caption()->isVisible());
    m_panel->showImage(m_a, 0);
    m_panel->showImage(m_b, 0);
    QVERIFY(shown.wait(5000));
    settle();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.at(0).at(0).toLongLong(), m_b);
    QCOMPARE(tags()->text(), u"walnut"_s);

    // Editing is impossible once cleared: a late focus-out commits nothing.
    caption()->setFocus();
    QTRY_VERIFY(caption()->hasFocus());
    QTest::keyClicks(caption(), u"late"_s);
    m_panel->clear();
    QTest::keyClick(caption(), Qt::Key_Return);
    QVERIFY(m_edits.isEmpty());

    // An image that is gone: nothing selected.
    m_panel->showImage(999999, 0);
    settle();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(title()->text(), u"Nothing selected"_s);
    QVERIFY(!caption()->isVisible());
}

void TestDetailsPanel::fileAndPhotoFactsAreShown()
{
    QVERIFY(show(m_a, m_chair));
    const QString file = groupLabel(u"File"_s)->text();
    QVERIFY2(file.contains(u"<b>Format</b>&nbsp;</td><td>JPEG<"_s), qPrintable(file));
    QVERIFY2(file.contains(u"<b>Pixels</b>&nbsp;</td><td>4000 × 3000<"_s), qPrintable(file));
    const QString size = QLocale().formattedDataSize(123456).toHtmlEscaped();
    QVERIFY2(file.contains(u"<b>Size</b>&nbsp;</td><td>%1<"_s.arg(size)), qPrintable(file));
    QVERIFY2(file.contains(u"<b>Original name</b>&nbsp;</td><td>a.jpg<"_s), qPrintable(file));
    QVERIFY2(file.contains(u"<b>Imported</b>"_s), qPrintable(file));
    QVERIFY2(!file.contains(u"Rotation"_s), qPrintable(file));

    const QString photo = groupLabel(u"Photo"_s)->text();
    QVERIFY2(photo.contains(u"<b>Camera</b>&nbsp;</td><td>Canon EOS 80D<"_s), qPrintable(photo));
    const std::optional<ImageRecord> stored = onCatalog([this](Catalog &catalog) { return catalog.imageById(m_a); });
    QVERIFY(stored);
    QCOMPARE(stored->facts.capturedAt.toUTC(), QDateTime(QDate(2023, 5, 17), QTime(14, 30, 5), Qt::UTC));
    const QString taken = QLocale().toString(stored->facts.capturedAt, QLocale::ShortFormat).toHtmlEscaped();
    QVERIFY2(photo.contains(u"<b>Taken</b>&nbsp;</td><td>%1<"_s.arg(taken)), qPrintable(photo));
    QVERIFY2(photo.contains(u"48.137400, 11.575500"_s), qPrintable(photo));
    QVERIFY2(photo.contains(u"href=\"geo:48.137400,11.575500\""_s), qPrintable(photo));

    // A user rotation is shown.
    QVERIFY(onCatalog([this](Catalog &catalog) { return catalog.setRotation(m_a, 1, catalog.imageById(m_a)->renditions); }));
    QVERIFY(reload());
    QVERIFY2(groupLabel(u"File"_s)->text().contains(u"<b>Rotation</b>&nbsp;</td><td>90°<"_s),
             qPrintable(groupLabel(u"File"_s)->text()));
}

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"

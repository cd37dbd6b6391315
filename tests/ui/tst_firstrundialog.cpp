#include "settings/firstrundialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The first start: what the dialog hands back to the main window, and what it refuses.
class TestFirstRunDialog final : public QObject
{
    Q_OBJECT

private slots:
    void offersMainWithoutImport();
    void refusesAnInvalidName();
    void importsAFolderWhenTicked();
    void refusesAMissingFolder();
    void demoNeedsNoValidName();
    void enterCreatesTheWorkspace();

private:
    template <typename T>
    static T *field(FirstRunDialog &dialog, const QString &name)
    {
        T *widget = dialog.findChild<T *>(name);
        if (!widget)
            qFatal("no field %s in the first-run dialog", qPrintable(name));
        return widget;
    }
    static void grabIfAsked(QWidget &widget, const QString &name)
    {
        const QString folder = qEnvironmentVariable("VITRINE_GRAB_DIR");
        if (folder.isEmpty())
            return;
        QTest::qWait(50); // let the layout settle first
        widget.grab().save(folder + u'/' + name + u".png"_s);
    }
};

void TestFirstRunDialog::offersMainWithoutImport()
{
    FirstRunDialog dialog;
    dialog.setDataDirectory(u"/home/anna/.local/share/Vitrine/vitrine"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    grabIfAsked(dialog, u"firstrundialog"_s);
    QVERIFY(!field<QLineEdit>(dialog, u"importFolder"_s)->isEnabled());
    field<QPushButton>(dialog, u"createWorkspace"_s)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.workspaceName(), u"Main"_s);
    QCOMPARE(dialog.importFolder(), QString());
    QVERIFY(!dialog.wantsDemo());
}

void TestFirstRunDialog::refusesAnInvalidName()
{
    FirstRunDialog dialog;
    field<QLineEdit>(dialog, u"workspaceName"_s)->setText(u"../escape"_s);
    dialog.show();
    field<QPushButton>(dialog, u"createWorkspace"_s)->click();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    const QLabel *problem = field<QLabel>(dialog, u"problem"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"../escape"_s), qPrintable(problem->text()));
    grabIfAsked(dialog, u"firstrundialog-problem"_s);

    field<QLineEdit>(dialog, u"workspaceName"_s)->setText(u"Shop-2024"_s);
    field<QPushButton>(dialog, u"createWorkspace"_s)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.workspaceName(), u"Shop-2024"_s);
}

void TestFirstRunDialog::importsAFolderWhenTicked()
{
    QTemporaryDir pictures;
    FirstRunDialog dialog;
    field<QCheckBox>(dialog, u"importNow"_s)->setChecked(true);
    QVERIFY(field<QLineEdit>(dialog, u"importFolder"_s)->isEnabled());
    field<QLineEdit>(dialog, u"importFolder"_s)->setText(pictures.path());
    dialog.show();
    field<QPushButton>(dialog, u"createWorkspace"_s)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.importFolder(), pictures.path());
}

void TestFirstRunDialog::refusesAMissingFolder()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(u"gone"_s);
    FirstRunDialog dialog;
    field<QCheckBox>(dialog, u"importNow"_s)->setChecked(true);
    dialog.show();
    field<QPushButton>(dialog, u"createWorkspace"_s)->click();
    QVERIFY(dialog.isVisible()); // ticked but no folder chosen
    field<QLineEdit>(dialog, u"importFolder"_s)->setText(missing);
    field<QPushButton>(dialog, u"createWorkspace"_s)->click();
    QVERIFY(dialog.isVisible());
    QVERIFY(field<QLabel>(dialog, u"problem"_s)->text().contains(missing));

    field<QCheckBox>(dialog, u"importNow"_s)->setChecked(false); // changed their mind
    field<QPushButton>(dialog, u"createWorkspace"_s)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.importFolder(), QString());
}

void TestFirstRunDialog::demoNeedsNoValidName()
{
    FirstRunDialog dialog;
    field<QLineEdit>(dialog, u"workspaceName"_s)->clear();
    field<QCheckBox>(dialog, u"importNow"_s)->setChecked(true);
    dialog.show();
    field<QPushButton>(dialog, u"createDemo"_s)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.wantsDemo());
    QCOMPARE(dialog.importFolder(), QString());
}

void TestFirstRunDialog::enterCreatesTheWorkspace()
{
    FirstRunDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit *name = field<QLineEdit>(dialog, u"workspaceName"_s);
    QTRY_VERIFY(name->hasFocus());
    QTest::keyClicks(name, u"Office"_s); // the default name is selected: typing replaces it
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.workspaceName(), u"Office"_s);
    QVERIFY(!dialog.wantsDemo());
}

QTEST_MAIN(TestFirstRunDialog)
#include "tst_firstrundialog.moc"

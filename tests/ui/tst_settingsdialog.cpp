#include "settings/appsettings.h"
#include "settings/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The preferences as stored (AppSettings over an INI file) and as edited (SettingsDialog).
class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void defaults();
    void valuesSurviveARestart();
    void storedNonsenseIsBroughtInRange();
    void renditionSpecsKeepTheNames();
    void dialogShowsTheCurrentValues();
    void dialogSavesOnOk();
    void dialogRefusesAFolderUnderAFile();
    void dialogRefusesAFile();
    void cancelSavesNothing();
    void emptyDataFolderMeansTheDefault();

private:
    QString iniPath() const { return m_dir->filePath(u"settings.ini"_s); }
    template <typename T>
    static T *field(SettingsDialog &dialog, const QString &name);
    static void clickOk(SettingsDialog &dialog);
    static void grabIfAsked(QWidget &widget, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSettingsDialog::cleanup()
{
    m_dir.reset();
}

template <typename T>
T *TestSettingsDialog::field(SettingsDialog &dialog, const QString &name)
{
    T *widget = dialog.findChild<T *>(name);
    if (!widget)
        qFatal("no field %s in the settings dialog", qPrintable(name));
    return widget;
}

void TestSettingsDialog::clickOk(SettingsDialog &dialog)
{
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

// VITRINE_GRAB_DIR=/tmp/x: saves pictures of the dialogs there, to look at them.
void TestSettingsDialog::grabIfAsked(QWidget &widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("VITRINE_GRAB_DIR");
    if (folder.isEmpty())
        return;
    QTest::qWait(50); // let the layout settle first
    widget.grab().save(folder + u'/' + name + u".png"_s);
}

void TestSettingsDialog::defaults()
{
    const AppSettings settings(iniPath());
    QCOMPARE(settings.dataDirectory(), QString());
    QCOMPARE(settings.lastWorkspace(), QString());
    QCOMPARE(settings.thumbnailBudgetMiB(), 256);
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.renditionSizes(), (RenditionSizes{150, 300, 500, 1024}));
    QCOMPARE(settings.galleryThumbnailSize(), 150);
    QCOMPARE(settings.gallerySort(), 0);
    QVERIFY(settings.windowGeometry().isEmpty());
    QCOMPARE(settings.fileName(), iniPath());
}

void TestSettingsDialog::valuesSurviveARestart()
{
    {
        AppSettings settings(iniPath());
        settings.setDataDirectory(u"/srv/vitrine"_s);
        settings.setLastWorkspace(u"Shop"_s);
        settings.setThumbnailBudgetMiB(512);
        settings.setLanguage(u"de"_s);
        settings.setRenditionSizes({120, 260, 640, 2048});
        settings.setWindowGeometry("geometry");
        settings.setWindowState("state");
        settings.setSplitterState("splitter");
        settings.setGalleryThumbnailSize(500);
        settings.setGallerySort(2);
    }
    QVERIFY(QFile::exists(iniPath()));
    const AppSettings settings(iniPath());
    QCOMPARE(settings.dataDirectory(), u"/srv/vitrine"_s);
    QCOMPARE(settings.lastWorkspace(), u"Shop"_s);
    QCOMPARE(settings.thumbnailBudgetMiB(), 512);
    QCOMPARE(settings.language(), u"de"_s);
    QCOMPARE(settings.renditionSizes(), (RenditionSizes{120, 260, 640, 2048}));
    QCOMPARE(settings.windowGeometry(), QByteArray("geometry"));
    QCOMPARE(settings.windowState(), QByteArray("state"));
    QCOMPARE(settings.splitterState(), QByteArray("splitter"));
    QCOMPARE(settings.galleryThumbnailSize(), 500);
    QCOMPARE(settings.gallerySort(), 2);
}

// A hand-edited or old settings file never gives the program a value it cannot use.
void TestSettingsDialog::storedNonsenseIsBroughtInRange()
{
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(u"performance/thumbnailBudgetMiB"_s, 5);
        raw.setValue(u"renditions/smallThumbnail"_s, u"big"_s);
        raw.setValue(u"renditions/largeThumbnail"_s, 99999);
        raw.setValue(u"renditions/web"_s, 1500);
        raw.setValue(u"interface/language"_s, u"tlh"_s);
        raw.setValue(u"gallery/thumbnailSize"_s, 310);
    }
    AppSettings settings(iniPath());
    QCOMPARE(settings.thumbnailBudgetMiB(), 32);
    QCOMPARE(settings.renditionSizes(), (RenditionSizes{150, 300, 800, 1600}));
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.galleryThumbnailSize(), 300);
    settings.setThumbnailBudgetMiB(100000);
    QCOMPARE(settings.thumbnailBudgetMiB(), 2048);
    settings.setRenditionSizes({10, 300, 500, 999});
    QCOMPARE(settings.renditionSizes(), (RenditionSizes{100, 300, 500, 1024}));
}

void TestSettingsDialog::renditionSpecsKeepTheNames()
{
    AppSettings settings(iniPath());
    QCOMPARE(settings.renditionSpecs().size(), RenditionSpec::defaults().size());
    settings.setRenditionSizes({120, 260, 640, 2048});
    const QList<RenditionSpec> specs = settings.renditionSpecs();
    const QList<RenditionSpec> defaults = RenditionSpec::defaults();
    QCOMPARE(specs.size(), 4);
    const QList<int> longSides{120, 260, 640, 2048};
    for (qsizetype i = 0; i < specs.size(); ++i) {
        QCOMPARE(specs.at(i).name, defaults.at(i).name);
        QCOMPARE(specs.at(i).longSide, longSides.at(i));
        QCOMPARE(specs.at(i).quality, defaults.at(i).quality);
        QCOMPARE(specs.at(i).progressive, defaults.at(i).progressive);
    }
    QCOMPARE(specs.at(0).name, u"thumb150"_s);
    QCOMPARE(specs.at(3).name, u"web1024"_s);
}

void TestSettingsDialog::dialogShowsTheCurrentValues()
{
    AppSettings settings(iniPath());
    settings.setDataDirectory(m_dir->filePath(u"data"_s));
    settings.setRenditionSizes({120, 260, 640, 1600});
    settings.setThumbnailBudgetMiB(384);
    settings.setLanguage(u"de"_s);
    SettingsDialog dialog(&settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    grabIfAsked(dialog, u"settingsdialog"_s);
    QCOMPARE(field<QLineEdit>(dialog, u"dataFolder"_s)->text(), m_dir->filePath(u"data"_s));
    QCOMPARE(field<QSpinBox>(dialog, u"smallThumbnail"_s)->value(), 120);
    QCOMPARE(field<QSpinBox>(dialog, u"mediumThumbnail"_s)->value(), 260);
    QCOMPARE(field<QSpinBox>(dialog, u"largeThumbnail"_s)->value(), 640);
    QCOMPARE(field<QComboBox>(dialog, u"webSize"_s)->currentData().toInt(), 1600);
    QCOMPARE(field<QSpinBox>(dialog, u"thumbnailBudget"_s)->value(), 384);
    QCOMPARE(field<QComboBox>(dialog, u"language"_s)->currentData().toString(), u"de"_s);
    for (QWidget *control : dialog.findChildren<QWidget *>()) {
        const bool isField = qobject_cast<QLineEdit *>(control) || qobject_cast<QSpinBox *>(control)
                             || qobject_cast<QComboBox *>(control);
        const bool isPartOfAField = qobject_cast<QSpinBox *>(control->parentWidget())
                                    || qobject_cast<QComboBox *>(control->parentWidget());
        if (isField && !isPartOfAField)
            QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
    }
}

void TestSettingsDialog::dialogSavesOnOk()
{
    AppSettings settings(iniPath());
    SettingsDialog dialog(&settings);
    QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
    const QString data = m_dir->filePath(u"new/data"_s); // does not exist yet: OK creates it
    field<QLineEdit>(dialog, u"dataFolder"_s)->setText(data);
    field<QSpinBox>(dialog, u"smallThumbnail"_s)->setValue(180);
    field<QComboBox>(dialog, u"webSize"_s)->setCurrentIndex(2);
    field<QSpinBox>(dialog, u"thumbnailBudget"_s)->setValue(1024);
    QComboBox *language = field<QComboBox>(dialog, u"language"_s);
    language->setCurrentIndex(language->findData(u"de"_s));
    dialog.show();
    clickOk(dialog);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);
    QVERIFY(QFileInfo(data).isDir());
    const AppSettings reread(iniPath()); // on disk, not only in memory
    QCOMPARE(reread.dataDirectory(), data);
    QCOMPARE(reread.renditionSizes(), (RenditionSizes{180, 300, 500, 2048}));
    QCOMPARE(reread.thumbnailBudgetMiB(), 1024);
    QCOMPARE(reread.language(), u"de"_s);
}

void TestSettingsDialog::dialogRefusesAFolderUnderAFile()
{
    const QString file = m_dir->filePath(u"plain-file"_s);
    QFile plain(file);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    AppSettings settings(iniPath());
    settings.setDataDirectory(m_dir->filePath(u"old"_s));
    settings.sync();
    QFile ini(iniPath());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray before = ini.readAll();
    ini.close();

    SettingsDialog dialog(&settings);
    QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
    const QString impossible = file + u"/data"_s;
    field<QLineEdit>(dialog, u"dataFolder"_s)->setText(impossible);
    field<QSpinBox>(dialog, u"thumbnailBudget"_s)->setValue(1024); // not saved either
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    clickOk(dialog);

    QVERIFY(dialog.isVisible());
    QCOMPARE(changed.count(), 0);
    const QLabel *problem = field<QLabel>(dialog, u"problem"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(impossible) && problem->text().contains(file), qPrintable(problem->text()));
    grabIfAsked(dialog, u"settingsdialog-problem"_s);
    QCOMPARE(settings.dataDirectory(), m_dir->filePath(u"old"_s));
    QCOMPARE(settings.thumbnailBudgetMiB(), 256);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QCOMPARE(ini.readAll(), before);
}

void TestSettingsDialog::dialogRefusesAFile()
{
    const QString file = m_dir->filePath(u"plain-file"_s);
    QFile plain(file);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    QVERIFY(SettingsDialog::dataFolderProblem(file).contains(u"is a file"_s));
    QVERIFY(SettingsDialog::dataFolderProblem(m_dir->path()).isEmpty());
}

void TestSettingsDialog::cancelSavesNothing()
{
    AppSettings settings(iniPath());
    SettingsDialog dialog(&settings);
    QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
    field<QSpinBox>(dialog, u"thumbnailBudget"_s)->setValue(1024);
    dialog.show();
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(settings.thumbnailBudgetMiB(), 256);
}

void TestSettingsDialog::emptyDataFolderMeansTheDefault()
{
    qputenv("VITRINE_DATA_DIR", m_dir->filePath(u"default-data"_s).toUtf8());
    AppSettings settings(iniPath());
    settings.setDataDirectory(m_dir->filePath(u"chosen"_s));
    SettingsDialog dialog(&settings);
    field<QLineEdit>(dialog, u"dataFolder"_s)->clear();
    dialog.show();
    clickOk(dialog);
    qunsetenv("VITRINE_DATA_DIR");
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(settings.dataDirectory(), QString());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"

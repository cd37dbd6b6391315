#include "settings/appsettings.h"

#include <QHash>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

const QString kKeyDataDirectory = u"storage/dataDirectory"_s;
const QString kKeyLastWorkspace = u"storage/lastWorkspace"_s;
const QString kKeyThumbnailBudget = u"performance/thumbnailBudgetMiB"_s;
const QString kKeyLanguage = u"interface/language"_s;
const QString kKeySmallThumbnail = u"renditions/smallThumbnail"_s;
const QString kKeyMediumThumbnail = u"renditions/mediumThumbnail"_s;
const QString kKeyLargeThumbnail = u"renditions/largeThumbnail"_s;
const QString kKeyWeb = u"renditions/web"_s;
const QString kKeyWindowGeometry = u"window/geometry"_s;
const QString kKeyWindowState = u"window/state"_s;
const QString kKeySplitterState = u"window/splitter"_s;
const QString kKeyGalleryThumbnailSize = u"gallery/thumbnailSize"_s;
const QString kKeyGallerySort = u"gallery/sort"_s;

int clamped(int value, AppSettings::Range range)
{
    return std::clamp(value, range.minimum, range.maximum);
}

// Installs a translator for locale from the first folder that has one; the application
// owns it from then on.
bool installTranslator(const QLocale &locale, const QString &name, const QStringList &folders)
{
    auto translator = std::make_unique<QTranslator>(QCoreApplication::instance());
    for (const QString &folder : folders) {
        if (translator->load(locale, name, u"_"_s, folder)) {
            QCoreApplication::installTranslator(translator.release());
            return true;
        }
    }
    return false;
}

} // namespace

QList<int> AppSettings::webSizes()
{
    return {1024, 1600, 2048};
}

QList<int> AppSettings::galleryThumbnailSizes()
{
    return {150, 300, 500};
}

QStringList AppSettings::languages()
{
    return {QString(), u"en"_s, u"de"_s};
}

QString AppSettings::languageName(const QString &code)
{
    // each language in its own words, as language menus do, so a user who cannot read the
    // current one still finds theirs
    static const QHash<QString, QString> names{{u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}};
    return code.isEmpty() ? tr("System default") : names.value(code, code);
}

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>(u"Vitrine"_s, u"vitrine"_s))
{
}

AppSettings::AppSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

void AppSettings::sync()
{
    m_settings->sync();
}

QString AppSettings::dataDirectory() const
{
    return m_settings->value(kKeyDataDirectory).toString();
}

void AppSettings::setDataDirectory(const QString &folder)
{
    m_settings->setValue(kKeyDataDirectory, folder);
}

QString AppSettings::lastWorkspace() const
{
    return m_settings->value(kKeyLastWorkspace).toString();
}

void AppSettings::setLastWorkspace(const QString &name)
{
    m_settings->setValue(kKeyLastWorkspace, name);
}

int AppSettings::thumbnailBudgetMiB() const
{
    return boundedInt(kKeyThumbnailBudget, kDefaultThumbnailBudgetMiB, kThumbnailBudgetMiB);
}

void AppSettings::setThumbnailBudgetMiB(int mebibytes)
{
    m_settings->setValue(kKeyThumbnailBudget, clamped(mebibytes, kThumbnailBudgetMiB));
}

QString AppSettings::language() const
{
    const QString code = m_settings->value(kKeyLanguage).toString();
    return languages().contains(code) ? code : QString();
}

void AppSettings::setLanguage(const QString &code)
{
    m_settings->setValue(kKeyLanguage, languages().contains(code) ? code : QString());
}

bool AppSettings::applyLanguage() const
{
    const QString code = language();
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (!code.isEmpty())
        QLocale::setDefault(locale); // numbers and dates follow the chosen language too
    installTranslator(locale, u"qtbase"_s, {QLibraryInfo::path(QLibraryInfo::TranslationsPath)});
    // qt_add_translations embeds the .qm files under :/i18n; an installed copy may sit
    // beside the program's share folder instead.
    const QString installed = QCoreApplication::applicationDirPath() + u"/../share/vitrine/translations"_s;
    return installTranslator(locale, u"vitrine"_s, {u":/i18n"_s, installed});
}

RenditionSizes AppSettings::renditionSizes() const
{
    const RenditionSizes defaults;
    return {boundedInt(kKeySmallThumbnail, defaults.smallThumbnail, kSmallThumbnail),
            boundedInt(kKeyMediumThumbnail, defaults.mediumThumbnail, kMediumThumbnail),
            boundedInt(kKeyLargeThumbnail, defaults.largeThumbnail, kLargeThumbnail),
            oneOf(kKeyWeb, webSizes(), defaults.web)};
}

void AppSettings::setRenditionSizes(const RenditionSizes &sizes)
{
    m_settings->setValue(kKeySmallThumbnail, clamped(sizes.smallThumbnail, kSmallThumbnail));
    m_settings->setValue(kKeyMediumThumbnail, clamped(sizes.mediumThumbnail, kMediumThumbnail));
    m_settings->setValue(kKeyLargeThumbnail, clamped(sizes.largeThumbnail, kLargeThumbnail));
    m_settings->setValue(kKeyWeb, webSizes().contains(sizes.web) ? sizes.web : RenditionSizes().web);
}

// The names stay those of RenditionSpec::defaults(): they are part of the rendition file
// names and the gallery and viewer ask for renditions by them.
QList<RenditionSpec> AppSettings::renditionSpecs() const
{
    const RenditionSizes sizes = renditionSizes();
    const QHash<QString, int> longSides{{u"thumb150"_s, sizes.smallThumbnail},
                                        {u"thumb300"_s, sizes.mediumThumbnail},
                                        {u"thumb500"_s, sizes.largeThumbnail},
                                        {u"web1024"_s, sizes.web}};
    QList<RenditionSpec> specs = RenditionSpec::defaults();
    for (RenditionSpec &spec : specs)
        spec.longSide = longSides.value(spec.name, spec.longSide);
    return specs;
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kKeyWindowGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kKeyWindowGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kKeyWindowState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(kKeyWindowState, state);
}

QByteArray AppSettings::splitterState() const
{
    return m_settings->value(kKeySplitterState).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(kKeySplitterState, state);
}

int AppSettings::galleryThumbnailSize() const
{
    return oneOf(kKeyGalleryThumbnailSize, galleryThumbnailSizes(), galleryThumbnailSizes().constFirst());
}

void AppSettings::setGalleryThumbnailSize(int pixels)
{
    m_settings->setValue(kKeyGalleryThumbnailSize, pixels);
}

int AppSettings::gallerySort() const
{
    return std::max(0, m_settings->value(kKeyGallerySort, 0).toInt());
}

void AppSettings::setGallerySort(int sort)
{
    m_settings->setValue(kKeyGallerySort, sort);
}

int AppSettings::boundedInt(const QString &key, int fallback, Range range) const
{
    bool ok = false;
    const int value = m_settings->value(key).toInt(&ok);
    return ok ? clamped(value, range) : fallback;
}

// The allowed value nearest the stored one (1500 px becomes 1600), or the fallback when
// nothing usable is stored.
int AppSettings::oneOf(const QString &key, const QList<int> &allowed, int fallback) const
{
    bool ok = false;
    const int value = m_settings->value(key).toInt(&ok);
    if (!ok)
        return fallback;
    return *std::min_element(allowed.begin(), allowed.end(),
                             [value](int a, int b) { return std::abs(a - value) < std::abs(b - value); });
}

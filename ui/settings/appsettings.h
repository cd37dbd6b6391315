#pragma once

#include "imaging/renditionspec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <memory>

class QSettings;

// The sizes of the renditions new imports make. The gallery and viewer look renditions up
// by name ("thumb150", "thumb300", "thumb500", "web1024"); the names stand for the roles
// (small, medium and large thumbnail, web image) and never change, only their long sides.
struct RenditionSizes final
{
    int smallThumbnail = 150;
    int mediumThumbnail = 300;
    int largeThumbnail = 500;
    int web = 1024;
    bool operator==(const RenditionSizes &) const = default;
};

// The user's preferences, typed, over QSettings (organisation "Vitrine", application
// "vitrine"; or an INI file of the caller's choice, for tests). Values read back are
// checked: one out of range or unknown falls back to the nearest allowed or the default.
class AppSettings final
{
    Q_DECLARE_TR_FUNCTIONS(AppSettings)
public:
    struct Range final
    {
        int minimum;
        int maximum;
    };
    static constexpr int kDefaultThumbnailBudgetMiB = 256;
    static constexpr Range kThumbnailBudgetMiB{32, 2048};
    static constexpr Range kSmallThumbnail{100, 200};
    static constexpr Range kMediumThumbnail{220, 400};
    static constexpr Range kLargeThumbnail{420, 800};
    static QList<int> webSizes(); // 1024, 1600, 2048
    static QList<int> galleryThumbnailSizes(); // 150, 300, 500: the gallery's steps
    // Language codes offered, "" (the system's) first; the names are each language's own.
    static QStringList languages();
    static QString languageName(const QString &code);

    AppSettings(); // the user's settings
    explicit AppSettings(const QString &iniFile);
    ~AppSettings();
    Q_DISABLE_COPY_MOVE(AppSettings)

    QString fileName() const;
    void sync();

    // Empty: the default (Workspace::resolveDataDir). Applies at the next start.
    QString dataDirectory() const;
    void setDataDirectory(const QString &folder);
    QString lastWorkspace() const;
    void setLastWorkspace(const QString &name);
    int thumbnailBudgetMiB() const;
    void setThumbnailBudgetMiB(int mebibytes);
    // "" for the system's language, else a code from languages(). Applies at the next start.
    QString language() const;
    void setLanguage(const QString &code);
    // Installs the translators of the chosen language into the application (once, before
    // any window is made); true when Vitrine's own translation was found.
    bool applyLanguage() const;

    RenditionSizes renditionSizes() const;
    void setRenditionSizes(const RenditionSizes &sizes);
    // RenditionSpec::defaults() with the long sides of renditionSizes(): same names,
    // qualities and progressive flags.
    QList<RenditionSpec> renditionSpecs() const;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    int galleryThumbnailSize() const; // one of galleryThumbnailSizes()
    void setGalleryThumbnailSize(int pixels);
    int gallerySort() const; // a GallerySort value
    void setGallerySort(int sort);

private:
    int boundedInt(const QString &key, int fallback, Range range) const;
    int oneOf(const QString &key, const QList<int> &allowed, int fallback) const;

    std::unique_ptr<QSettings> m_settings;
};

#include "gallery/galleryview.h"
#include "mainwindow.h"
#include "settings/appsettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

namespace {

// --screenshot: once the gallery shows every visible thumbnail, select the first image so
// the details panel is filled, grab the window into the file and quit. Gives up after 30 s.
void scheduleScreenshot(MainWindow &window, const QString &path)
{
    auto grab = [&window, path] {
        window.gallery()->setFocus();
        window.gallery()->setCurrentIndex(window.gallery()->model()->index(0, 0));
        QTimer::singleShot(1500, &window, [&window, path] {
            const bool saved = window.grab().save(path);
            if (!saved)
                qCritical("vitrine: cannot write the screenshot %s", qPrintable(path));
            QApplication::exit(saved ? 0 : 1);
        });
    };
    QObject::connect(window.gallery(), &GalleryView::thumbnailsComplete, &window, grab, Qt::SingleShotConnection);
    QTimer::singleShot(30000, &window, [] { QApplication::exit(2); });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vitrine"));
    QApplication::setOrganizationName(QStringLiteral("Vitrine"));
    QApplication::setApplicationVersion(QStringLiteral(VITRINE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Offline-first image manager"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QApplication::translate("main", "Folder holding the workspaces."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       QApplication::translate("main", "Workspace to open."), QStringLiteral("NAME"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Create (if needed) and open the demo workspace."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window to FILE once the gallery is painted, then quit."),
        QStringLiteral("FILE"));
    parser.addOptions({dataDir, workspace, demo, screenshot});
    parser.process(app);

    AppSettings settings;
    settings.applyLanguage();
    // --data-dir, else VITRINE_DATA_DIR, else the folder chosen in Settings, else the default.
    QString chosenDataDir = parser.value(dataDir);
    if (chosenDataDir.isEmpty() && qEnvironmentVariableIsEmpty("VITRINE_DATA_DIR"))
        chosenDataDir = settings.dataDirectory();
    MainWindow window(chosenDataDir, &settings);
    if (parser.isSet(screenshot))
        scheduleScreenshot(window, parser.value(screenshot));
    window.show();
    QTimer::singleShot(0, &window, [&] {
        if (parser.isSet(demo))
            window.openDemo();
        else
            window.openStartWorkspace(parser.value(workspace));
    });
    return app.exec();
}

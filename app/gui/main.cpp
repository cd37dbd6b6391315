#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.addOption(dataDir);
    parser.process(app);

    MainWindow window(parser.value(dataDir));
    window.show();
    return app.exec();
}

#include "clirunner.h"

#include <QCoreApplication>
#include <QProcess>

using namespace Qt::StringLiterals;

CliRunner::CliRunner(QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    m_environment.remove(u"VITRINE_DATA_DIR"_s);
    m_environment.remove(u"VITRINE_WORKSPACE"_s);
}

QString CliRunner::program()
{
    // ctest sets VITRINE_BIN_DIR; run by hand, the test sits beside vitrine-cli in bin/.
    const QString dir = qEnvironmentVariable("VITRINE_BIN_DIR", QCoreApplication::applicationDirPath());
    return dir + u"/vitrine-cli"_s;
}

QStringList CliRunner::arguments(const QStringList &commandArguments) const
{
    return QStringList{u"--data-dir"_s, m_dataDir} + commandArguments;
}

CliRunner::Run CliRunner::run(const QStringList &commandArguments, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(program(), arguments(commandArguments));
    Run result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = u"vitrine-cli did not finish in time"_s;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

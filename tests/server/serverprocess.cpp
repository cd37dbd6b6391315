#include "serverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

constexpr int kStartTimeoutMs = 10000;
constexpr int kCommandTimeoutMs = 60000;

} // namespace

ServerProcess::ServerProcess(QString dataDir) : m_dataDir(std::move(dataDir))
{
    m_process.setProgram(program());
}

ServerProcess::~ServerProcess()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ServerProcess::program()
{
    // ctest sets VITRINE_BIN_DIR; run by hand, the test sits beside vitrine-server in bin/.
    const QString dir = qEnvironmentVariable("VITRINE_BIN_DIR", QCoreApplication::applicationDirPath());
    return dir + u"/vitrine-server"_s;
}

QUrl ServerProcess::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QProcessEnvironment ServerProcess::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"VITRINE_ADMIN_PASSWORD"_s);
    if (!m_adminPassword.isEmpty())
        environment.insert(u"VITRINE_ADMIN_PASSWORD"_s, m_adminPassword);
    return environment;
}

void ServerProcess::collect()
{
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
}

QString ServerProcess::standardOutput()
{
    collect();
    return QString::fromUtf8(m_out);
}

QString ServerProcess::standardError()
{
    collect();
    return QString::fromUtf8(m_err);
}

bool ServerProcess::start(const QStringList &extraArguments)
{
    if (isRunning()) {
        m_error = u"the server is running already"_s;
        return false;
    }
    m_out.clear();
    m_err.clear();
    m_startupOutput.clear();
    m_error.clear();
    m_port = 0;
    m_process.setProcessEnvironment(environment());
    m_process.setArguments(QStringList{u"serve"_s, u"--data"_s, m_dataDir, u"--listen"_s, u"127.0.0.1:0"_s} +
                           extraArguments);
    m_process.start();
    if (!m_process.waitForStarted(kStartTimeoutMs)) {
        m_error = u"cannot start %1: %2"_s.arg(program(), m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(u"^vitrine-server: listening on http://127\\.0\\.0\\.1:(\\d+)$"_s);
    const QDeadlineTimer deadline(kStartTimeoutMs);
    qsizetype scanned = 0; // bytes of m_out whose lines were looked at
    for (;;) {
        collect();
        for (qsizetype end = m_out.indexOf('\n', scanned); end >= 0; end = m_out.indexOf('\n', scanned)) {
            const QString line = QString::fromUtf8(m_out.mid(scanned, end - scanned));
            scanned = end + 1;
            const QRegularExpressionMatch match = listening.match(line);
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                m_startupOutput = QString::fromUtf8(m_out.left(scanned));
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning) {
            collect();
            m_error = u"the server ended before listening (exit code %1): %2%3"_s.arg(m_process.exitCode())
                          .arg(QString::fromUtf8(m_out), QString::fromUtf8(m_err));
            return false;
        }
        if (deadline.hasExpired()) {
            m_process.kill();
            m_process.waitForFinished(5000);
            collect();
            m_error = u"the server did not say it was listening within %1 ms: %2%3"_s.arg(kStartTimeoutMs)
                          .arg(QString::fromUtf8(m_out), QString::fromUtf8(m_err));
            return false;
        }
        m_process.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 100)));
    }
}

bool ServerProcess::stop(int timeoutMs)
{
    m_error.clear();
    if (!isRunning()) {
        m_error = u"the server is not running"_s;
        return false;
    }
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        collect();
        m_error = u"the server did not stop within %1 ms of SIGTERM (killed)"_s.arg(timeoutMs);
        return false;
    }
    collect();
    if (m_process.exitStatus() != QProcess::NormalExit)
        m_error = u"the server crashed on SIGTERM"_s;
    else if (m_process.exitCode() != 0)
        m_error = u"the server exited with %1 on SIGTERM: %2"_s.arg(m_process.exitCode()).arg(QString::fromUtf8(m_err));
    else if (!m_out.endsWith("vitrine-server: stopped\n"))
        m_error = u"the server did not say \"vitrine-server: stopped\": %1"_s.arg(QString::fromUtf8(m_out));
    return m_error.isEmpty();
}

ServerProcess::Command ServerProcess::run(const QStringList &arguments, const QString &input, bool addDataDir) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(program(), addDataDir ? arguments + QStringList{u"--data"_s, m_dataDir} : arguments);
    Command result;
    if (!process.waitForStarted(kStartTimeoutMs)) {
        result.err = u"cannot start %1: %2"_s.arg(program(), process.errorString());
        return result;
    }
    if (!input.isNull())
        process.write(input.toUtf8() + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(kCommandTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = u"vitrine-server did not finish in time"_s;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

ServerProcess::Command ServerProcess::userAdd(const QString &name, const QString &password) const
{
    return run({u"user"_s, u"add"_s, name}, password.isNull() ? u""_s : password);
}

ServerProcess::Command ServerProcess::userPasswd(const QString &name, const QString &password) const
{
    return run({u"user"_s, u"passwd"_s, name}, password.isNull() ? u""_s : password);
}

ServerProcess::Command ServerProcess::userRemove(const QString &name) const
{
    return run({u"user"_s, u"remove"_s, name});
}

ServerProcess::Command ServerProcess::workspaceAdd(const QString &name) const
{
    return run({u"workspace"_s, u"add"_s, name});
}

ServerProcess::Command ServerProcess::workspaceGrant(const QString &workspace, const QString &user,
                                                     const QString &role) const
{
    return run({u"workspace"_s, u"grant"_s, workspace, user, role});
}

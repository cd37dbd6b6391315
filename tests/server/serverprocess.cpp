#include "serverprocess.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

constexpr int kStartTimeoutMs = 10000;
constexpr int kCommandTimeoutMs = 60000;

} // namespace

ServerProcess::ServerProcess(QString dataDir) : m_dataDir(std::move(dataDir))
{
    m_process.setProgram(program());
    if (qEnvironmentVariableIsSet("VITRINE_TEST_POSTGRES"))
        m_databaseUrl = postgresDatabase(m_dataDir, &m_error);
}

QString ServerProcess::postgresDatabase(const QString &dataDir, QString *error)
{
    const QString cluster = qEnvironmentVariable("VITRINE_TEST_POSTGRES");
    QFile urlFile(cluster + u"/url"_s);
    if (!urlFile.open(QIODevice::ReadOnly)) {
        *error = u"VITRINE_TEST_POSTGRES is set but %1 is missing: is the cluster running?"_s.arg(urlFile.fileName());
        return {};
    }
    QUrl url(QString::fromUtf8(urlFile.readAll().trimmed()));
    const QString name =
        u"vitrine_"_s + QString::fromLatin1(QCryptographicHash::hash(QFileInfo(dataDir).absoluteFilePath().toUtf8(),
                                                                     QCryptographicHash::Sha1)
                                                .toHex()
                                                .left(20));
    // Made once per data directory: a second ServerProcess on it finds it there.
    QProcess psql;
    psql.start(u"psql"_s, {u"-q"_s, url.toString(), u"-c"_s, u"CREATE DATABASE %1"_s.arg(name)});
    const bool finished = psql.waitForFinished(kCommandTimeoutMs) && psql.exitStatus() == QProcess::NormalExit;
    const QString complaint = QString::fromUtf8(psql.readAllStandardError());
    if (!finished || (psql.exitCode() != 0 && !complaint.contains(u"already exists"_s))) {
        *error = u"cannot create the test database %1: %2"_s.arg(name, complaint);
        return {};
    }
    url.setPath(u"/"_s + name);
    return url.toString();
}

QStringList ServerProcess::databaseArguments() const
{
    return m_databaseUrl.isEmpty() ? QStringList() : QStringList{u"--database"_s, m_databaseUrl};
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
    return launch(extraArguments) && waitUntilListening();
}

bool ServerProcess::launch(const QStringList &extraArguments)
{
    if (isRunning()) {
        m_error = u"the server is running already"_s;
        return false;
    }
    if (qEnvironmentVariableIsSet("VITRINE_TEST_POSTGRES") && m_databaseUrl.isEmpty())
        return false; // m_error says why the database is missing
    m_out.clear();
    m_err.clear();
    m_startupOutput.clear();
    m_port = 0;
    m_process.setProcessEnvironment(environment());
    m_error.clear();
    m_process.setArguments(QStringList{u"serve"_s, u"--data"_s, m_dataDir, u"--listen"_s, u"127.0.0.1:0"_s} +
                           databaseArguments() + extraArguments);
    m_process.start();
    if (!m_process.waitForStarted(kStartTimeoutMs)) {
        m_error = u"cannot start %1: %2"_s.arg(program(), m_process.errorString());
        return false;
    }
    return true;
}

bool ServerProcess::waitUntilListening()
{
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
    process.start(program(),
                  addDataDir ? arguments + QStringList{u"--data"_s, m_dataDir} + databaseArguments() : arguments);
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

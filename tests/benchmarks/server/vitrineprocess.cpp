#include "vitrineprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QThread>

#include <httplib.h>

using namespace Qt::StringLiterals;

VitrineProcess::VitrineProcess(QString program, QString dataDir, QString logPrefix)
    : m_program(std::move(program)), m_dataDir(std::move(dataDir)), m_logPrefix(std::move(logPrefix))
{
}

VitrineProcess::~VitrineProcess()
{
    stop();
}

bool VitrineProcess::start(const QString &password)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"VITRINE_ADMIN_PASSWORD"_s, password);
    m_process.setProcessEnvironment(environment);
    m_process.setStandardOutputFile(m_logPrefix + u".out"_s);
    m_process.setStandardErrorFile(m_logPrefix + u".log"_s);
    m_process.start(m_program, {u"--data"_s, m_dataDir, u"--listen"_s, u"127.0.0.1:0"_s});
    if (!m_process.waitForStarted()) {
        m_error = u"%1: %2"_s.arg(m_program, m_process.errorString());
        return false;
    }
    return waitForPort() && logIn(password);
}

// "vitrine-server: listening on http://HOST:PORT" on standard output (a file here).
bool VitrineProcess::waitForPort()
{
    static const QRegularExpression listening(u"vitrine-server: listening on http://[^:]+:(\\d+)"_s);
    const QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        QFile out(m_logPrefix + u".out"_s);
        if (out.open(QIODevice::ReadOnly)) {
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(out.readAll()));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        QThread::msleep(20);
    }
    m_error = u"vitrine-server did not say where it listens (see %1.log)"_s.arg(m_logPrefix);
    return false;
}

bool VitrineProcess::logIn(const QString &password)
{
    httplib::Client client("127.0.0.1", m_port);
    client.set_read_timeout(120, 0); // the password hash is slow on purpose, slower on a busy machine
    const QJsonObject body{{u"user"_s, u"admin"_s}, {u"password"_s, password}};
    const httplib::Result result =
        client.Post("/api/v1/auth/login", QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                    "application/json");
    if (!result || result->status != 200) {
        m_error = u"POST /api/v1/auth/login answered %1"_s.arg(result ? result->status : -1);
        return false;
    }
    m_token = QJsonDocument::fromJson(QByteArray::fromStdString(result->body))
                  .object()
                  .value(u"token"_s)
                  .toString()
                  .toStdString();
    return !m_token.empty();
}

void VitrineProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM: a clean stop
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

#pragma once

#include <QProcess>
#include <QString>

#include <string>

// vitrine-server serving a fresh data folder on a free loopback port, logged in as admin.
// Its output and JSON access log go to files in the data folder's parent, so a long run
// never blocks on a full pipe.
class VitrineProcess final
{
public:
    VitrineProcess(QString program, QString dataDir, QString logPrefix);
    ~VitrineProcess(); // stops a server still running
    Q_DISABLE_COPY_MOVE(VitrineProcess)

    // Starts "--data DIR --listen 127.0.0.1:0" and logs in as admin with password.
    bool start(const QString &password);
    void stop();
    QString errorString() const { return m_error; }

    quint16 port() const { return m_port; }
    const std::string &token() const { return m_token; }
    qint64 pid() const { return m_process.processId(); }

private:
    bool waitForPort();
    bool logIn(const QString &password);

    QString m_program;
    QString m_dataDir;
    QString m_logPrefix;
    QProcess m_process;
    quint16 m_port = 0;
    std::string m_token;
    QString m_error;
};

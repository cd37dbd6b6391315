#pragma once

#include <QProcess>
#include <QString>

// Debian's nginx in the foreground (daemon off) with a configuration of its own in a
// folder of its own, on a free loopback port: static GET and WebDAV PUT under root/.
class NginxProcess final
{
public:
    NginxProcess(QString program, QString prefix);
    ~NginxProcess(); // stops nginx still running
    Q_DISABLE_COPY_MOVE(NginxProcess)

    bool start();
    void stop();
    QString errorString() const { return m_error; }

    quint16 port() const { return m_port; }
    QString root() const; // static files and uploads
    qint64 pid() const { return m_process.processId(); } // the master; its workers are children

private:
    bool writeConfig();
    bool waitUntilAccepting();

    QString m_program;
    QString m_prefix;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

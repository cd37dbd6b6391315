#include "nginxprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A port the kernel just handed out on 127.0.0.1; free unless someone takes it in between.
quint16 freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

bool accepts(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

} // namespace

NginxProcess::NginxProcess(QString program, QString prefix)
    : m_program(std::move(program)), m_prefix(std::move(prefix))
{
}

NginxProcess::~NginxProcess()
{
    stop();
}

// As root, nginx's workers would switch to a user who cannot write here: they stay root.
// Every temporary path lies under the prefix; the body temp path shares root's file
// system, so a finished PUT is a rename. The access log is on, as vitrine-server's is.
bool NginxProcess::writeConfig()
{
    for (const QString &dir : {u"root"_s, u"temp/body"_s, u"temp/proxy"_s, u"temp/fastcgi"_s, u"temp/uwsgi"_s,
                               u"temp/scgi"_s, u"logs"_s})
        if (!QDir().mkpath(m_prefix + u'/' + dir)) {
            m_error = u"cannot create %1/%2"_s.arg(m_prefix, dir);
            return false;
        }
    const QString config = uR"(daemon off;
master_process on;
worker_processes auto;
%1
pid %2/nginx.pid;
error_log %2/logs/error.log warn;
events { worker_connections 1024; }
http {
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000;
    types { image/jpeg jpg; }
    default_type application/octet-stream;
    access_log %2/logs/access.log;
    client_body_temp_path %2/temp/body;
    proxy_temp_path %2/temp/proxy;
    fastcgi_temp_path %2/temp/fastcgi;
    uwsgi_temp_path %2/temp/uwsgi;
    scgi_temp_path %2/temp/scgi;
    server {
        listen 127.0.0.1:%3;
        root %2/root;
        client_max_body_size 64m;
        location / {
            dav_methods PUT;
            create_full_put_path on;
            dav_access user:rw group:r all:r;
        }
    }
}
)"_s.arg(::geteuid() == 0 ? u"user root;"_s : QString(), m_prefix)
                               .arg(m_port);
    QFile file(m_prefix + u"/nginx.conf"_s);
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        m_error = u"%1: %2"_s.arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool NginxProcess::start()
{
    m_port = freePort();
    if (m_port == 0 || !writeConfig())
        return false;
    m_process.setStandardOutputFile(m_prefix + u"/logs/stdout.log"_s);
    m_process.setStandardErrorFile(m_prefix + u"/logs/stderr.log"_s);
    // -e: the error log before the configuration is read (Debian's default is in /var/log).
    m_process.start(m_program, {u"-p"_s, m_prefix, u"-c"_s, m_prefix + u"/nginx.conf"_s, u"-e"_s,
                                m_prefix + u"/logs/error.log"_s});
    if (!m_process.waitForStarted()) {
        m_error = u"%1: %2"_s.arg(m_program, m_process.errorString());
        return false;
    }
    return waitUntilAccepting();
}

bool NginxProcess::waitUntilAccepting()
{
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        if (accepts(m_port))
            return true;
        QThread::msleep(20);
    }
    m_error = u"nginx did not start on port %1 (see %2/logs/error.log)"_s.arg(m_port).arg(m_prefix);
    return false;
}

void NginxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString NginxProcess::root() const
{
    return m_prefix + u"/root"_s;
}

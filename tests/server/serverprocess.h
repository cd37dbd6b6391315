#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

// Runs the real vitrine-server (from VITRINE_BIN_DIR) on one data directory: "serve" on a
// free port of 127.0.0.1, and the admin commands (user ..., workspace ...) beside it.
// With VITRINE_TEST_POSTGRES set (the directory of a cluster started by
// postgres-cluster.sh), the metadata goes to a PostgreSQL database of that cluster, one per
// data directory, made on first use: every command gets --database.
class ServerProcess final
{
public:
    // One run of an admin command (or of the program with any arguments).
    struct Command
    {
        int exitCode = -1; // -1: crashed or did not finish
        QString out;
        QString err;
    };

    explicit ServerProcess(QString dataDir);
    ~ServerProcess(); // kills a server still running
    Q_DISABLE_COPY_MOVE(ServerProcess)

    static QString program();
    QString dataDir() const { return m_dataDir; }
    // The --database URL given to every command; empty on SQLite.
    QString databaseUrl() const { return m_databaseUrl; }
    void setDatabaseUrl(const QString &url) { m_databaseUrl = url; }

    // VITRINE_ADMIN_PASSWORD for the next start; an empty one leaves it unset.
    void setAdminPassword(const QString &password) { m_adminPassword = password; }

    // "serve --data DIR --listen 127.0.0.1:0" plus extraArguments; waits (10 s at most)
    // for "vitrine-server: listening on http://127.0.0.1:PORT". False with errorString().
    bool start(const QStringList &extraArguments = {});
    // start() in two halves, so that several servers can be started at the same moment.
    bool launch(const QStringList &extraArguments = {});
    bool waitUntilListening();
    // SIGTERM; true when the server exits 0 within timeoutMs and says "vitrine-server: stopped".
    // A server that does not stop is killed (and false is returned).
    bool stop(int timeoutMs = 10000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString errorString() const { return m_error; }

    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    // Standard output up to and including the "listening" line (e.g. a generated password).
    QString startupOutput() const { return m_startupOutput; }
    // All standard output and standard error (the JSON access log) of the current or last
    // run so far; complete once the server has stopped.
    QString standardOutput();
    QString standardError();

    // Admin commands on the same data directory; password goes to standard input.
    Command run(const QStringList &arguments, const QString &input = {}, bool addDataDir = true) const;
    Command userAdd(const QString &name, const QString &password) const;
    Command userPasswd(const QString &name, const QString &password) const;
    Command userRemove(const QString &name) const;
    Command workspaceAdd(const QString &name) const;
    Command workspaceGrant(const QString &workspace, const QString &user, const QString &role) const;

private:
    QProcessEnvironment environment() const;
    QStringList databaseArguments() const;
    // The PostgreSQL database for this data directory, created when missing; sets m_error.
    static QString postgresDatabase(const QString &dataDir, QString *error);
    void collect();

    QString m_dataDir;
    QString m_databaseUrl;
    QString m_adminPassword;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
    QString m_startupOutput;
    QByteArray m_out;
    QByteArray m_err;
};

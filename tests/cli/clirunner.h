#pragma once

#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the real vitrine-cli (from VITRINE_BIN_DIR) against one data directory.
class CliRunner final
{
public:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    };

    explicit CliRunner(QString dataDir);

    Run run(const QStringList &arguments, int timeoutMs = 120000) const;
    // With --json added.
    Run json(const QStringList &arguments) const { return run(QStringList{QStringLiteral("--json")} + arguments); }
    void setEnvironment(const QString &name, const QString &value) { m_environment.insert(name, value); }
    static QString program();
    QStringList arguments(const QStringList &commandArguments) const;
    const QProcessEnvironment &environment() const { return m_environment; }

private:
    QString m_dataDir;
    QProcessEnvironment m_environment;
};

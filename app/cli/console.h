#pragma once

#include <QJsonValue>
#include <QString>

// Everything vitrine-cli prints: results on stdout (text, or JSON with --json), errors and
// warnings on stderr, and a progress bar on stderr when it is a terminal.
class Console final
{
public:
    explicit Console(bool json);

    bool json() const { return m_json; }
    void line(const QString &text) const;         // a line of human output (suppressed with --json)
    void result(const QJsonValue &value) const;   // the JSON result (only with --json)
    void error(const QString &message) const;     // "vitrine-cli: <message>" on stderr
    void warning(const QString &message) const;
    void progress(int done, int total, const QString &what) const;
    void endProgress() const;

private:
    bool m_json;
    bool m_interactive;
    mutable bool m_progressShown = false;
};

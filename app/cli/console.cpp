#include "console.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

Console::Console(bool json)
    : m_json(json)
    , m_interactive(::isatty(STDERR_FILENO) == 1)
{
}

void Console::line(const QString &text) const
{
    if (!m_json)
        write(stdout, text + u'\n');
}

void Console::result(const QJsonValue &value) const
{
    if (!m_json)
        return;
    const QByteArray bytes = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    write(stdout, QString::fromUtf8(bytes));
}

void Console::error(const QString &message) const
{
    endProgress();
    write(stderr, u"vitrine-cli: error: "_s + message + u'\n');
}

void Console::warning(const QString &message) const
{
    endProgress();
    write(stderr, u"vitrine-cli: warning: "_s + message + u'\n');
}

void Console::progress(int done, int total, const QString &what) const
{
    if (!m_interactive || total <= 0)
        return;
    constexpr int width = 30;
    const int filled = int(qint64(width) * done / total);
    const QString bar = QString(filled, u'#') + QString(width - filled, u'-');
    m_progressShown = true;
    write(stderr, u"\r["_s + bar + u"] " + QString::number(done) + u'/' + QString::number(total) + u' '
                      + what.left(40).leftJustified(40));
}

void Console::endProgress() const
{
    if (m_progressShown)
        write(stderr, u"\r\033[K"_s);
    m_progressShown = false;
}

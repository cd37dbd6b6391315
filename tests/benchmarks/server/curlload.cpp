#include "curlload.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace {

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

// "Expect:" turns off curl's 100-continue round trip before a large body, which the
// in-process client does not make either.
QByteArray configOf(const QList<CurlLoad::Transfer> &transfers)
{
    QString config;
    for (const CurlLoad::Transfer &transfer : transfers) {
        if (!config.isEmpty())
            config += u"next\n"_s;
        config += u"url = "_s + quoted(transfer.url) + u'\n';
        config += u"output = \"/dev/null\"\n"_s;
        config += u"write-out = \"%{http_code} %{time_total} %{size_upload} %{size_download} %{url}\\n\"\n"_s;
        if (!transfer.uploadFile.isEmpty())
            config += u"upload-file = "_s + quoted(transfer.uploadFile) + u"\nheader = \"Expect:\"\n"_s;
        for (const QString &header : transfer.headers)
            config += u"header = "_s + quoted(header) + u'\n';
    }
    return config.toUtf8();
}

} // namespace

Measurement CurlLoad::run(const QList<Transfer> &transfers, int parallel, const QString &configPath)
{
    Measurement measurement;
    measurement.client = u"curl"_s;
    measurement.clients = parallel;
    measurement.requests = int(transfers.size());
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly) || config.write(configOf(transfers)) < 0) {
        measurement.recordFailure(u"%1: %2"_s.arg(configPath, config.errorString()));
        return measurement;
    }
    config.close();
    QProcess curl;
    curl.setStandardOutputFile(configPath + u".out"_s);
    curl.setStandardErrorFile(configPath + u".err"_s);
    QElapsedTimer wall;
    wall.start();
    curl.start(u"curl"_s, {u"--silent"_s, u"--show-error"_s, u"--parallel"_s, u"--parallel-immediate"_s,
                           u"--parallel-max"_s, QString::number(parallel), u"--config"_s, configPath});
    curl.waitForFinished(-1);
    measurement.seconds = double(wall.nsecsElapsed()) / 1e9;
    if (curl.exitStatus() != QProcess::NormalExit || curl.exitCode() != 0)
        measurement.recordFailure(u"curl exited with %1 (see %2.err)"_s.arg(curl.exitCode()).arg(configPath));
    QHash<QString, qint64> expected; // a GET's URL → its body's size
    for (const Transfer &transfer : transfers)
        expected.insert(transfer.url, transfer.expectedBytes);
    QFile out(configPath + u".out"_s);
    out.open(QIODevice::ReadOnly);
    for (const QByteArray &line : out.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() != 5)
            continue;
        const int status = fields.at(0).toInt();
        const QString url = QString::fromUtf8(fields.at(4));
        const bool upload = fields.at(2).toLongLong() > 0;
        const qint64 bytes = fields.at(upload ? 2 : 3).toLongLong();
        const qint64 wanted = expected.value(url, -1);
        measurement.latenciesMs.append(fields.at(1).toDouble() * 1000);
        measurement.bytes += bytes;
        if (status < 200 || status > 299)
            measurement.recordFailure(u"curl: %1 answered HTTP %2"_s.arg(url).arg(status));
        else if (!upload && wanted >= 0 && bytes != wanted)
            measurement.recordFailure(u"curl: %1 sent %2 bytes, not %3"_s.arg(url).arg(bytes).arg(wanted));
    }
    const int missing = measurement.requests - int(measurement.latenciesMs.size());
    for (int i = 0; i < missing; ++i)
        measurement.recordFailure(u"curl reported no outcome for a transfer"_s);
    return measurement;
}

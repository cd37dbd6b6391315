// vitrine-server against Debian's nginx on loopback (issue 4, "Benchmark"): 1,000 real
// photos uploaded by 4 clients, then 10,000 thumbnails read by 16, with one in-process
// HTTP client for both servers and again with curl. Prints a table and the targets.
//
//   serverbenchmark [--photos N] [--thumbnails N] [--source DIR] [--work DIR] [--keep]
#include "serverbenchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString here = QCoreApplication::applicationDirPath();
    QCommandLineParser parser;
    parser.setApplicationDescription(u"vitrine-server against nginx: uploads and thumbnails"_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"photos"_s, u"Distinct photos to upload."_s, u"N"_s, u"1000"_s},
        {u"thumbnails"_s, u"Thumbnail reads."_s, u"N"_s, u"10000"_s},
        {u"uploaders"_s, u"Concurrent uploading clients."_s, u"N"_s, u"4"_s},
        {u"readers"_s, u"Concurrent thumbnail readers."_s, u"N"_s, u"16"_s},
        {u"min-mb"_s, u"Use only source photos of at least this many MB."_s, u"MB"_s, u"1"_s},
        {u"source"_s, u"Real JPEG photos (fetched from Debian packages when empty)."_s, u"DIR"_s,
         here + u"/../benchmark-photos"_s},
        {u"work"_s, u"Generated photos (kept) and the servers' data (removed)."_s, u"DIR"_s,
         here + u"/../serverbenchmark"_s},
        {u"bin"_s, u"Folder holding vitrine-server."_s, u"DIR"_s, here},
        {u"nginx"_s, u"The nginx program."_s, u"PATH"_s, u"/usr/sbin/nginx"_s},
        {u"keep"_s, u"Keep the servers' data and logs after the run."_s},
    });
    parser.process(app);
    ServerBenchmark::Settings settings;
    settings.sourcePhotos = QDir(parser.value(u"source"_s)).absolutePath();
    settings.workDir = QDir(parser.value(u"work"_s)).absolutePath();
    settings.binDir = QDir(parser.value(u"bin"_s)).absolutePath();
    settings.nginx = parser.value(u"nginx"_s);
    settings.photos = std::max(1, parser.value(u"photos"_s).toInt());
    settings.thumbnails = std::max(1, parser.value(u"thumbnails"_s).toInt());
    settings.uploaders = std::max(1, parser.value(u"uploaders"_s).toInt());
    settings.readers = std::max(1, parser.value(u"readers"_s).toInt());
    settings.minPhotoBytes = qint64(parser.value(u"min-mb"_s).toDouble() * 1e6);
    settings.keep = parser.isSet(u"keep"_s);
    QProcess::execute(QStringLiteral(VITRINE_SOURCE_DIR) + u"/tests/benchmarks/fetch-photos.sh"_s,
                      {settings.sourcePhotos});
    ServerBenchmark benchmark(settings);
    if (!benchmark.run()) {
        std::fprintf(stderr, "serverbenchmark: %s\n", qPrintable(benchmark.errorString()));
        return 1;
    }
    benchmark.printReport();
    return 0;
}

// Import throughput on real photographs, beside three references run on the same files in
// the same invocation: djpeg at the scale the 1024 px rendition needs (the cost of decoding
// alone, the floor), vipsthumbnail -s 300, and the job-photo document's Pillow pipeline.
//
//   importbenchmark [--photos DIR] [--runs N] [--bin DIR]
//
// Vitrine is measured end to end through vitrine-cli: hashing, the isolated worker
// processes, all four renditions, file placement and catalog writes included. Peak memory
// is the largest sum of the resident sizes of vitrine-cli and its worker processes.
#include "processmemory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Measurement
{
    double seconds = 0;
    double peakMb = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

Measurement timed(const QString &program, const QStringList &arguments, bool sampleMemory = false)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForStarted();
    qint64 peak = 0;
    while (!process.waitForFinished(sampleMemory ? 20 : 1000)) {
        if (sampleMemory)
            peak = std::max(peak, ProcessMemory::treeResidentKilobytes(process.processId()));
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        std::fprintf(stderr, "importbenchmark: %s exited with %d\n", qPrintable(program), process.exitCode());
    return {seconds, double(peak) / 1024.0};
}

Measurement vitrine(const QString &binDir, const QStringList &photos, int workers)
{
    QTemporaryDir data;
    const QString cli = binDir + u"/vitrine-cli"_s;
    timed(cli, {u"--data-dir"_s, data.path(), u"workspace"_s, u"create"_s, u"bench"_s});
    return timed(cli, QStringList{u"--data-dir"_s, data.path(), u"--workers"_s, QString::number(workers), u"import"_s} + photos, true);
}

// djpeg decodes at M/8; the smallest M whose result still covers 1024 px on the long side.
Measurement djpegFloor(const QStringList &files)
{
    QElapsedTimer timer;
    timer.start();
    for (const QString &file : files) {
        const QSize size = QImageReader(file).size();
        const int longSide = std::max(size.width(), size.height());
        int eighths = 1;
        while (eighths < 8 && longSide * eighths / 8 < 1024)
            ++eighths;
        QProcess::execute(u"djpeg"_s, {u"-scale"_s, u"%1/8"_s.arg(eighths), u"-outfile"_s, u"/dev/null"_s, file});
    }
    return {double(timer.nsecsElapsed()) / 1e9, 0};
}

Measurement vipsThumbnail(const QStringList &files)
{
    QTemporaryDir out;
    return timed(u"vipsthumbnail"_s, QStringList{u"-s"_s, u"300"_s, u"-o"_s, out.path() + u"/%s.jpg"_s} + files);
}

// The job-photo document's pipeline, as written there.
Measurement pillowPipeline(const QStringList &files)
{
    static const QString script = uR"(
import sys, tempfile, os
from PIL import Image
out = tempfile.mkdtemp()
for i, path in enumerate(sys.argv[1:]):
    with Image.open(path) as img:
        try:
            orientation = img._getexif().get(274)
            if orientation == 3: img = img.rotate(180, expand=True)
            elif orientation == 6: img = img.rotate(270, expand=True)
            elif orientation == 8: img = img.rotate(90, expand=True)
        except (AttributeError, KeyError, IndexError):
            pass
        if img.size[0] > 1024 or img.size[1] > 1024:
            img.thumbnail((1024, 1024), Image.LANCZOS)
        img.save(os.path.join(out, f"{i}.jpg"), "JPEG", quality=85, optimize=True)
        img.thumbnail((300, 300), Image.LANCZOS)
        img.save(os.path.join(out, f"{i}-t.jpg"), "JPEG", quality=70, optimize=True)
)"_s;
    return timed(u"/usr/bin/python3"_s, QStringList{u"-c"_s, script} + files);
}

// A progressive JPEG (SOF2) must be decoded whole even at 1/8 scale: it is the slow case
// for every decoder, and rare from cameras, so the two kinds are reported apart.
bool isProgressive(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(256 * 1024);
    for (qsizetype i = 2; i + 1 < head.size(); ++i) {
        if (uchar(head.at(i)) != 0xFF)
            continue;
        const uchar marker = uchar(head.at(i + 1));
        if (marker == 0xC2)
            return true;
        if (marker == 0xC0 || marker == 0xC1)
            return false;
    }
    return false;
}

QStringList photosIn(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, {u"*.jpg"_s, u"*.jpeg"_s}, QDir::Files);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

void row(const char *what, const QList<double> &seconds, int images, double peakMb = 0)
{
    const double s = median(seconds);
    std::printf("%-44s %8.1f ms/image %7.2f images/s", what, 1000 * s / images, images / s);
    if (peakMb > 0)
        std::printf("   peak %6.1f MB", peakMb);
    std::printf("\n");
}

void measureSet(const char *title, const QStringList &files, const QString &bin, int runs)
{
    qint64 pixels = 0;
    for (const QString &file : files) {
        const QSize size = QImageReader(file).size();
        pixels += qint64(size.width()) * size.height();
    }
    std::printf("\n%s: %lld photos, %.1f MP on average\n", title, qint64(files.size()),
                double(pixels) / 1e6 / double(files.size()));
    QList<double> one, two, floor, vips, pillow;
    double peakOne = 0, peakTwo = 0;
    for (int run = 0; run < runs; ++run) {
        const Measurement a = vitrine(bin, files, 1);
        const Measurement b = vitrine(bin, files, 2);
        one.append(a.seconds);
        two.append(b.seconds);
        peakOne = std::max(peakOne, a.peakMb);
        peakTwo = std::max(peakTwo, b.peakMb);
        floor.append(djpegFloor(files).seconds);
        vips.append(vipsThumbnail(files).seconds);
        pillow.append(pillowPipeline(files).seconds);
    }
    const int n = int(files.size());
    row("vitrine-cli import, 1 worker (everything)", one, n, peakOne);
    row("vitrine-cli import, 2 workers (everything)", two, n, peakTwo);
    row("djpeg -scale M/8 (decode only, the floor)", floor, n);
    row("vipsthumbnail -s 300 (one thumbnail)", vips, n);
    row("Pillow, the job-photo document's pipeline", pillow, n);
    std::printf("1 worker vs the djpeg floor: %.2fx (target <= 1.3x)\n", median(one) / median(floor));
    std::printf("2 workers vs Pillow's throughput: %.1fx (target >= 5x)\n", median(pillow) / median(two));
    std::printf("peak memory with 2 workers: %.0f MB (target < 300 MB)\n", peakTwo);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Vitrine import benchmark"_s);
    parser.addHelpOption();
    parser.addOptions({{u"photos"_s, u"Folder of JPEG photos (fetched from Debian packages when empty)."_s, u"DIR"_s,
                        QCoreApplication::applicationDirPath() + u"/../benchmark-photos"_s},
                       {u"runs"_s, u"Runs of each measurement; the median is reported."_s, u"N"_s, u"5"_s},
                       {u"bin"_s, u"Folder holding vitrine-cli."_s, u"DIR"_s, QCoreApplication::applicationDirPath()}});
    parser.process(app);
    const QString photos = QDir(parser.value(u"photos"_s)).absolutePath();
    QProcess::execute(QStringLiteral(VITRINE_SOURCE_DIR) + u"/tests/benchmarks/fetch-photos.sh"_s, {photos});
    const QStringList files = photosIn(photos);
    if (files.isEmpty()) {
        std::fprintf(stderr, "importbenchmark: no photos in %s\n", qPrintable(photos));
        return 1;
    }
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());
    QStringList baseline, progressive;
    for (const QString &file : files)
        (isProgressive(file) ? progressive : baseline).append(file);
    std::printf("%lld photos (%lld baseline, %lld progressive), %d runs each (median), %d cores\n",
                qint64(files.size()), qint64(baseline.size()), qint64(progressive.size()), runs, QThread::idealThreadCount());
    const QString bin = parser.value(u"bin"_s);
    measureSet("all photos", files, bin, runs);
    if (!baseline.isEmpty() && !progressive.isEmpty()) {
        measureSet("baseline JPEGs (as cameras write them)", baseline, bin, runs);
        measureSet("progressive JPEGs", progressive, bin, runs);
    }
    return 0;
}

// Gallery benchmark (issue 3): a generated catalog of 100,000 images over 5,000 entities,
// and the time of what the desktop's galleries and sidebar ask of it.
//
//   gallerybenchmark [--data-dir DIR] [--images N] [--entities N] [--repeats N] [--verify]
//
// The catalog is generated once into DIR (default $XDG_CACHE_HOME/vitrine-gallerybenchmark)
// by a child process (so its memory does not count in this process's peak), and reused
// while it is complete. Each figure is the median and the worst of --repeats runs on the
// main thread; the first run of each is included, so "worst" covers a cold statement.
//
// One function per measured figure group, each appending to Figures; the GUI figures
// (first painted screen, delegate paint + data() per frame while scrolling) are meant to
// be added the same way.
#include "benchmarkcatalog.h"
#include "guibenchmark.h"
#include "catalog/catalog.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr double kInteractiveTargetMs = 50; // entity switch and search
constexpr double kFirstScreenTargetMs = 1000;
constexpr int kScreenItems = 60; // cells on a first screen of thumbnails

struct Options
{
    QString dataDir;
    int images = 100000;
    int entities = 5000;
    int repeats = 20;
    bool verify = false;
    bool generateOnly = false;
    bool noGui = false;
    qint64 guiSpawnedAt = 0; // set in the --gui child
};

struct Figure
{
    QString what;
    QList<double> ms;
    qsizetype minRows = -1;
    qsizetype maxRows = -1;
    double targetMs = 0; // 0: no target of its own
    QString error;

    double median() const
    {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.isEmpty() ? 0 : sorted.at(sorted.size() / 2);
    }
    double worst() const { return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
};

struct Figures
{
    QList<std::pair<QString, QList<Figure>>> groups;

    void beginGroup(const QString &title) { groups.append({title, {}}); }
    void add(Figure figure) { groups.last().second.append(std::move(figure)); }
    const Figure *find(const QString &what) const
    {
        for (const auto &group : groups)
            for (const Figure &figure : group.second)
                if (figure.what == what)
                    return &figure;
        return nullptr;
    }
};

// Times run(i) for i in [0, repeats); run returns the number of rows it got, or an error.
Figure measure(const QString &what, int repeats, double targetMs, const std::function<Result<qsizetype>(int)> &run)
{
    Figure figure{what, {}, -1, -1, targetMs, {}};
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Result<qsizetype> rows = run(i);
        figure.ms.append(double(timer.nsecsElapsed()) / 1e6);
        if (!rows) {
            figure.error = rows.error();
            break;
        }
        figure.minRows = figure.minRows < 0 ? rows.value() : std::min(figure.minRows, rows.value());
        figure.maxRows = std::max(figure.maxRows, rows.value());
    }
    return figure;
}

template <typename T>
Result<qsizetype> rowsOf(const Result<QList<T>> &result)
{
    if (!result)
        return Result<qsizetype>::failure(result.error());
    return result->size();
}

QList<qint64> window(const QList<qint64> &ids, qsizetype first)
{
    return ids.mid(std::clamp<qsizetype>(first, 0, std::max<qsizetype>(0, ids.size() - kScreenItems)), kScreenItems);
}

// Start-up: the app opens the catalog before anything else.
void measureOpen(const QString &catalogPath, const Options &options, Figures &figures)
{
    figures.beginGroup(u"start"_s);
    figures.add(measure(u"Catalog::open (OpenExisting)"_s, options.repeats, 0, [&](int) -> Result<qsizetype> {
        Result<std::unique_ptr<Catalog>> catalog = Catalog::open(catalogPath, Catalog::OpenMode::OpenExisting);
        if (!catalog)
            return Result<qsizetype>::failure(catalog.error());
        return 1;
    }));
}

void measureSidebar(Catalog &catalog, const Options &options, Figures &figures)
{
    figures.beginGroup(u"sidebar"_s);
    const int n = options.repeats;
    figures.add(measure(u"collectionCounts()"_s, n, 0, [&](int) -> Result<qsizetype> {
        return catalog.collectionCounts().allImages;
    }));
    figures.add(measure(u"entityCountsByKind()"_s, n, 0, [&](int) -> Result<qsizetype> {
        return catalog.entityCountsByKind().size();
    }));
    for (EntityKind kind : {EntityKind::Product, EntityKind::Customer, EntityKind::Job}) {
        figures.add(measure(u"entities(%1)"_s.arg(entityKindName(kind)), n, 0, [&](int) -> Result<qsizetype> {
            return catalog.entities(kind).size();
        }));
    }
    figures.add(measure(u"entities(any, \"müll\")"_s, n, 0, [&](int) -> Result<qsizetype> {
        return catalog.entities(std::nullopt, u"müll"_s).size();
    }));
    figures.add(measure(u"entities(product, \"ART-100\")"_s, n, 0, [&](int) -> Result<qsizetype> {
        return catalog.entities(EntityKind::Product, u"ART-100"_s).size();
    }));
    figures.add(measure(u"allTags()"_s, n, 0, [&](int) -> Result<qsizetype> { return catalog.allTags().size(); }));
    figures.add(measure(u"imageTypes()"_s, n, 0, [&](int) -> Result<qsizetype> { return catalog.imageTypes().size(); }));
}

// Switching entity: its ids in order, then what the first screen paints.
void measureEntitySwitch(Catalog &catalog, const BenchmarkPlan &plan, const Options &options, Figures &figures)
{
    figures.beginGroup(u"entity switch"_s);
    QList<qint64> entities;
    QRandomGenerator random(42);
    for (int i = 0; i < options.repeats; ++i)
        entities.append(1 + random.bounded(plan.entityCount()));
    const auto ids = [&](qint64 entity) {
        return catalog.galleryImageIds(GallerySelection::ofEntity(entity), GallerySort::Order);
    };
    const auto switchTo = [&](qint64 entity) -> Result<qsizetype> {
        const Result<QList<qint64>> found = ids(entity);
        if (!found)
            return Result<qsizetype>::failure(found.error());
        return rowsOf(catalog.galleryItems(window(found.value(), 0), entity));
    };
    const int n = options.repeats;
    figures.add(measure(u"galleryImageIds(entity, Order), random entity"_s, n, kInteractiveTargetMs,
                        [&](int i) { return rowsOf(ids(entities.at(i))); }));
    QList<QList<qint64>> firstScreens;
    for (qint64 entity : std::as_const(entities)) {
        const Result<QList<qint64>> found = ids(entity);
        firstScreens.append(found ? window(found.value(), 0) : QList<qint64>());
    }
    figures.add(measure(u"galleryItems(first %1, entity), random entity"_s.arg(kScreenItems), n, kInteractiveTargetMs,
                        [&](int i) { return rowsOf(catalog.galleryItems(firstScreens.at(i), entities.at(i))); }));
    figures.add(measure(u"ids + first screen, random entity"_s, n, kInteractiveTargetMs,
                        [&](int i) { return switchTo(entities.at(i)); }));
    const qint64 largest = plan.largestEntity() + 1;
    figures.add(measure(u"galleryImageIds(entity, Order), largest entity"_s, n, kInteractiveTargetMs,
                        [&](int) { return rowsOf(ids(largest)); }));
    for (GallerySort sort : {GallerySort::DateTaken, GallerySort::Name}) {
        figures.add(measure(u"galleryImageIds(entity, %1), largest entity"_s.arg(sort == GallerySort::Name ? u"Name"_s
                                                                                                        : u"DateTaken"_s),
                            n, kInteractiveTargetMs, [&](int) {
                                return rowsOf(catalog.galleryImageIds(GallerySelection::ofEntity(largest), sort));
                            }));
    }
    figures.add(measure(u"ids + first screen, largest entity"_s, n, kInteractiveTargetMs,
                        [&](int) { return switchTo(largest); }));
}

void measureCollections(Catalog &catalog, const Options &options, Figures &figures)
{
    figures.beginGroup(u"collections"_s);
    const int n = options.repeats;
    const QList<std::pair<GallerySort, QString>> sorts = {{GallerySort::Order, u"Order"_s},
                                                          {GallerySort::DateTaken, u"DateTaken"_s},
                                                          {GallerySort::DateImported, u"DateImported"_s},
                                                          {GallerySort::Name, u"Name"_s}};
    const GallerySelection all = GallerySelection::collection(GallerySelection::Kind::AllImages);
    for (const auto &[sort, name] : sorts) {
        figures.add(measure(u"galleryImageIds(AllImages, %1)"_s.arg(name), n, 0,
                            [&](int) { return rowsOf(catalog.galleryImageIds(all, sort)); }));
    }
    for (const auto &[kind, name] : {std::pair(GallerySelection::Kind::Unassigned, u"Unassigned"_s),
                                     std::pair(GallerySelection::Kind::RecentlyImported, u"RecentlyImported"_s),
                                     std::pair(GallerySelection::Kind::Trash, u"Trash"_s)}) {
        figures.add(measure(u"galleryImageIds(%1, Order)"_s.arg(name), n, 0, [&](int) {
            return rowsOf(catalog.galleryImageIds(GallerySelection::collection(kind), GallerySort::Order));
        }));
    }
    const Result<QList<qint64>> ids = catalog.galleryImageIds(all, GallerySort::Order);
    if (!ids)
        return;
    for (const auto &[first, name] : {std::pair(qsizetype(0), u"first %1"_s), std::pair(ids->size() / 2, u"%1 in the middle"_s),
                                      std::pair(ids->size(), u"last %1"_s)}) {
        const QList<qint64> shown = window(ids.value(), first);
        figures.add(measure(u"galleryItems(%1 of AllImages)"_s.arg(name.arg(kScreenItems)), n, kInteractiveTargetMs,
                            [&](int) { return rowsOf(catalog.galleryItems(shown)); }));
    }
}

void measureSearch(Catalog &catalog, const Options &options, Figures &figures)
{
    figures.beginGroup(u"search: galleryImageIds(search(text))"_s);
    for (const BenchmarkPlan::SearchProbe &probe : BenchmarkPlan::searchProbes()) {
        figures.add(measure(u"\"%1\" (%2)"_s.arg(probe.text, probe.label), options.repeats, kInteractiveTargetMs, [&](int) {
            return rowsOf(catalog.galleryImageIds(GallerySelection::search(probe.text), GallerySort::Order));
        }));
    }
    figures.add(measure(u"\"Eiche\" sorted by Name"_s, options.repeats, kInteractiveTargetMs, [&](int) {
        return rowsOf(catalog.galleryImageIds(GallerySelection::search(u"Eiche"_s), GallerySort::Name));
    }));
}

QString rowsText(const Figure &figure)
{
    if (figure.minRows < 0)
        return u"-"_s;
    return figure.minRows == figure.maxRows ? QString::number(figure.minRows)
                                            : u"%1-%2"_s.arg(figure.minRows).arg(figure.maxRows);
}

void print(const Figures &figures)
{
    std::printf("%-58s %12s %10s %10s %8s\n", "figure", "rows", "median ms", "worst ms", "target");
    for (const auto &[title, list] : figures.groups) {
        std::printf("-- %s\n", qPrintable(title));
        for (const Figure &figure : list) {
            QString target = figure.targetMs > 0 ? QString::number(figure.targetMs) : QString();
            if (figure.targetMs > 0 && figure.worst() > figure.targetMs)
                target += u" OVER"_s;
            std::printf("%-58s %12s %10.2f %10.2f %8s\n", qPrintable(figure.what), qPrintable(rowsText(figure)),
                        figure.median(), figure.worst(), qPrintable(target));
            if (!figure.error.isEmpty())
                std::printf("   error: %s\n", qPrintable(figure.error));
        }
    }
}

// The part of the first painted screen the catalog is responsible for, from the medians.
void printFirstScreen(const Figures &figures)
{
    double total = 0;
    for (const QString &what : {u"Catalog::open (OpenExisting)"_s, u"collectionCounts()"_s, u"entityCountsByKind()"_s,
                                u"galleryImageIds(AllImages, Order)"_s,
                                u"galleryItems(first %1 of AllImages)"_s.arg(kScreenItems)}) {
        if (const Figure *figure = figures.find(what))
            total += figure->median();
    }
    std::printf("\ncatalog part of the first screen (open, counts, All images ids, first %d items): %.1f ms"
                " (target for the whole first painted screen: %.0f ms)\n",
                kScreenItems, total, kFirstScreenTargetMs);
}

void printMemory()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:"))
            std::printf("%s\n", line.simplified().constData());
    }
}

Options parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times the catalog queries of the desktop's galleries on a generated catalog."_s);
    parser.addHelpOption();
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    const QCommandLineOption dataDir(u"data-dir"_s, u"Where the generated workspace is kept."_s, u"dir"_s,
                                     (cache.isEmpty() ? QDir::tempPath() : cache) + u"/vitrine-gallerybenchmark"_s);
    const QCommandLineOption images(u"images"_s, u"Images in the catalog."_s, u"n"_s, u"100000"_s);
    const QCommandLineOption entities(u"entities"_s, u"Entities in the catalog."_s, u"n"_s, u"5000"_s);
    const QCommandLineOption repeats(u"repeats"_s, u"Runs of each measurement."_s, u"n"_s, u"20"_s);
    const QCommandLineOption verify(u"verify"_s, u"Check the catalog's integrity and invariants first."_s);
    const QCommandLineOption generateOnly(u"generate-only"_s, u"Generate the catalog and exit (used internally)."_s);
    const QCommandLineOption noGui(u"no-gui"_s, u"Only the catalog queries, not the desktop window."_s);
    const QCommandLineOption gui(u"spawned-at"_s, u"Run the desktop figures (used internally)."_s, u"ms"_s);
    parser.addOptions({dataDir, images, entities, repeats, verify, generateOnly, noGui, gui});
    parser.process(app);
    Options options;
    options.dataDir = QDir(parser.value(dataDir)).absolutePath();
    options.images = std::max(1, parser.value(images).toInt());
    options.entities = std::max(1, parser.value(entities).toInt());
    options.repeats = std::max(1, parser.value(repeats).toInt());
    options.verify = parser.isSet(verify);
    options.generateOnly = parser.isSet(generateOnly);
    options.noGui = parser.isSet(noGui);
    options.guiSpawnedAt = parser.value(gui).toLongLong();
    return options;
}

int generateHere(const Options &options)
{
    BenchmarkCatalog generated(options.dataDir, options.images, options.entities);
    if (Status status = generated.generate(); !status) {
        std::fprintf(stderr, "generation failed: %s\n", qPrintable(status.error()));
        return 1;
    }
    if (Status status = generated.verify(); !status) {
        std::fprintf(stderr, "the generated catalog is wrong: %s\n", qPrintable(status.error()));
        return 1;
    }
    return 0;
}

// In a child process, so the generator's memory is not this process's peak.
bool generateInChild(const Options &options)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {u"--generate-only"_s, u"--data-dir"_s, options.dataDir, u"--images"_s, QString::number(options.images),
                 u"--entities"_s, QString::number(options.entities)});
    return child.waitForFinished(-1) && child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parse(app);
    if (options.generateOnly)
        return generateHere(options);
    if (options.guiSpawnedAt > 0) {
        BenchmarkCatalog generated(options.dataDir, options.images, options.entities);
        return GuiBenchmark(options.dataDir, generated.workspaceName(), options.repeats).run(options.guiSpawnedAt);
    }

    BenchmarkCatalog generated(options.dataDir, options.images, options.entities);
    if (!generated.isComplete()) {
        std::fprintf(stderr, "generating %s in %s\n", qPrintable(generated.workspaceName()), qPrintable(options.dataDir));
        if (!generateInChild(options))
            return 1;
    } else if (options.verify) {
        if (Status status = generated.verify(); !status) {
            std::fprintf(stderr, "%s\n", qPrintable(status.error()));
            return 1;
        }
    }
    std::printf("catalog: %s (%d images, %d entities), %d runs each\n\n", qPrintable(generated.catalogPath()),
                options.images, options.entities, options.repeats);

    Figures figures;
    measureOpen(generated.catalogPath(), options, figures);
    Result<std::unique_ptr<Catalog>> opened = Catalog::open(generated.catalogPath(), Catalog::OpenMode::OpenExisting);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    Catalog &catalog = *opened.value();
    measureSidebar(catalog, options, figures);
    measureCollections(catalog, options, figures);
    measureEntitySwitch(catalog, generated.plan(), options, figures);
    measureSearch(catalog, options, figures);

    print(figures);
    printFirstScreen(figures);
    printMemory();
    opened.value().reset(); // the desktop opens the catalog itself
    if (options.noGui)
        return 0;
    std::printf("\n");
    std::fflush(stdout);
    return GuiBenchmark::runChild(QCoreApplication::applicationFilePath(),
                                  {u"--data-dir"_s, options.dataDir, u"--images"_s, QString::number(options.images),
                                   u"--entities"_s, QString::number(options.entities), u"--repeats"_s,
                                   QString::number(options.repeats)})
               ? 0
               : 1;
}

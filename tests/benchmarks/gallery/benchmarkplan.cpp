#include "benchmarkplan.h"

#include "catalog/catalogrows.h"
#include "renditionpool.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Most frequent first: picks follow Zipf's law over each list.
const QStringList kObjects = {u"Stuhl"_s, u"Tisch"_s, u"Schrank"_s, u"Küchenzeile"_s, u"Regal"_s, u"Sofa"_s,
                              u"Türgriff"_s, u"Lampe"_s, u"Sessel"_s, u"Kommode"_s, u"Arbeitsplatte"_s,
                              u"Waschtisch"_s, u"Bett"_s, u"Spiegel"_s, u"Fliese"_s, u"Parkett"_s, u"Haustür"_s,
                              u"Fenster"_s, u"Treppe"_s, u"Hocker"_s, u"Vitrine"_s, u"Sideboard"_s, u"Garderobe"_s,
                              u"Gartenbank"_s};
const QStringList kMaterials = {u"Eiche"_s, u"Buche"_s, u"Edelstahl"_s, u"Glas"_s, u"Nussbaum"_s, u"Leder"_s,
                                u"Kiefer"_s, u"Marmor"_s, u"Messing"_s, u"Stoff"_s, u"Granit"_s, u"Beton"_s,
                                u"Keramik"_s, u"Aluminium"_s};
const QStringList kColours = {u"weiß"_s, u"natur"_s, u"schwarz"_s, u"grau"_s, u"anthrazit"_s, u"beige"_s,
                              u"blau"_s, u"grün"_s, u"rot"_s, u"gold"_s};
const QStringList kColourCodes = {u"WS"_s, u"NA"_s, u"SW"_s, u"GR"_s, u"AN"_s, u"BE"_s, u"BL"_s, u"GN"_s, u"RT"_s, u"GO"_s};
const QStringList kViews = {u"Vorderansicht"_s, u"Detail"_s, u"Seitenansicht"_s, u"Gesamtansicht"_s,
                            u"Nahaufnahme"_s, u"Rückansicht"_s, u"Draufsicht"_s, u"Maßskizze"_s};
const QStringList kSettings = {u"vor weißem Hintergrund"_s, u"im Showroom"_s, u"beim Kunden"_s,
                               u"auf der Baustelle"_s, u"in der Werkstatt"_s, u"im Lager"_s, u"auf der Messe"_s};
const QStringList kSurnames = {u"Müller"_s, u"Schmidt"_s, u"Schneider"_s, u"Fischer"_s, u"Weber"_s, u"Meyer"_s,
                               u"Wagner"_s, u"Becker"_s, u"Schulz"_s, u"Hoffmann"_s, u"Schäfer"_s, u"Koch"_s,
                               u"Bauer"_s, u"Richter"_s, u"Klein"_s, u"Wolf"_s, u"Schröder"_s, u"Neumann"_s,
                               u"Schwarz"_s, u"Zimmermann"_s, u"Braun"_s, u"Krüger"_s, u"Hartmann"_s, u"Lange"_s,
                               u"Werner"_s, u"Krause"_s, u"Lehmann"_s, u"Köhler"_s, u"Jäger"_s, u"Vogel"_s};
const QStringList kCustomerForms = {u"%1 GmbH"_s, u"Familie %1"_s, u"%1 & Söhne"_s, u"Bäckerei %1"_s,
                                    u"Praxis Dr. %1"_s, u"%1 Immobilien"_s, u"Autohaus %1"_s, u"Hotel %1"_s};
const QStringList kStreets = {u"Hauptstraße"_s, u"Bahnhofstraße"_s, u"Gartenweg"_s, u"Lindenallee"_s,
                              u"Schulstraße"_s, u"Kirchplatz"_s, u"Am Markt"_s, u"Bergstraße"_s};
const QStringList kImageTypes = {u"Produktfoto"_s, u""_s, u"Detailaufnahme"_s, u"Milieufoto"_s, u"Montage"_s,
                                 u"Vorher"_s, u"Nachher"_s, u"Verpackung"_s, u"Schaden"_s, u"Dokument"_s};
const QStringList kTags = {u"freigegeben"_s, u"Webshop"_s, u"Katalog 2025"_s, u"intern"_s, u"Social Media"_s,
                           u"Katalog 2024"_s, u"Bestseller"_s, u"Neuheit"_s, u"Referenz"_s, u"Muster"_s,
                           u"Angebot"_s, u"Messe"_s, u"Newsletter"_s, u"Abnahme"_s, u"Reklamation"_s,
                           u"Sonderangebot"_s, u"Titelbild"_s, u"Pressefoto"_s, u"Auslaufmodell"_s, u"Entwurf"_s,
                           u"Mangel"_s, u"Lieferant"_s, u"Qualitätskontrolle"_s, u"archiviert"_s};
const QList<std::pair<QString, QString>> kCameras = {
    {u"Canon"_s, u"Canon EOS R6"_s}, {u"Apple"_s, u"iPhone 14 Pro"_s}, {u"NIKON CORPORATION"_s, u"NIKON Z 6_2"_s},
    {u"samsung"_s, u"SM-S911B"_s}, {u"SONY"_s, u"ILCE-7M4"_s}, {u"FUJIFILM"_s, u"X-T5"_s}};

const QString &zipf(QRandomGenerator &random, const QStringList &words)
{
    double total = 0;
    for (qsizetype rank = 1; rank <= words.size(); ++rank)
        total += 1.0 / double(rank);
    double draw = random.bounded(total);
    for (qsizetype rank = 1; rank <= words.size(); ++rank) {
        draw -= 1.0 / double(rank);
        if (draw < 0)
            return words.at(rank - 1);
    }
    return words.last();
}

QRandomGenerator generatorFor(int number, quint32 stream)
{
    const std::array<quint32, 2> seed = {quint32(number), stream};
    return QRandomGenerator(seed.data(), qsizetype(seed.size()));
}

int pickShape(QRandomGenerator &random)
{
    const int draw = int(random.bounded(100));
    return draw < 45 ? 0 : draw < 70 ? 1 : draw < 85 ? 2 : 3; // 4:3, 3:4, 1:1, 3:2
}

QStringList pickTags(QRandomGenerator &random)
{
    const int draw = int(random.bounded(100));
    const int count = draw < 25 ? 0 : draw < 60 ? 1 : draw < 85 ? 2 : draw < 95 ? 3 : 4;
    QStringList tags;
    while (tags.size() < count) {
        const QString &tag = zipf(random, kTags);
        if (!tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

QString originalName(QRandomGenerator &random, int number, const QString &object, const QString &colour, bool png)
{
    if (png)
        return u"scan_%1.png"_s.arg(number % 10000, 4, 10, QLatin1Char('0'));
    switch (random.bounded(5)) {
    case 0:
        return u"IMG_%1.JPG"_s.arg(number % 10000, 4, 10, QLatin1Char('0'));
    case 1:
        return u"DSC%1.JPG"_s.arg(number % 100000, 5, 10, QLatin1Char('0'));
    case 2:
        return u"%1_%2_%3.jpg"_s.arg(object, colour).arg(random.bounded(1, 20));
    case 3:
        return u"P%1.JPG"_s.arg(1000000 + number);
    default:
        return u"Foto %1.jpg"_s.arg(number);
    }
}

QString description(QRandomGenerator &random, int number, const QString &setting)
{
    QString text;
    if (random.bounded(100) < 40)
        text = u"Aufnahme %1 für Familie %2."_s.arg(setting, zipf(random, kSurnames));
    // Rare words, for searches with a handful of hits.
    if (number % 4001 == 17)
        text += u" Prototyp der neuen Serie."_s;
    if (number % 33333 == 5)
        text += u" Sonderanfertigung nach Maß."_s;
    return text.trimmed();
}

} // namespace

BenchmarkPlan::BenchmarkPlan(int images, int entities, const QDateTime &now)
    : m_images(images)
    , m_entities(entities)
    , m_now(now.toUTC())
{
    // One job with thousands of images, one customer in a hundred with hundreds, the rest
    // about twenty each.
    m_largestEntity = std::min(entities - 1, entities / 20 * 10 + 8);
    double total = 0;
    m_entityWeights.reserve(entities);
    for (int e = 0; e < entities; ++e) {
        total += e == m_largestEntity ? 150.0 : e % 100 == 7 ? 20.0 : 1.0;
        m_entityWeights.append(total);
    }
}

int BenchmarkPlan::pickEntity(double draw) const
{
    const auto it = std::upper_bound(m_entityWeights.cbegin(), m_entityWeights.cend(), draw * m_entityWeights.last());
    return int(std::min<qsizetype>(it - m_entityWeights.cbegin(), m_entities - 1));
}

BenchmarkPlan::PlannedEntity BenchmarkPlan::entity(int number) const
{
    QRandomGenerator random = generatorFor(number, 0xe17);
    PlannedEntity entity;
    const int slot = number % 10;
    if (slot < 5) {
        entity.kind = EntityKind::Product;
        if (slot == 1 && (number / 10) % 3 == 0) { // a colour variant of the product before it
            const PlannedEntity parent = this->entity(number - 1);
            const int colour = int(random.bounded(int(kColours.size())));
            entity.parent = number - 1;
            entity.baseKey = parent.key;
            entity.key = parent.key + u'-' + kColourCodes.at(colour);
            entity.name = parent.name + u' ' + kColours.at(colour);
            return entity;
        }
        entity.key = u"ART-%1"_s.arg(10000 + number);
        entity.name = zipf(random, kMaterials) + u' ' + zipf(random, kObjects) + u' ' + zipf(random, kColours);
    } else if (slot < 8) {
        entity.kind = EntityKind::Customer;
        entity.key = u"K-%1"_s.arg(20000 + number);
        entity.name = zipf(random, kCustomerForms).arg(zipf(random, kSurnames));
    } else {
        entity.kind = EntityKind::Job;
        entity.key = u"A-%1-%2"_s.arg(21 + number % 5).arg(number, 5, 10, QLatin1Char('0'));
        entity.name = random.bounded(2) == 0
                          ? u"Montage %1 %2"_s.arg(zipf(random, kObjects), zipf(random, kSurnames))
                          : u"Renovierung %1 %2"_s.arg(zipf(random, kStreets)).arg(random.bounded(1, 120));
    }
    return entity;
}

BenchmarkPlan::PlannedImage BenchmarkPlan::image(int number) const
{
    QRandomGenerator random = generatorFor(number, 0x1a6e);
    PlannedImage image;
    image.sha256 = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("vitrine-benchmark-image-" + QByteArray::number(number)), QCryptographicHash::Sha256)
            .toHex());
    image.shape = pickShape(random);
    image.variant = int(random.bounded(RenditionPool::kVariants));
    const bool png = random.bounded(100) < 5;
    image.format = png ? u"png"_s : u"jpeg"_s;
    image.original = png ? RenditionPool::kJpegOriginals : int(random.bounded(RenditionPool::kJpegOriginals));

    // Imported in number order over three years; the last 1.5 % within the last week.
    const int recent = std::max(1, m_images * 15 / 1000);
    const int older = m_images - recent;
    const qint64 day = 24LL * 3600 * 1000;
    QDateTime created;
    if (number < older)
        created = m_now.addMSecs(-1095 * day + qint64(double(number) / older * double(1088 * day)));
    else
        created = m_now.addMSecs(-6 * day + qint64(double(number - older) / recent * double(6 * day - 3600 * 1000)));
    image.createdAt = CatalogRows::timestamp(created);
    if (random.bounded(100) < 90) // EXIF time, local, as read
        image.capturedAt = created.addSecs(-qint64(random.bounded(60 * 24 * 3600)))
                               .toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s);

    const QString object = zipf(random, kObjects);
    const QString material = zipf(random, kMaterials);
    const QString colour = zipf(random, kColours);
    const QString view = zipf(random, kViews);
    const QString setting = zipf(random, kSettings);
    image.caption = u"%1 %2 %3, %4"_s.arg(material, object, colour, view);
    image.altText = u"%1 aus %2 in %3 %4"_s.arg(object, material, colour, setting);
    image.description = description(random, number, setting);
    image.imageType = zipf(random, kImageTypes);
    image.front = image.imageType == u"Produktfoto" && view == u"Vorderansicht";
    image.tags = pickTags(random);
    image.originalName = originalName(random, number, object, colour, png);
    if (!png && random.bounded(100) < 70) {
        const auto &camera = kCameras.at(random.bounded(int(kCameras.size())));
        image.cameraMake = camera.first;
        image.cameraModel = camera.second;
        if (random.bounded(100) < 30)
            image.gps = std::pair(47.5 + random.bounded(7.0), 6.0 + random.bounded(8.5));
    }

    if (number % 100 != 99 && m_entities > 0) { // one in a hundred stays unassigned
        image.entities.append(pickEntity(random.generateDouble()));
        if (random.bounded(10) == 0 && m_entities > 1) {
            int second = pickEntity(random.generateDouble());
            if (second == image.entities.first())
                second = (second + 1) % m_entities;
            image.entities.append(second);
        }
    }
    return image;
}

QList<BenchmarkPlan::SearchProbe> BenchmarkPlan::searchProbes()
{
    return {
        {u"Eiche"_s, u"most common material"_s},
        {u"Stuhl"_s, u"most common object"_s},
        {u"Marmor"_s, u"medium word"_s},
        {u"Reklamation"_s, u"tag"_s},
        {u"Müller"_s, u"customer surname"_s},
        {u"Turgriff"_s, u"without diacritics"_s},
        {u"Eiche Stuhl"_s, u"two words"_s},
        {u"ART-10040"_s, u"product key"_s},
        {u"Prototyp"_s, u"rare word"_s},
        {u"Sonderanfertigung"_s, u"very rare word"_s},
        {u"Xylophon"_s, u"no hits"_s},
        {u"s"_s, u"one-letter prefix"_s},
        {u"Kü"_s, u"two-letter prefix"_s},
        {u"Schr"_s, u"prefix"_s},
    };
}

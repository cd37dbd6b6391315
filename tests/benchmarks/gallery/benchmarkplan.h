#pragma once

#include "catalog/entitykind.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// What the benchmark catalog holds. Every entity and image is computed from its number and
// a fixed seed alone, so the rows and the files are written in separate passes without
// holding 100,000 records in memory, and two runs make the same catalog.
//
// The texts come from a small business vocabulary (German, as the customers' are) picked
// with Zipf weights: some words are in a third of the images, others in a few dozen, so
// searches have hit lists of very different sizes. Entities differ in size too: most have
// about twenty images, one in a hundred about fifteen times as many, and one thousands.
class BenchmarkPlan final
{
public:
    struct PlannedEntity
    {
        EntityKind kind = EntityKind::Product;
        QString key;
        QString name;
        int parent = -1; // entity number of a product variant's product
        QString baseKey;
    };

    struct PlannedImage
    {
        QString sha256;
        int shape = 0; // RenditionPool shape and variant of its renditions
        int variant = 0;
        int original = 0; // RenditionPool original; the PNG one when format is "png"
        QString format;
        QString originalName;
        QString capturedAt; // null: no capture time
        QString createdAt;
        QString caption;
        QString altText;
        QString description;
        QString imageType;
        bool front = false;
        QStringList tags;
        QList<int> entities; // entity numbers, none for an unassigned image
        QString cameraMake;
        QString cameraModel;
        std::optional<std::pair<double, double>> gps;
    };

    // One word or prefix to search for, and what it stands for.
    struct SearchProbe
    {
        QString text;
        QString label;
    };

    BenchmarkPlan(int images, int entities, const QDateTime &now);

    int imageCount() const { return m_images; }
    int entityCount() const { return m_entities; }
    PlannedEntity entity(int number) const;
    PlannedImage image(int number) const;
    // The entity most images are linked to (thousands of them): the worst entity switch.
    int largestEntity() const { return m_largestEntity; }
    static QList<SearchProbe> searchProbes();

private:
    int pickEntity(double draw) const;

    int m_images;
    int m_entities;
    QDateTime m_now;
    int m_largestEntity = 0;
    QList<double> m_entityWeights; // cumulative
};

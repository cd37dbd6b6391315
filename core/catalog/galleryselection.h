#pragma once

#include <QString>
#include <QtGlobal>

// What a gallery shows: one entity's images, or one of the smart collections.
struct GallerySelection final
{
    enum class Kind {
        Entity, // the images linked to entityId, in the entity's order
        AllImages, // every image not in the trash
        Unassigned, // images linked to no entity (and not in the trash)
        RecentlyImported, // imported within the last kRecentDays days, newest first
        Trash, // images the user deleted and has not emptied yet
        Search // full-text search for text, best matches first
    };
    static constexpr int kRecentDays = 7;

    Kind kind = Kind::AllImages;
    qint64 entityId = 0;
    QString text;

    static GallerySelection ofEntity(qint64 id) { return {Kind::Entity, id, {}}; }
    static GallerySelection collection(Kind kind) { return {kind, 0, {}}; }
    static GallerySelection search(const QString &text) { return {Kind::Search, 0, text}; }
    bool operator==(const GallerySelection &) const = default;
};

// How a gallery is sorted. Order is the entity's own order (the import order in a
// collection, relevance in a search).
enum class GallerySort { Order, DateTaken, DateImported, Name };

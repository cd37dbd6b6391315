#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QStringList>

// What an entity's gallery may hold (docs/api.md §6.3), for a client's PUT and for the
// server's own changes (an upload linking its images): uids each once, at most
// kMaxImages, the primary null or in the order, a pin only with a primary, the pin's
// author and time kept as sent or filled. Whether the uids are live images is the
// caller's check (it needs the records). A failure is the message for 422
// validation_failed.
class GalleryRules final
{
public:
    static constexpr qsizetype kMaxImages = 10000;

    // The gallery of an entity that was never written.
    static QJsonObject empty(const QString &entity);
    // The body to store from a client's gallery (order, primary, pinned, pinnedBy,
    // pinnedAt); a pin without author or time gets user and now.
    static Result<QJsonObject> forWrite(const QString &entity, const QJsonObject &given, const QString &user);
    // current with uids appended that are not in it yet, in their order. With pin, that
    // image becomes the primary, pinned by user now; otherwise the desktop's rule: the
    // pinned image stays primary, else the first in order is.
    static Result<QJsonObject> withAppended(const QJsonObject &current, const QStringList &uids, const QString &pin,
                                            const QString &user);
};

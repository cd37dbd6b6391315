#include "galleryrules.h"

#include "imagerules.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

QJsonObject GalleryRules::empty(const QString &entity)
{
    return {{u"entity"_s, entity}, {u"order"_s, QJsonArray()},        {u"primary"_s, QJsonValue::Null},
            {u"pinned"_s, false},  {u"pinnedBy"_s, QJsonValue::Null}, {u"pinnedAt"_s, QJsonValue::Null}};
}

Result<QJsonObject> GalleryRules::forWrite(const QString &entity, const QJsonObject &given, const QString &user)
{
    using Answer = Result<QJsonObject>;
    const QJsonArray order = given.value(u"order"_s).toArray();
    if (!given.value(u"order"_s).isArray() || order.size() > kMaxImages)
        return Answer::failure(u"\"order\" must be a list of at most %1 image uids"_s.arg(kMaxImages));
    QSet<QString> seen;
    for (const QJsonValue &value : order) {
        const QString uid = value.toString();
        if (!ImageRules::isUid(uid) || seen.contains(uid))
            return Answer::failure(u"\"order\" names %1 twice or wrongly"_s.arg(uid));
        seen.insert(uid);
    }
    const QJsonValue primary = given.value(u"primary"_s);
    if (!primary.isNull() && !primary.isUndefined() && !seen.contains(primary.toString()))
        return Answer::failure(u"\"primary\" must be null or one of \"order\""_s);
    const bool pinned = given.value(u"pinned"_s).toBool();
    if (pinned && (primary.isNull() || primary.isUndefined()))
        return Answer::failure(u"a pinned gallery needs a \"primary\""_s);
    QJsonObject body = empty(entity);
    body.insert(u"order"_s, order);
    body.insert(u"primary"_s, primary.isUndefined() ? QJsonValue(QJsonValue::Null) : primary);
    body.insert(u"pinned"_s, pinned);
    if (pinned) {
        const QJsonValue by = given.value(u"pinnedBy"_s);
        const QJsonValue at = given.value(u"pinnedAt"_s);
        body.insert(u"pinnedBy"_s, by.isString() ? by : QJsonValue(user));
        body.insert(u"pinnedAt"_s,
                    at.isString() ? at : QJsonValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)));
    }
    return body;
}

Result<QJsonObject> GalleryRules::withAppended(const QJsonObject &current, const QStringList &uids,
                                               const QString &pin, const QString &user)
{
    QJsonObject given = current;
    QJsonArray order = current.value(u"order"_s).toArray();
    for (const QString &uid : uids) {
        if (!order.contains(uid))
            order.append(uid);
    }
    given.insert(u"order"_s, order);
    if (!pin.isEmpty()) {
        given.insert(u"primary"_s, pin);
        given.insert(u"pinned"_s, true);
        given.remove(u"pinnedBy"_s); // filled with the caller and now
        given.remove(u"pinnedAt"_s);
    } else if (!current.value(u"pinned"_s).toBool()) {
        given.insert(u"primary"_s, order.isEmpty() ? QJsonValue(QJsonValue::Null) : order.first());
    }
    return forWrite(current.value(u"entity"_s).toString(), given, user);
}

#pragma once

#include "catalog/catalogstats.h"
#include "catalog/collectioncounts.h"
#include "catalog/entity.h"
#include "catalog/entitykind.h"
#include "catalog/galleryitem.h"
#include "catalog/galleryselection.h"
#include "catalog/imageedit.h"
#include "catalog/imagerecord.h"
#include "catalog/linkinfo.h"
#include "catalog/newimage.h"
#include "catalog/outboxentry.h"
#include "catalog/recordedimport.h"
#include "catalog/renditionrecord.h"
#include "catalog/storedfileref.h"
#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariantList>
#include <functional>
#include <memory>
#include <optional>

class QSqlQuery;
class QThread;

Q_DECLARE_LOGGING_CATEGORY(lcCatalog)

// A workspace's SQLite catalog: entities, images, renditions, tags, links and the outbox
// of local changes waiting for sync.
//
// Threads: a Catalog owns one QSqlDatabase connection of its own, opened in the thread
// that called open(); it must be used and destroyed only in that thread (Qt's rule for
// QSqlDatabase). Other threads open their own Catalog on the same file: SQLite in WAL mode
// lets them read at the same time, and every write is a short "BEGIN IMMEDIATE"
// transaction waiting up to 15 s for the others, so several writers never deadlock.
//
// Every user change increments the changed row's revision, sets modified_at and writes an
// outbox entry in the same transaction. Bad input is refused with a message naming the
// catalog file, entity or image and the reason, and changes nothing.
class Catalog final
{
public:
    enum class OpenMode {
        Create, // a new catalog; refuses an existing file (never clobbers)
        OpenExisting // refuses a missing, damaged or too new catalog; migrates an older one
    };

    static Result<std::unique_ptr<Catalog>> open(const QString &path, OpenMode mode);
    ~Catalog();
    Q_DISABLE_COPY_MOVE(Catalog)

    QString path() const;
    QUuid workspaceId() const;
    int schemaVersion() const;
    static int latestSchemaVersion();
    // The name of this catalog's QSqlDatabase connection, for tests and diagnostics in the
    // owning thread only.
    QString connectionName() const;

    // entities
    // parentKey names an existing entity of the same kind (a product variant's product);
    // an empty name becomes the key.
    Result<Entity> addEntity(EntityKind kind, const QString &key, const QString &name, const QString &parentKey = {},
                             const QString &baseKey = {});
    std::optional<Entity> entity(EntityKind kind, const QString &key);
    std::optional<Entity> entityById(qint64 id);
    // Sorted by kind and key; filter matches key or name, case-insensitive, anywhere.
    QList<Entity> entities(std::optional<EntityKind> kind = {}, const QString &filter = {});
    Status renameEntity(qint64 entityId, const QString &name);

    // images
    // One transaction: image, renditions, links, search index and outbox. If the sha256
    // is already there, duplicate is true and the existing image is only linked to those
    // of entityIds it is not linked to yet; nothing else is written.
    Result<RecordedImport> recordImport(const NewImage &image, const QList<qint64> &entityIds);
    std::optional<ImageRecord> imageById(qint64 id);
    std::optional<ImageRecord> imageByUid(const QString &uid);
    std::optional<ImageRecord> imageBySha256(const QString &sha256);
    QList<ImageRecord> imagesOfEntity(qint64 entityId); // in link order
    QList<ImageRecord> allImages(int limit = -1, int offset = 0); // by id
    QList<ImageRecord> unassignedImages();
    QList<LinkInfo> linksOfImage(qint64 imageId);
    Status editImage(qint64 imageId, const ImageEdit &edit);
    Status setTags(qint64 imageId, const QStringList &tags);
    Status addTags(qint64 imageId, const QStringList &tags);
    Status removeTags(qint64 imageId, const QStringList &tags);
    // Stores the user's rotation (any integer of quarter turns, kept modulo 4) together
    // with the renditions the caller rebuilt for it.
    Status setRotation(qint64 imageId, int quarterTurns, const QList<RenditionRecord> &renditions);
    // Replaces the rendition records (compress-old); not a user change: no revision, no outbox.
    Status replaceRenditions(qint64 imageId, const QList<RenditionRecord> &renditions);

    // links and the primary image: an entity with images always has exactly one primary,
    // the one a user pinned with setPrimary, else the first by order.
    Status link(qint64 imageId, qint64 entityId);
    Status unlink(qint64 imageId, qint64 entityId);
    Status setPrimary(qint64 entityId, qint64 imageId, const QString &pinnedBy);
    // Back to automatic: the first by order becomes the primary again.
    Status unpinPrimary(qint64 entityId);
    Status reorder(qint64 entityId, const QList<qint64> &imageIdsInOrder); // exactly the entity's images
    std::optional<ImageRecord> primaryImage(qint64 entityId);

    // Full-text search over caption, alt text, description, tags and the names and keys of
    // the linked entities. Any user text is accepted (never an FTS syntax error): words
    // must all match, the last one as a prefix. Best matches first.
    Result<QList<ImageRecord>> search(const QString &text, int limit = 200);

    // galleries (the desktop's views; each query is one statement, whatever the catalog's size)
    // The ids a gallery shows, in the asked order.
    Result<QList<qint64>> galleryImageIds(const GallerySelection &selection, GallerySort sort);
    // What the gallery paints for these images, in the order of ids (unknown ids are left
    // out). contextEntityId: the entity in view, for the primary flag; 0 in a collection.
    Result<QList<GalleryItem>> galleryItems(const QList<qint64> &ids, qint64 contextEntityId = 0);
    CollectionCounts collectionCounts();
    QMap<EntityKind, int> entityCountsByKind();
    QStringList allTags(); // every tag name in use, sorted case-insensitively
    QStringList imageTypes(); // every image type in use, sorted

    // the trash: a trashed image leaves every gallery (its links are removed, and written to
    // the outbox) but keeps its files and records until the trash is emptied; restoring it
    // links it again at its old places, and pins it again where it was the pinned primary
    // unless the entity's primary was set or unpinned since.
    Status trashImages(const QList<qint64> &imageIds);
    Status restoreImages(const QList<qint64> &imageIds);
    // Forgets every trashed image (image.delete in the outbox); returns how many. Their
    // files stay until cleanup finds them unreferenced.
    Result<int> emptyTrash();
    bool isTrashed(qint64 imageId);

    // maintenance
    CatalogStats stats();
    // Every file the catalog refers to; a failed query is an error, never an empty list
    // (cleanup would take an empty list for "every file is unreferenced").
    Result<QList<StoredFileRef>> referencedFiles();
    // Removes the image's rows (links, tags, search entry, renditions) and records a delete
    // in the outbox; the files are the caller's business.
    Status forgetImage(qint64 imageId);
    QList<ImageRecord> imagesCreatedBefore(const QDateTime &when);
    // SQLite's integrity and foreign key checks over the whole file (slow on a big
    // catalog: for verify, not for every open). The message lists the first problems.
    Status checkIntegrity();
    int pendingOutboxCount();
    QList<OutboxEntry> outbox(int limit = 100); // oldest first, any state

private:
    Catalog(QString path, QString connectionName);
    static Result<std::unique_ptr<Catalog>> openConnection(const QString &path, OpenMode mode);
    Status connect();
    Status validateExisting();
    Status createWorkspace();
    Status applyPragmas();
    Status loadMeta();

    // Runs body inside BEGIN IMMEDIATE … COMMIT; rolls back when body or COMMIT fails.
    Status write(const std::function<Status()> &body);
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    Status run(const QString &sql, const QVariantList &binds = {});
    QString failure(const QString &what) const;
    void checkThread() const;

    // Parts of write transactions.
    Status enqueue(const QString &operation, const QString &subjectUid, const QJsonObject &payload);
    Status touchImage(qint64 imageId);
    Status touchEntity(qint64 entityId);
    Status settlePrimary(qint64 entityId);
    Status reindexImage(qint64 imageId);
    Status reindexEntityImages(qint64 entityId);
    Status insertRenditions(qint64 imageId, const QList<RenditionRecord> &renditions);
    Status replaceRenditionRows(qint64 imageId, const QList<RenditionRecord> &renditions);
    Status insertLink(qint64 imageId, qint64 entityId, std::optional<int> sortOrder = {});
    Status placeLink(qint64 imageId, qint64 entityId, std::optional<int> sortOrder);
    Status removeLink(qint64 imageId, qint64 entityId);
    Status pinPrimary(qint64 entityId, qint64 imageId, const QString &pinnedBy, const QString &pinnedAt);
    Status forgetImageRows(qint64 imageId);
    Status trashImage(qint64 imageId, const QString &trashedAt);
    Status restoreImage(qint64 imageId);
    // A primary chosen (or unpinned) for the entity: trashed images lose their claim to its pin.
    Status forgetTrashedPins(qint64 entityId);
    Result<QList<qint64>> searchIds(const QString &text, GallerySort sort);
    Status writeTags(qint64 imageId, const QStringList &tags);
    Status changeTags(qint64 imageId, const std::function<QStringList(const QStringList &)> &change);
    Result<qint64> insertImage(const NewImage &image);
    Status requireImage(qint64 imageId);
    Status requireEntity(qint64 entityId);
    QJsonObject linkState(qint64 entityId);
    QString entitySubject(const Entity &entity) const;
    QString imageUid(qint64 imageId);

    QList<Entity> loadEntities(const QString &sqlTail, const QVariantList &binds);
    // Reads images with "SELECT … FROM images i <sqlTail>", then the tags and renditions of
    // all of them with one query each, whatever their number.
    Result<QList<ImageRecord>> queryImages(const QString &sqlTail, const QVariantList &binds);
    QList<ImageRecord> loadImages(const QString &sqlTail, const QVariantList &binds);
    std::optional<ImageRecord> loadImage(const QString &sqlTail, const QVariantList &binds);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    QUuid m_workspaceId;
    int m_schemaVersion = 0;
    QThread *m_thread = nullptr;
};

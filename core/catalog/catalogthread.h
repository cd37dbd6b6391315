#pragma once

#include "catalog/catalog.h"
#include "common/result.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <functional>
#include <memory>
#include <type_traits>

// A workspace's catalog on a thread of its own, for programs whose own thread must never
// wait on SQLite (the desktop's GUI thread). Work is queued in order and runs on that
// thread against its own Catalog connection; callers get a QFuture and come back with
// whenReady() (common/whenready.h), not QFuture::then(context, …), which asserts in Qt 6.4
// when the context is destroyed first.
//
// Order is kept: a read queued after a write sees the write. The thread stops, after the
// work already queued, when the object is destroyed.
class CatalogThread final : public QObject
{
    Q_OBJECT
public:
    // Opens the catalog on the new thread and waits for that (a cheap open, not a scan).
    static Result<std::unique_ptr<CatalogThread>> open(const QString &catalogPath);
    ~CatalogThread() override;
    Q_DISABLE_COPY_MOVE(CatalogThread)

    QString path() const { return m_path; }
    QUuid workspaceId() const { return m_workspaceId; }

    // Queues work(Catalog &) and returns the future of its result.
    template <typename Work>
    auto run(Work work) -> QFuture<std::invoke_result_t<Work, Catalog &>>
    {
        using R = std::invoke_result_t<Work, Catalog &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        post([promise, work = std::move(work)](Catalog &catalog) mutable {
            if constexpr (std::is_void_v<R>) {
                work(catalog);
            } else {
                promise->addResult(work(catalog));
            }
            promise->finish();
        });
        return future;
    }

    // Blocks until every piece of work queued so far has run (tests, shutdown).
    void drain();

    // Emits catalogChanged for a change written through another connection (an import
    // job's, a rotation's), once that change has committed.
    void notifyChanged(const QList<qint64> &imageIds) { announce(imageIds); }

signals:
    // After any write queued with runWrite(): the ids of the images it touched (empty when
    // it changed entities or links only), so views can refresh what they show.
    void catalogChanged(const QList<qint64> &imageIds);

public:
    // Like run() for a change, announcing it with catalogChanged once it has run.
    template <typename Work>
    auto runWrite(Work work, QList<qint64> touchedImages = {}) -> QFuture<std::invoke_result_t<Work, Catalog &>>
    {
        using R = std::invoke_result_t<Work, Catalog &>;
        return run([this, work = std::move(work), touchedImages](Catalog &catalog) mutable -> R {
            if constexpr (std::is_void_v<R>) {
                work(catalog);
                announce(touchedImages);
            } else {
                R result = work(catalog);
                announce(touchedImages);
                return result;
            }
        });
    }

private:
    CatalogThread(QString path);
    void post(std::function<void(Catalog &)> job);
    void announce(const QList<qint64> &imageIds);

    QString m_path;
    QUuid m_workspaceId;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; queued jobs are delivered to it
    std::unique_ptr<Catalog> m_catalog; // created, used and destroyed on m_thread
};

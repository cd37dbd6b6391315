#include "catalog/catalogthread.h"

#include <QMetaObject>
#include <QSemaphore>

CatalogThread::CatalogThread(QString path) : m_path(std::move(path))
{
    m_thread.setObjectName(QStringLiteral("catalog"));
}

Result<std::unique_ptr<CatalogThread>> CatalogThread::open(const QString &catalogPath)
{
    std::unique_ptr<CatalogThread> self(new CatalogThread(catalogPath));
    self->m_context = new QObject;
    self->m_context->moveToThread(&self->m_thread);
    self->m_thread.start();

    QString error;
    QSemaphore opened;
    CatalogThread *raw = self.get();
    QMetaObject::invokeMethod(
        raw->m_context,
        [raw, &error, &opened] {
            auto catalog = Catalog::open(raw->m_path, Catalog::OpenMode::OpenExisting);
            if (catalog.ok()) {
                raw->m_catalog = std::move(catalog.value());
                raw->m_workspaceId = raw->m_catalog->workspaceId();
            } else {
                error = catalog.error();
            }
            opened.release();
        },
        Qt::QueuedConnection);
    opened.acquire();
    if (!error.isEmpty())
        return Result<std::unique_ptr<CatalogThread>>::failure(error);
    return self;
}

CatalogThread::~CatalogThread()
{
    if (m_context) {
        // The catalog's connection must close on the thread that opened it.
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                m_catalog.reset();
                delete m_context;
                m_context = nullptr;
                m_thread.quit();
            },
            Qt::QueuedConnection);
    }
    m_thread.wait();
}

void CatalogThread::post(std::function<void(Catalog &)> job)
{
    QMetaObject::invokeMethod(
        m_context, [this, job = std::move(job)] { job(*m_catalog); }, Qt::QueuedConnection);
}

void CatalogThread::drain()
{
    if (QThread::currentThread() == &m_thread)
        return;
    QSemaphore done;
    QMetaObject::invokeMethod(m_context, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
}

void CatalogThread::announce(const QList<qint64> &imageIds)
{
    emit catalogChanged(imageIds);
}

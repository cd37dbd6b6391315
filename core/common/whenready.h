#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <utility>

// Calls done(result) in receiver's thread once future has its result, unless receiver has
// been destroyed by then (then nothing is called). Use it instead of
// QFuture::then(context, …): on Qt 6.4 a continuation whose context died first asserts.
// The watcher is the receiver's child, so it goes with it.
template <typename T, typename Done>
void whenReady(QObject *receiver, QFuture<T> future, Done done)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        if constexpr (std::is_void_v<T>) {
            done();
        } else {
            done(watcher->future().result());
        }
    });
    watcher->setFuture(std::move(future));
}

#include "httpload.h"

#include <QElapsedTimer>

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

Measurement HttpLoad::run(quint16 port, int clients, int count, const Request &request)
{
    Measurement measurement;
    measurement.clients = clients;
    measurement.requests = count;
    std::atomic<int> next = 0;
    std::mutex merge;
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int t = 0; t < clients; ++t) {
        threads.emplace_back([&] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true); // as curl does: no Nagle delay after the headers
            client.set_read_timeout(300, 0); // a first rendition may queue behind many others
            client.set_write_timeout(60, 0);
            QList<double> latencies;
            QList<Outcome> failed;
            qint64 bytes = 0;
            for (int index = next++; index < count; index = next++) {
                QElapsedTimer timer;
                timer.start();
                const Outcome outcome = request(client, index);
                latencies.append(double(timer.nsecsElapsed()) / 1e6);
                bytes += outcome.bytes;
                if (!outcome.ok)
                    failed.append(outcome);
            }
            const std::lock_guard locked(merge);
            measurement.latenciesMs += latencies;
            measurement.bytes += bytes;
            for (const Outcome &outcome : failed)
                measurement.recordFailure(outcome.failure);
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    measurement.seconds = double(wall.nsecsElapsed()) / 1e9;
    measurement.client = QStringLiteral("httplib");
    return measurement;
}

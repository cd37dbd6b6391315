#pragma once

#include "measurement.h"

#include <functional>

namespace httplib {
class Client;
}

// Runs count requests from a number of client threads against one loopback server, each
// thread with its own keep-alive httplib::Client; a thread takes the next index when its
// previous request has been answered. The same in-process client for every server, so the
// comparison measures the servers.
class HttpLoad final
{
public:
    struct Outcome
    {
        bool ok = false;
        qint64 bytes = 0; // what the phase counts: the body sent or received
        QString failure;  // when not ok: the request and the reason
    };
    using Request = std::function<Outcome(httplib::Client &client, int index)>;

    static Measurement run(quint16 port, int clients, int count, const Request &request);
};

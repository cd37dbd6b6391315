#include "router.h"

#include <httplib.h>

#include <algorithm>

namespace {

// In the order an Allow header lists them.
const std::vector<std::string> kMethods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};

} // namespace

Router::Router(httplib::Server &server) : m_server(server) {}

void Router::remember(const std::string &method, const std::string &pattern)
{
    m_routes.emplace_back(std::regex(pattern), method);
    if (method == "GET")
        m_routes.emplace_back(std::regex(pattern), "HEAD");
}

Router &Router::Get(const std::string &pattern, Handler handler)
{
    remember("GET", pattern);
    m_server.Get(pattern, std::move(handler));
    return *this;
}

Router &Router::Post(const std::string &pattern, Handler handler)
{
    remember("POST", pattern);
    m_server.Post(pattern, std::move(handler));
    return *this;
}

Router &Router::Post(const std::string &pattern, StreamingHandler handler)
{
    remember("POST", pattern);
    m_server.Post(pattern, std::move(handler));
    return *this;
}

Router &Router::Put(const std::string &pattern, Handler handler)
{
    remember("PUT", pattern);
    m_server.Put(pattern, std::move(handler));
    return *this;
}

Router &Router::Put(const std::string &pattern, StreamingHandler handler)
{
    remember("PUT", pattern);
    m_server.Put(pattern, std::move(handler));
    return *this;
}

Router &Router::Patch(const std::string &pattern, Handler handler)
{
    remember("PATCH", pattern);
    m_server.Patch(pattern, std::move(handler));
    return *this;
}

Router &Router::Delete(const std::string &pattern, Handler handler)
{
    remember("DELETE", pattern);
    m_server.Delete(pattern, std::move(handler));
    return *this;
}

std::string Router::allowed(const std::string &path) const
{
    std::string allow;
    for (const std::string &method : kMethods) {
        const bool has = std::any_of(m_routes.cbegin(), m_routes.cend(), [&](const auto &route) {
            return route.second == method && std::regex_match(path, route.first);
        });
        if (has)
            allow += (allow.empty() ? "" : ", ") + method;
    }
    return allow;
}

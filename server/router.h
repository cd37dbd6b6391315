#pragma once

#include <QtGlobal>

#include <functional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace httplib {
class ContentReader;
class Server;
struct Request;
struct Response;
} // namespace httplib

// The API's routes on cpp-httplib's server, remembered as they are registered, so that a
// known path asked with another method is answered 405 with the methods it has
// (docs/api.md §2.5); cpp-httplib itself answers 404 then. The registration methods are
// named and typed as cpp-httplib's, so routes read as with it.
class Router final
{
public:
    // cpp-httplib's Server::Handler and Server::HandlerWithContentReader
    using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
    using StreamingHandler =
        std::function<void(const httplib::Request &, httplib::Response &, const httplib::ContentReader &)>;

    explicit Router(httplib::Server &server);
    Q_DISABLE_COPY_MOVE(Router)

    // GET also answers HEAD (cpp-httplib does that).
    Router &Get(const std::string &pattern, Handler handler);
    Router &Post(const std::string &pattern, Handler handler);
    Router &Post(const std::string &pattern, StreamingHandler handler);
    Router &Put(const std::string &pattern, Handler handler);
    Router &Put(const std::string &pattern, StreamingHandler handler);
    Router &Patch(const std::string &pattern, Handler handler);
    Router &Delete(const std::string &pattern, Handler handler);

    // The methods path has, as an Allow header lists them ("GET, HEAD, PUT"); empty when
    // no route has the path.
    std::string allowed(const std::string &path) const;

private:
    void remember(const std::string &method, const std::string &pattern);

    httplib::Server &m_server;
    std::vector<std::pair<std::regex, std::string>> m_routes; // pattern, method
};

// ApiServer: logging in and out, and who the caller is.
#include "apiserver.h"

#include "maintenancegate.h"

#include <QJsonArray>

#include <httplib.h>

using namespace Qt::StringLiterals;

void ApiServer::routeAuth()
{
    m_http->Post("/api/v1/auth/login", [this](const httplib::Request &request, httplib::Response &response) {
        const std::optional<QJsonObject> body = jsonBody(request, response);
        if (!body)
            return;
        const QString user = body->value(u"user"_s).toString();
        const QString password = body->value(u"password"_s).toString();
        if (user.isEmpty() || password.isEmpty())
            return replyError(response, 400, u"bad_request"_s, u"Give \"user\" and \"password\"."_s);
        Result<Accounts::Login> login = m_accounts.login(user, password, QString::fromStdString(request.remote_addr));
        if (!login)
            return replyInternal(response, login.error());
        switch (login->outcome) {
        case Accounts::Login::Outcome::RateLimited:
            response.set_header("Retry-After", std::to_string(login->retryAfterSeconds));
            return replyError(response, 429, u"rate_limited"_s,
                              u"Too many failed logins. Try again in %1 seconds."_s.arg(login->retryAfterSeconds));
        case Accounts::Login::Outcome::WrongCredentials:
            return replyError(response, 401, u"unauthorized"_s, u"The user name or the password is wrong."_s);
        case Accounts::Login::Outcome::SignedIn:
            break;
        }
        const std::optional<QJsonObject> described = describeUser({login->userId, login->userName}, response);
        if (!described)
            return;
        reply(response, 200,
              {{u"token"_s, login->token},
               {u"expiresAt"_s, login->expiresAt.toString(Qt::ISODateWithMs)},
               {u"user"_s, described.value()}});
    });

    m_http->Post("/api/v1/auth/logout", [this](const httplib::Request &request, httplib::Response &response) {
        if (!requireSession(request, response))
            return;
        if (Status status = m_accounts.logout(bearerToken(request)); !status)
            return replyInternal(response, status.error());
        response.status = 204;
    });

    m_http->Get("/api/v1/auth/me", [this](const httplib::Request &request, httplib::Response &response) {
        const std::optional<Accounts::Session> session = requireSession(request, response);
        if (!session)
            return;
        const std::optional<QJsonObject> user = describeUser(session.value(), response);
        if (user)
            reply(response, 200, {{u"user"_s, session->userName}, {u"workspaces"_s, user->value(u"workspaces"_s)}});
    });
}

std::optional<QJsonObject> ApiServer::describeUser(const Accounts::Session &session, httplib::Response &response)
{
    Result<QList<Accounts::Membership>> memberships = m_accounts.memberships(session.userId);
    if (!memberships) {
        replyInternal(response, memberships.error());
        return std::nullopt;
    }
    QJsonArray workspaces;
    for (const Accounts::Membership &membership : memberships.value())
        workspaces.append(QJsonObject{
            {u"name"_s, membership.workspace}, {u"role"_s, membership.role}, {u"identity"_s, membership.identity}});
    return QJsonObject{{u"name"_s, session.userName}, {u"workspaces"_s, workspaces}};
}

// A workspace the caller has no role in answers as if it did not exist: names cannot be probed.
std::optional<Accounts::Access> ApiServer::requireAccess(const httplib::Request &request, httplib::Response &response,
                                                         const QString &neededRole)
{
    const std::optional<Accounts::Session> session = requireSession(request, response);
    if (!session)
        return std::nullopt;
    const QString workspace = QString::fromStdString(request.matches[1]);
    Result<std::optional<Accounts::Access>> access = m_accounts.access(session->userId, workspace);
    if (!access) {
        replyInternal(response, access.error());
        return std::nullopt;
    }
    if (!access.value()) {
        replyError(response, 404, u"not_found"_s, u"There is no workspace \"%1\" for you."_s.arg(workspace));
        return std::nullopt;
    }
    if (!access.value()->allows(neededRole)) {
        replyError(
            response, 403, u"forbidden"_s,
            u"Your role in \"%1\" is %2; this request needs %3."_s.arg(workspace, access.value()->role, neededRole));
        return std::nullopt;
    }
    if (m_gate->isSwapping(access.value()->workspaceId)) {
        response.set_header("Retry-After", "5");
        replyError(response, 503, u"unavailable"_s,
                   u"The workspace \"%1\" is being restored from a backup; try again shortly."_s.arg(workspace));
        return std::nullopt;
    }
    Accounts::Access granted = *access.value();
    granted.userName = session->userName;
    return granted;
}

// An unknown, expired and revoked token get the same answer: the caller learns nothing
// about tokens it does not hold.
std::optional<Accounts::Session> ApiServer::requireSession(const httplib::Request &request, httplib::Response &response)
{
    const QString token = bearerToken(request);
    if (token.isEmpty()) {
        response.set_header("WWW-Authenticate", "Bearer");
        replyError(response, 401, u"unauthorized"_s, u"Log in first: this request needs a bearer token."_s);
        return std::nullopt;
    }
    Result<std::optional<Accounts::Session>> session = m_accounts.authenticate(token);
    if (!session) {
        replyInternal(response, session.error());
        return std::nullopt;
    }
    if (!session.value()) {
        response.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        replyError(response, 401, u"token_expired"_s, u"The token is unknown, expired or revoked: log in again."_s);
        return std::nullopt;
    }
    return session.value();
}

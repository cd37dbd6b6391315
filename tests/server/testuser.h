#pragma once

#include <QString>

// A person of the server tests: the admin a first start makes, and the users
// ServerTestSession adds with "user add" (names and passwords as the tests log in with).
struct TestUser
{
    QString name;
    QString password;
};

// Made by the first start from VITRINE_ADMIN_PASSWORD; admin of "main".
inline const TestUser kAdmin{QStringLiteral("admin"), QStringLiteral("admin-secret-1")};
inline const TestUser kStaff{QStringLiteral("stella"), QStringLiteral("stella-password-1")};    // staff in main
inline const TestUser kViewer{QStringLiteral("victor"), QStringLiteral("victor-password-1")};   // viewer in main
inline const TestUser kOtherStaff{QStringLiteral("bruno"), QStringLiteral("bruno-password-1")}; // staff in other only

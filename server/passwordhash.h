#pragma once

#include <QByteArray>
#include <QString>

// Passwords are stored as "pbkdf2-sha256$<iterations>$<salt>$<key>" (base64): PBKDF2 with
// HMAC-SHA-256 from OpenSSL, a random 16-byte salt, and an iteration count stored with each
// hash so it can be raised later without invalidating old passwords.
class PasswordHash final
{
public:
    static constexpr int kIterations = 600000; // OWASP's 2023 figure for PBKDF2-SHA256

    static QString make(const QString &password, int iterations = kIterations);
    // Constant-time comparison; false for a malformed stored value.
    static bool verify(const QString &password, const QString &stored);
    // The work of one verify, for unknown user names: the answer takes as long either way.
    static void spendVerifyTime();

    // A password for the first admin: 20 characters from an unambiguous alphabet.
    static QString randomPassword();
    // n random bytes from OpenSSL's CSPRNG.
    static QByteArray randomBytes(int n);
};

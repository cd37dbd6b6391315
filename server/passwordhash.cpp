#include "passwordhash.h"

#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray utf8 = password.toUtf8();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(
        utf8.constData(), int(utf8.size()), reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
        iterations, EVP_sha256(), kKeyBytes, reinterpret_cast<unsigned char *>(key.data()));
    return ok == 1 ? key : QByteArray();
}

} // namespace

QByteArray PasswordHash::randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), n) != 1)
        qFatal("vitrine-server: the system's random number generator failed");
    return bytes;
}

QString PasswordHash::make(const QString &password, int iterations)
{
    const QByteArray salt = randomBytes(kSaltBytes);
    const QByteArray key = derive(password, salt, iterations);
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool PasswordHash::verify(const QString &password, const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256"_s)
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    const QByteArray key = derive(password, salt, iterations);
    return !key.isEmpty() && key.size() == expected.size() &&
           CRYPTO_memcmp(key.constData(), expected.constData(), size_t(key.size())) == 0;
}

void PasswordHash::spendVerifyTime()
{
    static const QString dummy = make(u"not a password"_s);
    (void)verify(u"still not a password"_s, dummy);
}

QString PasswordHash::randomPassword()
{
    static const QString alphabet = u"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"_s;
    const int size = int(alphabet.size());
    const int unbiased = 256 / size * size; // bytes at or above it would favour the first letters
    QString password;
    while (password.size() < 20) {
        for (const char byte : randomBytes(32)) {
            if (int(quint8(byte)) < unbiased && password.size() < 20)
                password.append(alphabet.at(int(quint8(byte)) % size));
        }
    }
    return password;
}

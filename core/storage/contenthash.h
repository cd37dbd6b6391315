#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QString>
#include <memory>

// Incremental SHA-256 (OpenSSL's, which uses the CPU's SHA extensions: hashing must not
// be what limits import throughput).
class ContentHash final
{
public:
    ContentHash();
    ~ContentHash();
    Q_DISABLE_COPY_MOVE(ContentHash)

    void addData(QByteArrayView data);
    QString hexDigest(); // finishes the hash

    static Result<QString> ofFile(const QString &path);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

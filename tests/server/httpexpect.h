#pragma once

// Checks on an HttpReply for Qt Test functions (they return on failure, like QVERIFY).
#include "httpclient.h"

#include <QJsonObject>
#include <QTest>

// The status of an answer.
#define EXPECT_STATUS(reply, expectedStatus)                                                                           \
    do {                                                                                                               \
        const HttpReply &answer_ = (reply);                                                                            \
        QVERIFY2(answer_.status == (expectedStatus), qPrintable(answer_.describe()));                                  \
    } while (false)

// The status and the JSON error code of an answer, which carries a message.
#define EXPECT_ERROR(reply, expectedStatus, expectedCode)                                                              \
    do {                                                                                                               \
        const HttpReply &answer_ = (reply);                                                                            \
        QVERIFY2(answer_.status == (expectedStatus), qPrintable(answer_.describe()));                                  \
        QVERIFY2(answer_.isJson, qPrintable(answer_.describe()));                                                      \
        QCOMPARE(answer_.errorCode(), QString(expectedCode));                                                          \
        QVERIFY(!answer_.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message"))               \
                     .toString()                                                                                       \
                     .isEmpty());                                                                                      \
    } while (false)

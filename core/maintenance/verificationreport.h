#pragma once

#include "storeproblem.h"

#include <QList>

// The outcome of StoreVerifier::run: how much was checked and every problem found.
struct VerificationReport final
{
    int checkedFiles = 0;
    qint64 checkedBytes = 0;
    QList<StoreProblem> problems;
    bool cancelled = false; // the files after the cancellation were not checked

    bool isClean() const { return problems.isEmpty() && !cancelled; }
};

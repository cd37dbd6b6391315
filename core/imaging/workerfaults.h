#pragma once

#include <QHash>
#include <QString>

// TEST ONLY. When the environment variable VITRINE_TEST_WORKER_FAULTS is set, the imaging
// worker misbehaves on purpose for the files it names, so tests can prove that one bad file
// costs only itself. Format: "kind=name[,name...][;kind=name...]", matched against the
// request's displayName, e.g. "crash=a.jpg;hang=b.jpg;oom=c.jpg;abort=d.jpg;spin=e.jpg".
//   crash  dies by SIGSEGV            abort  calls abort() (SIGABRT)
//   hang   sleeps forever (the parent's wall-clock limit must end it)
//   spin   burns CPU forever (the worker's CPU limit must end it)
//   oom    allocates memory until the memory limit ends it
//   slow   burns 0.7 s of CPU time, then handles the file normally
// Without the variable nothing here has any effect. The worker inherits its parent's
// environment, so setting it on vitrine-cli affects that CLI's workers.
class WorkerFaults final
{
public:
    static WorkerFaults fromEnvironment();

    // Misbehaves if displayName is named (only "slow" returns); otherwise does nothing.
    void trigger(const QString &displayName) const;

private:
    QHash<QString, QString> m_kindByName;
};

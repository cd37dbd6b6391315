#pragma once

// vitrine-cli's exit codes (documented in docs/cli.md and `vitrine-cli help`).
enum ExitCode : int {
    ExitOk = 0,
    ExitSomeFailed = 1,      // the command ran, but some items failed (each named on stderr)
    ExitUsage = 2,           // bad command line; nothing was changed
    ExitWorkspace = 3,       // the data directory, workspace or catalog cannot be used
    ExitNotFound = 4,        // a named image or entity does not exist; nothing was changed
    ExitRefused = 5,         // the request was understood but refused (invalid value, conflict)
    ExitDiskFull = 6,        // the disk filled up; what was done is consistent, run again after freeing space
    ExitDamage = 7,          // verify found damage
    ExitCancelled = 130,     // interrupted (Ctrl+C); what finished is kept
};

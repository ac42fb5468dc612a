// readSqlPassword: the SQL password of an environment for a background check or sample, read
// from the credential store on the calling (pool) thread. A missing password is an empty one; a
// store that cannot be read is an error (ErrorKind::Crypto) instead of a connection attempt
// with nothing, which the server would answer with "access denied" and send the DBA after the
// wrong problem. Shared by FleetChecker and FleetPoller.
// Blocks on the store (keychain D-Bus, vault file): pool threads only.
#pragma once

#include "common/Error.h"
#include "inventory/Environment.h"

#include <QString>

namespace TiDesk {

class CredentialStore;

struct SqlPassword
{
    QString password; // secret: never log
    Error error; // kind None when the password (or its absence) is known
    bool vaultLocked = false; // the error is a locked vault (the caller re-tries after unlock)

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

// store may be null (no store: empty password).
[[nodiscard]] SqlPassword readSqlPassword(const Environment &env, CredentialStore *store);

} // namespace TiDesk

// readOptionalSecret: a secret that may legitimately be absent (an SQL password that is empty,
// a bastion key without passphrase). NotFound becomes an empty string; any other failure (vault
// locked, keychain error) is returned so the caller can say so instead of trying with nothing.
// Blocks on the store (keychain D-Bus, vault file): pool threads only.
#pragma once

#include "common/Result.h"

#include <QString>

namespace TiDesk {

class CredentialStore;

[[nodiscard]] Result<QString> readOptionalSecret(CredentialStore *store, const QString &key);

} // namespace TiDesk

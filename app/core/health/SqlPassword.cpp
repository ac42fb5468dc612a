#include "SqlPassword.h"

#include "secrets/CredentialStore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

SqlPassword readSqlPassword(const Environment &env, CredentialStore *store)
{
    SqlPassword out;
    if (!store)
        return out;
    Result<QString> pw = store->read(env.passwordSecretKey());
    if (pw.ok()) {
        out.password = pw.value();
        return out;
    }
    if (pw.error().kind == ErrorKind::NotFound)
        return out;
    out.vaultLocked = store->backendName() == u"vault"_s && !store->isAvailable();
    // The FleetChecker context keeps the existing translations of these two messages.
    out.error = Error::make(
        ErrorKind::Crypto,
        out.vaultLocked ? QCoreApplication::translate("TiDesk::FleetChecker", "vault locked")
                        //: %1 = why the credential store could not be read
                        : QCoreApplication::translate("TiDesk::FleetChecker",
                                                      "the password could not be read: %1")
                              .arg(pw.error().message),
        pw.error().message);
    return out;
}

} // namespace TiDesk

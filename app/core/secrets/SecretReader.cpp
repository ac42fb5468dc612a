#include "SecretReader.h"

#include "secrets/CredentialStore.h"

#include <QCoreApplication>

namespace TiDesk {

Result<QString> readOptionalSecret(CredentialStore *store, const QString &key)
{
    if (!store)
        return Error::make(
            ErrorKind::Crypto,
            QCoreApplication::translate("TiDesk::SecretReader", "no credential store is open"));
    Result<QString> r = store->read(key);
    if (r.ok())
        return r;
    if (r.error().kind == ErrorKind::NotFound)
        return QString();
    return r.error();
}

} // namespace TiDesk

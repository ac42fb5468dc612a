#include "Error.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString Error::toString() const
{
    QString s = message;
    if (code != 0 || !sqlState.isEmpty()) {
        QString ctx;
        if (code != 0)
            ctx = QCoreApplication::translate("TiDesk::Error", "code %1").arg(code);
        if (!sqlState.isEmpty())
            ctx += (ctx.isEmpty() ? QString() : u", "_s) + u"SQLSTATE "_s + sqlState;
        s += u" ("_s + ctx + u')';
    }
    if (!detail.isEmpty() && detail != message)
        s += u": "_s + detail;
    return s;
}

QString Error::kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return u"none"_s;
    case ErrorKind::Connection: return u"connection"_s;
    case ErrorKind::Auth: return u"auth"_s;
    case ErrorKind::Timeout: return u"timeout"_s;
    case ErrorKind::Tls: return u"tls"_s;
    case ErrorKind::HostKey: return u"host_key"_s;
    case ErrorKind::Server: return u"server"_s;
    case ErrorKind::Cancelled: return u"cancelled"_s;
    case ErrorKind::InvalidInput: return u"invalid_input"_s;
    case ErrorKind::NotFound: return u"not_found"_s;
    case ErrorKind::Io: return u"io"_s;
    case ErrorKind::Crypto: return u"crypto"_s;
    case ErrorKind::Unsupported: return u"unsupported"_s;
    case ErrorKind::Internal: return u"internal"_s;
    }
    return u"internal"_s;
}

} // namespace TiDesk

// Error: the one error value every core function returns instead of throwing.
// Plain value type; safe to copy between threads.
#pragma once

#include <QMetaType>
#include <QString>

namespace TiDesk {

// What went wrong, coarse enough for the UI to pick a message and an icon.
enum class ErrorKind {
    None,
    Connection, // unreachable host, refused, lost connection (2002, 2003, 2006, 2013 ...)
    Auth, // wrong user/password, access denied (1045, 1044, 1227 ...)
    Timeout, // connect/read timeout, server-side statement timeout (1969, 3024)
    Tls, // TLS required/unavailable, certificate verification failure
    HostKey, // SSH: unknown host refused, or a known host presented a different key (MITM?)
    Server, // any other server-side SQL error (syntax, missing table ...)
    Cancelled, // the user or TiDesk stopped it (1317)
    InvalidInput, // malformed file, bad field value, unknown environment
    NotFound, // an environment, secret or file that does not exist
    Io, // local file system failure
    Crypto, // vault: wrong passphrase, corrupted or truncated file
    Unsupported, // not possible with this engine / version / backend
    Internal,
};

struct Error
{
    ErrorKind kind = ErrorKind::None;
    int code = 0; // server / client error number where one exists (e.g. 1045), else 0
    QString sqlState; // five-character SQLSTATE for SQL errors, else empty
    QString message; // one sentence a DBA can act on (already translated where TiDesk made it)
    QString detail; // extra context: the raw server text, a file line, a hint

    [[nodiscard]] bool isError() const { return kind != ErrorKind::None; }
    // "message (code 1045, SQLSTATE 28000): detail" - for logs and the CLI.
    [[nodiscard]] QString toString() const;
    [[nodiscard]] static QString kindName(ErrorKind kind);

    static Error make(ErrorKind kind, const QString &message, const QString &detail = {})
    {
        Error e;
        e.kind = kind;
        e.message = message;
        e.detail = detail;
        return e;
    }
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::Error)

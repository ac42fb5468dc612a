// SqlQuote: quoting helpers for the SQL TiDesk builds itself (dialects, kill, backup).
// Every literal or identifier that comes from a user, a server or a file goes through here.
// Pure functions; safe from any thread.
#pragma once

#include <QByteArray>
#include <QString>

namespace TiDesk::SqlQuote {

// 'text' with ' doubled and \ , NUL, newline, CR, Ctrl-Z escaped with a backslash. Quotes are
// doubled (not backslash-escaped) so a quote can never end the literal, even on a session with
// NO_BACKSLASH_ESCAPES; the backslash escapes assume the default sql_mode, which TiDesk's own
// sessions never change.
QString literal(const QString &text);
// Raw bytes (possibly not UTF-8): emitted as a hex literal X'..' so no byte is reinterpreted.
// Empty input gives ''.
QString bytesLiteral(const QByteArray &bytes);
// `name` with ` doubled. An identifier cannot contain NUL; NULs are dropped.
QString identifier(const QString &name);

} // namespace TiDesk::SqlQuote

// DigestCsv: slow-query classes as CSV (RFC 4180): a header row, one row per class, CRLF line
// ends, fields with a comma, quote, CR or LF quoted and their quotes doubled, so multi-line SQL
// survives a round trip through a spreadsheet. UTF-8 (no BOM unless asked for; Excel wants one).
// Times are seconds, stamps ISO 8601 UTC, unknown numbers empty. Pure functions; any thread.
#pragma once

#include "slowsql/DigestClass.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace TiDesk::DigestCsv {

[[nodiscard]] QStringList header();
[[nodiscard]] QStringList row(const DigestClass &cls);
[[nodiscard]] QByteArray toCsv(const QList<DigestClass> &classes, bool withBom = false);

// One field, quoted when it has to be.
[[nodiscard]] QString field(const QString &value);
// The fields of one record (public for tests): parses RFC 4180 text back into rows.
[[nodiscard]] QList<QStringList> parse(const QString &csv);

} // namespace TiDesk::DigestCsv

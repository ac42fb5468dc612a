// SessionFormat: how a live session's values read in a table: the time in its command
// ("850 ms", "42 s", "3 min 05 s", "2 h 03 min"), memory and disk ("12.3 MiB", "-" unknown) and
// the statement on one line (whitespace runs collapsed, elided with "..." past a length).
// Shared by the sessions models and `tidesk-cli sessions`, so both print the same text.
// Pure functions (translated units via MetricFormat); any thread.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace TiDesk {

class SessionFormat final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SessionFormat)
public:
    SessionFormat() = delete;

    [[nodiscard]] static QString duration(qint64 ms);
    // "-" when unknown.
    [[nodiscard]] static QString bytes(const std::optional<qint64> &value);
    // One line: every run of whitespace (newlines, tabs) becomes one space, trimmed; longer
    // than maxChars: cut and "…" appended (maxChars includes it). maxChars <= 0: no limit.
    [[nodiscard]] static QString oneLine(const QString &statement, int maxChars = 0);
};

} // namespace TiDesk

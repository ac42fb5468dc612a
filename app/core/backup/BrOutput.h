// BrOutput: reads what the BR command line (`br` / `tiup br`, reference §7.2) writes while it runs,
// as a stream: progress bars ("Full Backup <-----/....> 17.12%", redrawn with \r), the final
// success summary log line (`["Full Backup success summary"] [total-take=4.7s] [BackupTS=...]
// [Size=71330] ...`, also Full Restore, db/table variants and `restore log`), and failures
// (`[ERROR]` log lines, cobra's final `Error: ...`). Feed it stdout and stderr as they arrive;
// it keeps no more than the current line. Also the one-shot parsers for `br log status` and
// `br log metadata`. Formats written from the reference and BR's log conventions; BR itself
// cannot run here, so these were never read from a live BR (docs/tidb-testing.md).
// Threading: a value-type parser; use from one thread at a time.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace TiDesk {

struct BrProgress
{
    QString stage; // "Full Backup", "Checksum", "Download&Ingest SST", "Restore KV Files" ...
    double percent = 0; // 0..100
};

struct BrSummary
{
    QString title; // "Full Backup success summary", "restore log success summary" ...
    bool success = false; // the title says success
    QHash<QString, QString> fields; // every [key=value] of the line, quotes removed
    std::optional<quint64> backupTs; // BackupTS
    std::optional<qint64> sizeBytes; // Size, or total-size (restore log)
    std::optional<double> totalTakeSeconds; // total-take (Go duration)
    std::optional<quint64> restoreFrom; // restore log: restore-from / restore-to (TSO)
    std::optional<quint64> restoreTo;
};

class BrOutput
{
public:
    // Bytes as they come (stdout or stderr; \r and \n both end a line).
    void feed(QByteArrayView bytes);
    // The end of the output: the last unterminated line is read too.
    void finish();

    [[nodiscard]] const QList<BrProgress> &progress() const { return m_progress; } // in order
    [[nodiscard]] std::optional<BrProgress> lastProgress() const;
    [[nodiscard]] const std::optional<BrSummary> &summary() const { return m_summary; }
    // "[ERROR] ..." messages (with their error= field when present) and the final "Error: ...".
    [[nodiscard]] const QStringList &errors() const { return m_errors; }
    // Finished well: a success summary and no error.
    [[nodiscard]] bool succeeded() const;

    // One log line's [key=value] fields, quotes removed (public for tests and `br log metadata`).
    [[nodiscard]] static QHash<QString, QString> fields(const QString &line);
    // One line: progress bar, summary or error (public for tests).
    void readLine(const QString &line);

private:
    QByteArray m_pending;
    QList<BrProgress> m_progress;
    std::optional<BrSummary> m_summary;
    QStringList m_errors;
};

// `br log status` (text form): one entry per task.
struct BrLogTask
{
    QString name;
    QString status; // NORMAL, ERROR, PAUSE
    QDateTime start;
    QDateTime end;
    QString storage; // as printed (BR strips the parameters)
    QDateTime checkpoint; // checkpoint[global]: the latest time a PITR can restore to
    qint64 checkpointGapSeconds = -1; // "gap=2m52s"; -1 when absent
    QStringList errors; // "error [store ...]" lines
};

namespace BrLog {
[[nodiscard]] QList<BrLogTask> parseStatus(const QString &text);
// "2022-07-25 22:52:15.518 +0800" -> UTC QDateTime; invalid when not that shape.
[[nodiscard]] QDateTime parseTime(const QString &text);

struct Metadata
{
    std::optional<quint64> minTs;
    std::optional<quint64> maxTs;
    QDateTime minDate; // UTC
    QDateTime maxDate;
};
// The `[log-min-ts=..] [log-min-date=".."] [log-max-ts=..] [log-max-date=".."]` line of
// `br log metadata`; nullopt when the text has none.
[[nodiscard]] std::optional<Metadata> parseMetadata(const QString &text);
} // namespace BrLog

} // namespace TiDesk

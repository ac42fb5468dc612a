// BrCommand: the BR command lines TiDesk runs over SSH on a control host (reference §7.2):
// snapshot backup and restore (full / db / table), incremental (--lastbackupts), log backup for
// PITR (start / status / pause / resume / stop / truncate / metadata) and restore point. Built as
// an argument list (no shell parsing of user input), with `tiup br` or a `br` binary, and a
// display form with the storage URLs redacted (StorageUrl) for the job list, history and the
// activity log. Input is validated (PD address, storage URL, names, times) before anything runs.
// Pure functions: any thread. BR cannot run here: the command lines are checked by text.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace TiDesk {

struct BrTarget
{
    enum class Scope { Full, Database, Table };
    Scope scope = Scope::Full;
    QString database; // Database and Table
    QString table; // Table
};

struct BrOptions
{
    QString program = QStringLiteral("tiup br"); // or a path to `br`; "tiup br:v7.5.1" pins it
    QString pd; // host:port of one PD
    QString storage; // s3://..., local://...; may carry credentials: never displayed as is
    int rateLimitMiBps = 0; // --ratelimit (per TiKV); 0 = BR's default
    QString logFile; // --log-file
};

class BrCommand
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::BrCommand)
public:
    [[nodiscard]] static Result<QStringList> backup(const BrOptions &o, const BrTarget &target,
                                                    std::optional<quint64> lastBackupTs = {});
    [[nodiscard]] static Result<QStringList> restore(const BrOptions &o, const BrTarget &target);
    // Point-in-time restore: the log backup is o.storage, the snapshot fullBackupStorage.
    [[nodiscard]] static Result<QStringList>
    restorePoint(const BrOptions &o, const QString &fullBackupStorage,
                 const std::optional<QDateTime> &restoredTs = {});
    enum class LogAction { Start, Status, Pause, Resume, Stop, Metadata };
    [[nodiscard]] static Result<QStringList> log(const BrOptions &o, LogAction action,
                                                 const QString &taskName);
    // `br log truncate --until ... -y` (the GUI cannot answer BR's y/N prompt).
    [[nodiscard]] static Result<QStringList> logTruncate(const BrOptions &o,
                                                         const QDateTime &until);

    // One line for people: shell-quoted, storage URLs redacted.
    [[nodiscard]] static QString display(const QStringList &argv);
    // Shell-quoted for `sh -c` over SSH (the real URLs: never log this string).
    [[nodiscard]] static QString shellCommand(const QStringList &argv);
    // "2024-05-14 18:00:00+0800" as BR takes times.
    [[nodiscard]] static QString brTime(const QDateTime &t);
};

} // namespace TiDesk

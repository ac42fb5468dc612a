// ScheduleCommands: `tidesk-cli backup schedule ...`, the backup schedules file
// (backup-schedules.json in the data directory, $TIDESK_HOME when set) from the shell:
//   list                         every schedule, its description and next scheduled time
//   add ID --env ENV --kind KIND (--daily HH:MM | --weekly DAYS@HH:MM | --hourly MM)
//       [--keep N] [--target DIR] [--timezone TZ] [--disabled]
//   remove ID
//   export-timer DIR [--cli PATH]  tidesk-backup.service/.timer for a host without the GUI
// --json (global) prints JSON. Exit status: 0 ok, 1 a file could not be written, 2 usage,
// 3 invalid schedules file, invalid schedule, unknown environment or schedule.
// `add` checks the environment in the inventory and opens the CliContext itself when the
// caller has not. Main thread.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace TiDesk::Cli {

class CliContext;

class ScheduleCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::ScheduleCommands)
public:
    explicit ScheduleCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "backup schedule".
    int run(const QStringList &args);

    [[nodiscard]] static QString usage();

private:
    int list(const QStringList &args);
    int add(const QStringList &args);
    int remove(const QStringList &args);
    int exportTimer(const QStringList &args);
    int usageError(const QString &message);

    CliContext &m_ctx;
};

} // namespace TiDesk::Cli

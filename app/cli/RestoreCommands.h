// RestoreCommands: `tidesk-cli restore ENV --backup ID --into TARGET` loads a logical backup of
// ENV into the environment TARGET (optionally under new database names, --rename SRC=DST) and
// verifies it: row counts and checksums of every restored table against those recorded when the
// backup was taken. A target database that already holds tables is refused unless --overwrite;
// a production target, or --overwrite, needs the target's name typed (prompt, or --confirm
// NAME without a terminal); without a terminal --yes is required.
// `tidesk-cli restore drill ENV --into TARGET [--keep]` restores ENV's latest good logical
// backup into TARGET under drill names (db_drill_XXXX), verifies, records the result (the
// environment's "last verified restore") and drops the drill databases unless --keep.
// `tidesk-cli restore drill ENV [--kind physical]` (the default without --into) drills ENV's
// latest good physical backup in a scratch server on the backup's host (socket only, removed
// afterwards) and verifies it against the checksums recorded with the backup, like the logical
// drill; no TARGET is needed.
// A BR backup (TiDB) is restored with `br restore full|db|table` (--database, --table) into
// TARGET's cluster.
// A SQL BACKUP (TiDB) is restored with TiDB's RESTORE DATABASE (--database, repeatable) into
// TARGET, on a connection of its own.
// With --until TIME (TiDB): `br restore point` from a BR backup of ENV plus its log backup, into
// TARGET's cluster, refused when TIME is outside the log backup's window (br log metadata).
// Exit status: 0 restored and verified, 1 failed / refused / differences found, 2 usage,
// 3 unknown environment or backup, 4 secrets unavailable.
// Main thread; waits in a local event loop and on blocking SQL (a CLI has no GUI).
#pragma once

#include "backup/BrCommand.h"
#include "inventory/Environment.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace TiDesk {
struct BackupJob;
}

namespace TiDesk::Cli {

class CliContext;

class RestoreCommands final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::Cli::RestoreCommands)
public:
    explicit RestoreCommands(CliContext &context)
        : m_ctx(context)
    { }

    // args: everything after "restore".
    int run(const QStringList &args);

private:
    int restore(const QStringList &args);
    int drill(const QStringList &args);
    int drillPhysical(const Environment &source, const BackupJob &backup);
    // TiDB: `br restore full|db|table` of a BR backup into TARGET's cluster.
    int restoreBr(const Environment &source, const Environment &into, const BackupJob &backup,
                  const BrTarget &target, const QString &program, bool yes,
                  const QString &confirmName);
    // TiDB: RESTORE DATABASE ... FROM the storage of a SQL BACKUP, into TARGET.
    int restoreSql(const Environment &source, const Environment &into, const BackupJob &backup,
                   const QStringList &databases, bool yes, const QString &confirmName);
    // TiDB: `br restore point` from a BR backup and the log backup, inside its window.
    int restorePoint(const QString &sourceName, const QString &backupId, const QString &intoName,
                     const QDateTime &until, const QString &logStorage, const QString &program,
                     bool yes, const QString &confirmName);

    CliContext &m_ctx;
};

} // namespace TiDesk::Cli

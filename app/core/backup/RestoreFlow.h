// RestoreFlow: the steps of a restore around its job, shared by `tidesk-cli restore` and the
// Backups page (BackupManager): which database goes where (renames, drill names), the refusal of
// target databases that already hold tables, the verification afterwards against the checksums
// recorded at backup time, and dropping a drill's databases. A physical backup's drill runs in a
// scratch server on the backup's host (BackupScript); its checksums are compared here too
// (verifyScratchDrill, called by the BackupRunner that followed it).
// Blocking (SQL, files): pool threads or the CLI, never the GUI thread.
#pragma once

#include "backup/BackupJob.h"
#include "common/Result.h"
#include "inventory/Environment.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>

namespace TiDesk {

class ActivityLog;
struct EnvironmentTarget;

struct RestoreOrder
{
    Environment source;
    Environment into;
    BackupJob backup; // a succeeded logical backup of source
    QList<QPair<QString, QString>> renames; // every database of the backup -> its target name
    bool overwrite = false; // target databases holding tables are allowed (typed name asked)
    bool drill = false;
    bool keepDrill = false; // a drill's databases stay after the verification

    [[nodiscard]] QStringList targets() const;
    [[nodiscard]] QHash<QString, QString> map() const;
    // A production target, or overwrite, needs the target's name typed.
    [[nodiscard]] bool needsTypedName() const { return into.isProduction() || overwrite; }
};

class RestoreFlow
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::RestoreFlow)
public:
    // The backup's databases under their own names, or the given renames (unknown names: error).
    [[nodiscard]] static Result<QList<QPair<QString, QString>>>
    renames(const BackupJob &backup, const QHash<QString, QString> &requested);
    // db -> db_drill_<tag> for a drill (plain, at most 64 characters).
    [[nodiscard]] static QList<QPair<QString, QString>> drillRenames(const BackupJob &backup,
                                                                     const QString &tag);
    // The latest succeeded backup of that kind (Logical or Physical) among jobs of env (none:
    // NotFound).
    [[nodiscard]] static Result<BackupJob>
    latestGoodBackup(const QList<BackupJob> &jobs, const QString &env,
                     BackupJob::Kind kind = BackupJob::Kind::Logical);
    // A scratch drill of a physical backup succeeded: its checksum lines (the job's `checksums`
    // file, ChecksumReader::reportFromDrill) compared with those recorded when the backup was
    // taken (historyDir); job->verification and job->verified set. Reads one small file.
    static void verifyScratchDrill(const QString &historyDir, const QStringList &drillLines,
                                   BackupJob *job);

    // Refused (InvalidInput naming the databases) when a target database holds tables and the
    // order does not allow overwriting; the occupied ones otherwise.
    [[nodiscard]] static Result<QStringList>
    checkTarget(const RestoreOrder &order, const EnvironmentTarget &into, ActivityLog *log);
    // After the job: verification (and verified) set on job from the checksums recorded at
    // backup time (historyDir), the drill's databases dropped unless kept. Problems that are not
    // the restore's (a drop that failed) go to *warnings.
    static void afterRestore(const RestoreOrder &order, const EnvironmentTarget &into,
                             const QString &historyDir, BackupJob *job, ActivityLog *log,
                             QStringList *warnings = nullptr, QStringList *differences = nullptr);
    [[nodiscard]] static VoidResult dropDatabases(const EnvironmentTarget &into,
                                                  const QStringList &databases, ActivityLog *log);
};

} // namespace TiDesk

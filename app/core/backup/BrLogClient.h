// BrLogClient: BR's short commands for log backup (PITR) on the environment's control host (its
// SSH host, or this machine), run and waited for: `br log start|status|pause|resume|stop|
// metadata|truncate` (BrCommand builds them). S3 credentials of the storage (the environment's
// backup secret) reach BR as AWS_* variables through stdin, never on its command line. status()
// gives the tasks with their checkpoint (the latest time a point-in-time restore can reach) and
// its lag; metadata() the restorable window of a log storage.
// BR does not run here: tested with a stand-in `br` replaying BR's recorded output.
// Blocking (SSH with a local event loop): pool threads or the CLI, never the GUI thread.
#pragma once

#include "backup/BrCommand.h"
#include "backup/BrOutput.h"
#include "backup/LogBackupState.h"
#include "common/Result.h"
#include "inventory/Environment.h"

#include <QCoreApplication>

namespace TiDesk {

class CredentialStore;

class BrLogClient
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::BrLogClient)
public:
    struct Options
    {
        QString program; // empty: br
        QString storage; // the log backup's storage; empty: <environment's backup URL>/log
        int timeoutMs = 120000;
    };
    struct Output
    {
        int exitStatus = -1;
        QString text; // stdout and stderr, URLs redacted
    };

    // The environment's PD address and the log storage with its credentials (in memory).
    [[nodiscard]] static Result<BrOptions> options(const Environment &env, CredentialStore *secrets,
                                                   const Options &o);
    // "s3://b/p?x=1" -> "s3://b/p/log?x=1"
    [[nodiscard]] static QString logStorageOf(const QString &backupUrl);

    [[nodiscard]] static Result<QList<BrLogTask>>
    status(const Environment &env, CredentialStore *secrets, const Options &o, const QString &task);
    // status() of task, recorded in historyDir (LogBackupState) for the backup health: the
    // task's state, or the check's error on top of the last known state (saved too). A task
    // that is not there any more (stopped elsewhere) is forgotten.
    [[nodiscard]] static Result<LogBackupState> recordStatus(const Environment &env,
                                                             CredentialStore *secrets,
                                                             const Options &o, const QString &task,
                                                             const QString &historyDir);
    // The recording part of recordStatus() for tasks already read.
    [[nodiscard]] static Result<LogBackupState>
    remember(const QString &envName, const QList<BrLogTask> &tasks, const QString &task,
             const QString &program, const QString &historyDir, const QDateTime &now);
    [[nodiscard]] static Result<BrLog::Metadata>
    metadata(const Environment &env, CredentialStore *secrets, const Options &o);
    // start / pause / resume / stop: BR's output on success.
    [[nodiscard]] static Result<Output> control(const Environment &env, CredentialStore *secrets,
                                                const Options &o, BrCommand::LogAction action,
                                                const QString &task);
    [[nodiscard]] static Result<Output> truncate(const Environment &env, CredentialStore *secrets,
                                                 const Options &o, const QDateTime &until);

    // Runs argv (BR) on env's control host with the S3 credentials of its storage argument
    // moved to the environment. Non-zero exit: an error with BR's own error line.
    [[nodiscard]] static Result<Output> run(const Environment &env, CredentialStore *secrets,
                                            QStringList argv, int timeoutMs);
};

} // namespace TiDesk

// BackupLauncher: turns an environment and a request into everything a BackupRunner needs - the
// job record, the script's spec, where it runs (the environment's SSH host through
// BastionConfig, or this machine) and the database password from the credential store - for a
// new backup, for following a job already started (attach), and for a restore.
// The backup directory: the request's, else the environment's backup location when it is a
// directory (local:// or file:// URL, an absolute path, ~/...), else ~/tidesk-backups/<env> on
// that host. BR storage URLs (s3://, gcs:// ...) are for TiDB's BR and refused here.
// Blocking (credential store, ~/.ssh/config): pool threads or the CLI, never the GUI thread.
#pragma once

#include "SshConnectOptions.h"
#include "backup/BackupJob.h"
#include "backup/BackupRunner.h"
#include "backup/BackupScript.h"
#include "backup/BrCommand.h"
#include "common/Result.h"
#include "inventory/Environment.h"

#include <QCoreApplication>

#include <optional>

namespace TiDesk {

class CredentialStore;

struct BackupJobRequest
{
    BackupJob::Kind kind = BackupJob::Kind::Logical;
    QString root; // empty: the environment's backup location or the default
    QStringList databases; // logical only; empty = all but the system schemas
    QString scheduleId;
    QString jobId; // empty: a new id (a schedule's run uses the id its claim recorded)
};

// A TiDB snapshot backup with BR on the environment's SSH host (the control host) or here.
struct BrJobRequest
{
    BrTarget target; // full, one database, one table
    QString storage; // empty: the environment's backup location (s3://..., local://...)
    QString program; // empty: "br" when the control host has it in PATH, else `tiup br`
    QString root; // where the job's directory (script, log) goes on the control host
    std::optional<quint64> lastBackupTs; // incremental
    int rateLimitMiBps = 0;
    QString scheduleId;
};

struct RestoreRequest
{
    BackupJob backup; // a succeeded logical backup (from the history)
    // database renames source -> target; a source database absent here keeps its name
    QList<QPair<QString, QString>> renames;
    bool drill = false;
};

struct PreparedJob
{
    BackupJob job;
    BackupSpec spec;
    std::optional<SshConnectOptions> ssh; // none: this machine
    QByteArray password; // the database password (empty for attach)

    // Creates the job's shell on the runner's thread.
    [[nodiscard]] BackupRunner::ShellFactory shellFactory() const;
};

class BackupLauncher
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::BackupLauncher)
public:
    [[nodiscard]] static Result<PreparedJob> prepareBackup(const Environment &env,
                                                           CredentialStore *secrets,
                                                           const BackupJobRequest &request);
    // The storage URL is the environment's (or the request's) with the secret part from the
    // credential store (Environment::backupSecretKey(), e.g. "access-key=..&secret-access-key=..")
    // appended; S3 credentials go to the job's environment, never to the command line, the
    // history (target is redacted) or a log.
    [[nodiscard]] static Result<PreparedJob>
    prepareBr(const Environment &env, CredentialStore *secrets, const BrJobRequest &request);
    // A BR snapshot restore (full, one database, one table) of a succeeded BR backup of source
    // into `into`'s cluster, run as a detached job on the source's control host.
    [[nodiscard]] static Result<PreparedJob>
    prepareBrRestore(const Environment &source, const Environment &into, CredentialStore *secrets,
                     const BackupJob &backup, const BrTarget &target, const QString &program);
    // A TiDB point-in-time restore into `into`'s cluster (its PD): `br restore point` with the
    // log backup's storage (the source's log storage, or logStorage), the full backup of the
    // history (a succeeded BR backup of source: its storage is the job's target with the
    // source's backup secret put back in memory) and the time. Run as a detached job on the
    // source's control host.
    [[nodiscard]] static Result<PreparedJob>
    prepareBrRestorePoint(const Environment &source, const Environment &into,
                          CredentialStore *secrets, const BackupJob &fullBackup,
                          const QDateTime &until, const QString &logStorage,
                          const QString &program);
    // A job of the history that is still queued or running, to follow it again.
    [[nodiscard]] static Result<PreparedJob>
    prepareAttach(const Environment &env, CredentialStore *secrets, const BackupJob &job);
    // Restore runs on the host that holds the backup (the source environment's) and loads it
    // into `into`'s first endpoint as that host reaches it, with into's user and password.
    [[nodiscard]] static Result<PreparedJob> prepareRestore(const Environment &source,
                                                            const Environment &into,
                                                            CredentialStore *secrets,
                                                            const RestoreRequest &request);
    // The drill of a succeeded physical backup of source: on the host that holds it (source's
    // SSH host, or this machine), copied into a scratch server there, its tables' row counts
    // and checksums read (BackupScript, scratchDrill). Needs no target environment and no
    // database password (the scratch server is reached by its socket only).
    [[nodiscard]] static Result<PreparedJob> prepareScratchDrill(const Environment &source,
                                                                 CredentialStore *secrets,
                                                                 const BackupJob &backup);
    // env's PD as BR takes it ("host:port": scheme and trailing slashes dropped); empty, or an
    // InvalidInput error naming the environment, when it has none.
    [[nodiscard]] static QString pdAddress(const Environment &env);
    [[nodiscard]] static Result<QString> pdAddressOrError(const Environment &env);
    // The credential part of env's backup storage URL (Environment::backupSecretKey), empty
    // when none is stored or secrets is null.
    [[nodiscard]] static Result<QString> backupSecret(const Environment &env,
                                                      CredentialStore *secrets);
    // A BR or SQL BACKUP job's storage as it was given: the history keeps it redacted, so its
    // *** parameters go and the environment's backup secret comes back (in memory only).
    [[nodiscard]] static QString storageOf(const BackupJob &job, const QString &secret);
    // Where env's jobs and BR commands run: its SSH host, or this machine (blocking: secrets).
    [[nodiscard]] static Result<BackupRunner::ShellFactory> shellFor(const Environment &env,
                                                                     CredentialStore *secrets);
    // The backup directory for env (see the header comment); InvalidInput for a BR URL.
    [[nodiscard]] static Result<QString> rootFor(const Environment &env, const QString &override);
};

} // namespace TiDesk

#include "RestoreCommands.h"

#include "backup/BackupHistory.h"
#include "backup/BackupLauncher.h"
#include "backup/BackupRunner.h"
#include "backup/BrLogClient.h"
#include "backup/RestoreFlow.h"
#include "backup/SqlBackupRunner.h"
#include "cli/BackupCommands.h"
#include "cli/CliContext.h"
#include "inventory/InventoryStore.h"
#include "sql/EnvironmentConnection.h"
#include "tunnel/BastionTunnels.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

DialectOptions dialectOptions(const CoreServices &services)
{
    DialectOptions o;
    if (!services.tidbCatalogSchema.isEmpty())
        o.catalogSchema = services.tidbCatalogSchema;
    return o;
}

// Checks, confirms, restores, verifies; prints the job; returns the exit status.
int execute(CliContext &ctx, const RestoreOrder &plan, bool yes, const QString &confirmName)
{
    const auto fail = [&ctx](const QString &why, int code) {
        return ctx.fail(Error::make(ErrorKind::InvalidInput, why), code);
    };
    const bool interactive = CliIo::stdinIsTerminal();
    const bool needsName = plan.needsTypedName();
    if (needsName && confirmName != plan.into.name && !interactive)
        return fail(RestoreCommands::tr("Restoring into %1 needs its name typed: there is no "
                                        "terminal, so repeat it with --confirm %1. Nothing was "
                                        "restored.")
                        .arg(plan.into.name),
                    ExitUsage);
    if (!yes && !interactive && !needsName)
        return fail(RestoreCommands::tr("There is no terminal to ask for confirmation: nothing "
                                        "was restored. Add --yes to restore without asking."),
                    ExitUsage);
    const Result<CredentialStore *> secrets = ctx.secrets();
    if (!secrets)
        return ctx.fail(secrets.error(), ExitSecrets);
    const CoreServices services = ctx.app().services();
    const Result<EnvironmentTarget> into = EnvironmentTarget::resolve(
        plan.into, *secrets, services.tunnels, dialectOptions(services));
    if (!into)
        return ctx.fail(into.error(), ExitFailure);

    // 1. The target must not hold the databases already (unless chosen explicitly).
    const Result<QStringList> occupied
        = RestoreFlow::checkTarget(plan, *into, services.activityLog);
    if (!occupied)
        return ctx.fail(occupied.error(), ExitFailure);

    // 2. Confirmation.
    if (needsName && confirmName != plan.into.name) {
        const std::optional<QString> typed = CliIo::promptLine(
            plan.overwrite ? RestoreCommands::tr("This OVERWRITES %1 on %2. Type %2 to go on: ")
                                 .arg(occupied->join(u", "_s), plan.into.name)
                           : RestoreCommands::tr("%1 is PRODUCTION. Type its name to restore: ")
                                 .arg(plan.into.name));
        if (!typed || typed->trimmed() != plan.into.name) {
            CliIo::err(RestoreCommands::tr("Not confirmed: nothing was restored."));
            return ExitFailure;
        }
    } else if (!yes && !needsName) {
        const std::optional<QString> answer = CliIo::promptLine(
            RestoreCommands::tr("Restore %1 into %2? [y/N] ").arg(plan.backup.id, plan.into.name));
        const QString a = answer.value_or(QString()).trimmed().toLower();
        if (a != u"y" && a != u"yes" && a != RestoreCommands::tr("y")
            && a != RestoreCommands::tr("yes")) {
            CliIo::err(RestoreCommands::tr("Not confirmed: nothing was restored."));
            return ExitFailure;
        }
    }

    // 3. Restore.
    RestoreRequest request;
    request.backup = plan.backup;
    request.renames = plan.renames;
    request.drill = plan.drill;
    Result<PreparedJob> prepared
        = BackupLauncher::prepareRestore(plan.source, plan.into, *secrets, request);
    if (!prepared)
        return ctx.fail(prepared.error(), ExitInvalidInput);
    BackupHistory history(BackupHistory::defaultDirectory());
    BackupRunner runner(prepared->job, prepared->spec, prepared->shellFactory(),
                        std::move(prepared->password), &history);
    runner.start();
    BackupJob job = BackupCommands::waitFinished(runner, !ctx.json());

    // 4. Verify (and drop a drill's databases).
    if (job.status == BackupJob::Status::Succeeded) {
        QStringList warnings;
        QStringList differences;
        RestoreFlow::afterRestore(plan, *into, history.directory(), &job, services.activityLog,
                                  &warnings, &differences);
        for (const QString &d : differences)
            CliIo::err(u"  "_s + d);
        for (const QString &w : warnings)
            CliIo::err(RestoreCommands::tr("warning: %1").arg(w));
        if (const VoidResult saved = history.save(job); !saved)
            CliIo::err(RestoreCommands::tr("warning: %1").arg(saved.error().message));
    }
    BackupCommands(ctx).print(job);
    return job.status == BackupJob::Status::Succeeded && job.verified ? ExitOk : ExitFailure;
}

// TiDB restores (BR, point in time, SQL): a production target needs its typed name (prompt, or
// --confirm NAME without a terminal), others a yes (prompt, or --yes). Before anything runs:
// refused when there is no terminal to ask. nullopt: go on; else the exit status.
std::optional<int> refuseWithoutTerminal(CliContext &ctx, const Environment &into, bool yes,
                                         const QString &confirmName)
{
    const bool interactive = CliIo::stdinIsTerminal();
    if (into.isProduction() && confirmName != into.name && !interactive)
        return ctx.fail(
            Error::make(ErrorKind::InvalidInput,
                        RestoreCommands::tr("Restoring into %1 needs its name typed: there is no "
                                            "terminal, so repeat it with --confirm %1. Nothing was "
                                            "restored.")
                            .arg(into.name)),
            ExitUsage);
    if (!yes && !interactive && !into.isProduction())
        return ctx.fail(
            Error::make(ErrorKind::InvalidInput,
                        RestoreCommands::tr("There is no terminal to ask for confirmation: nothing "
                                            "was restored. Add --yes to restore without asking.")),
            ExitUsage);
    return std::nullopt;
}

// The question itself (after the checks): question is the yes/no one for other tiers.
std::optional<int> askToRestore(const Environment &into, const QString &question, bool yes,
                                const QString &confirmName)
{
    if (into.isProduction() && confirmName != into.name) {
        const std::optional<QString> typed = CliIo::promptLine(
            RestoreCommands::tr("%1 is PRODUCTION. Type its name to restore: ").arg(into.name));
        if (!typed || typed->trimmed() != into.name) {
            CliIo::err(RestoreCommands::tr("Not confirmed: nothing was restored."));
            return ExitFailure;
        }
    } else if (!yes && !into.isProduction()) {
        const std::optional<QString> answer = CliIo::promptLine(question);
        const QString a = answer.value_or(QString()).trimmed().toLower();
        if (a != u"y" && a != u"yes" && a != RestoreCommands::tr("y")
            && a != RestoreCommands::tr("yes")) {
            CliIo::err(RestoreCommands::tr("Not confirmed: nothing was restored."));
            return ExitFailure;
        }
    }
    return std::nullopt;
}

} // namespace

int RestoreCommands::run(const QStringList &args)
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        CliIo::out(tr("Usage: tidesk-cli [global options] restore ENV --backup ID --into TARGET\n"
                      "           [--rename SRC=DST]... [--overwrite] [--confirm TARGET] [--yes] "
                      "[--json]\n"
                      "       tidesk-cli [global options] restore drill ENV --into TARGET "
                      "[--keep] [--json]\n"
                      "       tidesk-cli [global options] restore drill ENV [--kind physical] "
                      "[--json]\n"
                      "Loads a logical backup into TARGET and verifies row counts and checksums "
                      "against\nthose recorded at backup time. A physical drill restores the "
                      "latest physical backup\ninto a scratch server on the backup's host, "
                      "verifies it the same way and removes it."));
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"drill")
        return drill(args.mid(1));
    return restore(args);
}

int RestoreCommands::restore(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption backupOpt(u"backup"_s, tr("the backup's job id"), u"id"_s);
    const QCommandLineOption intoOpt(u"into"_s, tr("the environment to restore into"), u"env"_s);
    const QCommandLineOption renameOpt(u"rename"_s, tr("restore database SRC as DST"),
                                       u"src=dst"_s);
    const QCommandLineOption overwriteOpt(u"overwrite"_s,
                                          tr("allow target databases that hold tables"));
    const QCommandLineOption confirmOpt(u"confirm"_s, tr("the target's name, typed"), u"name"_s);
    const QCommandLineOption yesOpt(u"yes"_s, tr("do not ask (names are still required)"));
    const QCommandLineOption untilOpt(u"until"_s, tr("point in time (TiDB log backup only)"),
                                      u"time"_s);
    const QCommandLineOption logStorageOpt(
        u"log-storage"_s, tr("--until: the log backup's storage (default: the backup URL + /log)"),
        u"url"_s);
    const QCommandLineOption brOpt(u"br"_s, tr("--until: the BR program (default br)"),
                                   u"program"_s);
    const QCommandLineOption dbOpt(
        u"database"_s, tr("BR: restore only this database; SQL BACKUP: these databases (repeat)"),
        u"db"_s);
    const QCommandLineOption tableOpt(u"table"_s, tr("BR: restore only this table of --database"),
                                      u"table"_s);
    p.addOptions({ backupOpt, intoOpt, renameOpt, overwriteOpt, confirmOpt, yesOpt, untilOpt,
                   logStorageOpt, brOpt, dbOpt, tableOpt });
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli restore"_s } + args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1 || !p.isSet(backupOpt) || !p.isSet(intoOpt))
        return usage(tr("restore needs ENV, --backup ID and --into TARGET"));
    if (p.isSet(untilOpt)) {
        const QDateTime until = BackupCommands::parseTime(p.value(untilOpt));
        if (!until.isValid())
            return usage(tr("--until takes a time such as 2026-11-30T12:00:00Z, not %1")
                             .arg(p.value(untilOpt)));
        return restorePoint(p.positionalArguments().first(), p.value(backupOpt), p.value(intoOpt),
                            until, p.value(logStorageOpt), p.value(brOpt), p.isSet(yesOpt),
                            p.value(confirmOpt));
    }
    RestoreOrder plan;
    const Result<Environment> source
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!source)
        return m_ctx.fail(source.error(), ExitInvalidInput);
    const Result<Environment> into = m_ctx.app().services().inventory->findByName(p.value(intoOpt));
    if (!into)
        return m_ctx.fail(into.error(), ExitInvalidInput);
    BackupHistory history(BackupHistory::defaultDirectory());
    const Result<BackupJob> backup = history.load(p.value(backupOpt));
    if (!backup)
        return m_ctx.fail(backup.error(), ExitInvalidInput);
    if (backup->envName != source->name || backup->kind == BackupJob::Kind::Restore)
        return usage(tr("%1 is not a backup of %2.").arg(backup->id, source->name));
    if (backup->kind == BackupJob::Kind::Sql) {
        if (p.isSet(tableOpt))
            return usage(tr("A SQL BACKUP is restored by database: --table is for BR"));
        return restoreSql(*source, *into, *backup, p.values(dbOpt), p.isSet(yesOpt),
                          p.value(confirmOpt));
    }
    if (backup->kind == BackupJob::Kind::Br) {
        BrTarget target;
        if (p.isSet(dbOpt)) {
            target.scope = p.isSet(tableOpt) ? BrTarget::Scope::Table : BrTarget::Scope::Database;
            target.database = p.value(dbOpt);
            target.table = p.value(tableOpt);
        } else if (p.isSet(tableOpt)) {
            return usage(tr("--table needs --database"));
        }
        return restoreBr(*source, *into, *backup, target, p.value(brOpt), p.isSet(yesOpt),
                         p.value(confirmOpt));
    }
    QHash<QString, QString> renames;
    for (const QString &r : p.values(renameOpt)) {
        const qsizetype eq = r.indexOf(u'=');
        if (eq <= 0 || eq == r.size() - 1)
            return usage(tr("--rename takes SRC=DST, not %1").arg(r));
        renames.insert(r.left(eq), r.mid(eq + 1));
    }
    const Result<QList<QPair<QString, QString>>> mapping = RestoreFlow::renames(*backup, renames);
    if (!mapping)
        return usage(mapping.error().message);
    plan.source = *source;
    plan.into = *into;
    plan.backup = *backup;
    plan.renames = *mapping;
    plan.overwrite = p.isSet(overwriteOpt);
    return execute(m_ctx, plan, p.isSet(yesOpt), p.value(confirmOpt));
}

int RestoreCommands::restoreBr(const Environment &source, const Environment &into,
                               const BackupJob &backup, const BrTarget &target,
                               const QString &program, bool yes, const QString &confirmName)
{
    if (const std::optional<int> refused = refuseWithoutTerminal(m_ctx, into, yes, confirmName))
        return *refused;
    if (const std::optional<int> no = askToRestore(
            into, tr("Restore %1 into %2? [y/N] ").arg(backup.id, into.name), yes, confirmName))
        return *no;
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    Result<PreparedJob> prepared
        = BackupLauncher::prepareBrRestore(source, into, *secrets, backup, target, program);
    if (!prepared)
        return m_ctx.fail(prepared.error(), ExitInvalidInput);
    BackupHistory history(BackupHistory::defaultDirectory());
    BackupRunner runner(prepared->job, prepared->spec, prepared->shellFactory(), {}, &history);
    runner.start();
    const BackupJob job = BackupCommands::waitFinished(runner, !m_ctx.json());
    BackupCommands(m_ctx).print(job);
    return job.status == BackupJob::Status::Succeeded ? ExitOk : ExitFailure;
}

int RestoreCommands::restoreSql(const Environment &source, const Environment &into,
                                const BackupJob &backup, const QStringList &databases, bool yes,
                                const QString &confirmName)
{
    if (const std::optional<int> refused = refuseWithoutTerminal(m_ctx, into, yes, confirmName))
        return *refused;
    if (const std::optional<int> no = askToRestore(
            into, tr("Restore %1 into %2? [y/N] ").arg(backup.id, into.name), yes, confirmName))
        return *no;
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    const CoreServices services = m_ctx.app().services();
    Result<SqlBackupRunner::Prepared> prepared = SqlBackupRunner::prepareRestore(
        source, into, *secrets, services.tunnels, dialectOptions(services), backup, databases);
    if (!prepared)
        return m_ctx.fail(prepared.error(), ExitInvalidInput);
    BackupHistory history(BackupHistory::defaultDirectory());
    SqlBackupRunner runner(std::move(*prepared), &history, services.pool, services.activityLog);
    QEventLoop loop;
    QObject::connect(&runner, &SqlBackupRunner::finished, &loop, &QEventLoop::quit);
    runner.start();
    if (!runner.job().isFinished())
        loop.exec();
    BackupCommands(m_ctx).print(runner.job());
    return runner.job().status == BackupJob::Status::Succeeded ? ExitOk : ExitFailure;
}

int RestoreCommands::restorePoint(const QString &sourceName, const QString &backupId,
                                  const QString &intoName, const QDateTime &until,
                                  const QString &logStorage, const QString &program, bool yes,
                                  const QString &confirmName)
{
    const Result<Environment> source = m_ctx.app().services().inventory->findByName(sourceName);
    if (!source)
        return m_ctx.fail(source.error(), ExitInvalidInput);
    const Result<Environment> into = m_ctx.app().services().inventory->findByName(intoName);
    if (!into)
        return m_ctx.fail(into.error(), ExitInvalidInput);
    BackupHistory history(BackupHistory::defaultDirectory());
    const Result<BackupJob> backup = history.load(backupId);
    if (!backup)
        return m_ctx.fail(backup.error(), ExitInvalidInput);
    if (const std::optional<int> refused = refuseWithoutTerminal(m_ctx, *into, yes, confirmName))
        return *refused;
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    // The time must be inside the log backup's window.
    BrLogClient::Options o;
    o.program = program;
    o.storage = logStorage;
    const Result<BrLog::Metadata> window = BrLogClient::metadata(*source, *secrets, o);
    if (!window)
        return m_ctx.fail(window.error(), ExitFailure);
    if (until < window->minDate || until > window->maxDate)
        //: %1 = the asked time, %2, %3 = the window (UTC)
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput,
                                      tr("%1 is outside the log backup's window (%2 to %3 UTC). "
                                         "Nothing was restored.")
                                          .arg(until.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                               window->minDate.toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                               window->maxDate.toString(u"yyyy-MM-dd HH:mm:ss"_s))),
                          ExitFailure);
    if (const std::optional<int> no = askToRestore(
            *into,
            tr("Restore %1 into %2 at %3 UTC? [y/N] ")
                .arg(backup->id, into->name, until.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s)),
            yes, confirmName))
        return *no;
    Result<PreparedJob> prepared = BackupLauncher::prepareBrRestorePoint(
        *source, *into, *secrets, *backup, until, logStorage, program);
    if (!prepared)
        return m_ctx.fail(prepared.error(), ExitInvalidInput);
    BackupRunner runner(prepared->job, prepared->spec, prepared->shellFactory(), {}, &history);
    runner.start();
    const BackupJob job = BackupCommands::waitFinished(runner, !m_ctx.json());
    BackupCommands(m_ctx).print(job);
    return job.status == BackupJob::Status::Succeeded ? ExitOk : ExitFailure;
}

int RestoreCommands::drill(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption intoOpt(u"into"_s, tr("the scratch environment (logical drill)"),
                                     u"env"_s);
    const QCommandLineOption keepOpt(u"keep"_s, tr("keep the drill databases afterwards"));
    const QCommandLineOption confirmOpt(u"confirm"_s, tr("the target's name, typed"), u"name"_s);
    const QCommandLineOption kindOpt(
        u"kind"_s,
        tr("logical (restored into --into) or physical (a scratch server on the backup's host); "
           "default: logical with --into, physical without"),
        u"kind"_s);
    p.addOptions({ intoOpt, keepOpt, confirmOpt, kindOpt });
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli restore drill"_s } + args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usage(tr("restore drill needs ENV (and --into TARGET for a logical drill)"));
    BackupJob::Kind kind = p.isSet(intoOpt) ? BackupJob::Kind::Logical : BackupJob::Kind::Physical;
    if (p.isSet(kindOpt)) {
        const auto k = BackupJob::kindFromName(p.value(kindOpt));
        if (!k || (*k != BackupJob::Kind::Logical && *k != BackupJob::Kind::Physical))
            return usage(tr("--kind must be logical or physical"));
        kind = *k;
    }
    if (kind == BackupJob::Kind::Logical && !p.isSet(intoOpt))
        return usage(tr("a logical drill needs --into TARGET (a physical drill needs none: "
                        "--kind physical)"));
    if (kind == BackupJob::Kind::Physical && (p.isSet(intoOpt) || p.isSet(keepOpt)))
        return usage(tr("--into and --keep are for a logical drill: a physical drill runs in a "
                        "scratch server on the backup's host and leaves nothing behind"));
    const Result<Environment> source
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!source)
        return m_ctx.fail(source.error(), ExitInvalidInput);
    BackupHistory history(BackupHistory::defaultDirectory());
    const Result<QList<BackupJob>> jobs = history.list(source->name);
    if (!jobs)
        return m_ctx.fail(jobs.error(), ExitFailure);
    const Result<BackupJob> latest = RestoreFlow::latestGoodBackup(*jobs, source->name, kind);
    if (!latest)
        return m_ctx.fail(latest.error(), ExitFailure);
    if (kind == BackupJob::Kind::Physical)
        return drillPhysical(*source, *latest);
    const Result<Environment> into = m_ctx.app().services().inventory->findByName(p.value(intoOpt));
    if (!into)
        return m_ctx.fail(into.error(), ExitInvalidInput);
    RestoreOrder plan;
    plan.source = *source;
    plan.into = *into;
    plan.backup = *latest;
    plan.drill = true;
    plan.keepDrill = p.isSet(keepOpt);
    const QString tag
        = QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, u'0');
    plan.renames = RestoreFlow::drillRenames(*latest, tag);
    CliIo::err(tr("Drill: restoring %1 of %2 into %3 as %4")
                   .arg(latest->id, source->name, into->name, plan.targets().join(u", "_s)));
    return execute(m_ctx, plan, true, p.value(confirmOpt));
}

int RestoreCommands::drillPhysical(const Environment &source, const BackupJob &backup)
{
    const Result<CredentialStore *> secrets = m_ctx.secrets();
    if (!secrets)
        return m_ctx.fail(secrets.error(), ExitSecrets);
    Result<PreparedJob> prepared = BackupLauncher::prepareScratchDrill(source, *secrets, backup);
    if (!prepared)
        return m_ctx.fail(prepared.error(), ExitInvalidInput);
    //: %1 = backup id, %2 = environment, %3 = user@host or "local"
    CliIo::err(tr("Drill: restoring %1 of %2 into a scratch server on %3")
                   .arg(backup.id, source.name, prepared->job.host));
    BackupHistory history(BackupHistory::defaultDirectory());
    // The runner compares the drill's checksums with the backup's and records the result.
    BackupRunner runner(prepared->job, prepared->spec, prepared->shellFactory(), {}, &history);
    runner.start();
    const BackupJob job = BackupCommands::waitFinished(runner, !m_ctx.json());
    BackupCommands(m_ctx).print(job);
    return job.status == BackupJob::Status::Succeeded && job.verified ? ExitOk : ExitFailure;
}

} // namespace TiDesk::Cli

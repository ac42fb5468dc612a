#include "RestoreCommands.h"

#include "backup/BackupHistory.h"
#include "backup/BackupLauncher.h"
#include "backup/BackupRunner.h"
#include "backup/BackupVerifier.h"
#include "cli/BackupCommands.h"
#include "cli/CliContext.h"
#include "inventory/InventoryStore.h"
#include "sql/EnvironmentConnection.h"
#include "sql/SqlConnection.h"
#include "sql/SqlQuote.h"
#include "tunnel/BastionTunnels.h"

#include <QCommandLineParser>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

struct Plan
{
    Environment source;
    Environment into;
    BackupJob backup;
    QList<QPair<QString, QString>> renames; // every database of the backup -> its target name
    bool drill = false;
    bool overwrite = false;
    bool keep = true;
};

QStringList targetsOf(const Plan &plan)
{
    QStringList out;
    for (const auto &[from, to] : plan.renames)
        out << to;
    return out;
}

QHash<QString, QString> mapOf(const Plan &plan)
{
    QHash<QString, QString> map;
    for (const auto &[from, to] : plan.renames)
        map.insert(from, to);
    return map;
}

DialectOptions dialectOptions(const CoreServices &services)
{
    DialectOptions o;
    if (!services.tidbCatalogSchema.isEmpty())
        o.catalogSchema = services.tidbCatalogSchema;
    return o;
}

VoidResult dropDatabases(const EnvironmentTarget &into, const QStringList &databases,
                         ActivityLog *log)
{
    SqlConnection conn(log);
    const Result<OpenedEnvironment> opened = openEnvironment(into, conn);
    if (!opened)
        return opened.error();
    for (const QString &db : databases)
        if (const Result<QueryResult> r
            = conn.query(u"DROP DATABASE IF EXISTS "_s + SqlQuote::identifier(db));
            !r)
            return r.error();
    return {};
}

// Checks, confirms, restores, verifies; prints the job; returns the exit status.
int execute(CliContext &ctx, Plan plan, bool yes, const QString &confirmName)
{
    const auto fail = [&ctx](const QString &why, int code) {
        return ctx.fail(Error::make(ErrorKind::InvalidInput, why), code);
    };
    const bool interactive = CliIo::stdinIsTerminal();
    const bool needsName = plan.into.isProduction() || plan.overwrite;
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
        = BackupVerifier::occupied(*into, targetsOf(plan), services.activityLog);
    if (!occupied)
        return ctx.fail(occupied.error(), ExitFailure);
    if (!occupied->isEmpty() && !plan.overwrite)
        //: %1 = database names, %2 = environment
        return fail(
            RestoreCommands::tr("Refused: these databases already hold tables on %2: "
                                "%1. Restore under new names (--rename SRC=DST) or, to overwrite "
                                "them, add --overwrite and confirm with the environment's "
                                "name. Nothing was restored.")
                .arg(occupied->join(u", "_s), plan.into.name),
            ExitFailure);

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

    // 4. Verify.
    if (job.status == BackupJob::Status::Succeeded) {
        const Result<ChecksumReport> source
            = BackupVerifier::recorded(history.directory(), plan.backup.id);
        if (!source) {
            job.verification = RestoreCommands::tr("not verified: %1").arg(source.error().message);
        } else {
            const Result<ChecksumComparison> cmp
                = BackupVerifier::verify(*into, *source, mapOf(plan), services.activityLog);
            if (!cmp) {
                job.verification = RestoreCommands::tr("not verified: %1").arg(cmp.error().message);
            } else {
                job.verified = cmp->matches();
                job.verification = cmp->summary;
                for (const ChecksumDifference &d : cmp->differences)
                    CliIo::err(u"  "_s + d.message);
                for (const QString &n : cmp->notes)
                    CliIo::err(RestoreCommands::tr("note: %1").arg(n));
            }
        }
        if (plan.drill && !plan.keep) {
            if (const VoidResult dropped
                = dropDatabases(*into, targetsOf(plan), services.activityLog);
                !dropped)
                CliIo::err(RestoreCommands::tr("warning: the drill databases were not dropped: %1")
                               .arg(dropped.error().message));
        }
        if (const VoidResult saved = history.save(job); !saved)
            CliIo::err(RestoreCommands::tr("warning: %1").arg(saved.error().message));
    }
    BackupCommands(ctx).print(job);
    return job.status == BackupJob::Status::Succeeded && job.verified ? ExitOk : ExitFailure;
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
                      "Loads a logical backup into TARGET and verifies row counts and checksums "
                      "against\nthose recorded at backup time."));
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
    p.addOptions({ backupOpt, intoOpt, renameOpt, overwriteOpt, confirmOpt, yesOpt, untilOpt });
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli restore"_s } + args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1 || !p.isSet(backupOpt) || !p.isSet(intoOpt))
        return usage(tr("restore needs ENV, --backup ID and --into TARGET"));
    if (p.isSet(untilOpt))
        return usage(tr("--until is a TiDB point-in-time restore (BR log backup), which this "
                        "build does not run; MariaDB backups restore to the backup's time."));
    Plan plan;
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
    QHash<QString, QString> renames;
    for (const QString &r : p.values(renameOpt)) {
        const qsizetype eq = r.indexOf(u'=');
        if (eq <= 0 || eq == r.size() - 1)
            return usage(tr("--rename takes SRC=DST, not %1").arg(r));
        renames.insert(r.left(eq), r.mid(eq + 1));
    }
    for (auto it = renames.cbegin(); it != renames.cend(); ++it)
        if (!backup->databases.contains(it.key()))
            return usage(tr("backup %1 has no database %2 (it has: %3)")
                             .arg(backup->id, it.key(), backup->databases.join(u", "_s)));
    plan.source = *source;
    plan.into = *into;
    plan.backup = *backup;
    for (const QString &db : backup->databases)
        plan.renames << qMakePair(db, renames.value(db, db));
    plan.overwrite = p.isSet(overwriteOpt);
    return execute(m_ctx, plan, p.isSet(yesOpt), p.value(confirmOpt));
}

int RestoreCommands::drill(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption intoOpt(u"into"_s, tr("the scratch environment"), u"env"_s);
    const QCommandLineOption keepOpt(u"keep"_s, tr("keep the drill databases afterwards"));
    const QCommandLineOption confirmOpt(u"confirm"_s, tr("the target's name, typed"), u"name"_s);
    p.addOptions({ intoOpt, keepOpt, confirmOpt });
    const auto usage = [&](const QString &why) {
        return m_ctx.fail(Error::make(ErrorKind::InvalidInput, why), ExitUsage);
    };
    if (!p.parse(QStringList { u"tidesk-cli restore drill"_s } + args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1 || !p.isSet(intoOpt))
        return usage(tr("restore drill needs ENV and --into TARGET"));
    const Result<Environment> source
        = m_ctx.app().services().inventory->findByName(p.positionalArguments().first());
    if (!source)
        return m_ctx.fail(source.error(), ExitInvalidInput);
    const Result<Environment> into = m_ctx.app().services().inventory->findByName(p.value(intoOpt));
    if (!into)
        return m_ctx.fail(into.error(), ExitInvalidInput);
    BackupHistory history(BackupHistory::defaultDirectory());
    const Result<QList<BackupJob>> jobs = history.list(source->name);
    if (!jobs)
        return m_ctx.fail(jobs.error(), ExitFailure);
    std::optional<BackupJob> latest;
    for (const BackupJob &j : *jobs)
        if (j.kind == BackupJob::Kind::Logical && j.status == BackupJob::Status::Succeeded) {
            latest = j;
            break;
        }
    if (!latest)
        return m_ctx.fail(
            Error::make(ErrorKind::NotFound,
                        tr("%1 has no successful logical backup to drill.").arg(source->name)),
            ExitFailure);
    Plan plan;
    plan.source = *source;
    plan.into = *into;
    plan.backup = *latest;
    plan.drill = true;
    plan.keep = p.isSet(keepOpt);
    const QString tag
        = QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, u'0');
    for (const QString &db : latest->databases)
        plan.renames << qMakePair(db, QString(db.left(48) + u"_drill_"_s + tag));
    CliIo::err(
        tr("Drill: restoring %1 of %2 into %3 as %4")
            .arg(latest->id, source->name, into->name, QStringList(targetsOf(plan)).join(u", "_s)));
    return execute(m_ctx, plan, true, p.value(confirmOpt));
}

} // namespace TiDesk::Cli

#include "RestoreFlow.h"

#include "backup/BackupVerifier.h"
#include "backup/ChecksumReader.h"
#include "sql/EnvironmentConnection.h"
#include "sql/SqlConnection.h"
#include "sql/SqlQuote.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

QStringList RestoreOrder::targets() const
{
    QStringList out;
    for (const auto &[from, to] : renames)
        out << to;
    return out;
}

QHash<QString, QString> RestoreOrder::map() const
{
    QHash<QString, QString> m;
    for (const auto &[from, to] : renames)
        m.insert(from, to);
    return m;
}

Result<QList<QPair<QString, QString>>>
RestoreFlow::renames(const BackupJob &backup, const QHash<QString, QString> &requested)
{
    for (auto it = requested.cbegin(); it != requested.cend(); ++it)
        if (!backup.databases.contains(it.key()))
            //: %1 = backup id, %2 = database, %3 = the backup's databases
            return Error::make(ErrorKind::InvalidInput,
                               tr("Backup %1 has no database %2 (it has: %3).")
                                   .arg(backup.id, it.key(), backup.databases.join(u", "_s)));
    QList<QPair<QString, QString>> out;
    for (const QString &db : backup.databases) {
        const QString to = requested.value(db, db).trimmed();
        out << qMakePair(db, to.isEmpty() ? db : to);
    }
    return out;
}

QList<QPair<QString, QString>> RestoreFlow::drillRenames(const BackupJob &backup,
                                                         const QString &tag)
{
    QList<QPair<QString, QString>> out;
    for (const QString &db : backup.databases)
        out << qMakePair(db, QString(db.left(64 - 7 - tag.size()) + u"_drill_"_s + tag));
    return out;
}

Result<BackupJob> RestoreFlow::latestGoodBackup(const QList<BackupJob> &jobs, const QString &env,
                                                BackupJob::Kind kind)
{
    std::optional<BackupJob> best;
    for (const BackupJob &j : jobs) {
        if (j.envName != env || j.kind != kind || j.status != BackupJob::Status::Succeeded)
            continue;
        const QDateTime t = j.finishedAt.isValid() ? j.finishedAt : j.startedAt;
        const QDateTime bt = best
            ? (best->finishedAt.isValid() ? best->finishedAt : best->startedAt)
            : QDateTime();
        if (!best || t > bt)
            best = j;
    }
    if (!best)
        return Error::make(ErrorKind::NotFound,
                           kind == BackupJob::Kind::Logical
                               ? tr("%1 has no successful logical backup to restore.").arg(env)
                               : tr("%1 has no successful physical backup to drill.").arg(env));
    return *best;
}

void RestoreFlow::verifyScratchDrill(const QString &historyDir, const QStringList &drillLines,
                                     BackupJob *job)
{
    job->verified = false;
    const Result<ChecksumReport> source = BackupVerifier::recorded(historyDir, job->sourceBackupId);
    if (!source) {
        job->verification = tr("not verified: %1").arg(source.error().message);
        return;
    }
    const Result<ChecksumReport> drilled = ChecksumReader::reportFromDrill(
        drillLines, job->finishedAt.isValid() ? job->finishedAt : QDateTime::currentDateTimeUtc());
    if (!drilled) {
        job->verification = tr("not verified: %1").arg(drilled.error().message);
        return;
    }
    const ChecksumComparison cmp = compare(*source, *drilled);
    job->verified = cmp.matches();
    job->verification = cmp.summary;
    // The job record is all a drill leaves: the first differences go with the summary.
    constexpr int kShown = 3;
    QStringList shown;
    for (const ChecksumDifference &d : cmp.differences)
        if (shown.size() < kShown)
            shown << d.message;
    if (!shown.isEmpty())
        job->verification += u": "_s + shown.join(u' ')
            + (cmp.differences.size() > kShown ? QString(u" \u2026"_s) : QString());
}

Result<QStringList> RestoreFlow::checkTarget(const RestoreOrder &order,
                                             const EnvironmentTarget &into, ActivityLog *log)
{
    const Result<QStringList> occupied = BackupVerifier::occupied(into, order.targets(), log);
    if (!occupied)
        return occupied.error();
    if (!occupied->isEmpty() && !order.overwrite)
        //: %1 = environment, %2 = database names
        return Error::make(ErrorKind::InvalidInput,
                           tr("Refused: these databases already hold tables on %1: %2. Restore "
                              "under new names or, to overwrite them, choose to overwrite and "
                              "confirm with the environment's name. Nothing was restored.")
                               .arg(order.into.name, occupied->join(u", "_s)));
    return occupied;
}

VoidResult RestoreFlow::dropDatabases(const EnvironmentTarget &into, const QStringList &databases,
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

void RestoreFlow::afterRestore(const RestoreOrder &order, const EnvironmentTarget &into,
                               const QString &historyDir, BackupJob *job, ActivityLog *log,
                               QStringList *warnings, QStringList *differences)
{
    if (job->status != BackupJob::Status::Succeeded)
        return;
    const Result<ChecksumReport> source = BackupVerifier::recorded(historyDir, order.backup.id);
    if (!source) {
        job->verified = false;
        job->verification = tr("not verified: %1").arg(source.error().message);
    } else {
        const Result<ChecksumComparison> cmp
            = BackupVerifier::verify(into, *source, order.map(), log);
        if (!cmp) {
            job->verified = false;
            job->verification = tr("not verified: %1").arg(cmp.error().message);
        } else {
            job->verified = cmp->matches();
            job->verification = cmp->summary;
            if (differences) {
                for (const ChecksumDifference &d : cmp->differences)
                    *differences << d.message;
                *differences << cmp->notes;
            }
        }
    }
    if (order.drill && !order.keepDrill) {
        if (const VoidResult dropped = dropDatabases(into, order.targets(), log);
            !dropped && warnings)
            *warnings
                << tr("The drill databases were not dropped: %1").arg(dropped.error().message);
    }
}

} // namespace TiDesk

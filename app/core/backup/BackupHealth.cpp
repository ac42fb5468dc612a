#include "BackupHealth.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr qint64 kDefaultInterval = 48 * 3600;

qint64 intervalOf(const BackupSchedule &s)
{
    switch (s.frequency) {
    case BackupSchedule::Frequency::Hourly: return 3600;
    case BackupSchedule::Frequency::Daily: return 86400;
    case BackupSchedule::Frequency::Weekly:
        // Several weekdays: the longest gap between two of them.
        if (s.weekdays.size() > 1) {
            int gap = 0;
            for (qsizetype i = 0; i < s.weekdays.size(); ++i) {
                const int next = s.weekdays.at((i + 1) % s.weekdays.size());
                gap = qMax(gap, (next - s.weekdays.at(i) + 7) % 7);
            }
            return qint64(qMax(gap, 1)) * 86400;
        }
        return 7 * 86400;
    }
    return kDefaultInterval;
}

QDateTime endOf(const BackupJob &j)
{
    return j.finishedAt.isValid() ? j.finishedAt : j.startedAt;
}

bool newer(const BackupJob &a, const std::optional<BackupJob> &b)
{
    return !b || endOf(a) > endOf(*b);
}

QJsonValue jobRef(const std::optional<BackupJob> &j)
{
    if (!j)
        return QJsonValue::Null;
    return QJsonObject { { u"id"_s, j->id },
                         { u"kind"_s, BackupJob::kindName(j->kind) },
                         { u"status"_s, BackupJob::statusName(j->status) },
                         { u"finished_at"_s, endOf(*j).toString(Qt::ISODateWithMs) } };
}

} // namespace

QString BackupHealth::levelName(Level level)
{
    switch (level) {
    case Level::Ok: return u"ok"_s;
    case Level::Warning: return u"warning"_s;
    case Level::Critical: break;
    }
    return u"critical"_s;
}

QString BackupHealth::ageText(qint64 s)
{
    if (s < 0)
        return tr("none");
    if (s < 60)
        return tr("%L1 s").arg(s);
    if (s < 3600)
        return tr("%L1 min").arg(s / 60);
    if (s < 2 * 86400)
        return tr("%L1 h").arg(s / 3600);
    return tr("%L1 d").arg(s / 86400);
}

QString BackupHealth::shortText() const
{
    return ageText(lastGoodAgeSeconds);
}

QString BackupHealth::headline() const
{
    if (running && !lastGood)
        return tr("First backup running");
    if (!lastGood)
        return tr("No successful backup");
    if (lastFailure) {
        const qint64 age = lastFailureAgeSeconds;
        //: %1 = age such as "20 min", %2 = age of the last good backup
        return tr("Last backup failed %1 ago (last good: %2 ago)")
            .arg(ageText(age), ageText(lastGoodAgeSeconds));
    }
    //: %1 = age such as "3 h"
    return tr("Last good backup %1 ago").arg(ageText(lastGoodAgeSeconds));
}

QString BackupHealth::logText(const QDateTime &now) const
{
    if (!logBackup)
        return {};
    //: %1 = "checkpoint 2 min behind", "paused ...", "ERROR: ..."
    return tr("log backup: %1").arg(logBackup->summary(now));
}

QJsonObject BackupHealth::toJson() const
{
    QJsonObject o { { u"env"_s, envName },
                    { u"level"_s, levelName(level) },
                    { u"headline"_s, headline() },
                    { u"last_good"_s, jobRef(lastGood) },
                    { u"last_good_age_s"_s,
                      lastGoodAgeSeconds >= 0 ? QJsonValue(lastGoodAgeSeconds)
                                              : QJsonValue(QJsonValue::Null) },
                    { u"last_failure"_s, jobRef(lastFailure) },
                    { u"last_verified_restore"_s, jobRef(lastVerifiedRestore) },
                    { u"running"_s, jobRef(running) },
                    { u"expected_interval_s"_s, expectedIntervalSeconds } };
    o.insert(u"next_run"_s,
             nextRun.isValid() ? QJsonValue(nextRun.toString(Qt::ISODate))
                               : QJsonValue(QJsonValue::Null));
    if (!nextScheduleId.isEmpty())
        o.insert(u"next_schedule"_s, nextScheduleId);
    if (logBackup) {
        QJsonObject log = logBackup->toJson({});
        log.insert(u"lag_s"_s,
                   logLagSeconds >= 0 ? QJsonValue(logLagSeconds) : QJsonValue(QJsonValue::Null));
        log.insert(u"level"_s, levelName(logLevel));
        o.insert(u"log_backup"_s, log);
    } else {
        o.insert(u"log_backup"_s, QJsonValue::Null);
    }
    return o;
}

QHash<QString, BackupHealth> BackupHealth::compute(const QStringList &envNames,
                                                   const QList<BackupJob> &history,
                                                   const ScheduleSet &schedules,
                                                   const QDateTime &now,
                                                   const QHash<QString, LogBackupState> &logBackups)
{
    QHash<QString, BackupHealth> out;
    for (const QString &env : envNames) {
        BackupHealth h;
        h.envName = env;
        h.expectedIntervalSeconds = 0;
        for (const BackupSchedule &s : schedules.schedules) {
            if (s.envName != env || !s.enabled)
                continue;
            const qint64 interval = intervalOf(s);
            if (h.expectedIntervalSeconds == 0 || interval < h.expectedIntervalSeconds)
                h.expectedIntervalSeconds = interval;
            const QDateTime next = s.nextRunAfter(now).toUTC();
            if (next.isValid() && (!h.nextRun.isValid() || next < h.nextRun)) {
                h.nextRun = next;
                h.nextScheduleId = s.id;
            }
        }
        h.expectedIntervalSeconds = h.expectedIntervalSeconds > 0
            ? h.expectedIntervalSeconds + h.expectedIntervalSeconds / 2
            : kDefaultInterval;
        out.insert(env, h);
    }
    for (const BackupJob &j : history) {
        auto it = out.find(j.envName);
        if (it == out.end())
            continue;
        BackupHealth &h = *it;
        if (j.kind == BackupJob::Kind::Restore) {
            if (j.status == BackupJob::Status::Succeeded && j.verified
                && newer(j, h.lastVerifiedRestore))
                h.lastVerifiedRestore = j;
            continue;
        }
        switch (j.status) {
        case BackupJob::Status::Succeeded:
            if (newer(j, h.lastGood))
                h.lastGood = j;
            break;
        case BackupJob::Status::Failed:
        case BackupJob::Status::Lost:
            if (newer(j, h.lastFailure))
                h.lastFailure = j;
            break;
        case BackupJob::Status::Queued:
        case BackupJob::Status::Running:
            if (!h.running || j.startedAt > h.running->startedAt)
                h.running = j;
            break;
        case BackupJob::Status::Cancelled: break;
        }
    }
    for (BackupHealth &h : out) {
        if (h.lastFailure && h.lastGood && endOf(*h.lastFailure) <= endOf(*h.lastGood))
            h.lastFailure.reset();
        if (h.lastFailure)
            h.lastFailureAgeSeconds = qMax<qint64>(0, endOf(*h.lastFailure).secsTo(now));
        if (const auto log = logBackups.constFind(h.envName); log != logBackups.cend()) {
            h.logBackup = *log;
            h.logLagSeconds = log->lagSeconds(now);
            if (log->status == u"ERROR"_s || h.logLagSeconds > kLogLagCriticalSecs)
                h.logLevel = Level::Critical;
            else if (log->status == u"PAUSE"_s || h.logLagSeconds > kLogLagWarningSecs
                     || h.logLagSeconds < 0 || !log->checkError.isEmpty())
                h.logLevel = Level::Warning;
        }
        if (!h.lastGood) {
            h.level = Level::Critical;
            continue;
        }
        h.lastGoodAgeSeconds = qMax<qint64>(0, endOf(*h.lastGood).secsTo(now));
        if (h.lastGoodAgeSeconds > 2 * h.expectedIntervalSeconds)
            h.level = Level::Critical;
        else if (h.lastGoodAgeSeconds > h.expectedIntervalSeconds || h.lastFailure)
            h.level = Level::Warning;
        else
            h.level = Level::Ok;
        h.level = std::max(h.level, h.logLevel);
    }
    return out;
}

} // namespace TiDesk

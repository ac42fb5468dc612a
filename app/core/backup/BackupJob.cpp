#include "BackupJob.h"

#include "backup/StorageUrl.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

const QList<std::pair<BackupJob::Kind, QString>> &kinds()
{
    static const QList<std::pair<BackupJob::Kind, QString>> k {
        { BackupJob::Kind::Logical, u"logical"_s }, { BackupJob::Kind::Physical, u"physical"_s },
        { BackupJob::Kind::Br, u"br"_s },           { BackupJob::Kind::Sql, u"sql"_s },
        { BackupJob::Kind::Restore, u"restore"_s },
    };
    return k;
}

const QList<std::pair<BackupJob::Status, QString>> &statuses()
{
    static const QList<std::pair<BackupJob::Status, QString>> s {
        { BackupJob::Status::Queued, u"queued"_s },
        { BackupJob::Status::Running, u"running"_s },
        { BackupJob::Status::Succeeded, u"succeeded"_s },
        { BackupJob::Status::Failed, u"failed"_s },
        { BackupJob::Status::Cancelled, u"cancelled"_s },
        { BackupJob::Status::Lost, u"lost"_s },
    };
    return s;
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

bool BackupJob::isFinished() const
{
    return status != Status::Queued && status != Status::Running;
}

bool BackupJob::isAbandoned(const QDateTime &now) const
{
    return status == Status::Queued && remotePid <= 0 && connectionId == 0 && startedAt.isValid()
        && startedAt.secsTo(now) > kAbandonedAfterSecs;
}

void BackupJob::markAbandoned(const QDateTime &now)
{
    status = Status::Lost;
    //: %1 = time the job was queued
    error = tr("Queued at %1 but never started: the TiDesk or tidesk-cli that queued it stopped "
               "before launching it. Nothing ran; the next scheduled run is not affected.")
                .arg(QLocale().toString(startedAt.toLocalTime(), QLocale::ShortFormat));
    progress = -1;
    finishedAt = now.toUTC();
}

qint64 BackupJob::durationMs() const
{
    if (!startedAt.isValid())
        return -1;
    const QDateTime end = finishedAt.isValid() ? finishedAt : QDateTime::currentDateTimeUtc();
    return startedAt.msecsTo(end);
}

QString BackupJob::kindName(Kind k)
{
    for (const auto &[kind, name] : kinds())
        if (kind == k)
            return name;
    return {};
}

QString BackupJob::statusName(Status s)
{
    for (const auto &[status, name] : statuses())
        if (status == s)
            return name;
    return {};
}

std::optional<BackupJob::Kind> BackupJob::kindFromName(const QString &name)
{
    for (const auto &[kind, n] : kinds())
        if (n == name.trimmed().toLower())
            return kind;
    return std::nullopt;
}

std::optional<BackupJob::Status> BackupJob::statusFromName(const QString &name)
{
    for (const auto &[status, n] : statuses())
        if (n == name.trimmed().toLower())
            return status;
    return std::nullopt;
}

QString BackupJob::newId(const QString &envName, const QDateTime &t)
{
    QString env = envName;
    env.replace(QRegularExpression(u"[^A-Za-z0-9_.-]"_s), u"_"_s);
    return t.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s) + u'-' + env + u'-'
        + QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, u'0');
}

QJsonObject BackupJob::toJson() const
{
    QJsonObject o;
    o.insert(u"id"_s, id);
    o.insert(u"env"_s, envName);
    o.insert(u"kind"_s, kindName(kind));
    o.insert(u"status"_s, statusName(status));
    o.insert(u"started_at"_s, timeOrNull(startedAt));
    o.insert(u"finished_at"_s, timeOrNull(finishedAt));
    o.insert(u"size_bytes"_s,
             sizeBytes >= 0 ? QJsonValue(sizeBytes) : QJsonValue(QJsonValue::Null));
    // Whatever the caller put in, a job never carries a credential.
    o.insert(u"target"_s, StorageUrl::redacted(target));
    // A server's error may quote the statement, a log the command line: URLs redacted there too.
    o.insert(u"error"_s, textOrNull(StorageUrl::redactedInText(error)));
    o.insert(u"backup_ts"_s, textOrNull(backupTs));
    o.insert(u"binlog_position"_s, textOrNull(binlogPosition));
    o.insert(u"checksum"_s, textOrNull(checksum));
    o.insert(u"progress"_s, progress >= 0 ? QJsonValue(progress) : QJsonValue(QJsonValue::Null));
    o.insert(u"log_tail"_s, textOrNull(StorageUrl::redactedInText(logTail)));
    if (remotePid > 0)
        o.insert(u"remote_pid"_s, remotePid);
    if (!remoteLog.isEmpty())
        o.insert(u"remote_log"_s, remoteLog);
    if (connectionId > 0)
        o.insert(u"connection_id"_s, QString::number(connectionId));
    auto optional = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    optional(u"host"_s, host);
    optional(u"root"_s, root);
    if (!databases.isEmpty())
        o.insert(u"databases"_s, QJsonArray::fromStringList(databases));
    optional(u"schedule"_s, scheduleId);
    optional(u"source_backup"_s, sourceBackupId);
    optional(u"into"_s, intoEnv);
    if (drill)
        o.insert(u"drill"_s, true);
    if (scratchDrill)
        o.insert(u"scratch"_s, true);
    optional(u"verification"_s, verification);
    if (!verification.isEmpty())
        o.insert(u"verified"_s, verified);
    return o;
}

Result<BackupJob> BackupJob::fromJson(const QJsonObject &o)
{
    auto bad = [](const QString &field) {
        return Error::make(ErrorKind::InvalidInput,
                           tr("Not a backup job: %1 is missing or wrong.").arg(field));
    };
    BackupJob j;
    j.id = o.value(u"id"_s).toString();
    if (j.id.isEmpty())
        return bad(u"id"_s);
    j.envName = o.value(u"env"_s).toString();
    if (j.envName.isEmpty())
        return bad(u"env"_s);
    const auto kind = kindFromName(o.value(u"kind"_s).toString());
    if (!kind)
        return bad(u"kind"_s);
    j.kind = *kind;
    const auto status = statusFromName(o.value(u"status"_s).toString());
    if (!status)
        return bad(u"status"_s);
    j.status = *status;
    j.target = StorageUrl::redacted(o.value(u"target"_s).toString());
    j.startedAt = QDateTime::fromString(o.value(u"started_at"_s).toString(), Qt::ISODateWithMs);
    j.finishedAt = QDateTime::fromString(o.value(u"finished_at"_s).toString(), Qt::ISODateWithMs);
    j.sizeBytes
        = o.value(u"size_bytes"_s).isDouble() ? qint64(o.value(u"size_bytes"_s).toDouble()) : -1;
    j.error = o.value(u"error"_s).toString();
    j.backupTs = o.value(u"backup_ts"_s).toString();
    j.binlogPosition = o.value(u"binlog_position"_s).toString();
    j.checksum = o.value(u"checksum"_s).toString();
    j.progress = o.value(u"progress"_s).isDouble() ? o.value(u"progress"_s).toDouble() : -1;
    j.logTail = o.value(u"log_tail"_s).toString();
    j.remotePid = qint64(o.value(u"remote_pid"_s).toDouble());
    j.remoteLog = o.value(u"remote_log"_s).toString();
    j.connectionId = o.value(u"connection_id"_s).toString().toULongLong();
    j.host = o.value(u"host"_s).toString();
    j.root = o.value(u"root"_s).toString();
    for (const QJsonValue &v : o.value(u"databases"_s).toArray())
        j.databases << v.toString();
    j.scheduleId = o.value(u"schedule"_s).toString();
    j.sourceBackupId = o.value(u"source_backup"_s).toString();
    j.intoEnv = o.value(u"into"_s).toString();
    j.drill = o.value(u"drill"_s).toBool();
    j.scratchDrill = o.value(u"scratch"_s).toBool();
    j.verification = o.value(u"verification"_s).toString();
    j.verified = o.value(u"verified"_s).toBool();
    return j;
}

} // namespace TiDesk

#include "AuditLog.h"

#include "common/AppPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <deque>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace TiDesk {

QJsonObject AuditEntry::toJson() const
{
    QJsonObject o;
    o.insert(u"at"_s, at.toUTC().toString(Qt::ISODateWithMs));
    o.insert(u"actor"_s, actor);
    o.insert(u"env"_s, envName);
    o.insert(u"action"_s, action);
    o.insert(u"target"_s, target);
    o.insert(u"statement"_s, statement);
    if (!sessionStatement.isEmpty())
        o.insert(u"session_statement"_s, sessionStatement);
    if (!rule.isEmpty())
        o.insert(u"rule"_s, rule);
    o.insert(u"mode"_s, mode);
    o.insert(u"ok"_s, ok);
    if (!outcome.isEmpty())
        o.insert(u"outcome"_s, outcome);
    o.insert(u"result"_s, result);
    return o;
}

AuditEntry AuditEntry::fromJson(const QJsonObject &o)
{
    AuditEntry e;
    e.at = QDateTime::fromString(o.value(u"at"_s).toString(), Qt::ISODateWithMs);
    e.actor = o.value(u"actor"_s).toString();
    e.envName = o.value(u"env"_s).toString();
    e.action = o.value(u"action"_s).toString();
    e.target = o.value(u"target"_s).toString();
    e.statement = o.value(u"statement"_s).toString();
    e.sessionStatement = o.value(u"session_statement"_s).toString();
    e.rule = o.value(u"rule"_s).toString();
    e.mode = o.value(u"mode"_s).toString();
    e.ok = o.value(u"ok"_s).toBool();
    e.outcome = o.value(u"outcome"_s).toString();
    e.result = o.value(u"result"_s).toString();
    return e;
}

AuditLog::AuditLog(QString path)
    : m_path(std::move(path))
{ }

QString AuditLog::defaultPath()
{
    return AppPaths::dataDir() + u"/audit.jsonl"_s;
}

QString AuditLog::currentActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
#ifdef Q_OS_UNIX
    // cron, systemd units and containers often set no USER: the account itself is the answer.
    if (user.isEmpty()) {
        passwd pwd {};
        passwd *found = nullptr;
        char buffer[1024];
        if (::getpwuid_r(::geteuid(), &pwd, buffer, sizeof buffer, &found) == 0 && found
            && found->pw_name)
            user = QString::fromLocal8Bit(found->pw_name);
    }
#endif
    return user.isEmpty() ? u"unknown"_s : user;
}

VoidResult AuditLog::append(AuditEntry entry)
{
    if (!entry.at.isValid())
        entry.at = QDateTime::currentDateTimeUtc();
    if (entry.actor.isEmpty())
        entry.actor = currentActor();
    QByteArray line = QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact);
    line += '\n';

    QMutexLocker lock(&m_mutex);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error::make(ErrorKind::Io, tr("Cannot write the audit log %1.").arg(m_path),
                           file.errorString());
    // One write() per line: with O_APPEND, lines from several processes do not interleave.
    if (file.write(line) != line.size() || !file.flush())
        return Error::make(ErrorKind::Io, tr("Cannot write the audit log %1.").arg(m_path),
                           file.errorString());
    return {};
}

Result<QList<AuditEntry>> AuditLog::readLast(int count, int *skipped) const
{
    if (skipped)
        *skipped = 0;
    QMutexLocker lock(&m_mutex);
    QFile file(m_path);
    if (!file.exists())
        return QList<AuditEntry> {};
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io, tr("Cannot read the audit log %1.").arg(m_path),
                           file.errorString());
    std::deque<AuditEntry> last;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError err {};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            if (skipped)
                ++*skipped;
            continue;
        }
        last.push_back(AuditEntry::fromJson(doc.object()));
        if (count > 0 && static_cast<int>(last.size()) > count)
            last.pop_front();
    }
    return QList<AuditEntry>(last.begin(), last.end());
}

} // namespace TiDesk

#include "LogBackupState.h"

#include "backup/BackupHealth.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

Result<QJsonObject> readFile(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return QJsonObject();
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io,
                           LogBackupState::tr("Cannot read %1: %2").arg(path, f.errorString()));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        //: %1 = file, %2 = parser message
        return Error::make(ErrorKind::InvalidInput,
                           LogBackupState::tr("%1 is not a log backup state file: %2")
                               .arg(path,
                                    pe.error != QJsonParseError::NoError
                                        ? pe.errorString()
                                        : LogBackupState::tr("not a JSON object")));
    return doc.object();
}

VoidResult writeFile(const QString &path, const QJsonObject &all)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(ErrorKind::Io,
                           LogBackupState::tr("Cannot write %1: %2").arg(path, f.errorString()));
    f.write(QJsonDocument(all).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error::make(ErrorKind::Io,
                           LogBackupState::tr("Cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

qint64 LogBackupState::lagSeconds(const QDateTime &now) const
{
    return checkpoint.isValid() ? qMax<qint64>(0, checkpoint.secsTo(now)) : -1;
}

QString LogBackupState::summary(const QDateTime &now) const
{
    const qint64 lag = lagSeconds(now);
    QString text;
    if (status == u"ERROR"_s)
        //: %1 = BR's first error line
        text = errors.isEmpty() ? tr("ERROR") : tr("ERROR: %1").arg(errors.first());
    else if (status == u"PAUSE"_s)
        //: %1 = age such as "3 h"
        text = lag >= 0 ? tr("paused (checkpoint %1 behind)").arg(BackupHealth::ageText(lag))
                        : tr("paused");
    else if (lag >= 0)
        //: %1 = age such as "2 min"
        text = tr("checkpoint %1 behind").arg(BackupHealth::ageText(lag));
    else
        text = tr("not checked");
    if (!checkError.isEmpty())
        //: %1 = the state above, %2 = why the last status check failed
        text = tr("%1; last check failed: %2").arg(text, checkError);
    return text;
}

QJsonObject LogBackupState::toJson(const QDateTime &now) const
{
    QJsonObject o { { u"env"_s, envName },
                    { u"task"_s, task },
                    { u"status"_s, status },
                    { u"checkpoint"_s, iso(checkpoint) },
                    { u"checked_at"_s, iso(checkedAt) } };
    if (now.isValid())
        o.insert(u"lag_s"_s, lagSeconds(now));
    if (!checkError.isEmpty())
        o.insert(u"check_error"_s, checkError);
    if (!program.isEmpty())
        o.insert(u"program"_s, program);
    if (!errors.isEmpty())
        o.insert(u"errors"_s, QJsonArray::fromStringList(errors));
    return o;
}

Result<LogBackupState> LogBackupState::fromJson(const QJsonObject &o)
{
    LogBackupState s;
    s.envName = o.value(u"env"_s).toString();
    if (s.envName.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("A log backup state has no \"env\"."));
    s.task = o.value(u"task"_s).toString();
    s.status = o.value(u"status"_s).toString();
    s.checkpoint = QDateTime::fromString(o.value(u"checkpoint"_s).toString(), Qt::ISODateWithMs);
    s.checkedAt = QDateTime::fromString(o.value(u"checked_at"_s).toString(), Qt::ISODateWithMs);
    s.checkError = o.value(u"check_error"_s).toString();
    s.program = o.value(u"program"_s).toString();
    for (const QJsonValue &e : o.value(u"errors"_s).toArray())
        s.errors << e.toString();
    return s;
}

LogBackupState LogBackupState::fromTask(const QString &envName, const BrLogTask &task,
                                        const QDateTime &checkedAt)
{
    LogBackupState s;
    s.envName = envName;
    s.task = task.name;
    s.status = task.status;
    s.checkpoint = task.checkpoint.toUTC();
    s.checkedAt = checkedAt.toUTC();
    s.errors = task.errors;
    return s;
}

QString LogBackupState::pathIn(const QString &historyDir)
{
    return QDir(historyDir).filePath(u"log-backup/state.json"_s);
}

Result<QHash<QString, LogBackupState>> LogBackupState::load(const QString &historyDir)
{
    const QString path = pathIn(historyDir);
    const Result<QJsonObject> all = readFile(path);
    if (!all)
        return all.error();
    QHash<QString, LogBackupState> out;
    for (auto it = all->begin(); it != all->end(); ++it) {
        Result<LogBackupState> s = fromJson(it.value().toObject());
        if (!s)
            return Error::make(ErrorKind::InvalidInput,
                               //: %1 = file, %2 = problem
                               tr("%1: %2").arg(path, s.error().message));
        out.insert(s->envName, *s);
    }
    return out;
}

VoidResult LogBackupState::save(const QString &historyDir, const LogBackupState &state)
{
    const QString path = pathIn(historyDir);
    Result<QJsonObject> all = readFile(path);
    QJsonObject o = all.valueOr(QJsonObject()); // a damaged file is replaced
    o.insert(state.envName, state.toJson({}));
    return writeFile(path, o);
}

VoidResult LogBackupState::saveCheckError(const QString &historyDir, const QString &envName,
                                          const QString &error, const QDateTime &checkedAt)
{
    const Result<QHash<QString, LogBackupState>> all = load(historyDir);
    if (!all || !all->contains(envName))
        return {}; // no log backup on record: a failed look is not one
    LogBackupState s = all->value(envName);
    s.checkError = error;
    s.checkedAt = checkedAt.toUTC();
    return save(historyDir, s);
}

VoidResult LogBackupState::remove(const QString &historyDir, const QString &envName)
{
    const QString path = pathIn(historyDir);
    Result<QJsonObject> all = readFile(path);
    if (!all)
        return all.error();
    if (!all->contains(envName))
        return {};
    all->remove(envName);
    return writeFile(path, *all);
}

} // namespace TiDesk

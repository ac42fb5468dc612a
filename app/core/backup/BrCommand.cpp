#include "BrCommand.h"

#include "backup/StorageUrl.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

Error invalid(const QString &message)
{
    return Error::make(ErrorKind::InvalidInput, message);
}

// The options every command shares; an Error message when one is not acceptable.
QString checkCommon(const BrOptions &o, bool needsPd)
{
    static const QRegularExpression hostPort(u"^[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}$"_s);
    if (needsPd && !hostPort.match(o.pd.trimmed()).hasMatch())
        return BrCommand::tr("A PD address is host:port, e.g. 10.0.1.1:2379.");
    if (StorageUrl::scheme(o.storage).isEmpty())
        return BrCommand::tr("A backup storage is a URL such as s3://bucket/path or "
                             "local:///mnt/backup.");
    if (o.program.trimmed().isEmpty())
        return BrCommand::tr("No BR program is set.");
    return {};
}

QStringList program(const BrOptions &o)
{
    return o.program.simplified().split(u' ');
}

void addCommon(QStringList &argv, const BrOptions &o, bool pd)
{
    if (pd)
        argv << u"--pd"_s << o.pd.trimmed();
    argv << u"--storage"_s << o.storage.trimmed();
    if (o.rateLimitMiBps > 0)
        argv << u"--ratelimit"_s << QString::number(o.rateLimitMiBps);
    if (!o.logFile.trimmed().isEmpty())
        argv << u"--log-file"_s << o.logFile.trimmed();
}

QString checkTarget(const BrTarget &t)
{
    static const QRegularExpression name(u"^[^`'\"\\s/\\\\]{1,64}$"_s);
    if (t.scope != BrTarget::Scope::Full && !name.match(t.database).hasMatch())
        return BrCommand::tr("Not a database name: %1").arg(t.database);
    if (t.scope == BrTarget::Scope::Table && !name.match(t.table).hasMatch())
        return BrCommand::tr("Not a table name: %1").arg(t.table);
    return {};
}

void addTarget(QStringList &argv, const BrTarget &t)
{
    switch (t.scope) {
    case BrTarget::Scope::Full: argv << u"full"_s; break;
    case BrTarget::Scope::Database: argv << u"db"_s << u"--db"_s << t.database; break;
    case BrTarget::Scope::Table:
        argv << u"table"_s << u"--db"_s << t.database << u"--table"_s << t.table;
        break;
    }
}

QString quoted(const QString &arg)
{
    static const QRegularExpression safe(u"^[A-Za-z0-9_@%+=:,./\\-]+$"_s);
    if (!arg.isEmpty() && safe.match(arg).hasMatch())
        return arg;
    QString q = arg;
    q.replace(u'\'', u"'\\''"_s);
    return u'\'' + q + u'\'';
}

} // namespace

QString BrCommand::brTime(const QDateTime &t)
{
    const int offset = t.offsetFromUtc();
    const int a = qAbs(offset);
    return t.toString(u"yyyy-MM-dd HH:mm:ss"_s) + (offset < 0 ? u'-' : u'+')
        + QString::number(a / 3600).rightJustified(2, u'0')
        + QString::number((a % 3600) / 60).rightJustified(2, u'0');
}

// `<program> backup|restore full|db|table --pd .. --storage ..`: the shape both share.
static Result<QStringList> snapshotCommand(const BrOptions &o, const BrTarget &target,
                                           const QString &verb)
{
    if (const QString p = checkCommon(o, true); !p.isEmpty())
        return invalid(p);
    if (const QString p = checkTarget(target); !p.isEmpty())
        return invalid(p);
    QStringList argv = program(o);
    argv << verb;
    addTarget(argv, target);
    addCommon(argv, o, true);
    return argv;
}

Result<QStringList> BrCommand::backup(const BrOptions &o, const BrTarget &target,
                                      std::optional<quint64> lastBackupTs)
{
    Result<QStringList> argv = snapshotCommand(o, target, u"backup"_s);
    if (argv && lastBackupTs)
        *argv << u"--lastbackupts"_s << QString::number(*lastBackupTs);
    return argv;
}

Result<QStringList> BrCommand::restore(const BrOptions &o, const BrTarget &target)
{
    return snapshotCommand(o, target, u"restore"_s);
}

Result<QStringList> BrCommand::restorePoint(const BrOptions &o, const QString &fullBackupStorage,
                                            const std::optional<QDateTime> &restoredTs)
{
    if (const QString p = checkCommon(o, true); !p.isEmpty())
        return invalid(p);
    if (StorageUrl::scheme(fullBackupStorage).isEmpty())
        return invalid(tr("A point-in-time restore needs the storage of the full backup."));
    if (restoredTs && !restoredTs->isValid())
        return invalid(tr("Not a valid point in time."));
    QStringList argv = program(o);
    argv << u"restore"_s << u"point"_s;
    addCommon(argv, o, true);
    argv << u"--full-backup-storage"_s << fullBackupStorage.trimmed();
    if (restoredTs)
        argv << u"--restored-ts"_s << brTime(*restoredTs);
    return argv;
}

Result<QStringList> BrCommand::log(const BrOptions &o, LogAction action, const QString &taskName)
{
    const bool metadata = action == LogAction::Metadata;
    const bool needsStorage = action == LogAction::Start || metadata;
    if (needsStorage) {
        if (const QString p = checkCommon(o, !metadata); !p.isEmpty())
            return invalid(p);
    } else {
        // status / pause / resume / stop find the task through PD; no storage needed.
        BrOptions withStorage = o;
        withStorage.storage = u"local:///"_s;
        if (const QString p = checkCommon(withStorage, true); !p.isEmpty())
            return invalid(p);
    }
    static const QRegularExpression task(u"^[A-Za-z0-9_\\-]{1,64}$"_s);
    if (!metadata && !task.match(taskName).hasMatch())
        return invalid(tr("Not a log backup task name: %1").arg(taskName));
    QStringList argv = program(o);
    argv << u"log"_s;
    switch (action) {
    case LogAction::Start: argv << u"start"_s; break;
    case LogAction::Status: argv << u"status"_s; break;
    case LogAction::Pause: argv << u"pause"_s; break;
    case LogAction::Resume: argv << u"resume"_s; break;
    case LogAction::Stop: argv << u"stop"_s; break;
    case LogAction::Metadata: argv << u"metadata"_s; break;
    }
    if (!metadata)
        argv << (u"--task-name="_s + taskName) << u"--pd"_s << o.pd.trimmed();
    // Only start and metadata name the storage; the others find the task through PD.
    if (action == LogAction::Start || metadata)
        argv << u"--storage"_s << o.storage.trimmed();
    if (!o.logFile.trimmed().isEmpty())
        argv << u"--log-file"_s << o.logFile.trimmed();
    return argv;
}

Result<QStringList> BrCommand::logTruncate(const BrOptions &o, const QDateTime &until)
{
    if (const QString p = checkCommon(o, false); !p.isEmpty())
        return invalid(p);
    if (!until.isValid())
        return invalid(tr("Not a valid point in time."));
    QStringList argv = program(o);
    argv << u"log"_s << u"truncate"_s << (u"--until="_s + brTime(until)) << u"--storage"_s
         << o.storage.trimmed() << u"-y"_s;
    return argv;
}

QString BrCommand::display(const QStringList &argv)
{
    QStringList out;
    for (const QString &a : argv)
        out << quoted(StorageUrl::scheme(a).isEmpty() ? a : StorageUrl::redacted(a));
    return out.join(u' ');
}

QString BrCommand::shellCommand(const QStringList &argv)
{
    QStringList out;
    for (const QString &a : argv)
        out << quoted(a);
    return out.join(u' ');
}

} // namespace TiDesk

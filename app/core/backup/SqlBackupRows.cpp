#include "SqlBackupRows.h"

#include "backup/StorageUrl.h"
#include "sql/QueryResult.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString text(const QueryResult &r, int row, const QString &column)
{
    const QVariant v = r.value(row, column);
    return v.isValid() && !v.isNull() ? v.toString() : QString();
}

bool isZeroDate(const QString &t)
{
    return t.isEmpty() || t.startsWith(u"0000-00-00"_s);
}

} // namespace

bool SqlBackupJob::isRunning() const
{
    return isZeroDate(finishTime);
}

Result<SqlBackupResult> SqlBackupRows::result(const QueryResult &rows)
{
    if (rows.columnIndex(u"Destination"_s) < 0 || rows.columnIndex(u"BackupTS"_s) < 0
        || rows.rows.size() != 1)
        return Error::make(ErrorKind::InvalidInput,
                           tr("The server's answer is not the result of a BACKUP or RESTORE."),
                           rows.columns.join(u", "_s));
    SqlBackupResult out;
    out.destination = StorageUrl::redacted(text(rows, 0, u"Destination"_s));
    bool ok = false;
    const qint64 size = text(rows, 0, u"Size"_s).toLongLong(&ok);
    out.sizeBytes = ok ? size : -1;
    out.backupTs = text(rows, 0, u"BackupTS"_s).toULongLong();
    out.queueTime = text(rows, 0, u"Queue Time"_s);
    out.executionTime = text(rows, 0, u"Execution Time"_s);
    return out;
}

Result<QList<SqlBackupJob>> SqlBackupRows::jobs(const QueryResult &rows)
{
    if (rows.columnIndex(u"Destination"_s) < 0 || rows.columnIndex(u"State"_s) < 0
        || rows.columnIndex(u"Progress"_s) < 0)
        return Error::make(ErrorKind::InvalidInput,
                           tr("The server's answer is not a SHOW BACKUPS list."),
                           rows.columns.join(u", "_s));
    QList<SqlBackupJob> out;
    for (int i = 0; i < rows.rows.size(); ++i) {
        SqlBackupJob j;
        j.destination = StorageUrl::redacted(text(rows, i, u"Destination"_s));
        j.state = text(rows, i, u"State"_s);
        j.progress = qBound(0.0, text(rows, i, u"Progress"_s).toDouble(), 100.0);
        j.queueTime = text(rows, i, u"Queue_time"_s);
        j.executionTime = text(rows, i, u"Execution_time"_s);
        j.finishTime = text(rows, i, u"Finish_time"_s);
        j.connectionId = text(rows, i, u"Connection"_s).toULongLong();
        j.message = text(rows, i, u"Message"_s);
        out << j;
    }
    return out;
}

} // namespace TiDesk

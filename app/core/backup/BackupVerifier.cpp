#include "BackupVerifier.h"

#include "backup/ChecksumReader.h"
#include "sql/EnvironmentConnection.h"
#include "sql/SqlConnection.h"
#include "sql/SqlQuote.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

struct Opened
{
    std::unique_ptr<SqlConnection> conn;
    OpenedEnvironment env;
};

Result<Opened> open(const EnvironmentTarget &target, ActivityLog *log)
{
    Opened o;
    o.conn = std::make_unique<SqlConnection>(log);
    Result<OpenedEnvironment> env = openEnvironment(target, *o.conn);
    if (!env)
        return env.error();
    o.env = *env;
    return o;
}

} // namespace

QString BackupVerifier::reportPath(const QString &historyDir, const QString &jobId)
{
    return historyDir + u"/checksums/"_s + jobId + u".json"_s;
}

bool BackupVerifier::shouldRecord(const BackupJob &job)
{
    return (job.kind == BackupJob::Kind::Logical || job.kind == BackupJob::Kind::Physical)
        && job.status == BackupJob::Status::Succeeded && job.checksum.isEmpty();
}

QString BackupVerifier::fingerprint(const ChecksumReport &report)
{
    ChecksumReport stable = report;
    stable.takenAt = {};
    const QByteArray hash = QCryptographicHash::hash(
        QJsonDocument(stable.toJson()).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
    return u"sha256:"_s + QString::fromLatin1(hash.toHex().left(12)) + u" ("_s
        + QString::number(report.tables.size()) + u" tables)"_s;
}

QStringList BackupVerifier::databasesOf(const ChecksumReport &report)
{
    QStringList out;
    for (const TableChecksum &t : report.tables)
        if (!out.contains(t.database))
            out << t.database;
    return out;
}

Result<ChecksumReport> BackupVerifier::record(const EnvironmentTarget &source,
                                              const QStringList &databases,
                                              const QString &historyDir, const QString &jobId,
                                              ActivityLog *log, const std::atomic<bool> *cancel)
{
    Result<Opened> o = open(source, log);
    if (!o)
        return o.error();
    Result<ChecksumReport> report
        = ChecksumReader::read(*o->conn, *o->env.dialect, databases, cancel);
    if (!report)
        return report.error();
    const QString path = reportPath(historyDir, jobId);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::make(ErrorKind::Io,
                           tr("Cannot create %1").arg(QFileInfo(path).absolutePath()));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)
        || f.write(QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented)) < 0
        || !f.commit())
        return Error::make(ErrorKind::Io, tr("Cannot write %1: %2").arg(path, f.errorString()));
    return report;
}

Result<ChecksumReport> BackupVerifier::recorded(const QString &historyDir, const QString &jobId)
{
    const QString path = reportPath(historyDir, jobId);
    QFile f(path);
    if (!f.exists())
        return Error::make(ErrorKind::NotFound,
                           tr("No checksums were recorded when backup %1 was taken.").arg(jobId));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io, tr("Cannot read %1: %2").arg(path, f.errorString()));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject())
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is damaged: %2").arg(path, pe.errorString()));
    return ChecksumReport::fromJson(doc.object());
}

Result<QStringList> BackupVerifier::occupied(const EnvironmentTarget &into,
                                             const QStringList &databases, ActivityLog *log)
{
    if (databases.isEmpty())
        return QStringList();
    Result<Opened> o = open(into, log);
    if (!o)
        return o.error();
    QStringList literals;
    for (const QString &db : databases)
        literals << SqlQuote::literal(db);
    const Result<QueryResult> r = o->conn->query(
        u"SELECT TABLE_SCHEMA, COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA IN ("_s
        + literals.join(u',') + u") GROUP BY TABLE_SCHEMA ORDER BY TABLE_SCHEMA"_s);
    if (!r)
        return r.error();
    QStringList out;
    for (const QVariantList &row : r->rows)
        if (row.size() >= 2 && row.at(1).toLongLong() > 0)
            out << row.at(0).toString();
    return out;
}

Result<ChecksumComparison> BackupVerifier::verify(const EnvironmentTarget &into,
                                                  const ChecksumReport &source,
                                                  const QHash<QString, QString> &databaseMap,
                                                  ActivityLog *log, const std::atomic<bool> *cancel)
{
    QStringList targets;
    for (const QString &db : databasesOf(source))
        targets << databaseMap.value(db, db);
    if (targets.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           tr("The backup's checksum report lists no table to compare."));
    Result<Opened> o = open(into, log);
    if (!o)
        return o.error();
    Result<ChecksumReport> restored
        = ChecksumReader::read(*o->conn, *o->env.dialect, targets, cancel);
    if (!restored)
        return restored.error();
    return compare(source, *restored, databaseMap);
}

} // namespace TiDesk

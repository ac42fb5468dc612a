#include "BackupHistory.h"

#include "common/AppPaths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

BackupHistory::BackupHistory(QString directory)
    : m_dir(std::move(directory))
{ }

QString BackupHistory::defaultDirectory()
{
    return AppPaths::dataDir() + u"/backups"_s;
}

QString BackupHistory::pathOf(const QString &id) const
{
    return m_dir + u'/' + id + u".json"_s;
}

VoidResult BackupHistory::remove(const QString &id)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_.-]{1,128}$"_s);
    if (!plain.match(id).hasMatch() || id.startsWith(u'.'))
        return Error::make(ErrorKind::InvalidInput, tr("Not a backup job id: %1").arg(id));
    QMutexLocker lock(&m_mutex);
    QFile f(pathOf(id));
    if (!f.exists())
        return Error::make(ErrorKind::NotFound, tr("No backup job %1.").arg(id));
    if (!f.remove())
        return Error::make(ErrorKind::Io,
                           tr("Cannot remove the backup job %1: %2").arg(id, f.errorString()));
    return {};
}

VoidResult BackupHistory::save(const BackupJob &job)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_.-]{1,128}$"_s);
    if (!plain.match(job.id).hasMatch() || job.id.startsWith(u'.'))
        return Error::make(ErrorKind::InvalidInput, tr("Not a backup job id: %1").arg(job.id));
    QMutexLocker lock(&m_mutex);
    if (!QDir().mkpath(m_dir))
        return Error::make(ErrorKind::Io,
                           tr("Cannot create the backup history folder %1.").arg(m_dir));
    QSaveFile f(pathOf(job.id));
    const QByteArray bytes = QJsonDocument(job.toJson()).toJson(QJsonDocument::Indented);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Error::make(ErrorKind::Io, tr("Cannot write the backup job %1.").arg(job.id),
                           f.errorString());
    return {};
}

Result<BackupJob> BackupHistory::load(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    QFile f(pathOf(id));
    if (!f.exists())
        return Error::make(ErrorKind::NotFound, tr("No backup job %1.").arg(id));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io, tr("Cannot read the backup job %1.").arg(id),
                           f.errorString());
    QJsonParseError err {};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(ErrorKind::InvalidInput,
                           tr("The backup job file %1 is damaged.").arg(f.fileName()),
                           err.errorString());
    return BackupJob::fromJson(doc.object());
}

Result<QList<BackupJob>> BackupHistory::list(const QString &envName, QStringList *problems) const
{
    QStringList ids;
    {
        QMutexLocker lock(&m_mutex);
        const QDir dir(m_dir);
        if (!dir.exists())
            return QList<BackupJob> {};
        for (const QString &name : dir.entryList({ u"*.json"_s }, QDir::Files))
            ids << name.chopped(5);
    }
    QList<BackupJob> jobs;
    for (const QString &id : std::as_const(ids)) {
        Result<BackupJob> j = load(id);
        if (!j) {
            if (problems)
                *problems << j.error().message;
            continue;
        }
        if (envName.isEmpty() || j->envName == envName)
            jobs << *j;
    }
    std::sort(jobs.begin(), jobs.end(),
              [](const BackupJob &a, const BackupJob &b) { return a.id > b.id; });
    return jobs;
}

} // namespace TiDesk

#include "BackupJobsModel.h"

#include "common/MetricFormat.h"
#include "sessions/SessionFormat.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

const QString kUnknown = u"\u2014"_s;

bool isBackup(const BackupJob &job)
{
    return job.kind != BackupJob::Kind::Restore;
}

// Which of two finished jobs ended last (ids start with the creation time, to the second only).
bool endsAfter(const BackupJob &a, const BackupJob &b)
{
    const QDateTime ea = a.finishedAt.isValid() ? a.finishedAt : a.startedAt;
    const QDateTime eb = b.finishedAt.isValid() ? b.finishedAt : b.startedAt;
    if (ea != eb)
        return ea > eb;
    return a.id > b.id;
}

} // namespace

BackupJobsModel::BackupJobsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    qRegisterMetaType<TiDesk::BackupJob>("TiDesk::BackupJob");
}

int BackupJobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int BackupJobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double BackupJobsModel::throughput(const BackupJob &job)
{
    const qint64 ms = job.durationMs();
    if (job.sizeBytes < 0 || ms <= 0)
        return -1;
    return double(job.sizeBytes) * 1000.0 / double(ms);
}

BackupJobsModel::Tone BackupJobsModel::toneOf(BackupJob::Status status)
{
    switch (status) {
    case BackupJob::Status::Queued: return Tone::Neutral;
    case BackupJob::Status::Running: return Tone::Active;
    case BackupJob::Status::Succeeded: return Tone::Good;
    case BackupJob::Status::Cancelled: return Tone::Warning;
    case BackupJob::Status::Failed:
    case BackupJob::Status::Lost: return Tone::Bad;
    }
    return Tone::Neutral;
}

QString BackupJobsModel::statusText(BackupJob::Status status)
{
    switch (status) {
    case BackupJob::Status::Queued: return tr("Queued");
    case BackupJob::Status::Running: return tr("Running");
    case BackupJob::Status::Succeeded: return tr("Succeeded");
    case BackupJob::Status::Failed: return tr("Failed");
    case BackupJob::Status::Cancelled: return tr("Cancelled");
    case BackupJob::Status::Lost: return tr("Lost");
    }
    return {};
}

QString BackupJobsModel::kindText(BackupJob::Kind kind)
{
    switch (kind) {
    case BackupJob::Kind::Logical: return tr("Logical");
    case BackupJob::Kind::Physical: return tr("Physical");
    case BackupJob::Kind::Br: return tr("BR");
    case BackupJob::Kind::Sql: return tr("BACKUP SQL");
    case BackupJob::Kind::Restore: return tr("Restore");
    }
    return {};
}

QString BackupJobsModel::durationText(qint64 ms)
{
    return ms < 0 ? kUnknown : SessionFormat::duration(ms);
}

QString BackupJobsModel::sizeText(qint64 bytes)
{
    return bytes < 0 ? kUnknown : MetricFormat::value(double(bytes), MetricUnit::Bytes);
}

QString BackupJobsModel::ageText(const QDateTime &from, const QDateTime &now)
{
    if (!from.isValid())
        return kUnknown;
    const qint64 s = qMax<qint64>(0, from.secsTo(now));
    if (s < 60)
        return tr("just now");
    if (s < 3600)
        return tr("%n min ago", nullptr, int(s / 60));
    if (s < 2 * 86400)
        return tr("%n h ago", nullptr, int(s / 3600));
    return tr("%n d ago", nullptr, int(s / 86400));
}

double BackupJobsModel::progressOf(const BackupJob &job)
{
    if (job.status == BackupJob::Status::Succeeded)
        return 100;
    if (job.status == BackupJob::Status::Running)
        return job.progress >= 0 ? qBound(0.0, job.progress, 100.0) : -1;
    return -1;
}

QString BackupJobsModel::displayText(const BackupJob &job, int column)
{
    switch (column) {
    case EnvironmentColumn:
        //: A restore: %1 = backed-up environment, %2 = environment restored into
        return job.kind == BackupJob::Kind::Restore && !job.intoEnv.isEmpty()
            ? tr("%1 \u2192 %2").arg(job.envName, job.intoEnv)
            : job.envName;
    case KindColumn: return job.drill ? tr("Restore drill") : kindText(job.kind);
    case StatusColumn: return statusText(job.status);
    case ProgressColumn: {
        const double p = progressOf(job);
        //: %1 = a percentage number
        return p < 0 ? QString() : tr("%1%").arg(qRound(p));
    }
    case StartedColumn:
        return job.startedAt.isValid()
            ? QLocale().toString(job.startedAt.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s)
            : kUnknown;
    case DurationColumn: return durationText(job.durationMs());
    case SizeColumn: return sizeText(job.sizeBytes);
    case ThroughputColumn: {
        const double t = throughput(job);
        //: %1 = a size such as "12 MiB"; per second
        return t < 0 ? kUnknown : tr("%1/s").arg(MetricFormat::value(t, MetricUnit::Bytes));
    }
    case TargetColumn: {
        if (job.kind != BackupJob::Kind::Restore)
            return job.target;
        // A physical drill has no target environment: a scratch server on the backup's host.
        const QString into = !job.intoEnv.isEmpty() ? job.intoEnv
            : job.drill                             ? tr("scratch server")
                                                    : job.target;
        //: Backups page, target of a restore: %1 = environment, %2 = "1 table matches" ...
        return job.verification.isEmpty() ? into : tr("%1 \u2014 %2").arg(into, job.verification);
    }
    default: break;
    }
    return {};
}

QVariant BackupJobsModel::sortValue(const BackupJob &job, int column)
{
    switch (column) {
    case EnvironmentColumn: return job.envName;
    case KindColumn: return BackupJob::kindName(job.kind);
    case StatusColumn: return int(job.status);
    case ProgressColumn: {
        const double p = progressOf(job);
        return p < 0 ? QVariant() : QVariant(p);
    }
    case StartedColumn: return job.startedAt.isValid() ? QVariant(job.startedAt) : QVariant();
    case DurationColumn: {
        const qint64 ms = job.durationMs();
        return ms < 0 ? QVariant() : QVariant::fromValue<qlonglong>(ms);
    }
    case SizeColumn:
        return job.sizeBytes < 0 ? QVariant() : QVariant::fromValue<qlonglong>(job.sizeBytes);
    case ThroughputColumn: {
        const double t = throughput(job);
        return t < 0 ? QVariant() : QVariant(t);
    }
    case TargetColumn: return displayText(job, TargetColumn);
    default: break;
    }
    return {};
}

QVariant BackupJobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackupJob &job = m_jobs.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayText(job, column);
    case Qt::ToolTipRole:
        if (column == StatusColumn && !job.error.isEmpty())
            return QString(statusText(job.status) + u": "_s + job.error);
        if (column == EnvironmentColumn || column == KindColumn)
            return job.id;
        return displayText(job, column);
    case Qt::TextAlignmentRole:
        if (column == ProgressColumn || column == DurationColumn || column == SizeColumn
            || column == ThroughputColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole: return sortValue(job, column);
    case JobRole: return QVariant::fromValue(job);
    case JobIdRole: return job.id;
    case ProgressRole: return progressOf(job);
    case StatusToneRole: return int(toneOf(job.status));
    case LogTailRole: {
        QString text = job.logTail;
        if (!job.error.isEmpty())
            text += (text.isEmpty() || text.endsWith(u'\n') ? u""_s : u"\n"_s) + job.error;
        return text;
    }
    default: break;
    }
    return {};
}

QVariant BackupJobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const bool tip = role == Qt::ToolTipRole;
    switch (section) {
    case EnvironmentColumn: return tr("Environment");
    case KindColumn:
        return tip ? tr("Logical (mariadb-dump) or physical (mariadb-backup)") : tr("Kind");
    case StatusColumn: return tr("Status");
    case ProgressColumn: return tr("Progress");
    case StartedColumn: return tip ? tr("When the job started (local time)") : tr("Started");
    case DurationColumn: return tr("Duration");
    case SizeColumn:
        return tip ? tr("Bytes written (the final size once it succeeded)") : tr("Size");
    case ThroughputColumn: return tip ? tr("Size divided by duration") : tr("Throughput");
    case TargetColumn:
        return tip ? tr("Where the backup is written (host:directory)") : tr("Target");
    default: break;
    }
    return {};
}

int BackupJobsModel::rowOf(const QString &id) const
{
    return m_index.value(id, -1);
}

quint32 BackupJobsModel::changedColumns(const BackupJob &a, const BackupJob &b)
{
    quint32 mask = 0;
    auto mark = [&mask](bool differs, int column) {
        if (differs)
            mask |= 1u << column;
    };
    const bool times = a.startedAt != b.startedAt || a.finishedAt != b.finishedAt;
    const bool live = !b.isFinished() && b.startedAt.isValid(); // duration grows with the clock
    mark(a.envName != b.envName || a.intoEnv != b.intoEnv, EnvironmentColumn);
    mark(a.kind != b.kind, KindColumn);
    mark(a.status != b.status || a.error != b.error, StatusColumn);
    mark(a.status != b.status || a.progress != b.progress, ProgressColumn);
    mark(a.startedAt != b.startedAt, StartedColumn);
    mark(times || live, DurationColumn);
    mark(a.sizeBytes != b.sizeBytes, SizeColumn);
    mark(times || live || a.sizeBytes != b.sizeBytes, ThroughputColumn);
    mark(a.target != b.target || a.intoEnv != b.intoEnv || a.verification != b.verification,
         TargetColumn);
    mark(a.drill != b.drill, KindColumn);
    return mask;
}

int BackupJobsModel::insertRowFor(const QString &id) const
{
    // Rows are sorted by id, descending.
    const auto it
        = std::lower_bound(m_jobs.cbegin(), m_jobs.cend(), id,
                           [](const BackupJob &j, const QString &key) { return j.id > key; });
    return int(it - m_jobs.cbegin());
}

void BackupJobsModel::reindexFrom(int row)
{
    for (int r = row; r < m_jobs.size(); ++r)
        m_index.insert(m_jobs.at(r).id, r);
}

int BackupJobsModel::upsert(const BackupJob &job)
{
    const int existing = rowOf(job.id);
    if (existing >= 0) {
        const quint32 mask = changedColumns(m_jobs.at(existing), job);
        const bool other = m_jobs.at(existing).logTail != job.logTail
            || m_jobs.at(existing).remotePid != job.remotePid;
        m_jobs[existing] = job;
        if (other) {
            // Only roles behind the cells changed (log tail): one signal for the row.
            emit dataChanged(index(existing, 0), index(existing, ColumnCount - 1),
                             { JobRole, LogTailRole });
        }
        int c = 0;
        while (c < ColumnCount) {
            if (!(mask & (1u << c))) {
                ++c;
                continue;
            }
            int end = c;
            while (end + 1 < ColumnCount && (mask & (1u << (end + 1))))
                ++end;
            emit dataChanged(index(existing, c), index(existing, end));
            c = end + 1;
        }
        return existing;
    }
    const int row = insertRowFor(job.id);
    beginInsertRows({}, row, row);
    m_jobs.insert(row, job);
    reindexFrom(row);
    endInsertRows();
    return row;
}

void BackupJobsModel::setJobs(const QList<BackupJob> &jobs)
{
    QSet<QString> keep;
    for (const BackupJob &j : jobs)
        keep.insert(j.id);
    // Vanished jobs, bottom up, in runs of adjacent rows.
    int r = int(m_jobs.size()) - 1;
    int lowest = int(m_jobs.size());
    while (r >= 0) {
        if (keep.contains(m_jobs.at(r).id)) {
            --r;
            continue;
        }
        const int last = r;
        while (r - 1 >= 0 && !keep.contains(m_jobs.at(r - 1).id))
            --r;
        beginRemoveRows({}, r, last);
        for (int i = r; i <= last; ++i)
            m_index.remove(m_jobs.at(i).id);
        m_jobs.remove(r, last - r + 1);
        endRemoveRows();
        lowest = r;
        --r;
    }
    reindexFrom(lowest);
    for (const BackupJob &j : jobs)
        upsert(j);
}

BackupJobsModel::Health BackupJobsModel::healthOf(const QList<BackupJob> &jobs,
                                                  const QString &envName)
{
    Health h;
    for (const BackupJob &j : jobs) {
        if (j.envName != envName || !isBackup(j))
            continue;
        if (!j.isFinished())
            ++h.running;
        if (j.status == BackupJob::Status::Succeeded && (!h.lastGood || endsAfter(j, *h.lastGood)))
            h.lastGood = j;
        if ((j.status == BackupJob::Status::Failed || j.status == BackupJob::Status::Lost)
            && (!h.lastFailure || endsAfter(j, *h.lastFailure)))
            h.lastFailure = j;
    }
    return h;
}

BackupJobsModel::Health BackupJobsModel::health(const QString &envName) const
{
    return healthOf(m_jobs, envName);
}

QStringList BackupJobsModel::environments() const
{
    QStringList names;
    for (const BackupJob &j : m_jobs)
        if (!names.contains(j.envName))
            names << j.envName;
    names.sort(Qt::CaseInsensitive);
    return names;
}

} // namespace TiDesk

#include "FleetModel.h"

#include "inventory/InventoryModel.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
const QString kUnknownText = u"\u2014"_s; // em dash

constexpr AlertLevel kLevels[] = { AlertLevel::Emergency, AlertLevel::Critical, AlertLevel::Warning,
                                   AlertLevel::Info, AlertLevel::Unknown };

bool isInventoryRole(int role)
{
    return role > Qt::UserRole && role < Qt::UserRole + 100;
}

// Live numbers of a server that does not answer are stale: show them as unknown.
bool hasLiveNumbers(const FleetSample *s)
{
    return s && s->reachable();
}

int worstLevel(const QMap<AlertLevel, int> &counts)
{
    for (AlertLevel level : kLevels) {
        if (counts.value(level, 0) > 0)
            return int(level);
    }
    return -1;
}

// One number that orders "how alarming are these alerts": any emergency beats any number of
// criticals, and so on (counts above 999 per level are capped).
double alertScore(const QMap<AlertLevel, int> &counts)
{
    double score = 0;
    double weight = 1e12;
    for (AlertLevel level : kLevels) {
        score += weight * std::min(counts.value(level, 0), 999);
        weight /= 1000;
    }
    return score;
}
} // namespace

FleetModel::FleetModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FleetModel::setInventory(InventoryModel *inventory)
{
    if (inventory == m_inventory)
        return;
    beginResetModel();
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_inventory = inventory;
    if (inventory) {
        // Mirror the inventory's row operations one to one (a list model: no parents).
        m_connections << connect(
            inventory, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { beginInsertRows({}, first, last); });
        m_connections << connect(inventory, &QAbstractItemModel::rowsInserted, this, [this] {
            endInsertRows();
            emit summaryChanged();
        });
        m_connections << connect(
            inventory, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { beginRemoveRows({}, first, last); });
        m_connections << connect(inventory, &QAbstractItemModel::rowsRemoved, this, [this] {
            endRemoveRows();
            pruneSamples();
            emit summaryChanged();
        });
        m_connections << connect(inventory, &QAbstractItemModel::rowsAboutToBeMoved, this,
                                 [this](const QModelIndex &, int first, int last,
                                        const QModelIndex &,
                                        int dest) { beginMoveRows({}, first, last, {}, dest); });
        m_connections << connect(inventory, &QAbstractItemModel::rowsMoved, this,
                                 [this] { endMoveRows(); });
        m_connections << connect(
            inventory, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                emitRowChanged(topLeft.row(), bottomRight.row());
                emit summaryChanged();
            });
        // InventoryModel never resets or re-lays out after construction, but follow it if a
        // subclass or a future version does.
        m_connections << connect(inventory, &QAbstractItemModel::modelAboutToBeReset, this,
                                 [this] { beginResetModel(); });
        m_connections << connect(inventory, &QAbstractItemModel::modelReset, this, [this] {
            endResetModel();
            pruneSamples();
            emit summaryChanged();
        });
        m_connections << connect(inventory, &QAbstractItemModel::layoutAboutToBeChanged, this,
                                 [this] { beginResetModel(); });
        m_connections << connect(inventory, &QAbstractItemModel::layoutChanged, this, [this] {
            endResetModel();
            emit summaryChanged();
        });
        m_connections << connect(inventory, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_connections.clear();
            m_samples.clear();
            m_lastSampledAt = {};
            endResetModel();
            emit summaryChanged();
        });
    }
    pruneSamples();
    endResetModel();
    emit summaryChanged();
}

bool FleetModel::setSample(const FleetSample &sample)
{
    const int row = rowOf(sample.environmentId);
    if (row < 0)
        return false;
    m_samples.insert(sample.environmentId, sample);
    if (sample.sampledAt.isValid()
        && (!m_lastSampledAt.isValid() || sample.sampledAt > m_lastSampledAt))
        m_lastSampledAt = sample.sampledAt;
    emitRowChanged(row, row);
    emit summaryChanged();
    return true;
}

void FleetModel::setSamples(const FleetSampleList &samples)
{
    bool any = false;
    for (const FleetSample &s : samples) {
        const int row = rowOf(s.environmentId);
        if (row < 0)
            continue;
        m_samples.insert(s.environmentId, s);
        if (s.sampledAt.isValid() && (!m_lastSampledAt.isValid() || s.sampledAt > m_lastSampledAt))
            m_lastSampledAt = s.sampledAt;
        emitRowChanged(row, row);
        any = true;
    }
    if (any) // once for the batch, not per row
        emit summaryChanged();
}

bool FleetModel::hasSample(const QUuid &environmentId) const
{
    return m_samples.contains(environmentId);
}

FleetSample FleetModel::sample(const QUuid &environmentId) const
{
    return m_samples.value(environmentId);
}

int FleetModel::rowOf(const QUuid &environmentId) const
{
    return m_inventory ? m_inventory->rowOf(environmentId) : -1;
}

QUuid FleetModel::idAt(int row) const
{
    return m_inventory ? m_inventory->environment(row).id : QUuid();
}

const FleetSample *FleetModel::sampleAt(int row) const
{
    if (!m_inventory)
        return nullptr;
    const auto it = m_samples.constFind(m_inventory->environment(row).id);
    return it == m_samples.constEnd() ? nullptr : &*it;
}

int FleetModel::count(Severity severity) const
{
    int n = 0;
    for (int r = 0; r < rowCount(); ++r) {
        const FleetSample *s = sampleAt(r);
        if ((s ? severityOf(*s) : Severity::Unknown) == severity)
            ++n;
    }
    return n;
}

QStringList FleetModel::downProduction() const
{
    QStringList names;
    for (int r = 0; r < rowCount(); ++r) {
        const Environment env = m_inventory->environment(r);
        const FleetSample *s = sampleAt(r);
        if (env.isProduction() && s && s->state == FleetSample::State::Down)
            names << env.name;
    }
    return names;
}

QStringList FleetModel::allTags() const
{
    QStringList tags;
    QSet<QString> seen;
    for (int r = 0; r < rowCount(); ++r) {
        const QStringList envTags = m_inventory->environment(r).tags;
        for (const QString &t : envTags) {
            if (!t.isEmpty() && !seen.contains(t.toLower())) {
                seen.insert(t.toLower());
                tags << t;
            }
        }
    }
    std::sort(tags.begin(), tags.end(), [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return tags;
}

FleetModel::Severity FleetModel::severityOf(const FleetSample &s)
{
    switch (s.state) {
    case FleetSample::State::Unknown: return Severity::Unknown;
    case FleetSample::State::Down: return Severity::Down;
    case FleetSample::State::Degraded: return Severity::Critical;
    case FleetSample::State::Ok: break;
    }
    if (s.alertCount(AlertLevel::Emergency) + s.alertCount(AlertLevel::Critical) > 0)
        return Severity::Critical;
    if (s.alertCount(AlertLevel::Warning) > 0)
        return Severity::Warning;
    return Severity::Ok;
}

QString FleetModel::severityText(Severity severity)
{
    switch (severity) {
    //: Fleet page, state of an environment: not reachable over SQL
    case Severity::Down: return tr("Down");
    //: Fleet page, state: reachable but a critical alert is active or Prometheus failed
    case Severity::Critical: return tr("Degraded");
    //: Fleet page, state: reachable, with warning alerts
    case Severity::Warning: return tr("Warning");
    //: Fleet page, state: reachable, no alert worse than info
    case Severity::Ok: return tr("OK");
    case Severity::Unknown: break;
    }
    //: Fleet page, state: not sampled yet
    return tr("Unknown");
}

QString FleetModel::durationText(qint64 s)
{
    if (s < 0)
        return kUnknownText;
    if (s < 60)
        //: Uptime: seconds
        return tr("%L1 s").arg(s);
    if (s < 3600)
        //: Uptime: minutes
        return tr("%L1 min").arg(s / 60);
    if (s < 86400)
        //: Uptime: hours and minutes
        return tr("%L1 h %L2 min").arg(s / 3600).arg((s % 3600) / 60);
    //: Uptime: days and hours
    return tr("%L1 d %L2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QString FleetModel::qpsText(double qps)
{
    if (!FleetSample::known(qps) || qps < 0)
        return kUnknownText;
    const int decimals = (qps >= 100 || qps == 0) ? 0 : (qps >= 1 ? 1 : 2);
    return QLocale().toString(qps, 'f', decimals);
}

QString FleetModel::latencyText(double ms)
{
    if (!FleetSample::known(ms) || ms < 0)
        return kUnknownText;
    const QLocale locale;
    if (ms >= 1000)
        //: Latency in seconds
        return tr("%1 s").arg(locale.toString(ms / 1000, 'f', 2));
    const int decimals = ms >= 100 ? 0 : (ms >= 10 ? 1 : 2);
    //: Latency in milliseconds
    return tr("%1 ms").arg(locale.toString(ms, 'f', decimals));
}

QString FleetModel::countText(qint64 n)
{
    return n < 0 ? kUnknownText : QLocale().toString(n);
}

QString FleetModel::alertsText(const QMap<AlertLevel, int> &counts)
{
    QStringList parts;
    for (AlertLevel level : kLevels) {
        const int n = counts.value(level, 0);
        if (n > 0)
            //: Fleet page, alerts column: %1 = count, %2 = level ("critical")
            parts << tr("%L1 %2").arg(n).arg(Alert::levelDisplayName(level));
    }
    return parts.join(u" \u00b7 "_s);
}

QString FleetModel::refreshedText(const QDateTime &last, const QDateTime &now)
{
    if (!last.isValid())
        return tr("Not refreshed yet");
    const qint64 s = qMax<qint64>(0, last.secsTo(now));
    if (s < 60)
        //: Fleet page: time since the newest sample, in seconds
        return tr("Last refreshed %L1 s ago").arg(s);
    if (s < 3600)
        //: Fleet page: time since the newest sample, in minutes
        return tr("Last refreshed %L1 min ago").arg(s / 60);
    //: Fleet page: %1 = date and time of the newest sample
    return tr("Last refreshed %1")
        .arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat));
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return (parent.isValid() || !m_inventory) ? 0 : m_inventory->rowCount();
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::displayData(int column, const FleetSample *s) const
{
    const bool live = hasLiveNumbers(s);
    switch (column) {
    case StateColumn: return severityText(s ? severityOf(*s) : Severity::Unknown);
    case EngineColumn:
        return s && s->engine.engine != Engine::Unknown ? s->engine.displayString() : kUnknownText;
    case UptimeColumn: return live ? durationText(s->uptimeSeconds) : kUnknownText;
    case ConnectionsColumn: return live ? countText(s->connections) : kUnknownText;
    case QpsColumn: return live ? qpsText(s->qps) : kUnknownText;
    case P99Column: return live ? latencyText(s->p99Ms) : kUnknownText;
    case AlertsColumn: return s ? alertsText(s->alertCounts) : kUnknownText;
    case LastErrorColumn: return s ? s->lastError.message : QString();
    default: break;
    }
    return {};
}

void FleetModel::setBackupHealth(const QHash<QString, BackupHealth> &health)
{
    m_backupHealth = health;
    const int rows = rowCount();
    if (rows > 0)
        emit dataChanged(index(0, BackupColumn), index(rows - 1, BackupColumn));
}

QVariant FleetModel::sortData(int column, const QModelIndex &index, const FleetSample *s) const
{
    const bool live = hasLiveNumbers(s);
    switch (column) {
    case NameColumn: return index.data(InventoryModel::NameRole);
    case TierColumn:
        return Environment::tierSortRank(Tier(index.data(InventoryModel::TierRole).toInt()));
    case StateColumn: return int(s ? severityOf(*s) : Severity::Unknown);
    case EngineColumn:
        return s && s->engine.engine != Engine::Unknown ? QVariant(s->engine.displayString())
                                                        : QVariant();
    case UptimeColumn:
        return live && s->uptimeSeconds >= 0 ? QVariant(s->uptimeSeconds) : QVariant();
    case ConnectionsColumn:
        return live && s->connections >= 0 ? QVariant(s->connections) : QVariant();
    case QpsColumn: return live && FleetSample::known(s->qps) ? QVariant(s->qps) : QVariant();
    case P99Column: return live && FleetSample::known(s->p99Ms) ? QVariant(s->p99Ms) : QVariant();
    case AlertsColumn: return s ? QVariant(alertScore(s->alertCounts)) : QVariant();
    case LastErrorColumn:
        return s && s->lastError.isError() ? QVariant(s->lastError.message) : QVariant();
    default: break;
    }
    return {};
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QModelIndex envIndex = m_inventory->index(index.row());
    if (isInventoryRole(role))
        return envIndex.data(role);
    const FleetSample *s = sampleAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn || index.column() == TierColumn)
            return envIndex.data(index.column() == NameColumn ? InventoryModel::NameRole
                                                              : InventoryModel::TierNameRole);
        if (index.column() == BackupColumn) {
            const auto it
                = m_backupHealth.constFind(envIndex.data(InventoryModel::NameRole).toString());
            return it == m_backupHealth.cend() ? kUnknownText : it->shortText();
        }
        return displayData(index.column(), s);
    case Qt::ToolTipRole: {
        if (index.column() == BackupColumn) {
            const auto it
                = m_backupHealth.constFind(envIndex.data(InventoryModel::NameRole).toString());
            if (it != m_backupHealth.cend())
                return it->headline();
        }
        QStringList lines { envIndex.data(Qt::ToolTipRole).toString() };
        if (s) {
            lines << severityText(severityOf(*s));
            if (s->lastError.isError()) {
                lines << s->lastError.toString();
                if (s->lastErrorAt.isValid())
                    //: Fleet page tooltip: %1 = date and time of the last error
                    lines << tr("Last error at %1")
                                 .arg(QLocale().toString(s->lastErrorAt.toLocalTime(),
                                                         QLocale::ShortFormat));
            }
            if (s->sampledAt.isValid())
                //: Fleet page tooltip: %1 = date and time of the sample
                lines << tr("Sampled at %1")
                             .arg(QLocale().toString(s->sampledAt.toLocalTime(),
                                                     QLocale::ShortFormat));
        }
        return lines.join(u'\n');
    }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case UptimeColumn:
        case ConnectionsColumn:
        case QpsColumn:
        case P99Column: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: break;
        }
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        if (index.column() == BackupColumn) {
            const auto it
                = m_backupHealth.constFind(envIndex.data(InventoryModel::NameRole).toString());
            if (it == m_backupHealth.cend())
                return {};
            // No good backup sorts as the oldest.
            return it->lastGoodAgeSeconds >= 0 ? it->lastGoodAgeSeconds
                                               : std::numeric_limits<qint64>::max();
        }
        return sortData(index.column(), envIndex, s);
    case SeverityRole: return int(s ? severityOf(*s) : Severity::Unknown);
    case StateRole: return int(s ? s->state : FleetSample::State::Unknown);
    case WorstAlertLevelRole: return s ? worstLevel(s->alertCounts) : -1;
    case AlertCountsRole: {
        QVariantMap counts;
        if (s) {
            for (auto it = s->alertCounts.cbegin(); it != s->alertCounts.cend(); ++it) {
                if (it.value() > 0)
                    counts.insert(Alert::levelName(it.key()), it.value());
            }
        }
        return counts;
    }
    case SparklineRole: return QVariant::fromValue(s ? s->qpsHistory : QList<double>());
    case SampleRole: return s ? QVariant::fromValue(*s) : QVariant();
    case HasSampleRole: return s != nullptr;
    case BackupLevelRole: {
        const auto it
            = m_backupHealth.constFind(envIndex.data(InventoryModel::NameRole).toString());
        return it == m_backupHealth.cend() ? QVariant() : QVariant(int(it->level));
    }
    default: break;
    }
    return {};
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StateColumn: return tr("Down, degraded (critical alert), warning, OK, unknown");
        case QpsColumn: return tr("Queries per second, and its recent history (gaps: no sample)");
        case P99Column: return tr("99th percentile query latency (needs Prometheus)");
        default: break;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Environment");
    case TierColumn: return tr("Tier");
    case StateColumn: return tr("State");
    case EngineColumn: return tr("Engine");
    case UptimeColumn: return tr("Uptime");
    case ConnectionsColumn: return tr("Connections");
    //: Column header: queries per second
    case QpsColumn: return tr("QPS");
    //: Column header: 99th percentile latency
    case P99Column: return tr("p99");
    case AlertsColumn: return tr("Alerts");
    //: Fleet page column: age of the last good backup
    case BackupColumn: return tr("Backup");
    case LastErrorColumn: return tr("Last error");
    default: break;
    }
    return {};
}

QHash<int, QByteArray> FleetModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(InventoryModel::IdRole, "id");
    names.insert(InventoryModel::NameRole, "name");
    names.insert(InventoryModel::TierRole, "tier");
    names.insert(InventoryModel::TierNameRole, "tierName");
    names.insert(InventoryModel::ColorRole, "color");
    names.insert(InventoryModel::TagsRole, "tags");
    names.insert(InventoryModel::IsProductionRole, "isProduction");
    names.insert(InventoryModel::EndpointsRole, "endpoints");
    names.insert(SortRole, "sortValue");
    names.insert(SeverityRole, "severity");
    names.insert(StateRole, "state");
    names.insert(WorstAlertLevelRole, "worstAlertLevel");
    names.insert(AlertCountsRole, "alertCounts");
    names.insert(SparklineRole, "qpsHistory");
    names.insert(SampleRole, "sample");
    names.insert(HasSampleRole, "hasSample");
    return names;
}

void FleetModel::emitRowChanged(int first, int last)
{
    if (first < 0 || last < first)
        return;
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void FleetModel::pruneSamples()
{
    QSet<QUuid> ids;
    for (int r = 0; r < rowCount(); ++r)
        ids.insert(idAt(r));
    m_lastSampledAt = {};
    for (auto it = m_samples.begin(); it != m_samples.end();) {
        if (!ids.contains(it.key())) {
            it = m_samples.erase(it);
            continue;
        }
        if (it->sampledAt.isValid()
            && (!m_lastSampledAt.isValid() || it->sampledAt > m_lastSampledAt))
            m_lastSampledAt = it->sampledAt;
        ++it;
    }
}

} // namespace TiDesk

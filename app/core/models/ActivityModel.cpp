#include "ActivityModel.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

ActivityModel::ActivityModel(ActivityLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    if (!log)
        return;
    m_capacity = log->capacity();
    // Connect before taking the snapshot: an entry recorded in between arrives twice and
    // append() drops the duplicate by its sequence number; none is lost.
    connect(log, &ActivityLog::entryAdded, this, &ActivityModel::append);
    connect(log, &ActivityLog::entryReplaced, this, &ActivityModel::replace);
    connect(log, &ActivityLog::cleared, this, &ActivityModel::resetFromLog);
    resetFromLog();
}

void ActivityModel::resetFromLog()
{
    beginResetModel();
    m_entries = m_log ? m_log->entries() : QList<ActivityEntry> {};
    m_envNames.clear();
    for (const ActivityEntry &e : std::as_const(m_entries))
        if (!e.envName.isEmpty() && !m_envNames.contains(e.envName))
            m_envNames.append(e.envName);
    m_envNames.sort(Qt::CaseInsensitive);
    endResetModel();
}

void ActivityModel::append(const ActivityEntry &entry)
{
    // Two workers may record seq 5 and 6 and emit in the opposite order, and an entry recorded
    // while the snapshot was taken arrives twice: insert by seq, drop duplicates.
    const auto it
        = std::lower_bound(m_entries.cbegin(), m_entries.cend(), entry.seq,
                           [](const ActivityEntry &e, quint64 seq) { return e.seq < seq; });
    if (it != m_entries.cend() && it->seq == entry.seq)
        return;
    int row = int(it - m_entries.cbegin());
    if (m_entries.size() >= m_capacity) {
        if (row == 0)
            return; // older than everything kept: the log has dropped it as well
        const int excess = int(m_entries.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_entries.remove(0, excess);
        endRemoveRows();
        row -= excess;
    }
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    endInsertRows();

    if (!entry.envName.isEmpty() && !m_envNames.contains(entry.envName)) {
        m_envNames.append(entry.envName);
        m_envNames.sort(Qt::CaseInsensitive);
        emit environmentSeen(entry.envName);
    }
}

void ActivityModel::replace(quint64 oldSeq, const ActivityEntry &entry)
{
    const auto it
        = std::lower_bound(m_entries.cbegin(), m_entries.cend(), oldSeq,
                           [](const ActivityEntry &e, quint64 seq) { return e.seq < seq; });
    if (it != m_entries.cend() && it->seq == oldSeq) {
        const int row = int(it - m_entries.cbegin());
        beginRemoveRows({}, row, row);
        m_entries.remove(row);
        endRemoveRows();
    }
    append(entry);
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActivityModel::oneLine(const QString &text)
{
    return text.simplified();
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return e.startedAt.toLocalTime().toString(u"HH:mm:ss.zzz"_s);
        case EnvironmentColumn: return e.envName;
        case EndpointColumn: return e.endpoint;
        case StatementColumn: return oneLine(e.statement);
        case DurationColumn: return QLocale().toString(e.durationMs);
        case RowsColumn: return e.rows < 0 ? QString() : QLocale().toString(e.rows);
        case ResultColumn:
            //: activity log result of a statement sent %2 times (folded): %1 = the last result
            return e.repeats > 1 ? tr("%1 (\u00d7%2)").arg(oneLine(e.result)).arg(e.repeats)
                                 : oneLine(e.result);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn: return e.startedAt.toLocalTime().toString(Qt::ISODateWithMs);
        case StatementColumn: return e.statement;
        case ResultColumn: return e.result;
        case EndpointColumn: return e.endpoint;
        default: break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn || index.column() == RowsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        break;
    case OkRole: return e.ok;
    case EnvironmentRole: return e.envName;
    case StatementRole: return e.statement;
    case SeqRole: return QVariant::fromValue(e.seq);
    case StartedAtRole: return e.startedAt;
    default: break;
    }
    return {};
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case EnvironmentColumn: return tr("Environment");
    case EndpointColumn: return tr("Endpoint");
    case StatementColumn: return tr("Statement");
    case DurationColumn: return tr("Duration (ms)");
    case RowsColumn: return tr("Rows");
    case ResultColumn: return tr("Result");
    }
    return {};
}

QHash<int, QByteArray> ActivityModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(OkRole, "ok");
    names.insert(EnvironmentRole, "environment");
    names.insert(StatementRole, "statement");
    names.insert(SeqRole, "seq");
    names.insert(StartedAtRole, "startedAt");
    return names;
}

QStringList ActivityModel::environmentNames() const
{
    return m_envNames;
}

} // namespace TiDesk

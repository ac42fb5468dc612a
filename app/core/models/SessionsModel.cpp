#include "SessionsModel.h"

#include "models/KeyedRowDiff.h"
#include "sessions/SessionFormat.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QVariant optionalValue(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

} // namespace

SessionsModel::SessionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    qRegisterMetaType<TiDesk::SessionRow>();
}

int SessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionsModel::sortValue(const SessionRow &row, int column)
{
    switch (column) {
    case InstanceColumn: return row.instance;
    case IdColumn: return QVariant::fromValue<qulonglong>(row.id);
    case UserColumn: return row.user;
    case HostColumn: return row.host;
    case DbColumn: return row.db;
    case CommandColumn: return row.command;
    case TimeColumn: return QVariant::fromValue<qlonglong>(row.timeMs);
    case StateColumn: return row.state;
    case MemoryColumn: return optionalValue(row.memBytes);
    case DiskColumn: return optionalValue(row.diskBytes);
    case DigestColumn: return row.digest;
    case StatementColumn: return row.info;
    default: break;
    }
    return {};
}

QString SessionsModel::displayText(const SessionRow &row, int column)
{
    switch (column) {
    case InstanceColumn: return row.instance;
    case IdColumn: return QString::number(row.id);
    case UserColumn: return row.user;
    case HostColumn: return row.host;
    case DbColumn: return row.db;
    case CommandColumn: return row.command;
    case TimeColumn: return SessionFormat::duration(row.timeMs);
    case StateColumn: return row.state;
    case MemoryColumn: return SessionFormat::bytes(row.memBytes);
    case DiskColumn: return SessionFormat::bytes(row.diskBytes);
    // A 64-hex digest is unreadable in a cell; 16 characters tell statements apart.
    case DigestColumn: return row.digest.left(16);
    case StatementColumn: return SessionFormat::oneLine(row.info, kStatementDisplayChars);
    default: break;
    }
    return {};
}

QVariant SessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayText(row, column);
    case Qt::ToolTipRole:
        if (column == StatementColumn)
            return row.info;
        if (column == DigestColumn)
            return row.digest;
        return displayText(row, column);
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == TimeColumn || column == MemoryColumn
            || column == DiskColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole: return sortValue(row, column);
    case SessionRole: return QVariant::fromValue(row);
    case FullStatementRole: return row.info;
    case KeyRole: return row.key();
    case ConnectionIdRole: return QVariant::fromValue<qulonglong>(row.id);
    case SleepingRole: return row.isSleeping();
    case SystemRole: return row.isSystem();
    default: break;
    }
    return {};
}

QVariant SessionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const bool tip = role == Qt::ToolTipRole;
    switch (section) {
    case InstanceColumn:
        return tip ? tr("The tidb-server that owns the session (its status address)")
                   : tr("Instance");
    case IdColumn: return tip ? tr("Connection id (what KILL takes)") : tr("ID");
    case UserColumn: return tr("User");
    case HostColumn: return tip ? tr("Client host and port") : tr("Host");
    case DbColumn: return tip ? tr("Default database") : tr("DB");
    case CommandColumn: return tr("Command");
    case TimeColumn: return tip ? tr("Time in the current command") : tr("Time");
    case StateColumn: return tr("State");
    case MemoryColumn: return tip ? tr("Memory the statement uses") : tr("Memory");
    case DiskColumn: return tip ? tr("Disk the statement spills to (TiDB)") : tr("Disk");
    case DigestColumn: return tip ? tr("Statement digest (same shape, same digest)") : tr("Digest");
    case StatementColumn: return tr("Statement");
    default: break;
    }
    return {};
}

quint32 SessionsModel::changedColumns(const SessionRow &a, const SessionRow &b)
{
    quint32 mask = 0;
    auto mark = [&mask](bool differs, int column) {
        if (differs)
            mask |= 1u << column;
    };
    mark(a.instance != b.instance, InstanceColumn);
    mark(a.id != b.id, IdColumn);
    mark(a.user != b.user, UserColumn);
    mark(a.host != b.host, HostColumn);
    mark(a.db != b.db, DbColumn);
    mark(a.command != b.command, CommandColumn);
    mark(a.timeMs != b.timeMs, TimeColumn);
    mark(a.state != b.state, StateColumn);
    mark(a.memBytes != b.memBytes, MemoryColumn);
    mark(a.diskBytes != b.diskBytes, DiskColumn);
    mark(a.digest != b.digest, DigestColumn);
    // The same text again under a new QUERY_ID is a new statement: repaint it.
    mark(a.info != b.info || a.queryId != b.queryId, StatementColumn);
    return mask;
}

int SessionsModel::setRows(const QList<SessionRow> &rows)
{
    QStringList newKeys;
    newKeys.reserve(rows.size());
    for (const SessionRow &r : rows)
        newKeys.append(r.key());
    const KeyedRowDiff diff = KeyedRowDiff::compute(m_index, int(m_rows.size()), newKeys);

    // 1. Vanished sessions, from the bottom up.
    int lowestRemoved = int(m_rows.size());
    for (const KeyedRowDiff::Range &range : diff.removed) {
        beginRemoveRows({}, range.first, range.last);
        for (int r = range.first; r <= range.last; ++r)
            m_index.remove(m_keys.at(r));
        m_rows.remove(range.first, range.last - range.first + 1);
        m_keys.remove(range.first, range.last - range.first + 1);
        endRemoveRows();
        lowestRemoved = range.first;
    }
    for (int r = lowestRemoved; r < m_rows.size(); ++r)
        m_index.insert(m_keys.at(r), r);

    // 2. Surviving sessions: dataChanged per run of consecutive rows with the same changed
    //    columns, split into runs of adjacent columns.
    int changedRows = 0;
    int runFirst = -1, runLast = -1;
    quint32 runMask = 0;
    auto flush = [&] {
        if (runFirst < 0 || runMask == 0)
            return;
        int c = 0;
        while (c < ColumnCount) {
            if (!(runMask & (1u << c))) {
                ++c;
                continue;
            }
            int end = c;
            while (end + 1 < ColumnCount && (runMask & (1u << (end + 1))))
                ++end;
            emit dataChanged(index(runFirst, c), index(runLast, end));
            c = end + 1;
        }
    };
    for (const KeyedRowDiff::Kept &k : diff.kept) {
        const SessionRow &incoming = rows.at(k.newIndex);
        SessionRow &current = m_rows[k.row];
        const quint32 mask = changedColumns(current, incoming);
        if (mask == 0) {
            // Nothing shown changed: move the fields no column shows on, without copying the
            // strings that are equal anyway (most rows of every tick).
            current.observedAt = incoming.observedAt;
            current.serverDigest = incoming.serverDigest;
            current.examinedRows = incoming.examinedRows;
            current.txnStart = incoming.txnStart;
            current.resourceGroup = incoming.resourceGroup;
            continue;
        }
        current = incoming;
        ++changedRows;
        if (runFirst >= 0 && k.row == runLast + 1 && mask == runMask) {
            runLast = k.row;
            continue;
        }
        flush();
        runFirst = runLast = k.row;
        runMask = mask;
    }
    flush();

    // 3. New sessions at the end.
    if (!diff.appended.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(diff.appended.size()) - 1);
        m_rows.reserve(first + diff.appended.size());
        m_keys.reserve(first + diff.appended.size());
        for (int i : diff.appended) {
            m_index.insert(newKeys.at(i), int(m_rows.size()));
            m_rows.append(rows.at(i));
            m_keys.append(newKeys.at(i));
        }
        endInsertRows();
    }
    updateInstanceRelevance();
    return changedRows;
}

void SessionsModel::resetRows(const QList<SessionRow> &rows)
{
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    m_index.clear();
    m_rows.reserve(rows.size());
    for (const SessionRow &r : rows) {
        QString key = r.key();
        if (m_index.contains(key))
            continue;
        m_index.insert(key, int(m_rows.size()));
        m_keys.append(std::move(key));
        m_rows.append(r);
    }
    endResetModel();
    updateInstanceRelevance();
}

void SessionsModel::setEngine(Engine engine)
{
    m_engine = engine;
    updateInstanceRelevance();
}

bool SessionsModel::instanceColumnRelevant() const
{
    return m_instanceRelevant;
}

void SessionsModel::updateInstanceRelevance()
{
    bool relevant = m_engine == Engine::TiDB;
    for (qsizetype i = 0; !relevant && i < m_rows.size(); ++i)
        relevant = !m_rows.at(i).instance.isEmpty();
    if (relevant == m_instanceRelevant)
        return;
    m_instanceRelevant = relevant;
    emit instanceColumnRelevantChanged(relevant);
}

} // namespace TiDesk

#include "SessionDigestModel.h"

#include <QLocale>

#include "models/KeyedRowDiff.h"
#include "sessions/SessionFormat.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr int kSampleDisplayChars = 200;

QVariant optionalValue(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

} // namespace

SessionDigestModel::SessionDigestModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int SessionDigestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int SessionDigestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QList<SessionDigestModel::Group> SessionDigestModel::group(const QList<SessionRow> &rows)
{
    QList<Group> groups;
    QHash<QString, int> index;
    QList<qint64> sampleTime; // time of the session the sample came from
    for (const SessionRow &r : rows) {
        if (r.digest.isEmpty())
            continue;
        auto it = index.constFind(r.digest);
        int g = 0;
        if (it == index.cend()) {
            g = int(groups.size());
            index.insert(r.digest, g);
            Group fresh;
            fresh.digest = r.digest;
            fresh.sample = r.info;
            groups.append(fresh);
            sampleTime.append(r.timeMs);
        } else {
            g = *it;
        }
        Group &grp = groups[g];
        ++grp.count;
        grp.totalTimeMs += r.timeMs;
        grp.maxTimeMs = qMax(grp.maxTimeMs, r.timeMs);
        if (r.memBytes) {
            grp.totalMemBytes = grp.totalMemBytes.value_or(0) + *r.memBytes;
            grp.maxMemBytes = qMax(grp.maxMemBytes.value_or(0), *r.memBytes);
        }
        if (!grp.users.contains(r.user))
            grp.users.append(r.user);
        if (r.timeMs > sampleTime.at(g)) {
            sampleTime[g] = r.timeMs;
            grp.sample = r.info;
        }
        grp.sessionKeys.append(r.key());
        grp.connectionIds.append(r.id);
    }
    for (Group &grp : groups)
        std::sort(grp.users.begin(), grp.users.end());
    return groups;
}

quint32 SessionDigestModel::changedColumns(const Group &a, const Group &b)
{
    quint32 mask = 0;
    auto mark = [&mask](bool differs, int column) {
        if (differs)
            mask |= 1u << column;
    };
    mark(a.count != b.count, CountColumn);
    mark(a.totalTimeMs != b.totalTimeMs, TotalTimeColumn);
    mark(a.maxTimeMs != b.maxTimeMs, MaxTimeColumn);
    mark(a.totalMemBytes != b.totalMemBytes, TotalMemoryColumn);
    mark(a.maxMemBytes != b.maxMemBytes, MaxMemoryColumn);
    mark(a.users != b.users, UsersColumn);
    mark(a.sample != b.sample, SampleColumn);
    return mask;
}

int SessionDigestModel::setRows(const QList<SessionRow> &rows)
{
    const QList<Group> incoming = group(rows);
    QStringList keys;
    keys.reserve(incoming.size());
    for (const Group &g : incoming)
        keys.append(g.digest);
    const KeyedRowDiff diff = KeyedRowDiff::compute(m_index, int(m_groups.size()), keys);

    int lowestRemoved = int(m_groups.size());
    for (const KeyedRowDiff::Range &range : diff.removed) {
        beginRemoveRows({}, range.first, range.last);
        for (int r = range.first; r <= range.last; ++r)
            m_index.remove(m_groups.at(r).digest);
        m_groups.remove(range.first, range.last - range.first + 1);
        endRemoveRows();
        lowestRemoved = range.first;
    }
    for (int r = lowestRemoved; r < m_groups.size(); ++r)
        m_index.insert(m_groups.at(r).digest, r);

    int changed = 0;
    for (const KeyedRowDiff::Kept &k : diff.kept) {
        const quint32 mask = changedColumns(m_groups.at(k.row), incoming.at(k.newIndex));
        m_groups[k.row] = incoming.at(k.newIndex);
        if (mask == 0)
            continue;
        ++changed;
        int c = 0;
        while (c < ColumnCount) {
            if (!(mask & (1u << c))) {
                ++c;
                continue;
            }
            int end = c;
            while (end + 1 < ColumnCount && (mask & (1u << (end + 1))))
                ++end;
            emit dataChanged(index(k.row, c), index(k.row, end));
            c = end + 1;
        }
    }

    if (!diff.appended.isEmpty()) {
        const int first = int(m_groups.size());
        beginInsertRows({}, first, first + int(diff.appended.size()) - 1);
        for (int i : diff.appended) {
            m_index.insert(keys.at(i), int(m_groups.size()));
            m_groups.append(incoming.at(i));
        }
        endInsertRows();
    }
    return changed;
}

QVariant SessionDigestModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Group &g = m_groups.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case DigestColumn: return g.digest.left(16);
        case CountColumn: return QLocale().toString(g.count);
        case TotalTimeColumn: return SessionFormat::duration(g.totalTimeMs);
        case MaxTimeColumn: return SessionFormat::duration(g.maxTimeMs);
        case TotalMemoryColumn: return SessionFormat::bytes(g.totalMemBytes);
        case MaxMemoryColumn: return SessionFormat::bytes(g.maxMemBytes);
        case UsersColumn: return g.users.join(u", "_s);
        case SampleColumn: return SessionFormat::oneLine(g.sample, kSampleDisplayChars);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (column == SampleColumn)
            return g.sample;
        if (column == DigestColumn)
            return g.digest;
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (column == DigestColumn || column == UsersColumn || column == SampleColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case SortRole:
        switch (column) {
        case DigestColumn: return g.digest;
        case CountColumn: return QVariant::fromValue<qlonglong>(g.count);
        case TotalTimeColumn: return QVariant::fromValue<qlonglong>(g.totalTimeMs);
        case MaxTimeColumn: return QVariant::fromValue<qlonglong>(g.maxTimeMs);
        case TotalMemoryColumn: return optionalValue(g.totalMemBytes);
        case MaxMemoryColumn: return optionalValue(g.maxMemBytes);
        case UsersColumn: return g.users.join(u", "_s);
        case SampleColumn: return g.sample;
        default: return {};
        }
    case DigestRole: return g.digest;
    case SessionKeysRole: return g.sessionKeys;
    case ConnectionIdsRole: {
        QVariantList ids;
        ids.reserve(g.connectionIds.size());
        for (quint64 id : g.connectionIds)
            ids.append(QVariant::fromValue<qulonglong>(id));
        return ids;
    }
    case FullStatementRole: return g.sample;
    default: break;
    }
    return {};
}

QVariant SessionDigestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const bool tip = role == Qt::ToolTipRole;
    switch (section) {
    case DigestColumn: return tr("Digest");
    case CountColumn: return tip ? tr("Sessions running this statement") : tr("Sessions");
    case TotalTimeColumn: return tip ? tr("Time of all these sessions together") : tr("Total time");
    case MaxTimeColumn: return tip ? tr("The longest-running session") : tr("Max time");
    case TotalMemoryColumn: return tr("Total memory");
    case MaxMemoryColumn: return tr("Max memory");
    case UsersColumn: return tr("Users");
    case SampleColumn:
        return tip ? tr("The statement of the longest-running session") : tr("Sample statement");
    default: break;
    }
    return {};
}

} // namespace TiDesk

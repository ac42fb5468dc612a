#include "InventoryModel.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

InventoryModel::InventoryModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void InventoryModel::setEnvironments(const EnvironmentList &envs)
{
    EnvironmentList target;
    target.reserve(envs.size());
    QSet<QUuid> ids;
    for (const Environment &e : envs) {
        if (e.id.isNull() || ids.contains(e.id))
            continue;
        ids.insert(e.id);
        target.append(e);
    }
    std::sort(target.begin(), target.end(), &Environment::sortsBefore);

    // 1. Remove rows whose id is gone (bottom-up, in contiguous runs).
    for (int i = int(m_envs.size()) - 1; i >= 0;) {
        if (ids.contains(m_envs.at(i).id)) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !ids.contains(m_envs.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, i);
        m_envs.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }

    // 2. Walk the target order: keep, move up, or insert each row; then update changed data.
    for (int i = 0; i < int(target.size()); ++i) {
        const Environment &want = target.at(i);
        if (i >= int(m_envs.size()) || m_envs.at(i).id != want.id) {
            int from = -1;
            for (int j = i + 1; j < int(m_envs.size()); ++j) {
                if (m_envs.at(j).id == want.id) {
                    from = j;
                    break;
                }
            }
            if (from >= 0) {
                beginMoveRows({}, from, from, {}, i);
                m_envs.move(from, i);
                endMoveRows();
            } else {
                beginInsertRows({}, i, i);
                m_envs.insert(i, want);
                endInsertRows();
                continue;
            }
        }
        if (!(m_envs.at(i) == want)) {
            m_envs[i] = want;
            const QModelIndex idx = index(i);
            emit dataChanged(idx, idx);
        }
    }
}

Environment InventoryModel::environment(int row) const
{
    return (row >= 0 && row < int(m_envs.size())) ? m_envs.at(row) : Environment();
}

int InventoryModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < int(m_envs.size()); ++i) {
        if (m_envs.at(i).id == id)
            return i;
    }
    return -1;
}

QModelIndex InventoryModel::indexOf(const QUuid &id) const
{
    const int row = rowOf(id);
    return row < 0 ? QModelIndex() : index(row);
}

int InventoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_envs.size());
}

QVariant InventoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Environment &e = m_envs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case NameRole: return e.name;
    case Qt::ToolTipRole:
        return QString(e.name + u" ("_s + data(index, TierNameRole).toString() + u")\n"_s
                       + data(index, EndpointsRole).toString());
    case IdRole: return e.id;
    case TierRole: return int(e.tier);
    case TierNameRole:
        return (e.tier == Tier::Custom && !e.customTierName.isEmpty())
            ? e.customTierName
            : Environment::tierName(e.tier);
    case ColorRole: return e.effectiveColor();
    case TagsRole: return e.tags;
    case EngineRole: return Environment::engineOverrideName(e.engine);
    case IsProductionRole: return e.isProduction();
    case EndpointsRole: {
        QStringList parts;
        for (const SqlEndpoint &ep : e.endpoints)
            parts << ep.host + u':' + QString::number(ep.port);
        return parts.join(u", "_s);
    }
    case EnvironmentRole: return QVariant::fromValue(e);
    default: break;
    }
    return {};
}

QHash<int, QByteArray> InventoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(NameRole, "name");
    names.insert(TierRole, "tier");
    names.insert(TierNameRole, "tierName");
    names.insert(ColorRole, "color");
    names.insert(TagsRole, "tags");
    names.insert(EngineRole, "engine");
    names.insert(IsProductionRole, "isProduction");
    names.insert(EndpointsRole, "endpoints");
    names.insert(EnvironmentRole, "environment");
    return names;
}

} // namespace TiDesk

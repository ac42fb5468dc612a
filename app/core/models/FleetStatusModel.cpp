#include "FleetStatusModel.h"

#include "HostKeyCheck.h"

#include "inventory/InventoryModel.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
const QList<int> kCheckRoles {
    FleetStatusModel::CheckStatusRole,  FleetStatusModel::CheckEngineRole,
    FleetStatusModel::CheckLatencyRole, FleetStatusModel::CheckErrorRole,
    FleetStatusModel::CheckSummaryRole, FleetStatusModel::CheckResultRole
};
} // namespace

FleetStatusModel::FleetStatusModel(QObject *parent)
    : QIdentityProxyModel(parent)
{ }

void FleetStatusModel::setChecking(const QUuid &environmentId)
{
    State &s = m_states[environmentId];
    if (s.checking)
        return;
    s.checking = true;
    emitChanged(environmentId);
}

void FleetStatusModel::setResult(const QUuid &environmentId, const CheckResult &result)
{
    State &s = m_states[environmentId];
    s.checking = false;
    s.hasResult = true;
    s.result = result;
    emitChanged(environmentId);
}

void FleetStatusModel::clearChecking()
{
    for (auto it = m_states.begin(); it != m_states.end(); ++it) {
        if (!it->checking)
            continue;
        it->checking = false;
        emitChanged(it.key());
    }
}

FleetStatusModel::CheckStatus FleetStatusModel::statusOf(const State &state)
{
    if (state.checking)
        return CheckStatus::Checking;
    if (!state.hasResult)
        return CheckStatus::Unknown;
    return state.result.reachable ? CheckStatus::Ok : CheckStatus::Error;
}

FleetStatusModel::CheckStatus FleetStatusModel::status(const QUuid &environmentId) const
{
    const auto it = m_states.constFind(environmentId);
    return it == m_states.constEnd() ? CheckStatus::Unknown : statusOf(*it);
}

int FleetStatusModel::countWithStatus(CheckStatus status) const
{
    int n = 0;
    for (int r = 0; r < rowCount(); ++r) {
        if (CheckStatus(index(r, 0).data(CheckStatusRole).toInt()) == status)
            ++n;
    }
    return n;
}

QString FleetStatusModel::shortError(const CheckResult &result)
{
    switch (result.error.kind) {
    case ErrorKind::None: return {};
    //: Sidebar, under the host: the environment did not answer
    case ErrorKind::Connection: return tr("unreachable");
    //: Sidebar, under the host: access denied (user or password)
    case ErrorKind::Auth: return result.viaSsh ? tr("login refused") : tr("wrong password");
    case ErrorKind::HostKey:
        //: Sidebar, under the host: the SSH bastion presented a different host key (possible MITM)
        if (result.error.code == HostKeyCheck::ChangedKey
            || result.error.code == HostKeyCheck::RevokedKey)
            return tr("SSH HOST KEY CHANGED");
        //: Sidebar, under the host: the SSH bastion's host key is not trusted yet
        return tr("SSH host key refused");
    case ErrorKind::Tls: return tr("TLS error");
    case ErrorKind::Timeout: return tr("timeout");
    //: Sidebar, under the host: the password is in the vault, which is not unlocked
    case ErrorKind::Crypto: return tr("vault locked");
    case ErrorKind::InvalidInput: return tr("invalid settings");
    case ErrorKind::Server: return tr("server error");
    case ErrorKind::Unsupported: return tr("unsupported engine");
    default: break;
    }
    return tr("check failed");
}

QString FleetStatusModel::summary(const CheckResult &result)
{
    if (!result.reachable)
        return shortError(result);
    //: Sidebar, under the host: %1 = engine and version ("MariaDB 10.11.19"), %2 = milliseconds
    return tr("%1 \u00b7 %2 ms").arg(result.engine.displayString()).arg(result.latencyMs);
}

QVariant FleetStatusModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ToolTipRole) {
        // The sidebar elides; the tooltip has room for the whole error.
        const QString base = QIdentityProxyModel::data(index, role).toString();
        const QVariant result = data(index, CheckResultRole);
        if (!result.isValid())
            return base;
        const auto r = result.value<CheckResult>();
        return QString(base + u'\n' + (r.reachable ? summary(r) : r.error.message));
    }
    if (role < CheckStatusRole || role > CheckResultRole)
        return QIdentityProxyModel::data(index, role);
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QUuid id = QIdentityProxyModel::data(index, InventoryModel::IdRole).toUuid();
    const auto it = m_states.constFind(id);
    const State state = it == m_states.constEnd() ? State() : *it;
    const CheckResult &r = state.result;
    switch (role) {
    case CheckStatusRole: return int(statusOf(state));
    case CheckEngineRole:
        return state.hasResult && r.reachable ? r.engine.displayString() : QString();
    case CheckLatencyRole: return state.hasResult && r.reachable ? r.latencyMs : qint64(-1);
    case CheckErrorRole: return state.hasResult && !r.reachable ? r.error.message : QString();
    case CheckSummaryRole: return state.hasResult ? summary(r) : QString();
    case CheckResultRole: return state.hasResult ? QVariant::fromValue(r) : QVariant();
    default: break;
    }
    return {};
}

QHash<int, QByteArray> FleetStatusModel::roleNames() const
{
    QHash<int, QByteArray> names = QIdentityProxyModel::roleNames();
    names.insert(CheckStatusRole, "checkStatus");
    names.insert(CheckEngineRole, "checkEngine");
    names.insert(CheckLatencyRole, "checkLatencyMs");
    names.insert(CheckErrorRole, "checkError");
    names.insert(CheckSummaryRole, "checkSummary");
    names.insert(CheckResultRole, "checkResult");
    return names;
}

void FleetStatusModel::emitChanged(const QUuid &environmentId)
{
    auto *inventory = qobject_cast<InventoryModel *>(sourceModel());
    QModelIndex idx;
    if (inventory) {
        idx = mapFromSource(inventory->indexOf(environmentId));
    } else {
        for (int r = 0; r < rowCount() && !idx.isValid(); ++r) {
            if (index(r, 0).data(InventoryModel::IdRole).toUuid() == environmentId)
                idx = index(r, 0);
        }
    }
    if (idx.isValid())
        emit dataChanged(idx, idx, kCheckRoles);
}

} // namespace TiDesk

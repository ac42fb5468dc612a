// FleetStatusModel: the inventory plus the last connection check of each environment. An
// identity proxy over InventoryModel (all its roles pass through) that adds the check roles the
// sidebar, the environment page and the status bar show. Check state is keyed by Environment::id,
// so it survives inventory reloads, moves and renames; updates emit dataChanged for the check
// roles of that one row, never a reset.
// Threading: GUI thread, like the model it wraps. QtCore only.
#pragma once

#include "sql/EnvironmentCheck.h"

#include <QHash>
#include <QIdentityProxyModel>
#include <QUuid>

namespace TiDesk {

class FleetStatusModel final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    enum class CheckStatus { Unknown, Checking, Ok, Error };
    Q_ENUM(CheckStatus)

    // After InventoryModel's roles (which end well below Qt::UserRole + 100).
    enum Role {
        CheckStatusRole = Qt::UserRole + 100, // int (CheckStatus)
        CheckEngineRole, // QString "MariaDB 10.11.19", "TiDB v7.5.1"; empty if unknown
        CheckLatencyRole, // qint64 ms; -1 when not reachable / not checked
        CheckErrorRole, // QString: the full error message; empty when ok
        CheckSummaryRole, // QString: "MariaDB 10.11.19 · 8 ms" or "unreachable"
        CheckResultRole, // QVariant<CheckResult>; invalid when never checked
    };
    Q_ENUM(Role)

    explicit FleetStatusModel(QObject *parent = nullptr);

    // The check of environmentId started; the previous result stays readable meanwhile.
    void setChecking(const QUuid &environmentId);
    void setResult(const QUuid &environmentId, const CheckResult &result);
    // Rows still "checking" fall back to their previous result (a cancelled run).
    void clearChecking();

    [[nodiscard]] CheckStatus status(const QUuid &environmentId) const;
    // Counts over the rows currently in the model.
    [[nodiscard]] int countWithStatus(CheckStatus status) const;

    // "unreachable", "wrong password", "TLS error", "timeout", "vault locked" ...
    [[nodiscard]] static QString shortError(const CheckResult &result);
    // "MariaDB 10.11.19 · 8 ms", or shortError() when not reachable.
    [[nodiscard]] static QString summary(const CheckResult &result);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct State
    {
        bool checking = false;
        bool hasResult = false;
        CheckResult result;
    };

    void emitChanged(const QUuid &environmentId);
    [[nodiscard]] static CheckStatus statusOf(const State &state);

    QHash<QUuid, State> m_states;
};

} // namespace TiDesk

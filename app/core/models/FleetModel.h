// FleetModel: the fleet overview as a table, one row per environment of an InventoryModel (same
// rows, same order: it follows the inventory's inserts, removals, moves and changes, never
// resetting after the first population), with the last FleetSample of each environment kept by
// Environment::id. setSample() emits dataChanged for that one row, so selections, the sort of a
// proxy above and the scroll position survive every refresh.
// Display texts are translated and use the locale (durations "3 d 4 h", "1,234 qps"); SortRole
// carries the raw value of each column (invalid when unknown), SeverityRole the "how sick"
// rank the Fleet page sorts by (worst first). InventoryModel's roles pass through on every column.
// Threading: GUI thread, like the inventory model it follows. QtCore only (colours are the UI's).
#pragma once

#include "backup/BackupHealth.h"
#include "health/FleetSample.h"
#include "inventory/InventoryModel.h" // complete type for QPointer

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QUuid>

namespace TiDesk {

class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        TierColumn,
        StateColumn,
        EngineColumn,
        UptimeColumn,
        ConnectionsColumn,
        QpsColumn,
        P99Column,
        AlertsColumn,
        BackupColumn, // age of the last good backup (BackupHealth)
        LastErrorColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // How sick an environment is, worst first (the order of the default sort).
    enum class Severity {
        Down, // not reachable over SQL
        Critical, // reachable but degraded, or a critical/emergency alert is active
        Warning, // reachable, warning alerts only
        Ok,
        Unknown, // never sampled
    };
    Q_ENUM(Severity)

    // After InventoryModel's roles (< Qt::UserRole + 100) and FleetStatusModel's (+100..).
    enum Role {
        SortRole = Qt::UserRole + 200, // the column's raw value; invalid QVariant = unknown
        SeverityRole, // int (Severity)
        StateRole, // int (FleetSample::State)
        WorstAlertLevelRole, // int (AlertLevel) of the worst active alert; -1 when none
        AlertCountsRole, // QVariantMap: Alert::levelName -> count (non-zero levels only)
        SparklineRole, // QList<double>: the QPS history, oldest first, NaN = no sample
        SampleRole, // QVariant<FleetSample>; invalid when never sampled
        HasSampleRole, // bool
        BackupLevelRole, // int (BackupHealth::Level); invalid when unknown
    };
    Q_ENUM(Role)

    explicit FleetModel(QObject *parent = nullptr);

    // The rows follow inventory (not owned; may be null). Resets once here, never afterwards.
    void setInventory(InventoryModel *inventory);
    [[nodiscard]] InventoryModel *inventory() const { return m_inventory; }

    // Stores the sample of sample.environmentId and emits dataChanged for its row only.
    // Returns false (and keeps nothing) when that environment is not in the inventory.
    bool setSample(const FleetSample &sample);
    void setSamples(const FleetSampleList &samples);
    // The backup state of the environments by name; dataChanged for the Backup column.
    void setBackupHealth(const QHash<QString, TiDesk::BackupHealth> &health);
    [[nodiscard]] bool hasSample(const QUuid &environmentId) const;
    [[nodiscard]] FleetSample sample(const QUuid &environmentId) const;
    [[nodiscard]] int rowOf(const QUuid &environmentId) const; // -1 when absent
    [[nodiscard]] QUuid idAt(int row) const;

    // Over the current rows: how many environments are that sick.
    [[nodiscard]] int count(Severity severity) const;
    // Names of production environments that are down (inventory order: by name).
    [[nodiscard]] QStringList downProduction() const;
    // Every tag used in the inventory, sorted case-insensitively.
    [[nodiscard]] QStringList allTags() const;
    // The newest sampledAt over the current rows; invalid before the first sample.
    [[nodiscard]] QDateTime lastSampledAt() const { return m_lastSampledAt; }

    [[nodiscard]] static Severity severityOf(const FleetSample &sample);
    [[nodiscard]] static QString severityText(Severity severity); // "Down", "OK" ... (translated)
    // Formatting (translated; unknown values -> "—").
    [[nodiscard]] static QString durationText(qint64 seconds); // "3 d 4 h", "5 h 12 min", "45 s"
    [[nodiscard]] static QString qpsText(double qps); // "1,234", "56.7", "0.35"
    [[nodiscard]] static QString latencyText(double ms); // "3.25 ms", "250 ms", "1.25 s"
    [[nodiscard]] static QString countText(qint64 n); // "1,024"
    [[nodiscard]] static QString
    alertsText(const QMap<AlertLevel, int> &counts); // "2 critical · 1 warning"
    // "Last refreshed 12 s ago" / "… 3 min ago" / "Not refreshed yet".
    [[nodiscard]] static QString refreshedText(const QDateTime &last, const QDateTime &now);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // The counts, the down production list or lastSampledAt() may have changed.
    void summaryChanged();

private:
    [[nodiscard]] QVariant displayData(int column, const FleetSample *s) const;
    [[nodiscard]] QVariant sortData(int column, const QModelIndex &index,
                                    const FleetSample *s) const;
    [[nodiscard]] const FleetSample *sampleAt(int row) const;
    void emitRowChanged(int first, int last);
    void pruneSamples();

    QPointer<InventoryModel> m_inventory;
    QList<QMetaObject::Connection> m_connections;
    QHash<QUuid, FleetSample> m_samples;
    QDateTime m_lastSampledAt;
    QHash<QString, BackupHealth> m_backupHealth;
};

} // namespace TiDesk

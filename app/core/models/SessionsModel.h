// SessionsModel: the live sessions of one environment as a table, for the sessions page and
// its proxies. setRows() applies each new read as a DIFF keyed by SessionRow::key(): rows whose
// key vanished are removed, new keys are appended, and surviving rows emit dataChanged only for
// the cells that changed (consecutive rows with the same changed columns share one signal).
// It never resets after construction (resetRows() is for switching environments), so the
// selection, the current index, a proxy's sort and the scroll position survive a 1 s refresh.
// Rows keep their arrival order; sort with SessionFilterModel.
//
// Columns: instance (TiDB only: hide it when !instanceColumnRelevant()), id, user, host, db,
// command, time, state, memory, disk, digest, statement (one line, elided). Roles: SortRole
// (raw value: numbers as qint64, unknown memory/disk invalid), SessionRole (the SessionRow),
// FullStatementRole (the whole text), KeyRole, plus boolean roles the UI paints with.
// Threading: GUI thread (like every item model). QtCore only.
#pragma once

#include "sessions/SessionRow.h"
#include "sql/EngineInfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace TiDesk {

class SessionsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        InstanceColumn,
        IdColumn,
        UserColumn,
        HostColumn,
        DbColumn,
        CommandColumn,
        TimeColumn,
        StateColumn,
        MemoryColumn,
        DiskColumn,
        DigestColumn,
        StatementColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 300, // raw value of the column; invalid = unknown
        SessionRole, // QVariant<SessionRow>
        FullStatementRole, // QString: the whole statement (INFO)
        KeyRole, // QString: SessionRow::key()
        ConnectionIdRole, // quint64
        SleepingRole, // bool: SessionRow::isSleeping()
        SystemRole, // bool: SessionRow::isSystem()
    };
    Q_ENUM(Role)

    // The statement column shows at most this many characters (the rest: FullStatementRole).
    static constexpr int kStatementDisplayChars = 200;

    explicit SessionsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The diff update (see the class comment). Returns the number of rows whose cells changed.
    int setRows(const QList<SessionRow> &rows);
    // Replaces everything with a model reset: for a different environment, where no selection
    // should survive.
    void resetRows(const QList<SessionRow> &rows);
    void clear() { resetRows({}); }

    [[nodiscard]] const QList<SessionRow> &rows() const { return m_rows; }
    [[nodiscard]] const SessionRow &rowAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOf(const QString &key) const { return m_index.value(key, -1); }

    // The engine of the rows: TiDB shows an instance per session.
    void setEngine(Engine engine);
    [[nodiscard]] Engine engine() const { return m_engine; }
    // True on TiDB, or when any row carries an instance.
    [[nodiscard]] bool instanceColumnRelevant() const;

    // The value behind SortRole / DisplayRole of one row and column (also for proxies, the CLI).
    [[nodiscard]] static QVariant sortValue(const SessionRow &row, int column);
    [[nodiscard]] static QString displayText(const SessionRow &row, int column);

signals:
    void instanceColumnRelevantChanged(bool relevant);

private:
    // Bit per column whose displayed or sorted value differs between a and b.
    [[nodiscard]] static quint32 changedColumns(const SessionRow &a, const SessionRow &b);
    void updateInstanceRelevance();

    QList<SessionRow> m_rows;
    QStringList m_keys; // SessionRow::key() of each row, computed once
    QHash<QString, int> m_index; // key -> row
    Engine m_engine = Engine::Unknown;
    bool m_instanceRelevant = false;
};

} // namespace TiDesk

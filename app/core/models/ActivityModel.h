// ActivityModel: a table over the ActivityLog (time, environment, endpoint, statement, duration,
// rows, result) for the Activity page. Appends rows as entries arrive (the log emits from SQL
// worker threads; Qt queues those signals to this model's thread) without resetting, and drops
// the oldest rows beyond the log's capacity, exactly like the log itself.
// QtCore only (no colours): the view styles failed rows from OkRole.
//
// Threading: lives on the GUI thread (the thread it was created in); never call it from workers.
#pragma once

#include "sql/ActivityLog.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace TiDesk {

class ActivityModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        EnvironmentColumn,
        EndpointColumn,
        StatementColumn,
        DurationColumn,
        RowsColumn,
        ResultColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        OkRole = Qt::UserRole + 1, // bool: the statement succeeded
        EnvironmentRole, // QString: environment name
        StatementRole, // QString: the full statement, unabridged
        SeqRole, // quint64: ActivityEntry::seq
        StartedAtRole, // QDateTime
    };

    // log may be null (an empty model); the model follows it until it is destroyed.
    explicit ActivityModel(ActivityLog *log, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] const ActivityEntry &entry(int row) const { return m_entries.at(row); }
    [[nodiscard]] int capacity() const { return m_capacity; }
    // Distinct environment names seen, sorted (for the page's environment filter).
    [[nodiscard]] QStringList environmentNames() const;

    // "statement" on one line: runs of whitespace (newlines included) become one space.
    static QString oneLine(const QString &text);

signals:
    // A name appeared that environmentNames() did not have before.
    void environmentSeen(const QString &name);

private:
    void append(const ActivityEntry &entry);
    void replace(quint64 oldSeq, const ActivityEntry &entry);
    void resetFromLog();

    QPointer<ActivityLog> m_log;
    QList<ActivityEntry> m_entries;
    QStringList m_envNames;
    int m_capacity = 5000;
};

} // namespace TiDesk

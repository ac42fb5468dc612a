// DigestClassModel: slow-query history by digest (DigestClass values) as a table for the slow
// SQL page: total / count / avg / max time, rows or keys examined, max memory, first and last
// seen, digest and the normalized text on one line; the full sample and plan via roles. Display
// text for numbers and times is formatted here; SortRole gives the raw value so a
// QSortFilterProxyModel sorts numbers as numbers. setClasses() replaces the whole list (a history
// read is a new snapshot); rows keep the order given (DigestAggregator: by total time).
// QtCore only. Threading: lives on the GUI thread; fill it with values produced on a worker.
#pragma once

#include "slowsql/DigestClass.h"

#include <QAbstractTableModel>
#include <QList>

namespace TiDesk {

class DigestClassModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TotalColumn,
        CountColumn,
        AvgColumn,
        MaxColumn,
        RowsExaminedColumn,
        MaxMemColumn,
        FirstSeenColumn,
        LastSeenColumn,
        DigestColumn,
        NormalizedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw value of the cell (double, qint64, QDateTime, QString)
        DigestRole, // QString: the full digest
        SampleRole, // QString: the slowest statement, unabridged
        PlanRole, // QString: the TiDB plan (may be empty)
        NormalizedRole, // QString: the normalized text, unabridged
        DigestSourceRole, // QString: "server" or "console"
    };

    explicit DigestClassModel(QObject *parent = nullptr);

    void setClasses(const QList<DigestClass> &classes);
    [[nodiscard]] const QList<DigestClass> &classes() const { return m_classes; }
    [[nodiscard]] const DigestClass &digestClass(int row) const { return m_classes.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Seconds for a table cell: "0.123", "12.3", "1234".
    [[nodiscard]] static QString seconds(double s);
    // Bytes with a binary unit: "512 B", "1.5 MiB".
    [[nodiscard]] static QString bytes(qint64 b);

private:
    QList<DigestClass> m_classes;
};

} // namespace TiDesk

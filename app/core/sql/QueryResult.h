// QueryResult: a fully materialised result set (column names + rows) with timing.
// Plain value type, handed from SQL worker threads to the GUI by value.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace TiDesk {

struct SqlWarning
{
    QString level; // Note / Warning / Error
    int code = 0;
    QString message;
};

struct QueryResult
{
    QStringList columns;
    QList<QVariantList> rows; // NULL = invalid QVariant; numbers as qint64/quint64/double
    qint64 affectedRows = -1; // for statements without a result set
    qint64 durationMs = 0;
    QList<SqlWarning> warnings; // filled when the caller asked for SHOW WARNINGS
    // Rows the server sent beyond the caller's keep limit (SqlConnection::query's keepRows):
    // read and counted, not kept. rows.size() + rowsNotKept = every row of the result.
    qint64 rowsNotKept = 0;

    [[nodiscard]] bool hasResultSet() const { return !columns.isEmpty(); }
    [[nodiscard]] int columnIndex(const QString &name) const; // case-insensitive; -1 if absent
    // Value by row and column name (case-insensitive); invalid QVariant if absent.
    [[nodiscard]] QVariant value(int row, const QString &column) const;
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::QueryResult)

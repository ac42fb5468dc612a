// AssistTable: a read-only, selectable table of text cells for the expert session's screens:
// a card's EXPLAIN, a shared view (fleet, sessions, slow digests, alerts), a proposal's result.
// Rows are replaced as a whole (views stream snapshots); the selected row is kept by its first
// cells when the same row comes back. Threading: GUI thread only.
#pragma once

#include "sql/QueryResult.h"

#include <QList>
#include <QStringList>
#include <QTableWidget>

namespace TiDesk {

class AssistTable final : public QTableWidget
{
    Q_OBJECT
public:
    explicit AssistTable(QWidget *parent = nullptr);

    void setTable(const QStringList &columns, const QList<QStringList> &rows);
    void setQueryResult(const QueryResult &result);
    // The cell text of the selected row (empty when none).
    [[nodiscard]] QStringList selectedRow() const;
    // Column index by name, case-insensitive; -1 when absent.
    [[nodiscard]] int columnOf(const QString &name) const;
    // Height that shows up to `rows` rows without a scroll bar.
    void fitRows(int rows);
};

} // namespace TiDesk

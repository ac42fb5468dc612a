#include "AssistTable.h"

#include "assist/AssistHostWork.h"

#include <QHeaderView>
#include <QScrollBar>

namespace TiDesk {

AssistTable::AssistTable(QWidget *parent)
    : QTableWidget(parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

void AssistTable::setTable(const QStringList &columns, const QList<QStringList> &rows)
{
    // Keep the selection when the same row (by its first two cells) comes back.
    const QStringList before = selectedRow();
    const bool sameColumns = columns.size() == columnCount();
    setUpdatesEnabled(false);
    clearContents();
    setColumnCount(int(columns.size()));
    setHorizontalHeaderLabels(columns);
    setRowCount(int(rows.size()));
    int reselect = -1;
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        for (int c = 0; c < row.size() && c < columns.size(); ++c) {
            auto *item = new QTableWidgetItem(row.at(c));
            item->setToolTip(row.at(c).size() > 40 ? row.at(c) : QString());
            setItem(r, c, item);
        }
        if (reselect < 0 && !before.isEmpty() && before.mid(0, 2) == row.mid(0, 2))
            reselect = r;
    }
    if (!sameColumns)
        resizeColumnsToContents();
    for (int c = 0; c < columnCount(); ++c)
        setColumnWidth(c, qMin(columnWidth(c), 420));
    if (reselect >= 0)
        selectRow(reselect);
    setUpdatesEnabled(true);
}

void AssistTable::setQueryResult(const QueryResult &result)
{
    QList<QStringList> rows;
    rows.reserve(result.rows.size());
    for (const QVariantList &r : result.rows) {
        QStringList cells;
        cells.reserve(r.size());
        for (const QVariant &v : r)
            cells << AssistHostWork::cellText(v);
        rows << cells;
    }
    setTable(result.columns, rows);
}

QStringList AssistTable::selectedRow() const
{
    const QList<QTableWidgetItem *> items = selectedItems();
    if (items.isEmpty())
        return {};
    const int r = items.first()->row();
    QStringList cells;
    for (int c = 0; c < columnCount(); ++c)
        cells << (item(r, c) ? item(r, c)->text() : QString());
    return cells;
}

int AssistTable::columnOf(const QString &name) const
{
    for (int c = 0; c < columnCount(); ++c)
        if (horizontalHeaderItem(c)
            && horizontalHeaderItem(c)->text().compare(name, Qt::CaseInsensitive) == 0)
            return c;
    return -1;
}

void AssistTable::fitRows(int rows)
{
    const int n = qMax(1, qMin(rows, rowCount()));
    int h = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
    for (int r = 0; r < n; ++r)
        h += rowHeight(r);
    if (horizontalScrollBar()->isVisible() || rowCount() == 0)
        h += horizontalScrollBar()->sizeHint().height();
    setFixedHeight(h + 2);
}

} // namespace TiDesk

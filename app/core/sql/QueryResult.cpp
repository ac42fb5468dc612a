#include "QueryResult.h"

namespace TiDesk {

int QueryResult::columnIndex(const QString &name) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

QVariant QueryResult::value(int row, const QString &column) const
{
    const int col = columnIndex(column);
    if (col < 0 || row < 0 || row >= rows.size())
        return {};
    const QVariantList &r = rows.at(row);
    return col < r.size() ? r.at(col) : QVariant();
}

} // namespace TiDesk

#include "KeyedRowDiff.h"

#include <algorithm>

namespace TiDesk {

KeyedRowDiff KeyedRowDiff::compute(const QHash<QString, int> &oldIndex, int oldCount,
                                   const QStringList &newKeys)
{
    KeyedRowDiff diff;
    // For every old row, the index of its new value (-1: vanished).
    QList<int> target(oldCount, -1);
    QHash<QString, int> seen;
    seen.reserve(newKeys.size());
    for (int i = 0; i < newKeys.size(); ++i) {
        const QString &key = newKeys.at(i);
        if (seen.contains(key)) {
            ++diff.duplicates;
            continue;
        }
        seen.insert(key, i);
        const auto it = oldIndex.constFind(key);
        if (it != oldIndex.cend() && *it >= 0 && *it < oldCount)
            target[*it] = i;
        else
            diff.appended.append(i);
    }
    // Removal ranges, collected ascending then reversed; kept rows numbered after removal.
    int removedSoFar = 0;
    for (int row = 0; row < oldCount; ++row) {
        if (target.at(row) < 0) {
            if (!diff.removed.isEmpty() && diff.removed.last().last == row - 1)
                diff.removed.last().last = row;
            else
                diff.removed.append(Range { row, row });
            ++removedSoFar;
        } else {
            diff.kept.append(Kept { row - removedSoFar, target.at(row) });
        }
    }
    std::reverse(diff.removed.begin(), diff.removed.end());
    return diff;
}

} // namespace TiDesk

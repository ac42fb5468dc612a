// KeyedRowDiff: how to turn a table's current rows into new ones with as few model signals as
// possible, rows identified by a string key (SessionRow::key(), a digest ...). The plan is
// applied in three steps, in this order, by a model that owns the rows:
//   1. remove `removed` ranges (descending, so earlier indexes stay valid),
//   2. update surviving rows: `kept[i]` pairs a row index AFTER the removals with the index of
//      its new value,
//   3. append `appended` (indexes into the new list), in the order they came.
// Surviving rows keep their relative order, so persistent indexes, selections and the current
// index survive. New keys that repeat an earlier one are dropped (counted in duplicates).
// Pure function of its input: any thread.
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct KeyedRowDiff
{
    struct Range
    {
        int first = 0;
        int last = 0; // inclusive
    };
    struct Kept
    {
        int row = 0; // index after the removals
        int newIndex = 0;
    };

    QList<Range> removed; // descending by first
    QList<Kept> kept; // ascending by row
    QList<int> appended; // indexes into the new list
    int duplicates = 0;

    // oldIndex: key -> current row (as the model keeps it). newKeys: keys of the new list.
    [[nodiscard]] static KeyedRowDiff compute(const QHash<QString, int> &oldIndex, int oldCount,
                                              const QStringList &newKeys);
};

} // namespace TiDesk

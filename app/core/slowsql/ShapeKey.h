// ShapeKey: a cheap key for "the same statement up to literal values", used to skip
// SqlDigest::normalize for statements whose shape was seen before (DigestAggregator's cache;
// normalizing every entry was most of `slowlog digest`'s time).
// Contract: shapeKey(a) == shapeKey(b) (both non-empty) implies normalize(a) == normalize(b).
// It is deliberately finer than the digest and only ever blanks what the normalizer discards:
//  - the content of '...' and "..." strings (not after '@': user variables keep their names);
//  - the content of /* */ comments and hints, replaced by one separator (# and "-- " line
//    comments are copied: recognised only so that a quote in them starts no string);
//  - the length of digit runs in numbers that stand alone (not part of a word, after '.', '@'),
//    and none at all after a `by` (ORDER/GROUP BY positions are kept by the normalizer).
// Back-quoted names, words, operators and whitespace are copied as they are. Executable
// comments (/*! */, /*T! */) make the text uncacheable (empty key).
// Pure function, linear in the input; any thread.
#pragma once

#include <QString>
#include <QStringView>

namespace TiDesk::SlowSql {

// Empty when the text must be normalized every time.
[[nodiscard]] QString shapeKey(QStringView sql);
// The same into `out` (its capacity is reused: no allocation per call once it is large enough).
// False (and `out` empty) when the text must be normalized every time.
bool shapeKey(QStringView sql, QString &out);

} // namespace TiDesk::SlowSql

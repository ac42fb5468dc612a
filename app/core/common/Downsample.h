// Downsample: Largest-Triangle-Three-Buckets (LTTB, Steinarsson 2013) reduction of a series to
// about the chart's pixel width, keeping its visual shape (peaks survive, unlike averaging), and
// the gap splitting both the chart and the reducer share. Pure functions; any thread.
#pragma once

#include <QList>
#include <QPointF>

namespace TiDesk::Downsample {

// Splits points (x ascending) into runs with no hole longer than maxGap in x between neighbours.
// maxGap <= 0: one run.
[[nodiscard]] QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, double maxGap);

// LTTB: at most `threshold` points, always keeping the first and last. threshold < 3 or
// points.size() <= threshold: the points unchanged.
[[nodiscard]] QList<QPointF> lttb(const QList<QPointF> &points, int threshold);

// LTTB per gap-free run, the budget shared by run length, so gaps stay gaps after reduction.
[[nodiscard]] QList<QList<QPointF>> lttbRuns(const QList<QPointF> &points, int threshold,
                                             double maxGap);

} // namespace TiDesk::Downsample

#include "Downsample.h"

#include <cmath>

namespace TiDesk::Downsample {

QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, double maxGap)
{
    QList<QList<QPointF>> runs;
    if (points.isEmpty())
        return runs;
    if (maxGap <= 0) {
        runs.append(points);
        return runs;
    }
    qsizetype start = 0;
    for (qsizetype i = 1; i < points.size(); ++i) {
        if (points.at(i).x() - points.at(i - 1).x() > maxGap) {
            runs.append(points.mid(start, i - start));
            start = i;
        }
    }
    runs.append(points.mid(start));
    return runs;
}

QList<QPointF> lttb(const QList<QPointF> &points, int threshold)
{
    const qsizetype n = points.size();
    if (threshold < 3 || n <= threshold)
        return points;

    // Bucket k (k = 0 .. threshold-3) of the middle points is [edge(k), edge(k+1)); the first
    // and the last point are buckets of their own. Integer arithmetic gives the same floors as
    // the paper's floating-point `every` without rounding surprises at the last bucket.
    const qint64 middle = n - 2;
    const qint64 buckets = threshold - 2;
    const auto edge = [&](qint64 k) -> qsizetype {
        return k >= buckets ? n - 1 : qsizetype(1 + k * middle / buckets);
    };

    QList<QPointF> out;
    out.reserve(threshold);
    out.append(points.first());
    qsizetype a = 0; // the point picked in the previous bucket
    for (qint64 k = 0; k < buckets; ++k) {
        // The third vertex: the average of the next bucket (the last point after the last one).
        const qsizetype nextFrom = edge(k + 1);
        const qsizetype nextTo = k + 1 >= buckets ? n : edge(k + 2);
        double avgX = 0, avgY = 0;
        for (qsizetype j = nextFrom; j < nextTo; ++j) {
            avgX += points.at(j).x();
            avgY += points.at(j).y();
        }
        const double count = double(nextTo - nextFrom);
        avgX /= count;
        avgY /= count;

        const double ax = points.at(a).x();
        const double ay = points.at(a).y();
        double maxArea = -1;
        qsizetype picked = edge(k);
        for (qsizetype j = edge(k), end = edge(k + 1); j < end; ++j) {
            // Twice the triangle's area; only the comparison matters.
            const double area = std::abs((ax - avgX) * (points.at(j).y() - ay)
                                         - (ax - points.at(j).x()) * (avgY - ay));
            if (area > maxArea) {
                maxArea = area;
                picked = j;
            }
        }
        out.append(points.at(picked));
        a = picked;
    }
    out.append(points.last());
    return out;
}

QList<QList<QPointF>> lttbRuns(const QList<QPointF> &points, int threshold, double maxGap)
{
    QList<QList<QPointF>> runs = splitAtGaps(points, maxGap);
    if (threshold < 3 || points.size() <= threshold)
        return runs;
    // Each run gets its share of the budget by length (cumulative rounding, so the shares add
    // up to exactly `threshold`), but never fewer than 3 points (or the whole run): a short run
    // keeps its ends and its most prominent point, so a brief spike between gaps survives.
    const double total = double(points.size());
    qint64 seen = 0;
    qint64 given = 0;
    for (QList<QPointF> &run : runs) {
        seen += run.size();
        const auto upTo = qint64(std::floor(double(threshold) * double(seen) / total));
        const qint64 share = upTo - given;
        given = upTo;
        const qint64 budget = qMax<qint64>(share, qMin<qint64>(run.size(), 3));
        if (run.size() > budget)
            run = lttb(run, int(budget));
    }
    return runs;
}

} // namespace TiDesk::Downsample

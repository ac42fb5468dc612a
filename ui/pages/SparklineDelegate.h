// SparklineDelegate: paints a cell as a small line chart of a list of numbers (the values role,
// QList<double>, oldest first) next to the cell's text (right-aligned, e.g. the current QPS).
// The line is scaled between the minimum and the maximum of the values in the cell; NaN is a
// gap (no sample): the line stops and starts again, a lone sample is a dot. The newest value is
// marked. Knows no domain types. GUI thread.
#pragma once

#include <QList>
#include <QPolygonF>
#include <QStyledItemDelegate>

namespace TiDesk {

class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    SparklineDelegate(int valuesRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The runs of the line inside rect: one polygon per stretch of known values (a lone value is
    // a one-point polygon). x spreads the values evenly over the width; the maximum is at the
    // top, the minimum at the bottom, a flat line in the middle.
    [[nodiscard]] static QList<QPolygonF> runs(const QList<double> &values, const QRectF &rect);
    // Draws runs(values, rect) in color; returns how many runs it drew.
    static int paintSparkline(QPainter *painter, const QRectF &rect, const QList<double> &values,
                              const QColor &color);

    static constexpr int kSparklineWidth = 96;

private:
    int m_valuesRole;
};

} // namespace TiDesk

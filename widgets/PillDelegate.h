// PillDelegate: an item delegate that draws a cell's text as a rounded "pill" (state, level):
// solid (white text on the colour) for what must stand out, outlined or dashed (tinted, coloured
// border) for what should stay quiet. Subclasses say which colour and style a cell gets; the
// cell's background, selection and focus are drawn by the style without the text, so the text is
// never painted twice.
// Threading: GUI thread.
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace TiDesk {

class PillDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class PillStyle { Solid, Outlined, Dashed };
    struct Pill
    {
        QColor color;
        PillStyle style = PillStyle::Solid;
        bool bold = true;
    };

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    [[nodiscard]] virtual Pill pillFor(const QModelIndex &index) const = 0;
};

} // namespace TiDesk

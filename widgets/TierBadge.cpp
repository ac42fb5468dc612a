#include "TierBadge.h"

#include "ThemeColors.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace TiDesk {

namespace {
constexpr int kHPad = 10;
constexpr int kVPad = 3;
} // namespace

TierBadge::TierBadge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("Tier"));
}

TierBadge::TierBadge(const QString &text, const QColor &color, QWidget *parent)
    : TierBadge(parent)
{
    setText(text);
    setColor(color);
}

void TierBadge::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    setAccessibleDescription(text);
    setToolTip(text);
    updateGeometry();
    update();
}

void TierBadge::setColor(const QColor &color)
{
    if (m_color == color)
        return;
    m_color = color;
    update();
}

QSize TierBadge::pillSize(const QFont &font, const QString &text)
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics fm(bold);
    return { fm.horizontalAdvance(text) + 2 * kHPad, fm.height() + 2 * kVPad };
}

QSize TierBadge::sizeHint() const
{
    return pillSize(font(), m_text);
}

QSize TierBadge::minimumSizeHint() const
{
    return sizeHint();
}

QColor TierBadge::textColorFor(const QColor &background)
{
    // WCAG contrast: whichever of black and white reads better (at least 4.58:1).
    return ThemeColors::bestTextOn(background);
}

QRect TierBadge::paint(QPainter *painter, const QRect &rect, const QColor &color,
                       const QString &text, const QFont &font)
{
    const QSize size = pillSize(font, text);
    const QRect pill(rect.left(), rect.top() + (rect.height() - size.height()) / 2,
                     qMin(size.width(), rect.width()), size.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    const qreal radius = pill.height() / 2.0;
    path.addRoundedRect(QRectF(pill), radius, radius);
    painter->fillPath(path, color);
    QFont bold = font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(textColorFor(color));
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
    return pill;
}

void TierBadge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paint(&p, rect(), m_color, m_text, font());
}

} // namespace TiDesk

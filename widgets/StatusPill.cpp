#include "StatusPill.h"

#include <QPixmap>

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace TiDesk {

namespace {
constexpr int kHPad = 8;
constexpr int kVPad = 2;
constexpr int kGap = 6;
} // namespace

StatusPill::StatusPill(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Status"));
}

void StatusPill::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    update();
}

void StatusPill::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    setAccessibleDescription(text);
    setToolTip(text);
    updateGeometry();
    update();
}

void StatusPill::setStatus(State state, const QString &text)
{
    setState(state);
    setText(text);
}

QColor StatusPill::colorFor(State state)
{
    switch (state) {
    case State::Ok: return QColor(0x2e, 0x7d, 0x32);
    case State::Warning: return QColor(0xef, 0x8f, 0x00);
    case State::Error: return QColor(0xc6, 0x28, 0x28);
    case State::Unknown: break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QSize StatusPill::sizeHint() const
{
    const QFontMetrics fm(font());
    const int dot = fm.height() / 2 + 2;
    return { kHPad + dot + kGap + fm.horizontalAdvance(m_text) + kHPad, fm.height() + 2 * kVPad };
}

QSize StatusPill::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return { 2 * kHPad + fm.height(), fm.height() + 2 * kVPad };
}

void StatusPill::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = colorFor(m_state);
    QColor bg = c;
    bg.setAlpha(40);
    QPainterPath path;
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    path.addRoundedRect(r, r.height() / 2, r.height() / 2);
    p.fillPath(path, bg);
    p.setPen(QPen(c, 1));
    p.drawPath(path);

    const QFontMetrics fm(font());
    const int dot = fm.height() / 2 + 2;
    const QRect dotRect(kHPad, (height() - dot) / 2, dot, dot);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawEllipse(dotRect);

    p.setPen(palette().color(QPalette::WindowText));
    const QRect textRect(dotRect.right() + kGap, 0, width() - dotRect.right() - kGap - kHPad,
                         height());
    p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
               fm.elidedText(m_text, Qt::ElideRight, textRect.width()));
}

QIcon StatusPill::dotIcon(const QColor &color, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return QIcon(pm);
}

} // namespace TiDesk

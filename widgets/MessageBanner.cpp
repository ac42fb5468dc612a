#include "MessageBanner.h"

#include "ThemeColors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
ThemeColors::Role roleFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Info: return ThemeColors::Role::Info;
    case MessageBanner::Kind::Success: return ThemeColors::Role::Ok;
    case MessageBanner::Kind::Warning: return ThemeColors::Role::Warning;
    case MessageBanner::Kind::Error:
    case MessageBanner::Kind::Critical: return ThemeColors::Role::Error;
    }
    return ThemeColors::Role::Muted;
}

// Colours from the palette at the time of asking, so a theme switch repaints them right.
QColor accentFor(MessageBanner::Kind kind, const QPalette &pal)
{
    if (kind == MessageBanner::Kind::Critical)
        return ThemeColors::criticalBackground().darker(150);
    return ThemeColors::foreground(roleFor(kind), pal);
}

QColor backgroundFor(MessageBanner::Kind kind, const QPalette &pal)
{
    if (kind == MessageBanner::Kind::Critical)
        return ThemeColors::criticalBackground(); // the production red
    return ThemeColors::tint(roleFor(kind), pal);
}

// Text on the banner's own background, whatever the theme.
QColor textFor(MessageBanner::Kind kind, const QPalette &pal)
{
    const QColor bg = backgroundFor(kind, pal);
    if (kind == MessageBanner::Kind::Critical)
        return ThemeColors::bestTextOn(bg);
    return ThemeColors::withContrast(pal.color(QPalette::WindowText), bg, 7.0);
}

QString glyphFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Info: return u"\u2139"_s; // ℹ
    case MessageBanner::Kind::Success: return u"\u2714"_s; // ✔
    case MessageBanner::Kind::Warning: return u"\u26a0"_s; // ⚠
    case MessageBanner::Kind::Error: return u"\u2716"_s; // ✖
    case MessageBanner::Kind::Critical: return u"\u26a0"_s; // ⚠
    }
    return {};
}
} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setAccessibleName(tr("Message"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_icon->setMinimumWidth(20);

    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(u"messageText"_s);
    m_text->setAccessibleName(tr("Message text"));

    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setObjectName(u"messageDetail"_s);
    m_detail->setAccessibleName(tr("Message detail"));
    m_detail->hide();

    m_action->setObjectName(u"messageAction"_s);
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &MessageBanner::actionTriggered);

    m_close->setText(u"\u2715"_s); // ✕
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    m_close->setObjectName(u"messageClose"_s);
    connect(m_close, &QToolButton::clicked, this, [this] {
        clear();
        emit closed();
    });

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_text);
    texts->addWidget(m_detail);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 6, 8);
    layout->setSpacing(8);
    layout->addWidget(m_icon);
    layout->addLayout(texts, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text, const QString &detail,
                                const QString &actionText)
{
    m_kind = kind;
    const bool critical = kind == Kind::Critical;
    m_icon->setText(glyphFor(kind));
    QFont iconFont = font();
    iconFont.setPointSizeF(iconFont.pointSizeF() * (critical ? 2.2 : 1.4));
    iconFont.setBold(true);
    m_icon->setFont(iconFont);

    applyColors();
    QFont headline = font();
    headline.setBold(true);
    if (critical)
        headline.setPointSizeF(headline.pointSizeF() * 1.35);
    m_text->setFont(headline);

    m_text->setText(text);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    m_action->setText(actionText);
    m_action->setAccessibleName(actionText);
    m_action->setVisible(!actionText.isEmpty());
    m_close->setVisible(m_closable);
    setAccessibleDescription(detail.isEmpty() ? text : text + u'\n' + detail);
    show();
    update();
}

void MessageBanner::applyColors()
{
    const QPalette &base = palette();
    const bool critical = m_kind == Kind::Critical;
    QPalette pal = m_icon->palette();
    pal.setColor(QPalette::WindowText, critical ? textFor(m_kind, base) : accentFor(m_kind, base));
    m_icon->setPalette(pal);
    // The banner paints its own background, so force its text colour whatever the theme.
    QPalette textPal = m_text->palette();
    textPal.setColor(QPalette::WindowText, textFor(m_kind, base));
    textPal.setColor(QPalette::ButtonText, textFor(m_kind, base));
    m_text->setPalette(textPal);
    m_detail->setPalette(textPal);
    m_close->setPalette(textPal);
}

QColor MessageBanner::backgroundColor() const
{
    return backgroundFor(m_kind, palette());
}

QColor MessageBanner::textColor() const
{
    return textFor(m_kind, palette());
}

void MessageBanner::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Only the children's palettes are set here: no recursion.
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void MessageBanner::clear()
{
    m_text->clear();
    m_detail->clear();
    hide();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

QString MessageBanner::detail() const
{
    return m_detail->text();
}

void MessageBanner::setClosable(bool closable)
{
    m_closable = closable;
    m_close->setVisible(closable && isVisible());
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(r, 4, 4);
    const QPalette &pal = palette();
    p.fillPath(path, backgroundFor(m_kind, pal));
    const qreal border = m_kind == Kind::Critical ? 2 : 1;
    p.setPen(QPen(accentFor(m_kind, pal), border));
    p.drawPath(path);
    p.fillRect(QRectF(r.left(), r.top(), m_kind == Kind::Critical ? 8 : 4, r.height()),
               accentFor(m_kind, pal));
}

} // namespace TiDesk

#include "MessageBanner.h"

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
QColor accentFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Info: return QColor(0x15, 0x65, 0xc0);
    case MessageBanner::Kind::Success: return QColor(0x2e, 0x7d, 0x32);
    case MessageBanner::Kind::Warning: return QColor(0xef, 0x8f, 0x00);
    case MessageBanner::Kind::Error: return QColor(0xc6, 0x28, 0x28);
    case MessageBanner::Kind::Critical: return QColor(0x7f, 0x00, 0x00);
    }
    return QColor(0x75, 0x75, 0x75);
}

QColor backgroundFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Info: return QColor(0xe3, 0xf2, 0xfd);
    case MessageBanner::Kind::Success: return QColor(0xe8, 0xf5, 0xe9);
    case MessageBanner::Kind::Warning: return QColor(0xff, 0xf3, 0xe0);
    case MessageBanner::Kind::Error: return QColor(0xff, 0xeb, 0xee);
    case MessageBanner::Kind::Critical: return QColor(0xc6, 0x28, 0x28); // the production red
    }
    return QColor(0xf5, 0xf5, 0xf5);
}

// Text on the banner's own background, whatever the theme.
QColor textFor(MessageBanner::Kind kind)
{
    return kind == MessageBanner::Kind::Critical ? QColor(Qt::white) : QColor(0x21, 0x21, 0x21);
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
    QPalette pal = m_icon->palette();
    pal.setColor(QPalette::WindowText, critical ? textFor(kind) : accentFor(kind));
    m_icon->setPalette(pal);
    QFont iconFont = font();
    iconFont.setPointSizeF(iconFont.pointSizeF() * (critical ? 2.2 : 1.4));
    iconFont.setBold(true);
    m_icon->setFont(iconFont);

    // The banner paints its own background, so force its text colour whatever the theme.
    QPalette textPal = m_text->palette();
    textPal.setColor(QPalette::WindowText, textFor(kind));
    textPal.setColor(QPalette::ButtonText, textFor(kind));
    m_text->setPalette(textPal);
    m_detail->setPalette(textPal);
    m_close->setPalette(textPal);
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
    p.fillPath(path, backgroundFor(m_kind));
    const qreal border = m_kind == Kind::Critical ? 2 : 1;
    p.setPen(QPen(accentFor(m_kind), border));
    p.drawPath(path);
    p.fillRect(QRectF(r.left(), r.top(), m_kind == Kind::Critical ? 8 : 4, r.height()),
               accentFor(m_kind));
}

} // namespace TiDesk

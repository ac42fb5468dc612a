#include "TierBanner.h"

#include "TierStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace TiDesk {

TierBanner::TierBanner(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setObjectName(u"tierBanner"_s);
    setAccessibleName(tr("Environment banner"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_label->setObjectName(u"tierBannerText"_s);
    m_hint->setObjectName(u"tierBannerHint"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 4, 14, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_hint);
    hide();
}

void TierBanner::setEnvironment(const Environment &env)
{
    m_production = env.isProduction();
    m_accent = TierStyle::color(env);
    QFont f = font();
    f.setBold(true);
    QPalette pal = m_label->palette();
    if (m_production) {
        m_background = m_accent;
        f.setPointSizeF(f.pointSizeF() * 1.6);
        f.setLetterSpacing(QFont::PercentageSpacing, 106);
        pal.setColor(QPalette::WindowText, Qt::white);
        m_hint->setText(tr("Changes here affect live systems"));
        setFixedHeight(48);
    } else {
        m_background = m_accent;
        m_background.setAlpha(38);
        f.setPointSizeF(f.pointSizeF() * 1.15);
        const bool darkTheme = palette().color(QPalette::Window).lightness() < 128;
        pal.setColor(QPalette::WindowText,
                     darkTheme ? m_accent.lighter(160) : m_accent.darker(130));
        m_hint->clear();
        setFixedHeight(32);
    }
    m_label->setFont(f);
    m_label->setPalette(pal);
    m_hint->setPalette(pal);
    m_label->setText(TierStyle::bannerText(env));
    setAccessibleDescription(m_label->text());
    show();
    update();
}

void TierBanner::clearEnvironment()
{
    m_label->clear();
    m_hint->clear();
    m_production = false;
    hide();
}

QString TierBanner::text() const
{
    return m_label->text();
}

void TierBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    p.fillRect(rect(), m_background);
    if (!m_production)
        p.fillRect(QRect(0, 0, 6, height()), m_accent);
    else
        p.fillRect(QRect(0, height() - 3, width(), 3), m_accent.darker(140));
}

} // namespace TiDesk

#include "TierBanner.h"

#include "TierStyle.h"

#include <QEvent>
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
    m_env = env;
    m_hasEnv = true;
    m_production = env.isProduction();
    QFont f = font();
    f.setBold(true);
    if (m_production) {
        f.setPointSizeF(f.pointSizeF() * 1.6);
        f.setLetterSpacing(QFont::PercentageSpacing, 106);
        m_hint->setText(tr("Changes here affect live systems"));
        setFixedHeight(48);
    } else {
        f.setPointSizeF(f.pointSizeF() * 1.15);
        m_hint->clear();
        setFixedHeight(32);
    }
    m_label->setFont(f);
    m_label->setText(TierStyle::bannerText(env));
    setAccessibleDescription(m_label->text());
    applyColors();
    show();
    update();
}

void TierBanner::applyColors()
{
    if (!m_hasEnv)
        return;
    const TierStyle::BannerColors colors = TierStyle::bannerColors(m_env, palette());
    m_background = colors.background;
    m_accent = colors.accent;
    m_text = colors.text;
    for (QLabel *label : { m_label, m_hint }) {
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText, m_text);
        label->setPalette(pal);
    }
    update();
}

void TierBanner::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The children's palettes are set here, never this widget's: no recursion.
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void TierBanner::clearEnvironment()
{
    m_label->clear();
    m_hint->clear();
    m_production = false;
    m_hasEnv = false;
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

#include "PageHeading.h"

#include "ThemeColors.h"

#include "TierBadge.h"
#include "TierStyle.h"

#include <QHBoxLayout>
#include <QLabel>

namespace TiDesk {

PageHeading::PageHeading(const QString &title, QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(title, this);
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    m_title->setFont(tf);
    m_badge = new TierBadge(this);
    m_badge->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_badge);
}

void PageHeading::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString PageHeading::title() const
{
    return m_title->text();
}

void PageHeading::setEnvironment(const Environment &env)
{
    m_badge->setText(TierStyle::badgeText(env));
    m_badge->setColor(TierStyle::color(env));
    m_badge->show();
}

QLabel *PageHeading::makeHeadline(const QString &objectName, const QString &accessibleName,
                                  double scale, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setAccessibleName(accessibleName);
    l->setWordWrap(true);
    QFont f = l->font();
    f.setPointSizeF(f.pointSizeF() * scale);
    f.setBold(true);
    l->setFont(f);
    return l;
}

void PageHeading::setHeadlineColor(QLabel *headline, const QColor &color)
{
    // Kept on the label and re-applied on every palette change (a live theme switch): the
    // colour made readable (4.5:1) on the window, or the window text when none is asked for.
    constexpr const char *kColor = "tideskHeadlineColor";
    headline->setProperty(kColor, color);
    const auto apply = [headline] {
        const QColor wanted = headline->property(kColor).value<QColor>();
        const QPalette parent = headline->parentWidget()->palette();
        QPalette p = headline->palette();
        p.setColor(QPalette::WindowText,
                   wanted.isValid()
                       ? ThemeColors::withContrast(wanted, parent.color(QPalette::Window), 4.5)
                       : parent.color(QPalette::WindowText));
        headline->setPalette(p);
    };
    if (headline->property("tideskHeadlineFollowed").toBool()) {
        apply();
        return;
    }
    headline->setProperty("tideskHeadlineFollowed", true);
    ThemeColors::follow(headline, apply);
}

} // namespace TiDesk

#include "PageHeading.h"

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
    QPalette p = headline->palette();
    p.setColor(QPalette::WindowText,
               color.isValid() ? color
                               : headline->parentWidget()->palette().color(QPalette::WindowText));
    headline->setPalette(p);
}

} // namespace TiDesk

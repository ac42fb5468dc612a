#include "EnvironmentDelegate.h"

#include "TierBadge.h"
#include "TierStyle.h"
#include "inventory/InventoryModel.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
Tier tierOf(const QModelIndex &index)
{
    return Tier(index.data(InventoryModel::TierRole).toInt());
}

int groupSize(const QModelIndex &first)
{
    const QAbstractItemModel *m = first.model();
    const Tier tier = tierOf(first);
    int n = 0;
    for (int r = first.row(); r < m->rowCount(first.parent()); ++r) {
        if (tierOf(m->index(r, 0, first.parent())) != tier)
            break;
        ++n;
    }
    return n;
}
} // namespace

bool EnvironmentDelegate::startsGroup(const QModelIndex &index)
{
    if (index.row() == 0)
        return true;
    return tierOf(index.siblingAtRow(index.row() - 1)) != tierOf(index);
}

int EnvironmentDelegate::headerHeight(const QStyleOptionViewItem &option) const
{
    return option.fontMetrics.height() + 14;
}

int EnvironmentDelegate::rowHeight(const QStyleOptionViewItem &option) const
{
    return option.fontMetrics.height() * 2 + 6;
}

QSize EnvironmentDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int h = rowHeight(option) + (startsGroup(index) ? headerHeight(option) : 0);
    return { 180, h };
}

void EnvironmentDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QRect r = option.rect;
    const Tier tier = tierOf(index);
    const QColor color(index.data(InventoryModel::ColorRole).toString());
    const bool prod = index.data(InventoryModel::IsProductionRole).toBool();
    const QPalette &pal = option.palette;

    if (startsGroup(index)) {
        QRect header = r;
        header.setHeight(headerHeight(option));
        QFont hf = option.font;
        hf.setBold(true);
        hf.setPointSizeF(hf.pointSizeF() * 0.85);
        hf.setCapitalization(QFont::AllUppercase);
        hf.setLetterSpacing(QFont::PercentageSpacing, 108);
        painter->setFont(hf);
        painter->setPen(prod ? Environment::defaultColor(Tier::Prod) : pal.color(QPalette::PlaceholderText));
        //: Sidebar group heading: %1 = tier group name, %2 = number of environments
        const QString text = tr("%1 \u00b7 %2").arg(TierStyle::groupName(tier)).arg(groupSize(index));
        painter->drawText(header.adjusted(10, 4, -8, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
        r.setTop(header.bottom() + 1);
    }

    const QRect item = r.adjusted(4, 1, -4, -1);
    const bool selected = option.state & QStyle::State_Selected;
    QColor bg;
    if (selected)
        bg = pal.color(option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive, QPalette::Highlight);
    else if (prod)
        bg = QColor(0xc6, 0x28, 0x28, 28);
    else if (option.state & QStyle::State_MouseOver)
        bg = pal.color(QPalette::Midlight);
    if (bg.isValid()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(bg);
        painter->drawRoundedRect(item, 4, 4);
    }
    painter->fillRect(QRect(item.left(), item.top() + 3, 5, item.height() - 6), color);

    const QString badge = TierStyle::badgeText(tier, index.data(InventoryModel::TierNameRole).toString());
    QFont badgeFont = option.font;
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.8);
    const QSize badgeSize = TierBadge::pillSize(badgeFont, badge);
    const QRect badgeRect(item.right() - badgeSize.width() - 6, item.top(), badgeSize.width(), item.height());
    TierBadge::paint(painter, badgeRect, color, badge, badgeFont);

    const QColor textColor = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QRect textRect(item.left() + 14, item.top() + 2, badgeRect.left() - item.left() - 20, item.height() - 4);
    QFont nameFont = option.font;
    nameFont.setBold(true);
    const QFontMetrics nfm(nameFont);
    painter->setFont(nameFont);
    painter->setPen(textColor);
    const QString name = index.data(InventoryModel::NameRole).toString();
    painter->drawText(QRect(textRect.left(), textRect.top(), textRect.width(), textRect.height() / 2 + 2),
                      Qt::AlignLeft | Qt::AlignBottom, nfm.elidedText(name, Qt::ElideRight, textRect.width()));

    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    QColor sub = textColor;
    sub.setAlpha(selected ? 220 : 150);
    painter->setPen(sub);
    const QString endpoints = index.data(InventoryModel::EndpointsRole).toString();
    painter->drawText(QRect(textRect.left(), textRect.top() + textRect.height() / 2 + 2, textRect.width(), textRect.height() / 2 - 2),
                      Qt::AlignLeft | Qt::AlignTop,
                      QFontMetrics(small).elidedText(endpoints, Qt::ElideRight, textRect.width()));

    if (option.state & QStyle::State_HasFocus && selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight).darker(130), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(item).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    }
    painter->restore();
}

} // namespace TiDesk

#include "EnvironmentDelegate.h"

#include "ThemeColors.h"

#include "TierBadge.h"
#include "TierStyle.h"
#include "inventory/InventoryModel.h"
#include "models/FleetStatusModel.h"

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

QFont smallFont(const QFont &base)
{
    QFont small = base;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    return small;
}

bool isDark(const QPalette &pal)
{
    return pal.color(QPalette::Base).lightness() < 128;
}
} // namespace

QColor EnvironmentDelegate::statusColor(int checkStatus)
{
    switch (FleetStatusModel::CheckStatus(checkStatus)) {
    case FleetStatusModel::CheckStatus::Ok: return QColor(0x2e, 0x9d, 0x4a);
    case FleetStatusModel::CheckStatus::Error: return QColor(0xd3, 0x2f, 0x2f);
    case FleetStatusModel::CheckStatus::Checking: return QColor(0x1e, 0x88, 0xe5);
    case FleetStatusModel::CheckStatus::Unknown: break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

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
    const QFontMetrics small(smallFont(option.font));
    return option.fontMetrics.height() + small.height() * 2 + 10;
}

QSize EnvironmentDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    const int h = rowHeight(option) + (startsGroup(index) ? headerHeight(option) : 0);
    return { 180, h };
}

void EnvironmentDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QRect r = option.rect;
    const Tier tier = tierOf(index);
    const QColor color
        = TierStyle::color(tier, index.data(InventoryModel::ColorRole).toString(), option.palette);
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
        painter->setPen(
            prod ? ThemeColors::withContrast(TierStyle::color(Tier::Prod, QString(), pal),
                                             pal.color(QPalette::Base), 4.5)
                 : pal.color(QPalette::PlaceholderText));
        //: Sidebar group heading: %1 = tier group name, %2 = number of environments
        const QString text
            = tr("%1 \u00b7 %2").arg(TierStyle::groupName(tier)).arg(groupSize(index));
        painter->drawText(header.adjusted(10, 4, -8, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
        r.setTop(header.bottom() + 1);
    }

    const QRect item = r.adjusted(4, 1, -4, -1);
    const bool selected = option.state & QStyle::State_Selected;
    QColor bg;
    if (selected)
        bg = pal.color(option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive,
                       QPalette::Highlight);
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

    const QString badge
        = TierStyle::badgeText(tier, index.data(InventoryModel::TierNameRole).toString());
    QFont badgeFont = option.font;
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.8);
    const QSize badgeSize = TierBadge::pillSize(badgeFont, badge);
    const QRect badgeRect(item.right() - badgeSize.width() - 6, item.top(), badgeSize.width(),
                          item.height());
    TierBadge::paint(painter, badgeRect, color, badge, badgeFont);

    const QColor textColor
        = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    constexpr int kDot = 10;
    const int dotLeft = item.left() + 13;
    const int textLeft = dotLeft + kDot + 7;
    const QRect textRect(textLeft, item.top() + 3, badgeRect.left() - textLeft - 6,
                         item.height() - 6);
    QFont nameFont = option.font;
    nameFont.setBold(true);
    const QFontMetrics nfm(nameFont);
    const QFont small = smallFont(option.font);
    const QFontMetrics sfm(small);
    const QRect nameLine(textRect.left(), textRect.top(), textRect.width(), nfm.height());
    const QRect hostLine(textRect.left(), nameLine.bottom() + 1, textRect.width(), sfm.height());
    const QRect checkLine(textRect.left(), hostLine.bottom() + 1, textRect.width(), sfm.height());

    // Status dot, centred on the name line.
    const QVariant statusValue = index.data(FleetStatusModel::CheckStatusRole);
    const int status
        = statusValue.isValid() ? statusValue.toInt() : int(FleetStatusModel::CheckStatus::Unknown);
    const QRectF dot(dotLeft, nameLine.center().y() - kDot / 2.0 + 0.5, kDot, kDot);
    const QColor dotColor = statusColor(status);
    if (FleetStatusModel::CheckStatus(status) == FleetStatusModel::CheckStatus::Checking) {
        painter->setPen(QPen(selected ? pal.color(QPalette::HighlightedText) : dotColor, 1.8));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(dot.adjusted(0.9, 0.9, -0.9, -0.9));
    } else {
        painter->setPen(QPen(selected ? pal.color(QPalette::HighlightedText) : dotColor.darker(125),
                             selected ? 1.5 : 1));
        painter->setBrush(dotColor);
        painter->drawEllipse(dot.adjusted(0.5, 0.5, -0.5, -0.5));
    }

    painter->setFont(nameFont);
    painter->setPen(textColor);
    const QString name = index.data(InventoryModel::NameRole).toString();
    painter->drawText(nameLine, Qt::AlignLeft | Qt::AlignVCenter,
                      nfm.elidedText(name, Qt::ElideRight, nameLine.width()));

    painter->setFont(small);
    QColor sub = textColor;
    sub.setAlpha(selected ? 220 : 150);
    painter->setPen(sub);
    QString endpoints = index.data(InventoryModel::EndpointsRole).toString();
    if (index.data(InventoryModel::EnvironmentRole).value<Environment>().ssh.enabled)
        //: Sidebar host line of an environment behind an SSH bastion: %1 = "host:port, host:port"
        endpoints = tr("%1 via SSH").arg(endpoints);
    painter->drawText(hostLine, Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(endpoints, Qt::ElideRight, hostLine.width()));

    // Last check: engine · latency, or the short error in red. While a re-check runs the previous
    // result stays (it is usually still right); the hollow dot says a new one is under way.
    QString check = index.data(FleetStatusModel::CheckSummaryRole).toString();
    QColor checkColor = sub;
    if (check.isEmpty()) {
        check = FleetStatusModel::CheckStatus(status) == FleetStatusModel::CheckStatus::Checking
            //: Sidebar, under the host: the first connection check is running
            ? tr("checking\u2026")
            //: Sidebar, under the host: no connection check has run
            : tr("not checked");
        checkColor.setAlpha(selected ? 200 : 110);
    } else if (FleetStatusModel::CheckStatus(status) == FleetStatusModel::CheckStatus::Error
               && !selected) {
        checkColor = isDark(pal) ? QColor(0xef, 0x6c, 0x6c) : QColor(0xc6, 0x28, 0x28);
    }
    painter->setPen(checkColor);
    painter->drawText(checkLine, Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(check, Qt::ElideRight, checkLine.width()));

    if (option.state & QStyle::State_HasFocus && selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight).darker(130), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(item).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    }
    painter->restore();
}

} // namespace TiDesk

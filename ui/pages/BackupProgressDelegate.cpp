#include "BackupProgressDelegate.h"

#include "models/BackupJobsModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace TiDesk {

void BackupProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const auto tone = BackupJobsModel::Tone(index.data(BackupJobsModel::StatusToneRole).toInt());
    if (tone != BackupJobsModel::Tone::Active) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row's selection and background first, then the bar inside a small margin.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const double progress = index.data(BackupJobsModel::ProgressRole).toDouble();
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    bar.minimum = 0;
    bar.maximum = progress < 0 ? 0 : 100; // 0..0: busy
    bar.progress = progress < 0 ? 0 : qRound(progress);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = progress >= 0;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

} // namespace TiDesk

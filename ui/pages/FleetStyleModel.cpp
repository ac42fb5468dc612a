#include "FleetStyleModel.h"

#include "ThemeColors.h"

#include "AlertLevelDelegate.h"
#include "FleetStateDelegate.h"
#include "inventory/InventoryModel.h"
#include "models/FleetModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>

namespace TiDesk {

namespace {
bool isDown(const QModelIndex &index)
{
    return FleetModel::Severity(index.data(FleetModel::SeverityRole).toInt())
        == FleetModel::Severity::Down;
}
// Text colours are asked for at paint time: made readable (4.5:1) on the current palette's base,
// so they follow a theme switch (a dark theme gets them lightened).
QBrush readable(const QColor &c)
{
    return QBrush(
        ThemeColors::withContrast(c, QGuiApplication::palette().color(QPalette::Base), 4.5));
}
} // namespace

QVariant FleetStyleModel::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case Qt::BackgroundRole: {
        const bool prod = index.data(InventoryModel::IsProductionRole).toBool();
        const bool down = isDown(index);
        if (!prod && !down)
            break;
        QColor tint = FleetStateDelegate::colorFor(FleetModel::Severity::Down);
        tint.setAlpha(down ? (prod ? 70 : 40) : 20);
        return QBrush(tint);
    }
    case Qt::ForegroundRole:
        switch (index.column()) {
        case FleetModel::AlertsColumn: {
            const int level = index.data(FleetModel::WorstAlertLevelRole).toInt();
            if (level >= 0 && AlertLevel(level) <= AlertLevel::Warning)
                return readable(AlertLevelDelegate::colorFor(AlertLevel(level)));
            if (!index.data(FleetModel::HasSampleRole).toBool())
                return readable(QColor(0x8a, 0x8a, 0x8a));
            break;
        }
        case FleetModel::BackupColumn: {
            const QVariant level = index.data(FleetModel::BackupLevelRole);
            if (!level.isValid())
                return readable(QColor(0x8a, 0x8a, 0x8a));
            switch (BackupHealth::Level(level.toInt())) {
            case BackupHealth::Level::Critical: return readable(QColor(0xc6, 0x28, 0x28));
            case BackupHealth::Level::Warning: return readable(QColor(0xb2, 0x6a, 0x00));
            case BackupHealth::Level::Ok: return readable(QColor(0x2e, 0x7d, 0x32));
            }
            break;
        }
        case FleetModel::LastErrorColumn:
            if (isDown(index))
                return readable(FleetStateDelegate::colorFor(FleetModel::Severity::Down));
            break;
        case FleetModel::EngineColumn:
        case FleetModel::UptimeColumn:
        case FleetModel::ConnectionsColumn:
        case FleetModel::QpsColumn:
        case FleetModel::P99Column:
            if (!index.data(FleetModel::SortRole).isValid())
                return readable(QColor(0x8a, 0x8a, 0x8a));
            break;
        default: break;
        }
        break;
    case Qt::FontRole:
        if (index.column() == FleetModel::NameColumn
            && (index.data(InventoryModel::IsProductionRole).toBool() || isDown(index))) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    default: break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace TiDesk

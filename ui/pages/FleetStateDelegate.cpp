#include "FleetStateDelegate.h"

namespace TiDesk {

QColor FleetStateDelegate::colorFor(FleetModel::Severity severity)
{
    switch (severity) {
    case FleetModel::Severity::Down: return QColor(0xc6, 0x28, 0x28);
    case FleetModel::Severity::Critical: return QColor(0xd8, 0x43, 0x15);
    case FleetModel::Severity::Warning: return QColor(0xe0, 0x8a, 0x00);
    case FleetModel::Severity::Ok: return QColor(0x2e, 0x7d, 0x32);
    case FleetModel::Severity::Unknown: break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

bool FleetStateDelegate::isSolid(FleetModel::Severity severity)
{
    return severity == FleetModel::Severity::Down || severity == FleetModel::Severity::Critical;
}

PillDelegate::Pill FleetStateDelegate::pillFor(const QModelIndex &index) const
{
    const auto severity = FleetModel::Severity(index.data(FleetModel::SeverityRole).toInt());
    const bool solid = isSolid(severity);
    return { colorFor(severity), solid ? PillStyle::Solid : PillStyle::Outlined, solid };
}

} // namespace TiDesk

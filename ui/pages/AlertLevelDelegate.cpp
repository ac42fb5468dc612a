#include "AlertLevelDelegate.h"

#include "alerts/AlertListModel.h"

namespace TiDesk {

QColor AlertLevelDelegate::colorFor(AlertLevel level)
{
    switch (level) {
    case AlertLevel::Emergency: return QColor(0x8e, 0x00, 0x00);
    case AlertLevel::Critical: return QColor(0xc6, 0x28, 0x28);
    case AlertLevel::Warning: return QColor(0xe6, 0x5c, 0x00);
    case AlertLevel::Info: return QColor(0x15, 0x65, 0xc0);
    case AlertLevel::Unknown: break;
    }
    return QColor(0x75, 0x75, 0x75);
}

PillDelegate::Pill AlertLevelDelegate::pillFor(const QModelIndex &index) const
{
    const auto level = AlertLevel(index.data(AlertListModel::LevelRole).toInt());
    // A silenced alert: an outlined, faint pill - still readable, no longer shouting.
    const bool silenced = index.data(AlertListModel::SilencedRole).toBool();
    return { colorFor(level), silenced ? PillStyle::Dashed : PillStyle::Solid, true };
}

} // namespace TiDesk

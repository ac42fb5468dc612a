// AlertLevelDelegate: paints the Level column of the Alerts page as a coloured pill (emergency
// dark red, critical red, warning orange, info blue, unknown grey) so the worst alerts stand out
// at a glance; a silenced alert gets a faint outlined pill instead of a solid one. Reads
// AlertListModel::LevelRole and SilencedRole. GUI thread.
#pragma once

#include "alerts/Alert.h"

#include "PillDelegate.h"

#include <QColor>

namespace TiDesk {

class AlertLevelDelegate final : public PillDelegate
{
    Q_OBJECT
public:
    using PillDelegate::PillDelegate;

    [[nodiscard]] static QColor colorFor(AlertLevel level);

protected:
    Pill pillFor(const QModelIndex &index) const override;
};

} // namespace TiDesk

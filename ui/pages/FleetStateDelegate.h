// FleetStateDelegate: paints the State column of the Fleet page as a pill coloured by
// FleetModel::SeverityRole: Down solid red and Degraded solid orange (they must jump out), Warning
// amber, OK green and Unknown grey as quiet outlined pills. colorFor() is the one place the page's
// severity colours come from (the headline uses them too). GUI thread.
#pragma once

#include "models/FleetModel.h"

#include "PillDelegate.h"

#include <QColor>

namespace TiDesk {

class FleetStateDelegate final : public PillDelegate
{
    Q_OBJECT
public:
    using PillDelegate::PillDelegate;

    [[nodiscard]] static QColor colorFor(FleetModel::Severity severity);
    // Down and Degraded are drawn solid, the others outlined.
    [[nodiscard]] static bool isSolid(FleetModel::Severity severity);

protected:
    Pill pillFor(const QModelIndex &index) const override;
};

} // namespace TiDesk

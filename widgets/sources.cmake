target_sources(tidesk_widgets PRIVATE
    TierBadge.h TierBadge.cpp
    StatusPill.h StatusPill.cpp
    MessageBanner.h MessageBanner.cpp
    TimeSeriesChart.h TimeSeriesChart.cpp
    TimeRangePicker.h TimeRangePicker.cpp
)

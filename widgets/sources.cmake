target_sources(tidesk_widgets PRIVATE
    ThemeColors.h ThemeColors.cpp
    TierBadge.h TierBadge.cpp
    StatusPill.h StatusPill.cpp
    PillDelegate.h PillDelegate.cpp
    MessageBanner.h MessageBanner.cpp
    TimeSeriesChart.h TimeSeriesChart.cpp
    TimeRangePicker.h TimeRangePicker.cpp
)

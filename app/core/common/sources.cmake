target_sources(tidesk_common PRIVATE
    common/AppPaths.h common/AppPaths.cpp
    common/AppSettings.h common/AppSettings.cpp
    common/Error.h common/Error.cpp
    common/Logging.h common/Logging.cpp
    common/Result.h
    common/TimeSeries.h
    common/MetricFormat.h common/MetricFormat.cpp
    common/Downsample.h common/Downsample.cpp
)
target_sources(tidesk_common PRIVATE common/Crypto.h common/Crypto.cpp)

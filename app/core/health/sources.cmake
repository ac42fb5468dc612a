target_sources(tidesk_core PRIVATE
    health/FleetChecker.h health/FleetChecker.cpp
    health/FleetSample.h
)

target_sources(tidesk_core PRIVATE
    health/FleetChecker.h health/FleetChecker.cpp
    health/FleetSample.h
    health/ClusterTopology.h health/ClusterTopology.cpp
    health/TopologyParser.h health/TopologyParser.cpp
    health/TopologyReader.h health/TopologyReader.cpp
)

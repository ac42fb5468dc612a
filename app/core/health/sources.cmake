target_sources(tidesk_core PRIVATE
    health/FleetChecker.h health/FleetChecker.cpp
    health/FleetMath.h health/FleetMath.cpp
    health/FleetPoller.h health/FleetPoller.cpp
    health/FleetProbe.h health/FleetProbe.cpp
    health/FleetSample.h
    health/FleetPrometheus.h health/FleetPrometheus.cpp
    health/SampleHistory.h health/SampleHistory.cpp
    health/PdClient.h health/PdClient.cpp
    health/SqlPassword.h health/SqlPassword.cpp
    health/ClusterTopology.h health/ClusterTopology.cpp
    health/TopologyParser.h health/TopologyParser.cpp
    health/TopologyReader.h health/TopologyReader.cpp
)

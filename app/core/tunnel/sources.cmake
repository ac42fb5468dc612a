target_sources(tidesk_core PRIVATE
    tunnel/BastionConfig.h tunnel/BastionConfig.cpp
    tunnel/BastionTunnels.h tunnel/BastionTunnels.cpp
    tunnel/BastionTunnelsWorker.h tunnel/BastionTunnelsWorker.cpp
    tunnel/HostKeyQuestion.h
    tunnel/RouteWaiter.h
)

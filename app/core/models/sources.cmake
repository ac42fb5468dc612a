target_sources(tidesk_core PRIVATE
    models/ActivityModel.h models/ActivityModel.cpp
    models/ActivityFilterModel.h models/ActivityFilterModel.cpp
    models/EnvironmentFilterModel.h models/EnvironmentFilterModel.cpp
    models/FleetStatusModel.h models/FleetStatusModel.cpp
    models/ClusterNodeModel.h models/ClusterNodeModel.cpp
    models/FleetModel.h models/FleetModel.cpp
    models/FleetFilterModel.h models/FleetFilterModel.cpp
    models/KeyedRowDiff.h models/KeyedRowDiff.cpp
    models/SessionsModel.h models/SessionsModel.cpp
    models/SessionFilterModel.h models/SessionFilterModel.cpp
    models/SessionDigestModel.h models/SessionDigestModel.cpp
    models/DigestClassModel.h models/DigestClassModel.cpp
    models/BackupJobsModel.h models/BackupJobsModel.cpp
)

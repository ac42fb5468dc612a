target_sources(tidesk_core PRIVATE
    sql/ActivityLog.h sql/ActivityLog.cpp
    sql/ConnectParams.h
    sql/EngineInfo.h
    sql/EnvironmentCheck.h
    sql/QueryResult.h
    sql/SqlConnection.h
)

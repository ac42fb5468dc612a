target_sources(tidesk_core PRIVATE
    sql/ActivityLog.h sql/ActivityLog.cpp
    sql/ConnectParams.h sql/ConnectParams.cpp
    sql/Dialect.h sql/Dialect.cpp
    sql/EngineDetector.h sql/EngineDetector.cpp
    sql/EngineInfo.h sql/EngineInfo.cpp
    sql/EnvironmentCheck.h sql/EnvironmentCheck.cpp
    sql/EnvironmentConnection.h sql/EnvironmentConnection.cpp
    sql/MariadbDialect.h sql/MariadbDialect.cpp
    sql/MysqlDialect.h sql/MysqlDialect.cpp
    sql/QueryResult.h sql/QueryResult.cpp
    sql/SqlConnection.h sql/SqlConnection.cpp
    sql/SqlQuote.h sql/SqlQuote.cpp
    sql/SqlWorker.h sql/SqlWorker.cpp
    sql/TidbDialect.h sql/TidbDialect.cpp
)

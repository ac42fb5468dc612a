// EngineDetector: decides which engine an open connection talks to (reference §1.3):
// VERSION() (read at connect), then SELECT TIDB_VERSION() when "-TiDB-" appears; an
// environment's engine override wins over detection.
// Threading: blocks on the connection; call it on the thread that owns the SqlConnection.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "sql/EngineInfo.h"

namespace TiDesk {

class SqlConnection;

class EngineDetector final
{
public:
    [[nodiscard]] static Result<EngineInfo>
    detect(SqlConnection &connection, EngineOverride engineOverride = EngineOverride::Auto);
};

} // namespace TiDesk

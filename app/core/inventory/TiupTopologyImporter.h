// TiupTopologyImporter: reads a TiUP topology.yaml (the file given to `tiup cluster deploy`)
// into one TiDB environment: every tidb_servers host:port (default 4000) is an endpoint, the
// first pd_servers host:client_port (2379) the PD URL, monitoring_servers (9090) Prometheus,
// alertmanager_servers (web_port 9093) Alertmanager. Pure function, any thread.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "inventory/ImportOptions.h"

#include <QByteArray>
#include <QString>

namespace TiDesk {

class TiupTopologyImporter final
{
public:
    // topology.yaml does not name its cluster: the name is options.name, else the file's base
    // name ("shop-prod.yaml" -> "shop-prod"); a file called topology.yaml needs options.name.
    // All or nothing: any error returns no environment.
    [[nodiscard]] static Result<EnvironmentList>
    import(const QByteArray &content, const QString &sourcePath, const ImportOptions &options = {});
};

} // namespace TiDesk

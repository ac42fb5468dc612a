// TiupDisplayImporter: reads the output of `tiup cluster display <name> --format json`
// ({"cluster_meta": {...}, "instances": [{"role", "host", "ports": "4000/10080", ...}]}) into one
// TiDB environment: tidb instances are the endpoints, the first pd instance the PD URL,
// prometheus and alertmanager instances the monitoring URLs. Pure function, any thread.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "inventory/ImportOptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace TiDesk {

class TiupDisplayImporter final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::TiupDisplayImporter)
public:
    // The name is options.name, else cluster_meta.cluster_name. All or nothing.
    [[nodiscard]] static Result<EnvironmentList>
    import(const QByteArray &content, const QString &sourcePath, const ImportOptions &options = {});
};

} // namespace TiDesk

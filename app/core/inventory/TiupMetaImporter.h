// TiupMetaImporter: reads TiUP's stored copy of a deployed cluster,
// ~/.tiup/storage/cluster/clusters/<name>/meta.yaml ({user, tidb_version, last_ops_ver,
// topology: <Specification>}), into one TiDB environment (same mapping as TiupTopologyImporter;
// the cluster version becomes a tag). Pure function, any thread.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "inventory/ImportOptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace TiDesk {

class TiupMetaImporter final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::TiupMetaImporter)
public:
    // The name is options.name, else the cluster directory holding meta.yaml (TiUP's layout),
    // else the file's base name. All or nothing.
    [[nodiscard]] static Result<EnvironmentList>
    import(const QByteArray &content, const QString &sourcePath, const ImportOptions &options = {});
};

} // namespace TiDesk

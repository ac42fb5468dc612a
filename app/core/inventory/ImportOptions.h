// ImportOptions: what the caller of an importer can decide instead of the file (the cluster's
// name, its tier, the SQL user). Plain value type, any thread.
#pragma once

#include "inventory/Environment.h"

#include <QString>
#include <optional>

namespace TiDesk {

struct ImportOptions
{
    // Name of the imported environment (TiUP importers; ignored for TiDesk JSON). Empty = take
    // it from the file (cluster_name, the TiUP cluster directory, the file's base name).
    QString name;
    // Tier of the imported environment (TiUP importers). Unset = guess from the name.
    std::optional<Tier> tier;
    // TiUP files name the deploy (SSH) user, not a SQL user: this one is used instead.
    QString sqlUser = QStringLiteral("root");
};

} // namespace TiDesk

// TiupSpecReader: internal to the inventory importers. Parses TiUP YAML with yaml-cpp (its
// exceptions stop here) and turns a cluster Specification (the topology.yaml layout, also the
// "topology" key of meta.yaml) into an Environment. Errors name the file, the 1-based line and
// column, and the field path: "topology.yaml line 14, column 11: tidb_servers[1].port: expected
// an integer, got 'abc'". Used on one thread at a time; the header stays free of yaml-cpp.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "inventory/ImportOptions.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace YAML {
class Node;
}

namespace TiDesk {

class TiupSpecReader final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::TiupSpecReader)
public:
    explicit TiupSpecReader(QString sourceName);
    ~TiupSpecReader();
    TiupSpecReader(const TiupSpecReader &) = delete;
    TiupSpecReader &operator=(const TiupSpecReader &) = delete;

    // Parses UTF-8 text whose top level must be a mapping.
    [[nodiscard]] Result<std::shared_ptr<YAML::Node>> parse(const QString &text) const;

    // spec: the Specification mapping; pathPrefix: "" for topology.yaml, "topology." for meta.yaml.
    // version: the cluster version when known (added as a tag). All fields checked; the first
    // problem is returned.
    [[nodiscard]] Result<Environment>
    readSpecification(const YAML::Node &spec, const QString &pathPrefix, const QString &clusterName,
                      const QString &version, const ImportOptions &options) const;

    // Optional scalar string at map[key]; a non-scalar is an error. Empty when absent.
    [[nodiscard]] Result<QString> optionalString(const YAML::Node &map, const char *key,
                                                 const QString &path) const;
    [[nodiscard]] Error fieldError(const YAML::Node &at, const QString &path,
                                   const QString &problem) const;

private:
    [[nodiscard]] Result<int> optionalPort(const YAML::Node &map, const char *key,
                                           const QString &path, int defaultPort) const;
    QString m_sourceName;
};

} // namespace TiDesk

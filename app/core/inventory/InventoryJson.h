// InventoryJson: TiDesk's own JSON inventory format, import and export. Pure functions, any
// thread. Export never writes secrets; import refuses any password/passphrase/secret key.
//
//   {"format": "tidesk-inventory", "version": 1, "environments": [{
//     "name", "tier" (dev|test|uat|prod|custom), "custom_tier_name" (only for custom),
//     "color" ("#rrggbb" or ""), "tags": [], "engine" (auto|tidb|mysql|mariadb),
//     "endpoints": [{"host", "port", "label"}], "user", "database",
//     "tls": {"mode" (disabled|preferred|required|verify_ca|verify_identity), "ca", "cert", "key"},
//     "ssh": {"enabled", "host", "port", "user", "identity_file", "known_hosts"},
//     "prometheus_url", "alertmanager_url", "pd_url", "backup": {"url", "notes"}, "notes",
//     "connect_timeout_ms", "query_timeout_ms"}]}
//
// Required per environment: name, endpoints (each with host), user. A missing tier is guessed
// from the name; a missing port is 4000 (3306 for engine mysql/mariadb). Unknown keys are
// ignored so newer files with extra optional keys still load. Imported environments get fresh ids.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace TiDesk {

class InventoryJson final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::InventoryJson)
public:
    static constexpr int kVersion = 1;

    [[nodiscard]] static QByteArray toJson(const EnvironmentList &envs);
    [[nodiscard]] static QJsonObject environmentToJson(const Environment &env);
    // All or nothing: any error (named by line/column or field path) returns no environment.
    // sourcePath only names the file in messages.
    [[nodiscard]] static Result<EnvironmentList> fromJson(const QByteArray &content,
                                                          const QString &sourcePath
                                                          = QStringLiteral("inventory.json"));
};

} // namespace TiDesk

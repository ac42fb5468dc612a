// EngineInfo: which engine and version a server is, parsed from its version string
// (and, for TiDB, confirmed by TIDB_VERSION()). Pure value type; parse() has no I/O.
#pragma once

#include <QMetaType>
#include <QString>
#include <QVersionNumber>

namespace TiDesk {

enum class Engine { Unknown, TiDB, MySQL, MariaDB };

struct EngineInfo
{
    Engine engine = Engine::Unknown;
    QString versionString; // as the server reported it
    QVersionNumber version; // engine's own version: TiDB 7.5.1, MariaDB 10.11.6, MySQL 8.0.36
    QVersionNumber mysqlCompatVersion; // TiDB only: the MySQL prefix, 5.7.25 or 8.0.11
    QString suffix; // e.g. "beta-446-g5268094af", "serverless", "0ubuntu0.22.04.1"
    bool confirmed = false; // TiDB: TIDB_VERSION() answered

    // Parses VERSION() / handshake text. Accepts MariaDB's "5.5.5-" handshake prefix.
    static EngineInfo parse(const QString &versionString);
    // Parses TIDB_VERSION() output ("Release Version: v8.5.0\nEdition: ..."); empty if absent.
    static QString releaseVersionFromTidbVersion(const QString &tidbVersionText);

    static QString engineName(Engine e); // tidb, mysql, mariadb, unknown
    static QString engineDisplayName(Engine e); // TiDB, MySQL, MariaDB, Unknown
    static Engine engineFromName(const QString &name);
    // "TiDB v7.5.1", "MariaDB 10.11.6"
    [[nodiscard]] QString displayString() const;
    [[nodiscard]] bool isAtLeast(int major, int minor = 0, int patch = 0) const;
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::EngineInfo)

// Environment: one entry of the inventory (a TiDB cluster, a MySQL or MariaDB server).
// Plain value type, copied freely between threads. Holds NO secrets: passwords live in the
// CredentialStore under secretKey(); Environment only says which secret to look up.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace TiDesk {

enum class Tier { Dev, Test, Uat, Prod, Custom };

// Which engine to assume. Auto = detect from the server's version string.
enum class EngineOverride { Auto, TiDB, MySQL, MariaDB };

enum class TlsMode {
    Disabled, // plain TCP
    Preferred, // TLS when the server offers it (the connector default)
    Required, // TLS or fail; the certificate is not checked
    VerifyCa, // TLS and the server certificate must chain to caFile
    VerifyIdentity, // VerifyCa + the host name must match the certificate
};

struct TlsSettings
{
    TlsMode mode = TlsMode::Preferred;
    QString caFile; // PEM; required for VerifyCa / VerifyIdentity
    QString certFile; // client certificate (PEM), optional
    QString keyFile; // client key (PEM), optional; never a secret inline
    bool operator==(const TlsSettings &) const = default;
};

// One MySQL-protocol address: a tidb-server, a load balancer, or a MySQL/MariaDB server.
struct SqlEndpoint
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 4000;
    QString label; // optional, e.g. "tidb-1" or "lb"
    bool operator==(const SqlEndpoint &) const = default;
};

// How to reach the SQL endpoints through an SSH bastion (used by the SSH transport issue).
struct SshBastion
{
    bool enabled = false;
    QString host; // host name or ~/.ssh/config alias
    int port = 22;
    QString user;
    QString identityFile; // private key path; its passphrase is a secret
    QString knownHostsFile; // empty = ~/.ssh/known_hosts
    bool operator==(const SshBastion &) const = default;
};

struct BackupStorage
{
    QString url; // e.g. s3://bucket/prefix or local:///backups; credentials are secrets
    QString notes;
    bool operator==(const BackupStorage &) const = default;
};

struct Environment
{
    QUuid id; // stable identity; secrets are keyed by it
    QString name; // unique, e.g. "prod" or "uat01"
    Tier tier = Tier::Dev;
    QString customTierName; // shown when tier == Custom
    QString color; // "#rrggbb"; empty = the tier's default colour
    QStringList tags;
    EngineOverride engine = EngineOverride::Auto;
    QList<SqlEndpoint> endpoints; // at least one
    QString user;
    QString defaultDatabase;
    TlsSettings tls;
    SshBastion ssh;
    QString prometheusUrl;
    // Label matchers added to every PromQL query for this environment, e.g. env="prod" when
    // one Prometheus serves several environments; empty = the Prometheus serves this one only.
    QString prometheusSelector;
    QString alertmanagerUrl;
    QString pdUrl;
    BackupStorage backup;
    QString notes;
    int connectTimeoutMs = 5000;
    int queryTimeoutMs = 30000;

    bool operator==(const Environment &) const = default;

    [[nodiscard]] bool isProduction() const { return tier == Tier::Prod; }
    // Colour to paint as "#rrggbb": the explicit one, else the tier default.
    [[nodiscard]] QString effectiveColor() const;
    // Credential-store key of the SQL password (never the password itself).
    [[nodiscard]] QString passwordSecretKey() const;
    [[nodiscard]] QString sshPassphraseSecretKey() const;
    [[nodiscard]] QString backupSecretKey() const;
    // Empty when valid, else a one-line reason naming the field.
    [[nodiscard]] QString validate() const;

    static QString defaultColor(Tier tier); // "#rrggbb"
    static bool isValidColor(const QString &color); // "#rrggbb" or empty
    static QString tierName(Tier tier); // stable id: dev, test, uat, prod, custom
    static Tier tierFromName(const QString &name, bool *ok = nullptr);
    static QString engineOverrideName(EngineOverride e); // auto, tidb, mysql, mariadb
    static EngineOverride engineOverrideFromName(const QString &name, bool *ok = nullptr);
    static QString
    tlsModeName(TlsMode m); // disabled, preferred, required, verify_ca, verify_identity
    static TlsMode tlsModeFromName(const QString &name, bool *ok = nullptr);
    static bool isValidName(const QString &name); // letters, digits, . _ - ; 1..64 chars
    // Sidebar / listing order: prod first (always visible), then uat, test, dev, custom.
    static int tierSortRank(Tier tier);
    // Tier rank, then name (case-insensitive), then id: a total order used by the store and model.
    static bool sortsBefore(const Environment &a, const Environment &b);
    // Best guess from a cluster name: prod/production -> Prod, uat/staging -> Uat, test -> Test,
    // else Dev. Looks at the words of the name ("shop-prod-01" -> Prod, "protest" -> Dev).
    static Tier guessTierFromName(const QString &clusterName);

    Q_DECLARE_TR_FUNCTIONS(TiDesk::Environment) // last: the macro ends with "private:"
};

using EnvironmentList = QList<Environment>;

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::Environment)

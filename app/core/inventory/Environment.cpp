#include "Environment.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString Environment::effectiveColor() const
{
    return color.isEmpty() ? defaultColor(tier) : color;
}

QString Environment::passwordSecretKey() const
{
    return u"env/"_s + id.toString(QUuid::WithoutBraces) + u"/sql-password"_s;
}

QString Environment::sshPassphraseSecretKey() const
{
    return u"env/"_s + id.toString(QUuid::WithoutBraces) + u"/ssh-passphrase"_s;
}

QString Environment::backupSecretKey() const
{
    return u"env/"_s + id.toString(QUuid::WithoutBraces) + u"/backup-credentials"_s;
}

QString Environment::validate() const
{
    if (!isValidName(name))
        return tr("name: use 1-64 letters, digits, '.', '_' or '-'");
    if (endpoints.isEmpty())
        return tr("endpoints: at least one SQL endpoint is required");
    for (const SqlEndpoint &ep : endpoints) {
        if (ep.host.trimmed().isEmpty())
            return tr("endpoints: a host is empty");
        if (ep.port < 1 || ep.port > 65535)
            return tr("endpoints: port %1 is outside 1-65535").arg(ep.port);
    }
    if (user.trimmed().isEmpty())
        return tr("user: a SQL user name is required");
    if ((tls.mode == TlsMode::VerifyCa || tls.mode == TlsMode::VerifyIdentity)
        && tls.caFile.isEmpty())
        return tr("tls: certificate verification needs a CA file");
    if (!isValidColor(color))
        return tr("color: use #rrggbb");
    if (ssh.enabled && ssh.host.trimmed().isEmpty())
        return tr("ssh: the bastion host is empty");
    if (connectTimeoutMs < 100 || queryTimeoutMs < 100)
        return tr("timeouts: must be at least 100 ms");
    if (prometheusSelector.contains(u'{') || prometheusSelector.contains(u'}'))
        //: %1 = an example such as env="prod"
        return tr("prometheus selector: write the label matchers without braces, e.g. %1")
            .arg(u"env=\"prod\""_s);
    return {};
}

QString Environment::defaultColor(Tier tier)
{
    switch (tier) {
    // Readable in the light and the dark theme: 3:1 on either window, badge text (white, or
    // black on orange) at 4.5:1. tests/unit/tst_tiercontrast checks every one.
    case Tier::Dev: return u"#2e7d32"_s; // green
    case Tier::Test: return u"#1976d2"_s; // blue
    case Tier::Uat: return u"#d86100"_s; // orange (black text)
    case Tier::Prod: return u"#d32f2f"_s; // red
    case Tier::Custom: return u"#9c4dcc"_s; // purple
    }
    return u"#757575"_s;
}

bool Environment::isValidColor(const QString &c)
{
    static const QRegularExpression re(u"^#[0-9A-Fa-f]{6}$"_s);
    return c.isEmpty() || re.match(c).hasMatch();
}

QString Environment::tierName(Tier tier)
{
    switch (tier) {
    case Tier::Dev: return u"dev"_s;
    case Tier::Test: return u"test"_s;
    case Tier::Uat: return u"uat"_s;
    case Tier::Prod: return u"prod"_s;
    case Tier::Custom: return u"custom"_s;
    }
    return u"custom"_s;
}

Tier Environment::tierFromName(const QString &name, bool *ok)
{
    const QString n = name.trimmed().toLower();
    if (ok)
        *ok = true;
    if (n == u"dev" || n == u"development")
        return Tier::Dev;
    if (n == u"test" || n == u"testing" || n == u"qa")
        return Tier::Test;
    if (n == u"uat" || n == u"staging" || n == u"stage")
        return Tier::Uat;
    if (n == u"prod" || n == u"production")
        return Tier::Prod;
    if (n == u"custom")
        return Tier::Custom;
    if (ok)
        *ok = false;
    return Tier::Custom;
}

QString Environment::engineOverrideName(EngineOverride e)
{
    switch (e) {
    case EngineOverride::Auto: return u"auto"_s;
    case EngineOverride::TiDB: return u"tidb"_s;
    case EngineOverride::MySQL: return u"mysql"_s;
    case EngineOverride::MariaDB: return u"mariadb"_s;
    }
    return u"auto"_s;
}

EngineOverride Environment::engineOverrideFromName(const QString &name, bool *ok)
{
    const QString n = name.trimmed().toLower();
    if (ok)
        *ok = true;
    if (n.isEmpty() || n == u"auto")
        return EngineOverride::Auto;
    if (n == u"tidb")
        return EngineOverride::TiDB;
    if (n == u"mysql")
        return EngineOverride::MySQL;
    if (n == u"mariadb")
        return EngineOverride::MariaDB;
    if (ok)
        *ok = false;
    return EngineOverride::Auto;
}

QString Environment::tlsModeName(TlsMode m)
{
    switch (m) {
    case TlsMode::Disabled: return u"disabled"_s;
    case TlsMode::Preferred: return u"preferred"_s;
    case TlsMode::Required: return u"required"_s;
    case TlsMode::VerifyCa: return u"verify_ca"_s;
    case TlsMode::VerifyIdentity: return u"verify_identity"_s;
    }
    return u"preferred"_s;
}

TlsMode Environment::tlsModeFromName(const QString &name, bool *ok)
{
    const QString n = name.trimmed().toLower();
    if (ok)
        *ok = true;
    if (n == u"disabled")
        return TlsMode::Disabled;
    if (n.isEmpty() || n == u"preferred")
        return TlsMode::Preferred;
    if (n == u"required")
        return TlsMode::Required;
    if (n == u"verify_ca")
        return TlsMode::VerifyCa;
    if (n == u"verify_identity")
        return TlsMode::VerifyIdentity;
    if (ok)
        *ok = false;
    return TlsMode::Preferred;
}

int Environment::tierSortRank(Tier tier)
{
    switch (tier) {
    case Tier::Prod: return 0;
    case Tier::Uat: return 1;
    case Tier::Test: return 2;
    case Tier::Dev: return 3;
    case Tier::Custom: return 4;
    }
    return 5;
}

bool Environment::sortsBefore(const Environment &a, const Environment &b)
{
    const int ra = tierSortRank(a.tier);
    const int rb = tierSortRank(b.tier);
    if (ra != rb)
        return ra < rb;
    const int c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
    if (c != 0)
        return c < 0;
    return a.id < b.id;
}

Tier Environment::guessTierFromName(const QString &clusterName)
{
    static const QRegularExpression splitter(u"[^a-z]+"_s);
    const QStringList words = clusterName.toLower().split(splitter, Qt::SkipEmptyParts);
    auto has = [&words](std::initializer_list<const char16_t *> candidates) {
        for (const char16_t *c : candidates) {
            if (words.contains(QString::fromUtf16(c)))
                return true;
        }
        return false;
    };
    // Most dangerous first: a name mentioning prod anywhere is treated as production.
    if (has({ u"prod", u"production", u"prd", u"live" }))
        return Tier::Prod;
    if (has({ u"uat", u"staging", u"stage", u"stg", u"preprod" }))
        return Tier::Uat;
    if (has({ u"test", u"testing", u"qa" }))
        return Tier::Test;
    return Tier::Dev;
}

bool Environment::isValidName(const QString &name)
{
    static const QRegularExpression re(u"^[A-Za-z0-9._-]{1,64}$"_s);
    return re.match(name).hasMatch();
}

} // namespace TiDesk

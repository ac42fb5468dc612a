#include "InventoryJson.h"

#include "ImportInput.h"
#include "JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

const QString kFormat = u"tidesk-inventory"_s;

// Finds a key that looks like a secret anywhere under v; returns its path or empty.
QString findSecretKey(const QJsonValue &v, const QString &path)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString k = it.key().toLower();
            if (k.contains(u"password") || k.contains(u"passphrase") || k.contains(u"secret"))
                return JsonReader::join(path, it.key());
            if (QString p = findSecretKey(it.value(), JsonReader::join(path, it.key()));
                !p.isEmpty())
                return p;
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (QString p = findSecretKey(a.at(i), JsonReader::index(path, i)); !p.isEmpty())
                return p;
        }
    }
    return {};
}

template<typename Enum>
bool readEnum(JsonReader &r, const QJsonObject &o, const QString &key, const QString &path,
              Enum *out, Enum (*fromName)(const QString &, bool *), const QString &allowed)
{
    QString name;
    if (!r.string(o, key, path, &name))
        return false;
    if (!o.contains(key) || o.value(key).isNull())
        return true;
    bool ok = false;
    const Enum e = fromName(name, &ok);
    if (!ok)
        return r.fail(
            JsonReader::join(path, key),
            QCoreApplication::translate("TiDesk::InventoryJson", "unknown value \"%1\" (use %2)")
                .arg(name, allowed));
    *out = e;
    return true;
}

bool readEnvironment(JsonReader &r, const QJsonObject &o, const QString &path, Environment *out)
{
    Environment e;
    e.id = QUuid::createUuid();
    if (!r.string(o, u"name"_s, path, &e.name, true))
        return false;
    if (o.contains(u"tier"_s) && !o.value(u"tier"_s).isNull()) {
        if (!readEnum(r, o, u"tier"_s, path, &e.tier, &Environment::tierFromName,
                      u"dev, test, uat, prod or custom"_s))
            return false;
    } else {
        e.tier = Environment::guessTierFromName(e.name);
    }
    if (!r.string(o, u"custom_tier_name"_s, path, &e.customTierName)
        || !r.string(o, u"color"_s, path, &e.color) || !r.stringList(o, u"tags"_s, path, &e.tags)
        || !readEnum(r, o, u"engine"_s, path, &e.engine, &Environment::engineOverrideFromName,
                     u"auto, tidb, mysql or mariadb"_s))
        return false;

    const int defaultPort
        = (e.engine == EngineOverride::MySQL || e.engine == EngineOverride::MariaDB) ? 3306 : 4000;
    QJsonArray endpoints;
    if (!r.array(o, u"endpoints"_s, path, &endpoints, true))
        return false;
    const QString epPath = JsonReader::join(path, u"endpoints"_s);
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        const QString p = JsonReader::index(epPath, i);
        if (!endpoints.at(i).isObject())
            return r.fail(
                p,
                QCoreApplication::translate("TiDesk::InventoryJson", "expected an object, got %1")
                    .arg(JsonReader::describe(endpoints.at(i))));
        const QJsonObject eo = endpoints.at(i).toObject();
        SqlEndpoint ep;
        ep.port = defaultPort;
        if (!r.string(eo, u"host"_s, p, &ep.host, true)
            || !r.integer(eo, u"port"_s, p, &ep.port, 1, 65535)
            || !r.string(eo, u"label"_s, p, &ep.label))
            return false;
        e.endpoints.append(ep);
    }

    if (!r.string(o, u"user"_s, path, &e.user, true)
        || !r.string(o, u"database"_s, path, &e.defaultDatabase))
        return false;

    QJsonObject tls;
    const QString tlsPath = JsonReader::join(path, u"tls"_s);
    if (!r.object(o, u"tls"_s, path, &tls)
        || !readEnum(r, tls, u"mode"_s, tlsPath, &e.tls.mode, &Environment::tlsModeFromName,
                     u"disabled, preferred, required, verify_ca or verify_identity"_s)
        || !r.string(tls, u"ca"_s, tlsPath, &e.tls.caFile)
        || !r.string(tls, u"cert"_s, tlsPath, &e.tls.certFile)
        || !r.string(tls, u"key"_s, tlsPath, &e.tls.keyFile))
        return false;

    QJsonObject ssh;
    const QString sshPath = JsonReader::join(path, u"ssh"_s);
    if (!r.object(o, u"ssh"_s, path, &ssh) || !r.boolean(ssh, u"enabled"_s, sshPath, &e.ssh.enabled)
        || !r.string(ssh, u"host"_s, sshPath, &e.ssh.host)
        || !r.integer(ssh, u"port"_s, sshPath, &e.ssh.port, 1, 65535)
        || !r.string(ssh, u"user"_s, sshPath, &e.ssh.user)
        || !r.string(ssh, u"identity_file"_s, sshPath, &e.ssh.identityFile)
        || !r.string(ssh, u"known_hosts"_s, sshPath, &e.ssh.knownHostsFile))
        return false;

    QJsonObject backup;
    const QString backupPath = JsonReader::join(path, u"backup"_s);
    if (!r.string(o, u"prometheus_url"_s, path, &e.prometheusUrl)
        || !r.string(o, u"prometheus_selector"_s, path, &e.prometheusSelector)
        || !r.string(o, u"alertmanager_url"_s, path, &e.alertmanagerUrl)
        || !r.string(o, u"pd_url"_s, path, &e.pdUrl) || !r.object(o, u"backup"_s, path, &backup)
        || !r.string(backup, u"url"_s, backupPath, &e.backup.url)
        || !r.string(backup, u"notes"_s, backupPath, &e.backup.notes)
        || !r.string(o, u"notes"_s, path, &e.notes)
        || !r.integer(o, u"connect_timeout_ms"_s, path, &e.connectTimeoutMs, 0, 24 * 3600 * 1000)
        || !r.integer(o, u"query_timeout_ms"_s, path, &e.queryTimeoutMs, 0,
                      std::numeric_limits<int>::max()))
        return false;

    if (const QString why = e.validate(); !why.isEmpty())
        return r.fail(path + u" ("_s + e.name + u')', why);
    *out = std::move(e);
    return true;
}

} // namespace

QJsonObject InventoryJson::environmentToJson(const Environment &e)
{
    QJsonArray endpoints;
    for (const SqlEndpoint &ep : e.endpoints)
        endpoints.append(QJsonObject {
            { u"host"_s, ep.host }, { u"port"_s, ep.port }, { u"label"_s, ep.label } });
    QJsonObject o {
        { u"name"_s, e.name },
        { u"tier"_s, Environment::tierName(e.tier) },
        { u"color"_s, e.color },
        { u"tags"_s, QJsonArray::fromStringList(e.tags) },
        { u"engine"_s, Environment::engineOverrideName(e.engine) },
        { u"endpoints"_s, endpoints },
        { u"user"_s, e.user },
        { u"database"_s, e.defaultDatabase },
        { u"tls"_s,
          QJsonObject { { u"mode"_s, Environment::tlsModeName(e.tls.mode) },
                        { u"ca"_s, e.tls.caFile },
                        { u"cert"_s, e.tls.certFile },
                        { u"key"_s, e.tls.keyFile } } },
        { u"ssh"_s,
          QJsonObject { { u"enabled"_s, e.ssh.enabled },
                        { u"host"_s, e.ssh.host },
                        { u"port"_s, e.ssh.port },
                        { u"user"_s, e.ssh.user },
                        { u"identity_file"_s, e.ssh.identityFile },
                        { u"known_hosts"_s, e.ssh.knownHostsFile } } },
        { u"prometheus_url"_s, e.prometheusUrl },
        { u"prometheus_selector"_s, e.prometheusSelector },
        { u"alertmanager_url"_s, e.alertmanagerUrl },
        { u"pd_url"_s, e.pdUrl },
        { u"backup"_s, QJsonObject { { u"url"_s, e.backup.url }, { u"notes"_s, e.backup.notes } } },
        { u"notes"_s, e.notes },
        { u"connect_timeout_ms"_s, e.connectTimeoutMs },
        { u"query_timeout_ms"_s, e.queryTimeoutMs },
    };
    if (e.tier == Tier::Custom && !e.customTierName.isEmpty())
        o.insert(u"custom_tier_name"_s, e.customTierName);
    return o;
}

QByteArray InventoryJson::toJson(const EnvironmentList &envs)
{
    QJsonArray list;
    for (const Environment &e : envs)
        list.append(environmentToJson(e));
    const QJsonObject root { { u"format"_s, kFormat },
                             { u"version"_s, kVersion },
                             { u"environments"_s, list } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<EnvironmentList> InventoryJson::fromJson(const QByteArray &content,
                                                const QString &sourcePath)
{
    const QString source = ImportInput::displayName(sourcePath);
    const Result<QString> text = ImportInput::decodeText(content, source);
    if (!text)
        return text.error();
    JsonReader r(source);
    const Result<QJsonObject> rootResult = r.parseObject(text->toUtf8());
    if (!rootResult)
        return rootResult.error();
    const QJsonObject &root = rootResult.value();

    QString format;
    if (!r.string(root, u"format"_s, {}, &format, true))
        return r.error();
    if (format != kFormat) {
        r.fail(u"format"_s,
               tr("expected \"%1\", got \"%2\" (not a TiDesk inventory)").arg(kFormat, format));
        return r.error();
    }
    int version = 0;
    if (!r.integer(root, u"version"_s, {}, &version, 1, std::numeric_limits<int>::max(), true))
        return r.error();
    if (version > kVersion) {
        r.fail(u"version"_s,
               tr("version %1 was written by a newer TiDesk (this one reads version %2)")
                   .arg(version)
                   .arg(kVersion),
               ErrorKind::Unsupported);
        return r.error();
    }
    if (const QString secret = findSecretKey(root, {}); !secret.isEmpty()) {
        r.fail(secret,
               tr("passwords and other secrets are not imported from files; set them with "
                  "`tidesk-cli env set-password` after the import"));
        return r.error();
    }

    QJsonArray list;
    if (!r.array(root, u"environments"_s, {}, &list, true))
        return r.error();
    EnvironmentList envs;
    QSet<QString> names;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = JsonReader::index(u"environments"_s, i);
        if (!list.at(i).isObject()) {
            r.fail(path, tr("expected an object, got %1").arg(JsonReader::describe(list.at(i))));
            return r.error();
        }
        Environment e;
        if (!readEnvironment(r, list.at(i).toObject(), path, &e))
            return r.error();
        if (names.contains(e.name.toLower())) {
            r.fail(path, tr("an environment named %1 appears twice in the file").arg(e.name));
            return r.error();
        }
        names.insert(e.name.toLower());
        envs.append(std::move(e));
    }
    return envs;
}

} // namespace TiDesk

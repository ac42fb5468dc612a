#include "TiupSpecReader.h"

#include <QCoreApplication>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString describe(const YAML::Node &n)
{
    switch (n.Type()) {
    case YAML::NodeType::Scalar: {
        QString s = qs(n.Scalar());
        if (s.size() > 40)
            s = s.left(40) + u"..."_s;
        return u'\'' + s + u'\'';
    }
    case YAML::NodeType::Sequence:
        return QCoreApplication::translate("TiDesk::TiupSpecReader", "a list");
    case YAML::NodeType::Map:
        return QCoreApplication::translate("TiDesk::TiupSpecReader", "a mapping");
    case YAML::NodeType::Null:
        return QCoreApplication::translate("TiDesk::TiupSpecReader", "nothing");
    case YAML::NodeType::Undefined: break;
    }
    return QCoreApplication::translate("TiDesk::TiupSpecReader", "nothing");
}

struct Server
{
    QString host;
    int port = 0;
};

} // namespace

TiupSpecReader::TiupSpecReader(QString sourceName)
    : m_sourceName(std::move(sourceName))
{ }
TiupSpecReader::~TiupSpecReader() = default;

Error TiupSpecReader::fieldError(const YAML::Node &at, const QString &path,
                                 const QString &problem) const
{
    QString where = m_sourceName;
    const YAML::Mark mark = at.IsDefined() ? at.Mark() : YAML::Mark::null_mark();
    if (!mark.is_null())
        where += tr(" line %1, column %2").arg(mark.line + 1).arg(mark.column + 1);
    return Error::make(ErrorKind::InvalidInput,
                       path.isEmpty() ? tr("%1: %2").arg(where, problem)
                                      : tr("%1: %2: %3").arg(where, path, problem));
}

Result<std::shared_ptr<YAML::Node>> TiupSpecReader::parse(const QString &text) const
{
    try {
        auto node = std::make_shared<YAML::Node>(YAML::Load(text.toStdString()));
        if (!node->IsMap()) {
            return Error::make(ErrorKind::InvalidInput,
                               tr("%1: expected a YAML mapping at the top level, got %2.")
                                   .arg(m_sourceName, describe(*node)));
        }
        return node;
    } catch (const YAML::Exception &e) {
        QString where = m_sourceName;
        if (!e.mark.is_null())
            where += tr(" line %1, column %2").arg(e.mark.line + 1).arg(e.mark.column + 1);
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: invalid YAML: %2").arg(where, qs(e.msg)));
    } catch (const std::exception &e) {
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: invalid YAML: %2").arg(m_sourceName, qs(e.what())));
    }
}

Result<QString> TiupSpecReader::optionalString(const YAML::Node &map, const char *key,
                                               const QString &path) const
{
    const YAML::Node n = map[key];
    if (!n.IsDefined() || n.IsNull())
        return QString();
    if (!n.IsScalar())
        return fieldError(n, path, tr("expected a string, got %1").arg(describe(n)));
    return qs(n.Scalar());
}

Result<int> TiupSpecReader::optionalPort(const YAML::Node &map, const char *key,
                                         const QString &path, int defaultPort) const
{
    const YAML::Node n = map[key];
    if (!n.IsDefined() || n.IsNull())
        return defaultPort;
    bool ok = false;
    const int port = n.IsScalar() ? qs(n.Scalar()).trimmed().toInt(&ok) : 0;
    if (!ok)
        return fieldError(n, path, tr("expected an integer, got %1").arg(describe(n)));
    if (port < 1 || port > 65535)
        return fieldError(n, path, tr("port %1 is outside 1-65535").arg(port));
    return port;
}

Result<Environment> TiupSpecReader::readSpecification(const YAML::Node &spec,
                                                      const QString &pathPrefix,
                                                      const QString &clusterName,
                                                      const QString &version,
                                                      const ImportOptions &options) const
{
    try {
        // Reads every entry of a *_servers list (all checked, even those not used later) so a
        // typo anywhere is reported rather than silently imported.
        auto servers = [&](const char *key, const char *portKey, int defaultPort,
                           QList<Server> *out) -> VoidResult {
            const QString listPath = pathPrefix + QString::fromLatin1(key);
            const YAML::Node list = spec[key];
            if (!list.IsDefined() || list.IsNull())
                return {};
            if (!list.IsSequence())
                return fieldError(list, listPath,
                                  tr("expected a list of servers, got %1").arg(describe(list)));
            for (std::size_t i = 0; i < list.size(); ++i) {
                const YAML::Node item = list[i];
                const QString itemPath = listPath + u'[' + QString::number(i) + u']';
                if (!item.IsMap())
                    return fieldError(
                        item, itemPath,
                        tr("expected a mapping with a host, got %1").arg(describe(item)));
                const YAML::Node hostNode = item["host"];
                if (!hostNode.IsDefined() || hostNode.IsNull())
                    return fieldError(item, itemPath + u".host"_s, tr("required field is missing"));
                Result<QString> host = optionalString(item, "host", itemPath + u".host"_s);
                if (!host)
                    return host.error();
                if (host->trimmed().isEmpty())
                    return fieldError(hostNode, itemPath + u".host"_s, tr("the host is empty"));
                Result<int> port = optionalPort(
                    item, portKey, itemPath + u'.' + QString::fromLatin1(portKey), defaultPort);
                if (!port)
                    return port.error();
                out->append({ host->trimmed(), port.value() });
            }
            return {};
        };

        const YAML::Node global = spec["global"];
        bool tls = false;
        if (global.IsDefined() && !global.IsNull()) {
            if (!global.IsMap())
                return fieldError(global, pathPrefix + u"global"_s,
                                  tr("expected a mapping, got %1").arg(describe(global)));
            Result<QString> enableTls
                = optionalString(global, "enable_tls", pathPrefix + u"global.enable_tls"_s);
            if (!enableTls)
                return enableTls.error();
            const QString t = enableTls->trimmed().toLower();
            if (!t.isEmpty() && t != u"true" && t != u"false")
                return fieldError(
                    global["enable_tls"], pathPrefix + u"global.enable_tls"_s,
                    tr("expected true or false, got %1").arg(describe(global["enable_tls"])));
            tls = t == u"true";
        }

        QList<Server> tidb, pd, prometheus, alertmanager;
        for (VoidResult r : { servers("tidb_servers", "port", 4000, &tidb),
                              servers("pd_servers", "client_port", 2379, &pd),
                              servers("monitoring_servers", "port", 9090, &prometheus),
                              servers("alertmanager_servers", "web_port", 9093, &alertmanager) }) {
            if (!r)
                return r.error();
        }
        if (tidb.isEmpty()) {
            const YAML::Node n = spec["tidb_servers"];
            return fieldError(n.IsDefined() ? n : spec, pathPrefix + u"tidb_servers"_s,
                              tr("at least one TiDB server is required (it is the SQL endpoint)"));
        }

        Environment env;
        env.id = QUuid::createUuid();
        env.name = clusterName;
        env.tier = options.tier.value_or(Environment::guessTierFromName(clusterName));
        env.engine = EngineOverride::TiDB;
        env.user = options.sqlUser;
        for (qsizetype i = 0; i < tidb.size(); ++i)
            env.endpoints.append(
                { tidb[i].host, tidb[i].port, u"tidb-"_s + QString::number(i + 1) });
        const QString pdScheme = tls ? u"https://"_s : u"http://"_s;
        auto hostPort = [](const Server &s) -> QString {
            // IPv6 literals need brackets in a URL.
            return (s.host.contains(u':') ? u'[' + s.host + u']' : s.host) + u':'
                + QString::number(s.port);
        };
        if (!pd.isEmpty())
            env.pdUrl = pdScheme + hostPort(pd.first());
        if (!prometheus.isEmpty())
            env.prometheusUrl = u"http://"_s + hostPort(prometheus.first());
        if (!alertmanager.isEmpty())
            env.alertmanagerUrl = u"http://"_s + hostPort(alertmanager.first());
        env.tags = { u"tiup"_s };
        if (!version.isEmpty())
            env.tags.append(version);
        env.notes = tr("Imported from %1 (TiUP).").arg(m_sourceName);

        if (const QString why = env.validate(); !why.isEmpty())
            return Error::make(ErrorKind::InvalidInput, tr("%1: %2").arg(m_sourceName, why));
        return env;
    } catch (const YAML::Exception &e) {
        return Error::make(ErrorKind::InvalidInput, tr("%1: %2").arg(m_sourceName, qs(e.what())));
    } catch (const std::exception &e) {
        return Error::make(ErrorKind::Internal, tr("%1: %2").arg(m_sourceName, qs(e.what())));
    }
}

} // namespace TiDesk

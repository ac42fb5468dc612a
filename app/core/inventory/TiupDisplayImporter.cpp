#include "TiupDisplayImporter.h"

#include "ImportInput.h"
#include "JsonReader.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

struct Instance
{
    QString role;
    QString host;
    int port = 0; // the first of "ports" ("4000/10080" -> 4000): the main service port
};

QString hostPort(const Instance &i)
{
    return (i.host.contains(u':') ? u'[' + i.host + u']' : i.host) + u':' + QString::number(i.port);
}

} // namespace

Result<EnvironmentList> TiupDisplayImporter::import(const QByteArray &content,
                                                    const QString &sourcePath,
                                                    const ImportOptions &options)
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

    QJsonObject meta;
    QString clusterType;
    QString clusterName;
    QString version;
    bool tls = false;
    if (!r.object(root, u"cluster_meta"_s, {}, &meta, true)
        || !r.string(meta, u"cluster_type"_s, u"cluster_meta"_s, &clusterType)
        || !r.string(meta, u"cluster_name"_s, u"cluster_meta"_s, &clusterName,
                     options.name.isEmpty())
        || !r.string(meta, u"cluster_version"_s, u"cluster_meta"_s, &version)
        || !r.boolean(meta, u"tls_enabled"_s, u"cluster_meta"_s, &tls))
        return r.error();
    if (!clusterType.isEmpty() && clusterType != u"tidb") {
        r.fail(u"cluster_meta.cluster_type"_s,
               tr("\"%1\" clusters are not supported (only TiDB clusters from `tiup cluster`)")
                   .arg(clusterType),
               ErrorKind::Unsupported);
        return r.error();
    }

    QJsonArray list;
    if (!r.array(root, u"instances"_s, {}, &list, true))
        return r.error();
    QList<Instance> instances;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = JsonReader::index(u"instances"_s, i);
        if (!list.at(i).isObject()) {
            r.fail(path, tr("expected an object, got %1").arg(JsonReader::describe(list.at(i))));
            return r.error();
        }
        const QJsonObject o = list.at(i).toObject();
        Instance inst;
        QString ports;
        if (!r.string(o, u"role"_s, path, &inst.role, true)
            || !r.string(o, u"host"_s, path, &inst.host, true)
            || !r.string(o, u"ports"_s, path, &ports, true))
            return r.error();
        inst.host = inst.host.trimmed();
        if (inst.host.isEmpty()) {
            r.fail(JsonReader::join(path, u"host"_s), tr("the host is empty"));
            return r.error();
        }
        bool ok = false;
        inst.port = ports.section(u'/', 0, 0).trimmed().toInt(&ok);
        if (!ok || inst.port < 1 || inst.port > 65535) {
            r.fail(JsonReader::join(path, u"ports"_s),
                   tr("expected ports like \"4000/10080\", got %1")
                       .arg(JsonReader::describe(o.value(u"ports"_s))));
            return r.error();
        }
        instances.append(inst);
    }

    Environment env;
    env.id = QUuid::createUuid();
    env.name = options.name.trimmed().isEmpty() ? clusterName.trimmed() : options.name.trimmed();
    env.tier = options.tier.value_or(Environment::guessTierFromName(env.name));
    env.engine = EngineOverride::TiDB;
    env.user = options.sqlUser;
    int tidbCount = 0;
    for (const Instance &i : instances) {
        if (i.role == u"tidb") {
            env.endpoints.append({ i.host, i.port, u"tidb-"_s + QString::number(++tidbCount) });
        } else if (i.role == u"pd" && env.pdUrl.isEmpty()) {
            env.pdUrl = (tls ? u"https://"_s : u"http://"_s) + hostPort(i);
        } else if (i.role == u"prometheus" && env.prometheusUrl.isEmpty()) {
            env.prometheusUrl = u"http://"_s + hostPort(i);
        } else if (i.role == u"alertmanager" && env.alertmanagerUrl.isEmpty()) {
            env.alertmanagerUrl = u"http://"_s + hostPort(i);
        }
    }
    if (env.endpoints.isEmpty()) {
        r.fail(u"instances"_s,
               tr("no instance has the role tidb (at least one TiDB server is required)"));
        return r.error();
    }
    env.tags = { u"tiup"_s };
    if (!version.isEmpty())
        env.tags.append(version);
    env.notes = tr("Imported from %1 (tiup cluster display).").arg(source);
    if (const QString why = env.validate(); !why.isEmpty()) {
        r.fail({}, why);
        return r.error();
    }
    return EnvironmentList { env };
}

} // namespace TiDesk

#include "TopologyParser.h"

#include "health/FleetMath.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk::TopologyParser {

namespace {

QString text(const QueryResult &r, int row, const QString &column)
{
    return r.value(row, column).toString().trimmed();
}

qint64 integer(const QueryResult &r, int row, const QString &column)
{
    bool ok = false;
    const qint64 v = r.value(row, column).toString().toLongLong(&ok);
    return ok ? v : -1;
}

// The first of several spellings present in the result (MySQL 8.0.22 renamed Master/Slave).
QString firstColumn(const QueryResult &r, std::initializer_list<const char16_t *> names)
{
    for (const char16_t *n : names) {
        if (r.columnIndex(QString::fromUtf16(n)) >= 0)
            return QString::fromUtf16(n);
    }
    return {};
}

QDateTime utcTime(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) {
        // SQL DATETIME "2024-05-14 09:21:33" (the session time zone is UTC, see Dialect).
        t = QDateTime::fromString(s.left(19), u"yyyy-MM-dd HH:mm:ss"_s);
        if (t.isValid())
            t.setTimeZone(QTimeZone::utc());
    }
    return t.isValid() ? t.toUTC() : QDateTime();
}

ClusterNode *findNode(QList<ClusterNode> &nodes, const QString &instance)
{
    for (ClusterNode &n : nodes) {
        if (n.instance == instance)
            return &n;
    }
    return nullptr;
}

// "http://10.0.1.1:2379" -> "10.0.1.1:2379"
QString hostPort(const QString &url)
{
    const QUrl u(url);
    if (!u.isValid() || u.host().isEmpty())
        return url;
    return u.port() > 0 ? QString(u.host() + u':' + QString::number(u.port())) : u.host();
}

Error badJson(const QString &what, const QString &detail)
{
    return Error::make(ErrorKind::InvalidInput,
                       //: %1 = a PD API path such as /pd/api/v1/stores
                       QCoreApplication::translate("TiDesk::TopologyParser",
                                                   "The PD API answer for %1 is not what PD sends.")
                           .arg(what),
                       detail);
}

Result<QJsonDocument> parseJson(const QByteArray &json, const QString &what)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return badJson(what, pe.errorString());
    return doc;
}

ClusterNode &storeNode(QList<ClusterNode> &nodes, const QString &address, bool tiflash)
{
    if (ClusterNode *n = findNode(nodes, address))
        return *n;
    ClusterNode n;
    n.type = tiflash ? u"tiflash"_s : u"tikv"_s;
    n.instance = address;
    nodes.append(n);
    return nodes.last();
}

bool isTiflashLabel(const QJsonArray &labels)
{
    for (const QJsonValue &l : labels) {
        if (l[u"key"_s].toString() == u"engine" && l[u"value"_s].toString() == u"tiflash")
            return true;
    }
    return false;
}

} // namespace

QList<ClusterNode> nodesFromClusterInfo(const QueryResult &result)
{
    QList<ClusterNode> nodes;
    for (int i = 0; i < result.rows.size(); ++i) {
        ClusterNode n;
        n.type = text(result, i, u"TYPE"_s).toLower();
        n.instance = text(result, i, u"INSTANCE"_s);
        n.statusAddress = text(result, i, u"STATUS_ADDRESS"_s);
        n.version = text(result, i, u"VERSION"_s);
        n.gitHash = text(result, i, u"GIT_HASH"_s);
        n.startTime = utcTime(text(result, i, u"START_TIME"_s));
        n.uptimeSeconds = goDurationSeconds(text(result, i, u"UPTIME"_s));
        if (!n.instance.isEmpty())
            nodes.append(n);
    }
    sortNodes(nodes);
    return nodes;
}

void applyClusterLoad(QList<ClusterNode> &nodes, const QueryResult &result)
{
    for (int i = 0; i < result.rows.size(); ++i) {
        ClusterNode *n = findNode(nodes, text(result, i, u"INSTANCE"_s));
        if (!n)
            continue;
        const QString device = text(result, i, u"DEVICE_TYPE"_s);
        const QString name = text(result, i, u"NAME"_s);
        bool ok = false;
        const double v = text(result, i, u"VALUE"_s).remove(u',').toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < 0)
            continue;
        if (device == u"cpu" && name == u"load1")
            n->load1 = v;
        else if (device == u"memory" && name == u"total")
            n->memoryTotalBytes = qint64(v);
        else if (device == u"memory" && name == u"used")
            n->memoryUsedBytes = qint64(v);
    }
}

void applyStoreStatus(QList<ClusterNode> &nodes, const QueryResult &result)
{
    for (int i = 0; i < result.rows.size(); ++i) {
        const QString address = text(result, i, u"ADDRESS"_s);
        if (address.isEmpty())
            continue;
        ClusterNode &n = storeNode(nodes, address, false);
        n.storeId = integer(result, i, u"STORE_ID"_s);
        n.state = text(result, i, u"STORE_STATE_NAME"_s);
        if (n.version.isEmpty())
            n.version = text(result, i, u"VERSION"_s);
        n.capacityBytes = byteSize(text(result, i, u"CAPACITY"_s));
        n.availableBytes = byteSize(text(result, i, u"AVAILABLE"_s));
        n.leaderCount = integer(result, i, u"LEADER_COUNT"_s);
        n.regionCount = integer(result, i, u"REGION_COUNT"_s);
        n.lastHeartbeat = utcTime(text(result, i, u"LAST_HEARTBEAT_TS"_s));
        if (n.uptimeSeconds < 0)
            n.uptimeSeconds = goDurationSeconds(text(result, i, u"UPTIME"_s));
    }
    sortNodes(nodes);
}

ClusterNode serverNode(const QueryResult &result, const EngineInfo &engine, const QString &endpoint)
{
    ClusterNode n;
    n.type = EngineInfo::engineName(engine.engine);
    n.instance = endpoint;
    n.version = engine.versionString;
    n.state = u"Up"_s;
    if (result.rows.isEmpty())
        return n;
    const QString host = text(result, 0, u"HOSTNAME"_s);
    if (!host.isEmpty())
        n.statusAddress = host + u':' + text(result, 0, u"PORT"_s);
    if (const QString v = text(result, 0, u"VERSION"_s); !v.isEmpty())
        n.version = v;
    n.serverId = integer(result, 0, u"SERVER_ID"_s);
    n.readOnly = integer(result, 0, u"READ_ONLY"_s) == 1;
    n.uptimeSeconds = integer(result, 0, u"UPTIME"_s);
    if (n.uptimeSeconds >= 0)
        n.startTime = QDateTime::currentDateTimeUtc().addSecs(-n.uptimeSeconds);
    return n;
}

QList<ReplicationChannel> replicationChannels(const QueryResult &r)
{
    const QString nameCol = firstColumn(r, { u"Connection_name", u"Channel_Name" });
    const QString hostCol = firstColumn(r, { u"Master_Host", u"Source_Host" });
    const QString portCol = firstColumn(r, { u"Master_Port", u"Source_Port" });
    const QString ioCol = firstColumn(r, { u"Slave_IO_Running", u"Replica_IO_Running" });
    const QString sqlCol = firstColumn(r, { u"Slave_SQL_Running", u"Replica_SQL_Running" });
    const QString behindCol
        = firstColumn(r, { u"Seconds_Behind_Master", u"Seconds_Behind_Source" });
    const QString gtidCol = firstColumn(r, { u"Gtid_IO_Pos", u"Executed_Gtid_Set" });
    QList<ReplicationChannel> channels;
    for (int i = 0; i < r.rows.size(); ++i) {
        ReplicationChannel c;
        if (!nameCol.isEmpty())
            c.name = text(r, i, nameCol);
        c.sourceHost = text(r, i, hostCol);
        c.sourcePort = int(integer(r, i, portCol));
        c.ioRunning = text(r, i, ioCol);
        c.sqlRunning = text(r, i, sqlCol);
        // NULL (invalid QVariant) when the SQL thread is not running: stays -1.
        c.secondsBehind = integer(r, i, behindCol);
        c.lastIoError = text(r, i, u"Last_IO_Error"_s);
        c.lastSqlError = text(r, i, u"Last_SQL_Error"_s);
        if (!gtidCol.isEmpty())
            c.gtidPosition = text(r, i, gtidCol);
        channels.append(c);
    }
    return channels;
}

Result<int> applyPdStores(QList<ClusterNode> &nodes, const QByteArray &json)
{
    const QString what = u"/pd/api/v1/stores"_s;
    Result<QJsonDocument> doc = parseJson(json, what);
    if (!doc)
        return doc.error();
    const QJsonValue stores = doc->object().value(u"stores"_s);
    if (!doc->isObject() || !stores.isArray())
        return badJson(what, u"no \"stores\" array"_s);
    int n = 0;
    for (const QJsonValue &v : stores.toArray()) {
        const QJsonObject store = v[u"store"_s].toObject();
        const QJsonObject status = v[u"status"_s].toObject();
        const QString address = store[u"address"_s].toString();
        if (address.isEmpty())
            continue;
        ClusterNode &node = storeNode(nodes, address, isTiflashLabel(store[u"labels"_s].toArray()));
        node.storeId = store[u"id"_s].toInteger(-1);
        node.state = store[u"state_name"_s].toString(node.state);
        if (node.version.isEmpty())
            node.version = store[u"version"_s].toString();
        if (node.statusAddress.isEmpty())
            node.statusAddress = store[u"status_address"_s].toString();
        node.capacityBytes = byteSize(status[u"capacity"_s].toString());
        node.availableBytes = byteSize(status[u"available"_s].toString());
        node.leaderCount = status[u"leader_count"_s].toInteger(-1);
        node.regionCount = status[u"region_count"_s].toInteger(-1);
        if (const QDateTime hb = utcTime(status[u"last_heartbeat_ts"_s].toString()); hb.isValid())
            node.lastHeartbeat = hb;
        if (node.uptimeSeconds < 0)
            node.uptimeSeconds = goDurationSeconds(status[u"uptime"_s].toString());
        ++n;
    }
    sortNodes(nodes);
    return n;
}

Result<int> applyPdHealth(QList<ClusterNode> &nodes, const QByteArray &json)
{
    const QString what = u"/pd/api/v1/health"_s;
    Result<QJsonDocument> doc = parseJson(json, what);
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return badJson(what, u"not an array"_s);
    int n = 0;
    for (const QJsonValue &v : doc->array()) {
        const QJsonArray urls = v[u"client_urls"_s].toArray();
        const QString address = urls.isEmpty() ? QString() : hostPort(urls.first().toString());
        if (address.isEmpty())
            continue;
        ClusterNode *node = findNode(nodes, address);
        if (!node) {
            ClusterNode pd;
            pd.type = u"pd"_s;
            pd.instance = address;
            nodes.append(pd);
            node = &nodes.last();
        }
        node->state = v[u"health"_s].toBool() ? u"Healthy"_s : u"Unhealthy"_s;
        ++n;
    }
    sortNodes(nodes);
    return n;
}

Result<int> applyPdMembers(QList<ClusterNode> &nodes, const QByteArray &json)
{
    const QString what = u"/pd/api/v1/members"_s;
    Result<QJsonDocument> doc = parseJson(json, what);
    if (!doc)
        return doc.error();
    const QJsonObject root = doc->object();
    if (!doc->isObject() || !root.value(u"members"_s).isArray())
        return badJson(what, u"no \"members\" array"_s);
    const QJsonArray leaderUrls = root[u"leader"_s][u"client_urls"_s].toArray();
    const QString leader = leaderUrls.isEmpty() ? QString() : hostPort(leaderUrls[0].toString());
    int n = 0;
    for (const QJsonValue &m : root[u"members"_s].toArray()) {
        const QJsonArray urls = m[u"client_urls"_s].toArray();
        const QString address = urls.isEmpty() ? QString() : hostPort(urls.first().toString());
        ClusterNode *node = address.isEmpty() ? nullptr : findNode(nodes, address);
        if (!node)
            continue;
        node->leader = !leader.isEmpty() && address == leader;
        if (node->version.isEmpty())
            node->version = m[u"binary_version"_s].toString();
        ++n;
    }
    return n;
}

void sortNodes(QList<ClusterNode> &nodes)
{
    auto rank = [](const QString &type) {
        static const QStringList order = { u"pd"_s, u"tidb"_s, u"tikv"_s, u"tiflash"_s };
        const qsizetype i = order.indexOf(type);
        return i < 0 ? int(order.size()) : int(i);
    };
    std::stable_sort(nodes.begin(), nodes.end(), [&](const ClusterNode &a, const ClusterNode &b) {
        const int ra = rank(a.type), rb = rank(b.type);
        if (ra != rb)
            return ra < rb;
        if (a.type != b.type)
            return a.type < b.type;
        return a.instance < b.instance;
    });
}

qint64 goDurationSeconds(const QString &text)
{
    return FleetMath::goDurationSeconds(text); // one parser for the fleet and the topology
}

qint64 byteSize(const QString &text)
{
    static const QRegularExpression re(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGTPE]?)(i?)B?\\s*$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch() || text.trimmed().isEmpty())
        return -1;
    const double v = m.captured(1).toDouble();
    const QString prefix = m.captured(2).toUpper();
    // PD writes binary units ("KiB"); a bare "KB"/"MB" is read as binary too, as PD's own
    // ByteSize parser (docker/go-units RAMInBytes) does.
    const int power = prefix.isEmpty() ? 0 : int(QStringView(u"KMGTPE").indexOf(prefix[0])) + 1;
    return qint64(std::llround(v * std::pow(1024.0, power)));
}

} // namespace TiDesk::TopologyParser

#include "KillRouting.h"

#include "sql/QueryResult.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString HostPort::toString() const
{
    const QString h = host.contains(u':') ? u'[' + host + u']' : host;
    return h + u':' + QString::number(port);
}

Result<HostPort> KillRouting::splitAddress(const QString &address)
{
    const QString a = address.trimmed();
    HostPort hp;
    QString portText;
    if (a.startsWith(u'[')) {
        const qsizetype close = a.indexOf(u']');
        if (close < 0 || a.mid(close + 1, 1) != u":"_s)
            return Error::make(ErrorKind::InvalidInput,
                               tr("%1 is not a host:port address.").arg(address));
        hp.host = a.mid(1, close - 1);
        portText = a.mid(close + 2);
    } else {
        const qsizetype colon = a.lastIndexOf(u':');
        if (colon < 0)
            return Error::make(ErrorKind::InvalidInput,
                               tr("%1 is not a host:port address.").arg(address));
        hp.host = a.left(colon);
        portText = a.mid(colon + 1);
    }
    bool ok = false;
    hp.port = portText.toInt(&ok);
    if (!ok || hp.port <= 0 || hp.port > 65535)
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is not a host:port address.").arg(address));
    return hp;
}

Result<HostPort> KillRouting::sqlAddressFor(const QueryResult &clusterInfo,
                                            const QString &statusAddress)
{
    const int cType = clusterInfo.columnIndex(u"TYPE"_s);
    const int cInstance = clusterInfo.columnIndex(u"INSTANCE"_s);
    const int cStatus = clusterInfo.columnIndex(u"STATUS_ADDRESS"_s);
    if (cType < 0 || cInstance < 0 || cStatus < 0)
        return Error::make(ErrorKind::InvalidInput,
                           tr("The server's answer is not CLUSTER_INFO (no TYPE, INSTANCE and "
                              "STATUS_ADDRESS columns)."),
                           clusterInfo.columns.join(u", "_s));
    const Result<HostPort> wanted = splitAddress(statusAddress);
    if (!wanted)
        return wanted.error();

    QStringList known;
    for (const QVariantList &row : clusterInfo.rows) {
        const int needed = qMax(cType, qMax(cInstance, cStatus));
        if (row.size() <= needed)
            continue;
        if (row.at(cType).toString().trimmed().compare(u"tidb"_s, Qt::CaseInsensitive) != 0)
            continue;
        const QString status = row.at(cStatus).toString().trimmed();
        const QString sql = row.at(cInstance).toString().trimmed();
        known << status;
        const Result<HostPort> st = splitAddress(status);
        if (!st || st->port != wanted->port
            || st->host.compare(wanted->host, Qt::CaseInsensitive) != 0)
            continue;
        Result<HostPort> target = splitAddress(sql);
        if (!target)
            return target.error();
        // A server listening on every interface advertises the wildcard: reach it at the host
        // its status address names.
        if (target->host.isEmpty() || target->host == u"0.0.0.0" || target->host == u"::")
            target->host = st->host;
        return target;
    }
    //: %1 = status address from CLUSTER_PROCESSLIST.INSTANCE, %2 = the known ones
    return Error::make(ErrorKind::NotFound,
                       tr("The tidb-server %1 that owns the session is not in CLUSTER_INFO (it "
                          "may have restarted or left the cluster); known tidb-servers: %2.")
                           .arg(statusAddress, known.isEmpty() ? tr("none") : known.join(u", "_s)));
}

} // namespace TiDesk

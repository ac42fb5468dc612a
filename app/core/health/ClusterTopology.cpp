#include "ClusterTopology.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

bool ClusterNode::isProblem() const
{
    static const QStringList bad
        = { u"Down"_s, u"Disconnected"_s, u"Offline"_s, u"Unhealthy"_s, u"Tombstone"_s };
    return bad.contains(state, Qt::CaseInsensitive);
}

double ClusterNode::storeUsedRatio() const
{
    if (capacityBytes <= 0 || availableBytes < 0 || availableBytes > capacityBytes)
        return -1;
    return double(capacityBytes - availableBytes) / double(capacityBytes);
}

bool ReplicationChannel::isHealthy() const
{
    return ioRunning.compare(u"Yes"_s, Qt::CaseInsensitive) == 0
        && sqlRunning.compare(u"Yes"_s, Qt::CaseInsensitive) == 0 && lastIoError.isEmpty()
        && lastSqlError.isEmpty();
}

int ClusterTopology::countOfType(const QString &type) const
{
    return int(std::count_if(nodes.begin(), nodes.end(),
                             [&](const ClusterNode &n) { return n.type == type; }));
}

int ClusterTopology::problemNodeCount() const
{
    return int(std::count_if(nodes.begin(), nodes.end(),
                             [](const ClusterNode &n) { return n.isProblem(); }));
}

} // namespace TiDesk

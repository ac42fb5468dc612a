// PdClient: reads a TiDB cluster's PD API without blocking: /pd/api/v1/health, /members and
// /stores at once, then hands back the three bodies (or why each failed) for TopologyParser to
// merge into the topology (PD is the authority on store state, PD health and the PD leader).
// Read-only: PD's client port carries privileged APIs without authentication, TiDesk only GETs.
// Threading: lives on the thread of its QNetworkAccessManager (the GUI thread); never blocks.
#pragma once

#include "common/Error.h"
#include "health/ClusterTopology.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace TiDesk {

class PdClient final : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        QByteArray health, members, stores; // bodies of the answers that arrived
        QStringList problems; // one sentence per endpoint that failed
    };
    using Callback = std::function<void(const Answer &)>;

    explicit PdClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // pdUrl: "http://pd-host:2379" (a path prefix is kept). The callback runs once, when all three
    // requests ended.
    void fetch(const QUrl &pdUrl, Callback callback);

    // Merges an answer into topo: stores, PD health and leader; problems (failed requests and
    // bodies that are not PD's) are appended to topo.problems.
    static void merge(ClusterTopology &topo, const Answer &answer);

private:
    QNetworkAccessManager *m_network;
    std::chrono::milliseconds m_timeout = std::chrono::seconds(5);
};

} // namespace TiDesk

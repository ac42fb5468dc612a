#include "FleetPrometheus.h"

#include "health/FleetPoller.h"
#include "metrics/ChartCatalog.h"
#include "metrics/PrometheusClient.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// The one value of an instant vector such as sum(...) ; unknown when Prometheus has no series.
double scalarOf(const PromParser::Parsed &parsed)
{
    for (const TimeSeries &s : parsed.series) {
        if (!s.points.isEmpty())
            return s.points.last().y();
    }
    return FleetSample::kUnknown;
}

} // namespace

FleetPrometheus::FleetPrometheus(FleetPoller *poller, QNetworkAccessManager *network,
                                 QObject *parent)
    : QObject(parent)
    , m_poller(poller)
    , m_client(new PrometheusClient(network, this))
{
    m_client->setTimeout(std::chrono::seconds(5));
    connect(poller, &FleetPoller::sampleReady, this, &FleetPrometheus::onSample);
}

void FleetPrometheus::setTimeout(std::chrono::milliseconds timeout)
{
    m_client->setTimeout(timeout);
}

void FleetPrometheus::onSample(const FleetSample &sample)
{
    // mergeExternalMetrics() emits sampleReady() again with the same sampledAt: ask once per
    // SQL sample, and only for environments that answer (a Down one has nothing to add).
    if (!sample.reachable() || !sample.sampledAt.isValid()
        || m_asked.value(sample.environmentId) == sample.sampledAt)
        return;
    const Environment env = m_poller->environment(sample.environmentId);
    if (env.prometheusUrl.trimmed().isEmpty() || sample.engine.engine == Engine::Unknown)
        return;
    m_asked.insert(sample.environmentId, sample.sampledAt);

    const FleetQueries queries
        = ChartCatalog::fleetQueries(sample.engine.engine, env.prometheusSelector);
    struct Pending
    {
        FleetPoller::ExternalMetrics metrics;
        int left = 0;
    };
    auto state = std::make_shared<Pending>();
    const QUrl base(env.prometheusUrl.trimmed());
    const QUuid id = sample.environmentId;
    auto ask = [&](const QString &promql, double FleetPoller::ExternalMetrics::*field) {
        if (promql.isEmpty())
            return;
        ++state->left;
        ++m_pending;
        m_client->query(base, promql, 0, LegendSpec::fixedText(u"v"_s),
                        [this, state, field, id](quint64, const Result<PromParser::Parsed> &r) {
                            --m_pending;
                            if (r)
                                state->metrics.*field = scalarOf(*r);
                            else if (!state->metrics.error.isError())
                                state->metrics.error = r.error();
                            if (--state->left == 0) {
                                m_poller->mergeExternalMetrics(id, state->metrics);
                                emit merged(id);
                            }
                        });
    };
    ask(queries.qps, &FleetPoller::ExternalMetrics::qps);
    ask(queries.p99Ms, &FleetPoller::ExternalMetrics::p99Ms);
}

} // namespace TiDesk

// PrometheusClient: asks one Prometheus (HTTP API v1) without blocking. query() sends
// `GET {base}/api/v1/query`, queryRange() `GET {base}/api/v1/query_range` (PromQL percent-encoded
// here: a literal '+' would otherwise arrive as a space), each with its own transfer timeout, and
// later emits seriesReady() or failed() and calls the optional callback. fetchChart() runs all the
// queries of a ChartCatalog chart at once and hands back one SeriesSet.
// Errors a DBA can act on: closed port -> Connection, a server that accepts TCP and never answers
// -> Timeout, the server's own error (bad_data ...) verbatim, HTML/garbage -> InvalidInput.
// Threading: lives on the thread of its QNetworkAccessManager (the GUI thread, or the CLI's main
// thread running an event loop); never blocks. Requests still running when it is destroyed are
// aborted and report nothing.
#pragma once

#include "common/Error.h"
#include "common/Result.h"
#include "common/TimeSeries.h"
#include "metrics/ChartCatalog.h"
#include "metrics/MetricRange.h"
#include "metrics/PromParser.h"

#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace TiDesk {

class PrometheusClient final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(quint64 requestId, const Result<PromParser::Parsed> &)>;
    using ChartCallback = std::function<void(const Result<SeriesSet> &)>;

    explicit PrometheusClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    // Timeout of each request sent from now on (default 10 s).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }

    // baseUrl: "http://host:9090" (a path prefix is kept). atMs: evaluation time, 0 = now.
    quint64 query(const QUrl &baseUrl, const QString &promql, qint64 atMs = 0,
                  const LegendSpec &legend = {}, Callback callback = {});
    quint64 queryRange(const QUrl &baseUrl, const QString &promql, const MetricRange &range,
                       const LegendSpec &legend = {}, Callback callback = {});
    // Every query of chart over range, at once; callback gets the series of all of them (in
    // query order) or the first error. An unsupported chart fails with its reason.
    void fetchChart(const QUrl &baseUrl, const ChartDef &chart, const MetricRange &range,
                    ChartCallback callback);

    [[nodiscard]] static QUrl queryUrl(const QUrl &baseUrl, const QString &promql, qint64 atMs);
    [[nodiscard]] static QUrl rangeUrl(const QUrl &baseUrl, const QString &promql,
                                       const MetricRange &range);

signals:
    void seriesReady(quint64 requestId, const QList<TiDesk::TimeSeries> &series);
    void failed(quint64 requestId, const TiDesk::Error &error);

private:
    quint64 send(const QUrl &baseUrl, const QUrl &url, const LegendSpec &legend, Callback callback);
    void finish(quint64 id, const Result<PromParser::Parsed> &result, const Callback &callback);
    [[nodiscard]] Error networkError(QNetworkReply *reply, const QString &shown) const;

    QNetworkAccessManager *m_network;
    std::chrono::milliseconds m_timeout = std::chrono::seconds(10);
    quint64 m_nextId = 1;
};

} // namespace TiDesk

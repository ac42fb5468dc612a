#include "PrometheusClient.h"

#include "net/HttpError.h"

#include "common/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QUrl apiUrl(const QUrl &baseUrl, const QString &endpoint,
            const QList<QPair<QString, QString>> &items)
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/api/v1/"_s + endpoint);
    QUrlQuery q;
    // Encoded here, not by QUrlQuery: it leaves '+' alone, which the server reads as a space.
    for (const auto &[key, value] : items)
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(q);
    return url;
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https")
        && !url.host().isEmpty();
}

} // namespace

PrometheusClient::PrometheusClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    qRegisterMetaType<TiDesk::Error>();
    qRegisterMetaType<QList<TiDesk::TimeSeries>>();
}

QUrl PrometheusClient::queryUrl(const QUrl &baseUrl, const QString &promql, qint64 atMs)
{
    QList<QPair<QString, QString>> items { { u"query"_s, promql } };
    if (atMs > 0)
        items.append({ u"time"_s, seconds(atMs) });
    return apiUrl(baseUrl, u"query"_s, items);
}

QUrl PrometheusClient::rangeUrl(const QUrl &baseUrl, const QString &promql,
                                const MetricRange &range)
{
    return apiUrl(baseUrl, u"query_range"_s,
                  { { u"query"_s, promql },
                    { u"start"_s, seconds(range.fromMs) },
                    { u"end"_s, seconds(range.toMs) },
                    { u"step"_s, seconds(range.stepMs) } });
}

quint64 PrometheusClient::query(const QUrl &baseUrl, const QString &promql, qint64 atMs,
                                const LegendSpec &legend, Callback callback)
{
    return send(baseUrl, queryUrl(baseUrl, promql, atMs), legend, std::move(callback));
}

quint64 PrometheusClient::queryRange(const QUrl &baseUrl, const QString &promql,
                                     const MetricRange &range, const LegendSpec &legend,
                                     Callback callback)
{
    return send(baseUrl, rangeUrl(baseUrl, promql, range), legend, std::move(callback));
}

void PrometheusClient::finish(quint64 id, const Result<PromParser::Parsed> &result,
                              const Callback &callback)
{
    if (callback)
        callback(id, result);
    if (result)
        emit seriesReady(id, result->series);
    else
        emit failed(id, result.error());
}

Error PrometheusClient::networkError(QNetworkReply *reply, const QString &shown) const
{
    return httpTransportError(reply, u"Prometheus"_s, shown, m_timeout);
}

quint64 PrometheusClient::send(const QUrl &baseUrl, const QUrl &url, const LegendSpec &legend,
                               Callback callback)
{
    const quint64 id = m_nextId++;
    const QString shown = baseUrl.toString(QUrl::RemoveUserInfo);
    if (!isHttpUrl(baseUrl)) {
        QTimer::singleShot(0, this, [this, id, shown, callback = std::move(callback)] {
            finish(id,
                   Error::make(
                       ErrorKind::InvalidInput,
                       tr("'%1' is not a Prometheus URL (expected http://host:9090)").arg(shown)),
                   callback);
        });
        return id;
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    reply->setParent(this); // destroyed (and aborted) with the client
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, id, shown, legend, callback = std::move(callback)] {
                reply->deleteLater();
                const int status
                    = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (reply->error() != QNetworkReply::NoError && status == 0) {
                    finish(id, networkError(reply, shown), callback);
                    return;
                }
                Result<PromParser::Parsed> parsed
                    = PromParser::parse(reply->readAll(), status, shown, legend);
                if (parsed && !parsed->warnings.isEmpty())
                    qCInfo(lcCore)
                        << "Prometheus" << shown << "warnings:" << parsed->warnings.join(u"; "_s);
                finish(id, parsed, callback);
            });
    return id;
}

void PrometheusClient::fetchChart(const QUrl &baseUrl, const ChartDef &chart,
                                  const MetricRange &range, ChartCallback callback)
{
    if (!chart.isSupported() || chart.queries.isEmpty()) {
        const Error e = Error::make(ErrorKind::Unsupported,
                                    chart.unsupportedReason.isEmpty()
                                        ? tr("The chart %1 has no query.").arg(chart.id)
                                        : chart.unsupportedReason);
        QTimer::singleShot(0, this, [e, callback = std::move(callback)] { callback(e); });
        return;
    }
    struct Pending
    {
        SeriesSet set;
        QList<QList<TimeSeries>> parts;
        int remaining = 0;
        Error error;
        ChartCallback callback;
    };
    auto state = std::make_shared<Pending>();
    state->set.title = chart.title;
    state->set.unit = chart.unit;
    state->set.fromMs = range.fromMs;
    state->set.toMs = range.toMs;
    state->set.stepMs = range.stepMs;
    state->parts.resize(chart.queries.size());
    state->remaining = int(chart.queries.size());
    state->callback = std::move(callback);
    for (qsizetype i = 0; i < chart.queries.size(); ++i) {
        const ChartQuery &q = chart.queries.at(i);
        queryRange(baseUrl, q.promql, range, q.legend,
                   [state, i](quint64, const Result<PromParser::Parsed> &r) {
                       if (r)
                           state->parts[i] = r->series;
                       else if (!state->error.isError())
                           state->error = r.error();
                       if (--state->remaining > 0)
                           return;
                       if (state->error.isError()) {
                           state->callback(state->error);
                           return;
                       }
                       for (const QList<TimeSeries> &part : std::as_const(state->parts))
                           state->set.series += part;
                       state->callback(state->set);
                   });
    }
}

} // namespace TiDesk

// PromParser: the body of a Prometheus HTTP API answer (`/api/v1/query`, `/api/v1/query_range`)
// -> TimeSeries, or an Error a DBA can act on. Reads the envelope ({"status", "data", "errorType",
// "error", "warnings"}) and the vector, matrix and scalar result types; sample values are strings
// ("0.25", "NaN", "+Inf"): non-finite ones are dropped (and counted), so series hold finite values
// only. The server's own error (e.g. bad_data with HTTP 400) is shown verbatim; HTML pages,
// garbage, an empty body and JSON of the wrong shape each give their own message.
// Pure, no I/O; any thread.
#pragma once

#include "common/Result.h"
#include "common/TimeSeries.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace TiDesk {

// How each series is named in a legend: a fixed text, or the values of some labels joined by a
// space (e.g. {"job", "instance"} -> "tidb 10.0.1.4:10080"). A series lacking all those labels,
// or an empty spec, falls back to its labels as {a="1", b="2"} (or the metric name).
struct LegendSpec
{
    QString fixed;
    QStringList labels;

    static LegendSpec byLabel(const QString &label) { return { {}, { label } }; }
    static LegendSpec byLabels(const QStringList &labels) { return { {}, labels }; }
    static LegendSpec fixedText(const QString &text) { return { text, {} }; }
    bool operator==(const LegendSpec &) const = default;
};

class PromParser
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::PromParser)

public:
    enum class ResultType { Vector, Matrix, Scalar };

    struct Parsed
    {
        ResultType type = ResultType::Vector;
        QList<TimeSeries> series; // sorted by legend; x = ms since epoch
        QStringList warnings; // the server's "warnings", verbatim
        int droppedSamples = 0; // NaN / +Inf / -Inf values left out
    };

    // httpStatus: the HTTP status of the answer; url: the server, for the messages only.
    [[nodiscard]] static Result<Parsed> parse(const QByteArray &body, int httpStatus,
                                              const QString &url, const LegendSpec &legend = {});

    [[nodiscard]] static QString legendFor(const QMap<QString, QString> &labels,
                                           const LegendSpec &legend);
};

} // namespace TiDesk

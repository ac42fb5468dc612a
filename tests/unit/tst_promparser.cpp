// PromParser on real Prometheus 2.42 answers (captured from the sandbox into
// tests/data/prometheus/) and on the bodies a wrong URL gives: vector, matrix, scalar, NaN/Inf
// dropped, the server's bad_data error verbatim, HTML, garbage, empty, JSON of the wrong shape.
#include "metrics/PromParser.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(TIDESK_TEST_DATA_DIR "/prometheus/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

const QString kUrl = u"http://prom.example:9090"_s;

} // namespace

class TestPromParser : public QObject
{
    Q_OBJECT

private slots:
    void vector()
    {
        const auto r = PromParser::parse(fixture(u"vector.json"_s), 200, kUrl,
                                         LegendSpec::byLabel(u"env"_s));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->type, PromParser::ResultType::Vector);
        QCOMPARE(r->series.size(), 2);
        QCOMPARE(r->series.at(0).legend, u"dev"_s);
        QCOMPARE(r->series.at(1).legend, u"test01"_s);
        QCOMPARE(r->series.at(1).labels.value(u"instance"_s), u"127.0.0.1:25011"_s);
        QCOMPARE(r->series.at(0).points.size(), 1);
        QCOMPARE(r->series.at(0).points.at(0), QPointF(1796017622000.0, 1.0));
        QCOMPARE(r->droppedSamples, 0);
    }

    void matrix()
    {
        const auto r = PromParser::parse(fixture(u"matrix.json"_s), 200, kUrl,
                                         LegendSpec::byLabels({ u"job"_s, u"env"_s }));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->type, PromParser::ResultType::Matrix);
        QCOMPARE(r->series.size(), 2);
        QCOMPARE(r->series.at(0).legend, u"mysql dev"_s);
        const QList<QPointF> &pts = r->series.at(1).points;
        QCOMPARE(pts.size(), 5);
        QCOMPARE(pts.first().x(), 1796017562000.0);
        QCOMPARE(pts.last().x(), 1796017622000.0);
        for (qsizetype i = 1; i < pts.size(); ++i)
            QCOMPARE(pts.at(i).x() - pts.at(i - 1).x(), 15000.0);
        QCOMPARE(pts.at(2).y(), 2.0);
    }

    void scalar()
    {
        const auto r = PromParser::parse(fixture(u"scalar.json"_s), 200, kUrl,
                                         LegendSpec::fixedText(u"sum"_s));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->type, PromParser::ResultType::Scalar);
        QCOMPARE(r->series.size(), 1);
        QCOMPARE(r->series.at(0).legend, u"sum"_s);
        QCOMPARE(r->series.at(0).points, QList<QPointF> { QPointF(1796017622000.0, 4.5) });
    }

    void nonFiniteDropped()
    {
        // NaN, +Inf and -Inf series (0/0, 1/0, -1/0) and one finite one.
        const auto r = PromParser::parse(fixture(u"nan_inf.json"_s), 200, kUrl,
                                         LegendSpec::byLabel(u"sign"_s));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r->series.size(), 4);
        QCOMPARE(r->droppedSamples, 9);
        int withPoints = 0;
        for (const TimeSeries &s : r->series) {
            for (const QPointF &p : s.points)
                QVERIFY(std::isfinite(p.y()));
            if (!s.isEmpty()) {
                ++withPoints;
                QCOMPARE(s.legend, u"finite"_s);
                QCOMPARE(s.points.size(), 3);
            }
        }
        QCOMPARE(withPoints, 1);
    }

    void legendFallbacks()
    {
        const QMap<QString, QString> labels { { u"__name__"_s, u"up"_s },
                                              { u"job"_s, u"tidb"_s },
                                              { u"instance"_s, u"10.0.1.4:10080"_s } };
        QCOMPARE(PromParser::legendFor(labels, LegendSpec::byLabel(u"instance"_s)),
                 u"10.0.1.4:10080"_s);
        QCOMPARE(PromParser::legendFor(labels, LegendSpec::byLabels({ u"job"_s, u"instance"_s })),
                 u"tidb 10.0.1.4:10080"_s);
        QCOMPARE(PromParser::legendFor(labels, LegendSpec::fixedText(u"p99"_s)), u"p99"_s);
        // A label the series lacks: all labels, so lines stay distinguishable.
        QCOMPARE(PromParser::legendFor(labels, LegendSpec::byLabel(u"le"_s)),
                 u"{instance=\"10.0.1.4:10080\", job=\"tidb\"}"_s);
        QCOMPARE(PromParser::legendFor({ { u"__name__"_s, u"up"_s } }, {}), u"up"_s);
    }

    void warningsKept()
    {
        const auto r = PromParser::parse(fixture(u"empty_vector_warning.json"_s), 200, kUrl);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QVERIFY(r->series.isEmpty());
        QCOMPARE(r->warnings, QStringList { u"PromQL info: metric might not be a counter"_s });
    }

    void serverErrorVerbatim()
    {
        const auto r = PromParser::parse(fixture(u"bad_data.json"_s), 400, kUrl);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Server);
        QCOMPARE(r.error().code, 400);
        const QString text
            = u"invalid parameter \"query\": 1:43: parse error: unexpected <by> in aggregation"_s;
        QVERIFY2(r.error().message.contains(u"(bad_data)"_s), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(text), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(kUrl));
        QCOMPARE(r.error().detail, text);

        const auto t = PromParser::parse(fixture(u"timeout_503.json"_s), 503, kUrl);
        QCOMPARE(t.error().kind, ErrorKind::Timeout);
        QVERIFY(t.error().message.contains(u"query timed out in expression evaluation"_s));
    }

    void badBodies_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("says");
        const int invalid = int(ErrorKind::InvalidInput);
        const int server = int(ErrorKind::Server);
        QTest::newRow("html 200") << u"html.html"_s << 200 << invalid << u"HTML page"_s;
        QTest::newRow("html 502") << u"html.html"_s << 502 << server << u"HTTP 502: an HTML page"_s;
        QTest::newRow("garbage") << u"garbage.txt"_s << 200 << invalid
                                 << u"did not answer with JSON"_s;
        QTest::newRow("garbage 500")
            << u"garbage.txt"_s << 500 << server << u"HTTP 500: HTTP/1.1"_s;
        QTest::newRow("empty") << u"empty.txt"_s << 200 << invalid << u"empty answer"_s;
        QTest::newRow("empty 404")
            << u"empty.txt"_s << 404 << server << u"HTTP 404: an empty answer"_s;
        QTest::newRow("array") << u"wrong_shape_array.json"_s << 200 << invalid
                               << u"not a Prometheus query result"_s;
        QTest::newRow("no status")
            << u"wrong_shape_nostatus.json"_s << 200 << invalid << u"\"status\": \"success\""_s;
        QTest::newRow("result object")
            << u"wrong_shape_result.json"_s << 200 << invalid << u"data.result is not a list"_s;
        QTest::newRow("numeric value")
            << u"wrong_shape_sample.json"_s << 200 << invalid << u"[time, \"value\"]"_s;
        QTest::newRow("string result")
            << u"string.json"_s << 200 << invalid << u"result type \"string\""_s;
        QTest::newRow("alertmanager") << u"../alertmanager/alerts.json"_s << 200 << invalid
                                      << u"not a Prometheus query result"_s;
    }

    void badBodies()
    {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, says);
        const auto r = PromParser::parse(fixture(file), status, kUrl);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), kind);
        QVERIFY2(r.error().message.contains(says), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(kUrl));
    }
};

QTEST_GUILESS_MAIN(TestPromParser)
#include "tst_promparser.moc"

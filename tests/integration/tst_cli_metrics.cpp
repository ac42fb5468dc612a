// tidesk-cli metrics end to end against the sandbox: a TiDB environment (engine override tidb,
// Prometheus = prometheus-tidb with the backfilled series), a MariaDB environment whose engine is
// detected over SQL (Prometheus = the scraping one, selector env="test01"), and one whose
// Prometheus port is closed. Text, --json, unknown and unsupported charts, bad ranges.
#include "CliRunner.h"
#include "SandboxEnv.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

using TiDesk::Test::CliRun;

class TestCliMetrics : public QObject
{
    Q_OBJECT

    TiDesk::Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;

    CliRun cli(const QStringList &args, const QByteArray &stdinData = {})
    {
        return TiDesk::Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(),
                                    u"vault-pass-metrics"_s, args, stdinData);
    }

    QString prom(const QString &key) const { return u"http://127.0.0.1:"_s + m_sandbox.value(key); }

    static QString iso(qint64 secs)
    {
        return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        QVERIFY(m_home.isValid());
        const QString sqlHost
            = u"127.0.0.1:"_s + QString::number(m_sandbox.mariadbPort(u"uat01"_s));
        CliRun r = cli({ u"env"_s, u"add"_s, u"tidb-sbx"_s, u"--host"_s, sqlHost, u"--user"_s,
                         m_sandbox.adminUser(), u"--engine"_s, u"tidb"_s, u"--prometheus"_s,
                         prom(u"PROMETHEUS_TIDB_PORT"_s) });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({ u"env"_s, u"add"_s, u"maria-sbx"_s, u"--host"_s,
                  u"127.0.0.1:"_s + QString::number(m_sandbox.mariadbPort(u"test01"_s)),
                  u"--user"_s, m_sandbox.adminUser(), u"--tls-mode"_s, u"disabled"_s,
                  u"--prometheus"_s, prom(u"PROMETHEUS_PORT"_s), u"--prometheus-selector"_s,
                  u"env=\"test01\""_s, u"--password-stdin"_s },
                (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTcpServer probe; // a port that was free a moment ago: nothing listens there
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString closed = u"http://127.0.0.1:"_s + QString::number(probe.serverPort());
        probe.close();
        r = cli({ u"env"_s, u"add"_s, u"dead-prom"_s, u"--host"_s, sqlHost, u"--user"_s, u"x"_s,
                  u"--engine"_s, u"mariadb"_s, u"--prometheus"_s, closed });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({ u"env"_s, u"add"_s, u"no-prom"_s, u"--host"_s, sqlHost, u"--user"_s, u"x"_s,
                  u"--engine"_s, u"tidb"_s });
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void tidbText()
    {
        const CliRun r = cli(
            { u"metrics"_s, u"tidb-sbx"_s, u"--chart"_s, u"connections"_s, u"--range"_s, u"6h"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4); // title, header, one line per TiDB
        QVERIFY2(lines.at(0).startsWith("tidb-sbx: Connections per TiDB, "),
                 lines.at(0).constData());
        QVERIFY(lines.at(0).endsWith("step 30 s"));
        QVERIFY(lines.at(1).startsWith("SERIES"));
        QVERIFY(lines.at(1).contains("LAST") && lines.at(1).contains("AVG"));
        QVERIFY(lines.at(2).startsWith("10.0.1.4:10080 "));
        QVERIFY(lines.at(3).startsWith("10.0.1.5:10080 "));

        const CliRun lat = cli(
            { u"metrics"_s, u"tidb-sbx"_s, u"--chart"_s, u"latency"_s, u"--range"_s, u"24h"_s });
        QVERIFY2(lat.exitCode == 0, lat.both().constData());
        QVERIFY2(lat.out.contains("\np99 ") && lat.out.contains("\np95 "), lat.out.constData());
        QVERIFY2(lat.out.contains(" ms "), lat.out.constData()); // latency shown in ms
        QVERIFY(lat.out.contains("step 120 s"));
    }

    void tidbJsonCustomRange()
    {
        const qint64 newest = m_sandbox.value(u"PROMETHEUS_TIDB_NEWEST"_s).toLongLong();
        QVERIFY(newest > 0);
        const CliRun r
            = cli({ u"--json"_s, u"metrics"_s, u"tidb-sbx"_s, u"--chart"_s, u"store_size"_s,
                    u"--from"_s, iso(newest - 2 * 86400), u"--to"_s, iso(newest) });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(u"chart"_s).toString(), u"store_size"_s);
        QCOMPARE(o.value(u"engine"_s).toString(), u"tidb"_s);
        QCOMPARE(o.value(u"unit"_s).toString(), u"bytes"_s);
        QCOMPARE(o.value(u"step_ms"_s).toInteger(), 300'000); // 2 days -> 5 min
        QVERIFY(o.value(u"from_ms"_s).toInteger() <= (newest - 2 * 86400) * 1000);
        const QJsonArray series = o.value(u"series"_s).toArray();
        QCOMPARE(series.size(), 6);
        QCOMPARE(series.at(0).toObject().value(u"legend"_s).toString(),
                 u"10.0.1.7:20180 capacity"_s);
        for (const QJsonValue &v : series) {
            const QJsonArray points = v.toObject().value(u"points"_s).toArray();
            QVERIFY(points.size() > 500);
            for (qsizetype i = 1; i < points.size(); ++i)
                QVERIFY(points.at(i).toArray().at(0).toInteger()
                        > points.at(i - 1).toArray().at(0).toInteger());
            QVERIFY(v.toObject().value(u"max"_s).toDouble() > 50.0 * 1024 * 1024 * 1024);
        }
    }

    void mariadbDetectedAndSelected()
    {
        // The environment's own selector (env="test01"): one instance's series.
        const CliRun r = cli({ u"metrics"_s, u"maria-sbx"_s, u"--chart"_s, u"qps"_s, u"--range"_s,
                               u"15m"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        QCOMPARE(r.json().value(u"engine"_s).toString(), u"mariadb"_s);
        QCOMPARE(r.json().value(u"unit"_s).toString(), u"per_second"_s);
        bool total = false;
        for (const QJsonValue &v : r.json().value(u"series"_s).toArray()) {
            if (v.toObject().value(u"legend"_s).toString() == u"queries (total)"_s) {
                total = true;
                QVERIFY(!v.toObject().value(u"points"_s).toArray().isEmpty());
                QVERIFY(v.toObject().value(u"last"_s).toDouble() > 0);
            }
        }
        QVERIFY2(total, r.out.constData());

        // max_connections is 200 per sandbox instance: the selector keeps it to one instance,
        // --selector replaces it (all four instances: 800), a non-matching one gives no data.
        const auto lastMax = [&](const QStringList &extra) {
            const CliRun c
                = cli(QStringList { u"--json"_s, u"metrics"_s, u"maria-sbx"_s, u"--chart"_s,
                                    u"connections"_s, u"--range"_s, u"15m"_s }
                      + extra);
            for (const QJsonValue &v : c.json().value(u"series"_s).toArray())
                if (v.toObject().value(u"legend"_s).toString() == u"max_connections"_s)
                    return v.toObject().value(u"last"_s).toDouble(-1);
            return -1.0;
        };
        QCOMPARE(lastMax({}), 200.0);
        QCOMPARE(lastMax({ u"--selector"_s, u"job=\"mysql\""_s }), 800.0);
        QCOMPARE(lastMax({ u"--selector"_s, u"env=\"nope\""_s }), -1.0);
    }

    void unknownChartListsCharts()
    {
        const CliRun r = cli({ u"metrics"_s, u"tidb-sbx"_s, u"--chart"_s, u"nope"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Unknown chart 'nope'"), r.err.constData());
        QVERIFY2(r.err.contains("qps, latency, connections, cpu, memory, store_size"),
                 r.err.constData());
        const CliRun none = cli({ u"metrics"_s, u"tidb-sbx"_s });
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("store_size"), none.err.constData());
    }

    void unsupportedChartSaysWhy()
    {
        const CliRun r = cli({ u"metrics"_s, u"dead-prom"_s, u"--chart"_s, u"latency"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("mysqld_exporter"), r.err.constData());
    }

    void unreachablePrometheus()
    {
        const CliRun r = cli({ u"metrics"_s, u"dead-prom"_s, u"--chart"_s, u"connections"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("refused the connection"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        const CliRun j = cli({ u"--json"_s, u"metrics"_s, u"dead-prom"_s, u"--chart"_s, u"qps"_s });
        QCOMPARE(j.exitCode, 1);
        QCOMPARE(j.json().value(u"error"_s).toObject().value(u"kind"_s).toString(),
                 u"connection"_s);
    }

    void badCommandLines()
    {
        QCOMPARE(cli({ u"metrics"_s, u"tidb-sbx"_s, u"--chart"_s, u"qps"_s, u"--range"_s, u"2w"_s })
                     .exitCode,
                 2);
        QCOMPARE(cli({ u"metrics"_s, u"tidb-sbx"_s, u"--chart"_s, u"qps"_s, u"--range"_s, u"1h"_s,
                       u"--from"_s, u"2026-01-01T00:00:00Z"_s })
                     .exitCode,
                 2);
        QCOMPARE(cli({ u"metrics"_s, u"tidb-sbx"_s, u"--chart"_s, u"qps"_s, u"--from"_s,
                       u"yesterday"_s })
                     .exitCode,
                 2);
        QCOMPARE(cli({ u"metrics"_s, u"nosuchenv"_s, u"--chart"_s, u"qps"_s }).exitCode, 3);
        const CliRun noProm = cli({ u"metrics"_s, u"no-prom"_s, u"--chart"_s, u"qps"_s });
        QCOMPARE(noProm.exitCode, 3);
        QVERIFY(noProm.err.contains("no Prometheus URL"));
    }
};

QTEST_GUILESS_MAIN(TestCliMetrics)
#include "tst_cli_metrics.moc"

// FleetPoller against the real sandbox: the four MariaDB environments (prod through the SSH
// bastion, like the demo inventory) come back reachable with connections and QPS from the
// workload; a stopped instance is Down within one refresh and up again after it starts; an
// endpoint that accepts TCP and never answers ends Down with a timeout within its budget while
// the others report on time; a refused port is Down at once; the TiDB dialect reads sessions and
// uptime from the sandbox's TiDB catalog fixture; a critical alert in the sandbox Alertmanager
// makes its environment Degraded. FAILS without the sandbox.
#include "SandboxBastion.h"
#include "SandboxEnv.h"
#include "health/FleetPoller.h"
#include "secrets/VaultFileStore.h"
#include "sql/ActivityLog.h"
#include "sql/SqlConnection.h"
#include "tunnel/BastionTunnels.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestFleetPoller : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void sandboxFleetReachableWithQps();
    void stoppedInstanceDownThenUp();
    void silentEndpointTimesOutOthersOnTime();
    void refusedPortDownQuickly();
    void tidbDialectOnCatalogFixture();
    void criticalAlertMakesDegraded();

private:
    CoreServices services();
    Environment direct(const QString &sandboxEnv, const QString &name = {});
    void storePassword(const Environment &e);
    bool refreshAndWait(FleetPoller &poller, int timeoutMs = 20000);

    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_dir;
    QThreadPool m_pool;
    ActivityLog m_log;
    std::unique_ptr<VaultFileStore> m_vault;
    std::unique_ptr<BastionTunnels> m_tunnels;
};

CoreServices TestFleetPoller::services()
{
    CoreServices s;
    s.activityLog = &m_log;
    s.secrets = m_vault.get();
    s.pool = &m_pool;
    s.tunnels = m_tunnels.get();
    return s;
}

Environment TestFleetPoller::direct(const QString &sandboxEnv, const QString &name)
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name.isEmpty() ? sandboxEnv : name;
    e.tier = sandboxEnv == u"prod" ? Tier::Prod : Tier::Test;
    e.endpoints << SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(sandboxEnv), {} };
    e.user = m_sandbox.adminUser();
    e.tls.mode = TlsMode::VerifyCa; // like the demo inventory
    e.tls.caFile = m_sandbox.value(u"TLS_CA"_s);
    e.connectTimeoutMs = 3000;
    storePassword(e);
    return e;
}

void TestFleetPoller::storePassword(const Environment &e)
{
    QVERIFY(m_vault->write(e.passwordSecretKey(), m_sandbox.adminPassword()).ok());
}

bool TestFleetPoller::refreshAndWait(FleetPoller &poller, int timeoutMs)
{
    QSignalSpy finished(&poller, &FleetPoller::refreshFinished);
    poller.refresh();
    return !finished.isEmpty() || finished.wait(timeoutMs);
}

void TestFleetPoller::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_dir.isValid());
    SqlConnection::initDriver();
    m_pool.setMaxThreadCount(8); // like AppContext
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10;
    m_vault = std::make_unique<VaultFileStore>(m_dir.filePath(u"secrets.vault"_s), kdf);
    QVERIFY(m_vault->unlockOrCreate(u"fleet poller test"_s).ok());
    BastionTunnels::Options o;
    o.hostKeyPolicy = HostKeyPolicy::Strict;
    o.sshConfigPath = u"/nonexistent/ssh_config"_s;
    m_tunnels = std::make_unique<BastionTunnels>(o);
}

void TestFleetPoller::cleanupTestCase()
{
    // Whatever happened, the instance this test stops runs again afterwards.
    m_sandbox.runScript({ u"start-mariadb"_s, u"test01"_s });
    m_pool.waitForDone();
    m_tunnels.reset();
}

void TestFleetPoller::sandboxFleetReachableWithQps()
{
    EnvironmentList envs;
    for (const QString &name : m_sandbox.envs()) {
        if (name == u"prod") {
            Environment prod = Test::prodBehindBastion(m_sandbox);
            storePassword(prod);
            envs << prod;
        } else {
            envs << direct(name);
        }
    }
    QCOMPARE(envs.size(), 4);
    FleetPoller poller(services());
    poller.setEnvironments(envs);
    QSignalSpy samples(&poller, &FleetPoller::sampleReady);
    QVERIFY(refreshAndWait(poller));
    QCOMPARE(samples.size(), 4);
    QTest::qWait(1500); // the workload runs a batch every second per instance
    QVERIFY(refreshAndWait(poller));
    for (const Environment &e : std::as_const(envs)) {
        const FleetSample s = poller.sample(e.id);
        QVERIFY2(s.state == FleetSample::State::Ok || s.state == FleetSample::State::Degraded,
                 qPrintable(e.name + u": "_s + s.lastError.toString()));
        QVERIFY2(!s.lastError.isError(), qPrintable(e.name + u": "_s + s.lastError.toString()));
        QCOMPARE(s.engine.engine, Engine::MariaDB);
        QVERIFY(!s.engine.version.isNull());
        // Known, and without the poller's own connection: the workload's client and the
        // exporter connect per statement / per scrape, so 0 at the sampled instant is legitimate.
        QVERIFY2(s.connections >= 0, qPrintable(e.name));
        QVERIFY(s.uptimeSeconds > 0);
        // Statements from the workload (the poller's own are taken out of the count).
        QVERIFY2(FleetSample::known(s.qps) && s.qps > 0,
                 qPrintable(e.name + u" qps "_s + QString::number(s.qps)));
        QCOMPARE(s.qpsSource, FleetSample::MetricSource::Sql);
        QVERIFY(!FleetSample::known(s.p99Ms));
        QCOMPARE(s.qpsHistory.size(), 2);
        QVERIFY(s.latencyMs >= 0);
    }
    // prod went through the bastion, and every statement is in the activity log.
    bool sawTunnel = false, sawStatus = false;
    for (const ActivityEntry &a : m_log.entries()) {
        sawTunnel = sawTunnel || (a.envName == u"prod" && a.endpoint.contains(u" via ssh "_s));
        sawStatus = sawStatus || a.statement.startsWith(u"SHOW GLOBAL STATUS WHERE"_s);
    }
    QVERIFY(sawTunnel);
    QVERIFY(sawStatus);
}

void TestFleetPoller::stoppedInstanceDownThenUp()
{
    const Environment dev = direct(u"dev"_s), test01 = direct(u"test01"_s);
    FleetPoller poller(services());
    poller.setInterval(std::chrono::seconds(2));
    poller.setEnvironments({ dev, test01 });
    QVERIFY(refreshAndWait(poller));
    QCOMPARE(poller.sample(test01.id).state, FleetSample::State::Ok);

    QCOMPARE(m_sandbox.runScript({ u"stop-mariadb"_s, u"test01"_s }), 0);
    QVERIFY(refreshAndWait(poller)); // one refresh
    const FleetSample down = poller.sample(test01.id);
    QCOMPARE(down.state, FleetSample::State::Down);
    QVERIFY(down.lastError.isError());
    QVERIFY(!down.reachable());
    QCOMPARE(down.engine.engine, Engine::MariaDB); // from the last successful sample
    QVERIFY(!FleetSample::known(down.qps));
    QVERIFY(std::isnan(down.qpsHistory.last()));
    QVERIFY(poller.sample(dev.id).reachable());

    QCOMPARE(m_sandbox.runScript({ u"start-mariadb"_s, u"test01"_s }), 0);
    QVERIFY(refreshAndWait(poller)); // the first refresh after it returned
    const FleetSample up = poller.sample(test01.id);
    QVERIFY2(up.reachable(), qPrintable(up.lastError.toString()));
    QVERIFY(!up.lastError.isError());
    QCOMPARE(poller.consecutiveFailures(test01.id), 0);
}

void TestFleetPoller::silentEndpointTimesOutOthersOnTime()
{
    // Accepts TCP (the kernel completes the handshake) and never says a word.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Environment hung = direct(u"dev"_s, u"silent"_s);
    hung.endpoints = { SqlEndpoint { u"127.0.0.1"_s, int(silent.serverPort()), {} } };
    hung.connectTimeoutMs = 2000;
    EnvironmentList envs { hung };
    for (const QString &name : { u"dev"_s, u"test01"_s, u"uat01"_s })
        envs << direct(name);

    FleetPoller poller(services());
    poller.setEnvironments(envs);
    QHash<QUuid, qint64> arrivedMs;
    QElapsedTimer clock;
    connect(&poller, &FleetPoller::sampleReady, this,
            [&](const FleetSample &s) { arrivedMs.insert(s.environmentId, clock.elapsed()); });
    clock.start();
    QVERIFY(refreshAndWait(poller, 15000));
    QCOMPARE(arrivedMs.size(), 4);

    const FleetSample s = poller.sample(hung.id);
    QCOMPARE(s.state, FleetSample::State::Down);
    QCOMPARE(s.lastError.kind, ErrorKind::Timeout);
    const qint64 hungMs = arrivedMs.value(hung.id);
    QVERIFY2(hungMs >= 1800 && hungMs <= poller.budgetMs(hung) + 1500,
             qPrintable(QString::number(hungMs)));
    for (qsizetype i = 1; i < envs.size(); ++i) {
        QVERIFY2(poller.sample(envs.at(i).id).reachable(), qPrintable(envs.at(i).name));
        // On time: long before the silent one's budget ran out.
        QVERIFY2(
            arrivedMs.value(envs.at(i).id) < 1500,
            qPrintable(envs.at(i).name + u" "_s + QString::number(arrivedMs.value(envs.at(i).id))));
    }
}

void TestFleetPoller::refusedPortDownQuickly()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const int freePort = probe.serverPort();
    probe.close(); // nothing listens there now
    Environment refused = direct(u"dev"_s, u"refused"_s);
    refused.endpoints = { SqlEndpoint { u"127.0.0.1"_s, freePort, {} } };
    FleetPoller poller(services());
    poller.setEnvironments({ refused });
    QElapsedTimer t;
    t.start();
    QVERIFY(refreshAndWait(poller));
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
    const FleetSample s = poller.sample(refused.id);
    QCOMPARE(s.state, FleetSample::State::Down);
    QCOMPARE(s.lastError.kind, ErrorKind::Connection);
    QCOMPARE(s.lastError.code, 2002);
}

void TestFleetPoller::tidbDialectOnCatalogFixture()
{
    // The sandbox has no TiDB: its TIDB_CATALOG_ENV instance carries a schema with TiDB's
    // cluster tables, and the engine override makes the poller use the TiDB dialect on it.
    Environment tidb = direct(m_sandbox.value(u"TIDB_CATALOG_ENV"_s), u"tidb-fixture"_s);
    tidb.engine = EngineOverride::TiDB;
    FleetPoller poller(services());
    DialectOptions fixture;
    fixture.catalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
    poller.setDialectOptions(fixture);
    poller.setEnvironments({ tidb });
    QVERIFY(refreshAndWait(poller));
    QTest::qWait(1100);
    QVERIFY(refreshAndWait(poller));
    const FleetSample s = poller.sample(tidb.id);
    QVERIFY2(s.reachable() && !s.lastError.isError(), qPrintable(s.lastError.toString()));
    QCOMPARE(s.engine.engine, Engine::TiDB);
    QVERIFY(s.connections > 0); // the processlist view has the workload's session
    QVERIFY(s.uptimeSeconds > 0); // parsed from CLUSTER_INFO.UPTIME (Go duration)
    QVERIFY(!FleetSample::known(s.qps)); // not available over SQL on TiDB
    QCOMPARE(s.qpsSource, FleetSample::MetricSource::None);
}

void TestFleetPoller::criticalAlertMakesDegraded()
{
    const QString name
        = u"fleet-degraded-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    const QString amUrl = u"http://127.0.0.1:%1"_s.arg(m_sandbox.value(u"ALERTMANAGER_PORT"_s));
    Environment e = direct(u"dev"_s, name);
    e.alertmanagerUrl = amUrl;

    // A critical alert for this environment only (label env), resolving by itself in 2 minutes.
    QFile fixture(QStringLiteral(TIDESK_TEST_DATA_DIR) + u"/alertmanager/post-critical.json"_s);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QJsonArray alerts = QJsonDocument::fromJson(fixture.readAll()).array();
    QJsonObject alert = alerts.at(0).toObject();
    QJsonObject labels = alert.value(u"labels"_s).toObject();
    labels.insert(u"env"_s, name);
    alert.insert(u"labels"_s, labels);
    alert.insert(u"startsAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    alert.insert(u"endsAt"_s, QDateTime::currentDateTimeUtc().addSecs(120).toString(Qt::ISODate));
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(amUrl + u"/api/v2/alerts"_s));
    req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = nam.post(req, QJsonDocument(QJsonArray { alert }).toJson());
    QSignalSpy posted(reply, &QNetworkReply::finished);
    QVERIFY(posted.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    reply->deleteLater();

    FleetPoller poller(services());
    poller.setEnvironments({ e });
    QVERIFY(refreshAndWait(poller));
    QTRY_COMPARE_WITH_TIMEOUT(poller.sample(e.id).alertCount(AlertLevel::Critical), 1, 10000);
    QCOMPARE(poller.sample(e.id).state, FleetSample::State::Degraded);
    QVERIFY(poller.sample(e.id).reachable());
}

QTEST_GUILESS_MAIN(TestFleetPoller)
#include "tst_fleetpoller.moc"

// checkEnvironment() against the sandbox: reachable, endpoint fallback, unreachable, wrong
// password, engine override, and the JSON shape `tidesk-cli env check` prints.
#include "SandboxEnv.h"
#include "sql/ActivityLog.h"
#include "sql/EnvironmentCheck.h"
#include "sql/SqlConnection.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestEnvironmentCheck : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void reachable();
    void fallsBackToNextEndpoint();
    void unreachable();
    void wrongPassword();
    void engineOverride();

private:
    Environment env(const QList<int> &ports) const;
    Test::SandboxEnv m_sandbox;
};

Environment TestEnvironmentCheck::env(const QList<int> &ports) const
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = u"dev"_s;
    e.user = m_sandbox.adminUser();
    for (int p : ports)
        e.endpoints << SqlEndpoint { u"127.0.0.1"_s, p, {} };
    e.connectTimeoutMs = 2000;
    return e;
}

void TestEnvironmentCheck::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    SqlConnection::initDriver();
}

void TestEnvironmentCheck::reachable()
{
    ActivityLog log;
    const CheckResult r = checkEnvironment(env({ m_sandbox.mariadbPort(u"dev"_s) }),
                                           m_sandbox.adminPassword(), &log);
    QVERIFY2(r.reachable, qPrintable(r.error.toString()));
    QCOMPARE(r.engine.engine, Engine::MariaDB);
    QVERIFY(r.latencyMs >= 0 && r.latencyMs < 2000);
    QCOMPARE(r.endpoint, u"127.0.0.1:%1"_s.arg(m_sandbox.mariadbPort(u"dev"_s)));
    QVERIFY(!r.error.isError());
    QVERIFY(!log.entries().isEmpty());

    const QJsonObject o = QJsonDocument::fromJson(r.toJson()).object();
    QStringList keys = o.keys();
    keys.sort();
    QCOMPARE(keys,
             (QStringList { u"endpoint"_s, u"engine"_s, u"error"_s, u"latency_ms"_s, u"name"_s,
                            u"reachable"_s, u"version"_s, u"via"_s, u"via_ssh"_s }));
    QCOMPARE(o.value(u"via_ssh"_s).toBool(true), false);
    QVERIFY(o.value(u"via"_s).isNull());
    QCOMPARE(o.value(u"name"_s).toString(), u"dev"_s);
    QCOMPARE(o.value(u"reachable"_s).toBool(), true);
    QCOMPARE(o.value(u"engine"_s).toString(), u"mariadb"_s);
    QVERIFY(o.value(u"version"_s).toString().startsWith(u"10."_s)
            || o.value(u"version"_s).toString().startsWith(u"11."_s));
    QVERIFY(o.value(u"error"_s).isNull());
    QVERIFY(o.value(u"latency_ms"_s).isDouble());
}

void TestEnvironmentCheck::fallsBackToNextEndpoint()
{
    const CheckResult r
        = checkEnvironment(env({ 1, m_sandbox.mariadbPort(u"dev"_s) }), m_sandbox.adminPassword());
    QVERIFY2(r.reachable, qPrintable(r.error.toString()));
    QCOMPARE(r.endpoint, u"127.0.0.1:%1"_s.arg(m_sandbox.mariadbPort(u"dev"_s)));
}

void TestEnvironmentCheck::unreachable()
{
    QElapsedTimer t;
    t.start();
    const CheckResult r = checkEnvironment(env({ 1 }), m_sandbox.adminPassword());
    QVERIFY(t.elapsed() < 1500);
    QVERIFY(!r.reachable);
    QCOMPARE(r.latencyMs, -1);
    QCOMPARE(r.error.kind, ErrorKind::Connection);
    QCOMPARE(r.error.code, 2002);
    const QJsonObject o = QJsonDocument::fromJson(r.toJson()).object();
    QCOMPARE(o.value(u"reachable"_s).toBool(), false);
    const QJsonObject e = o.value(u"error"_s).toObject();
    QCOMPARE(e.value(u"kind"_s).toString(), u"connection"_s);
    QCOMPARE(e.value(u"code"_s).toInt(), 2002);
    QVERIFY(e.value(u"message"_s).toString().contains(u"127.0.0.1:1"_s));
    QCOMPARE(o.value(u"latency_ms"_s).toInt(), -1);
}

void TestEnvironmentCheck::wrongPassword()
{
    const CheckResult r
        = checkEnvironment(env({ m_sandbox.mariadbPort(u"dev"_s) }), u"not-the-password"_s);
    QVERIFY(!r.reachable);
    QCOMPARE(r.error.kind, ErrorKind::Auth);
    QCOMPARE(r.error.code, 1045);
    QVERIFY(!r.toJson().contains("not-the-password"));
    QCOMPARE(QJsonDocument::fromJson(r.toJson())
                 .object()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"kind"_s)
                 .toString(),
             u"auth"_s);
}

void TestEnvironmentCheck::engineOverride()
{
    Environment e = env({ m_sandbox.mariadbPort(u"dev"_s) });
    e.engine = EngineOverride::MySQL;
    const CheckResult r = checkEnvironment(e, m_sandbox.adminPassword());
    QVERIFY2(r.reachable, qPrintable(r.error.toString()));
    QCOMPARE(r.engine.engine, Engine::MySQL);
}

QTEST_GUILESS_MAIN(TestEnvironmentCheck)
#include "tst_environmentcheck.moc"

// readGuardrails() / applyGuardrailChange() against the sandbox's real MariaDB servers. The TiDB
// part runs the TiDB dialect on the tidb_catalog fixture: RUNAWAY_WATCHES has TiDB's shape, but
// the fixture is MariaDB, so TiDB variables, SHOW GLOBAL BINDINGS and QUERY WATCH REMOVE fail there
// with MariaDB's error: that exercises the per-part error handling, not TiDB itself
// (docs/tidb-testing.md). FAILS without the sandbox.
#include "SandboxEnv.h"
#include "guardrails/GuardrailReader.h"
#include "guardrails/GuardrailWriter.h"
#include "sessions/AuditLog.h"
#include "sql/SqlConnection.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestGuardrailsSandbox : public QObject
{
    Q_OBJECT
private:
    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_dir;

    EnvironmentTarget target(const QString &env, EngineOverride engine = EngineOverride::Auto)
    {
        EnvironmentTarget t;
        t.environment.id = QUuid::createUuid();
        t.environment.name = env;
        t.environment.user = m_sandbox.adminUser();
        t.environment.engine = engine;
        t.environment.tls.mode = TlsMode::Disabled;
        t.environment.connectTimeoutMs = 3000;
        t.environment.endpoints << SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(env), {} };
        t.password = m_sandbox.adminPassword();
        if (engine == EngineOverride::TiDB)
            t.dialectOptions.catalogSchema = m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s);
        return t;
    }

    static QString valueOf(const GuardrailSnapshot &snap, const QString &name)
    {
        for (const GuardrailValue &v : snap.values)
            if (v.variable.name == name)
                return v.value;
        return u"<absent>"_s;
    }

private slots:
    void initTestCase()
    {
        SqlConnection::initDriver();
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        QVERIFY(m_dir.isValid());
    }

    void mariadbReadChangeRestore()
    {
        const EnvironmentTarget dev = target(u"dev"_s);
        Result<GuardrailSnapshot> before = readGuardrails(dev);
        QVERIFY2(before.ok(), qPrintable(before.error().toString()));
        QCOMPARE(before->engine.engine, Engine::MariaDB);
        QVERIFY(!before->watchesSupported);
        QVERIFY(!before->bindingsSupported);
        QVERIFY2(before->problems.isEmpty(), qPrintable(before->problems.join(u'\n')));
        const QString original = valueOf(*before, u"max_statement_time"_s);
        QVERIFY2(!original.isNull() && original != u"<absent>", qPrintable(original));

        const auto dialect = makeDialect(before->engine);
        Result<GuardrailChange> change
            = GuardrailChange::setVariable(*dialect, u"max_statement_time"_s, u"37.5"_s);
        QVERIFY2(change.ok(), qPrintable(change.error().toString()));
        QCOMPARE(change->statement, u"SET GLOBAL max_statement_time = 37.5"_s);

        AuditLog audit(m_dir.filePath(u"audit.jsonl"_s));
        Result<GuardrailChangeResult> applied = applyGuardrailChange(dev, *change, &audit);
        QVERIFY2(applied.ok(), qPrintable(applied.error().toString()));

        Result<GuardrailSnapshot> after = readGuardrails(dev);
        QVERIFY(after.ok());
        const bool changed = valueOf(*after, u"max_statement_time"_s).toDouble() == 37.5;

        // Restore before asserting, so a failure never leaves dev with a statement limit.
        Result<GuardrailChange> restore
            = GuardrailChange::setVariable(*dialect, u"max_statement_time"_s, original);
        QVERIFY(restore.ok());
        QVERIFY(applyGuardrailChange(dev, *restore, &audit).ok());
        QVERIFY2(changed, qPrintable(valueOf(*after, u"max_statement_time"_s)));
        Result<GuardrailSnapshot> restored = readGuardrails(dev);
        QVERIFY(restored.ok());
        QCOMPARE(valueOf(*restored, u"max_statement_time"_s).toDouble(), original.toDouble());

        const auto lines = audit.readLast(10);
        QVERIFY(lines.ok());
        QCOMPARE(lines->size(), 2);
        QCOMPARE(lines->first().envName, u"dev"_s);
        QCOMPARE(lines->first().action, u"set-guardrail"_s);
        QCOMPARE(lines->first().statement, u"SET GLOBAL max_statement_time = 37.5"_s);
        QVERIFY(lines->first().ok);
        QCOMPARE(lines->first().mode, u"manual"_s);
    }

    void invalidValueSendsNothing()
    {
        const auto dialect = makeDialect(EngineInfo::parse(u"10.11.6-MariaDB"_s));
        Result<GuardrailChange> bad
            = GuardrailChange::setVariable(*dialect, u"max_statement_time"_s, u"1; DROP TABLE x"_s);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!GuardrailChange::setVariable(*dialect, u"sql_mode"_s, u"''"_s).ok());
    }

    void tidbOnCatalogFixture()
    {
        const QString env = m_sandbox.value(u"TIDB_CATALOG_ENV"_s);
        const EnvironmentTarget t = target(env, EngineOverride::TiDB);
        Result<GuardrailSnapshot> snap = readGuardrails(t);
        QVERIFY2(snap.ok(), qPrintable(snap.error().toString()));
        QCOMPARE(snap->engine.engine, Engine::TiDB);
        QVERIFY(snap->watchesSupported);
        QCOMPARE(snap->watches.size(), 3);
        QCOMPARE(snap->watches.at(0).id, qint64(1));
        QCOMPARE(snap->watches.at(0).resourceGroup, u"rg_report"_s);
        QCOMPARE(snap->watches.at(0).watch, u"Similar"_s);
        QCOMPARE(snap->watches.at(0).action, u"Kill"_s);
        QCOMPARE(snap->watches.at(1).endTime, u"UNLIMITED"_s);
        QCOMPARE(snap->watches.at(2).rule, u"ProcessedKeys = 10000(100)"_s);
        // MariaDB has none of the tidb_* variables: each is a named problem, the read goes on.
        QVERIFY(!snap->values.isEmpty());
        const QString problems = snap->problems.join(u'\n');
        QVERIFY2(problems.contains(u"tidb_mem_quota_query"_s), qPrintable(problems));
        QVERIFY(valueOf(*snap, u"tidb_mem_quota_query"_s).isNull());
        // SHOW GLOBAL BINDINGS is not MariaDB syntax: a problem line, not a failure.
        QVERIFY(snap->bindingsSupported);
        QVERIFY2(problems.contains(u"SQL bindings could not be read"_s), qPrintable(problems));

        // QUERY WATCH REMOVE on the fixture: the server's error comes back and is audited.
        const auto dialect = makeDialect(snap->engine, t.dialectOptions);
        Result<GuardrailChange> remove = GuardrailChange::removeWatch(*dialect, 2);
        QVERIFY(remove.ok());
        QCOMPARE(remove->statement, u"QUERY WATCH REMOVE 2"_s);
        AuditLog audit(m_dir.filePath(u"tidb-audit.jsonl"_s));
        Result<GuardrailChangeResult> r = applyGuardrailChange(t, *remove, &audit);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Server);
        const auto lines = audit.readLast(5);
        QVERIFY(lines.ok());
        QCOMPARE(lines->size(), 1);
        QVERIFY(!lines->first().ok);
        QCOMPARE(lines->first().statement, u"QUERY WATCH REMOVE 2"_s);
        QVERIFY(!lines->first().result.isEmpty());
    }

    void wrongPassword()
    {
        EnvironmentTarget t = target(u"dev"_s);
        t.password = u"not-the-password"_s;
        Result<GuardrailSnapshot> snap = readGuardrails(t);
        QVERIFY(!snap.ok());
        QCOMPARE(snap.error().kind, ErrorKind::Auth);

        const auto dialect = makeDialect(EngineInfo::parse(u"10.11.6-MariaDB"_s));
        Result<GuardrailChange> change
            = GuardrailChange::setVariable(*dialect, u"max_statement_time"_s, u"10"_s);
        QVERIFY(change.ok());
        AuditLog audit(m_dir.filePath(u"denied.jsonl"_s));
        QVERIFY(!applyGuardrailChange(t, *change, &audit).ok());
        const auto lines = audit.readLast(5);
        QVERIFY(lines.ok());
        QCOMPARE(lines->size(), 1);
        QVERIFY(!lines->first().ok); // attempts that never reached the server are audited too
    }
};

QTEST_GUILESS_MAIN(TestGuardrailsSandbox)
#include "tst_guardrails_sandbox.moc"

// tidesk-cli guardrails end to end against the sandbox: a production-tier environment on the
// sandbox's dev MariaDB (max_statement_time shown, changed only with --confirm NAME, audited,
// restored), an invalid value (exit 3, nothing sent), and a TiDB environment on the catalog
// fixture (runaway watches in JSON; TiDB variables unknown to MariaDB reported as problems).
#include "CliRunner.h"
#include "SandboxEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

using TiDesk::Test::CliRun;

class TestCliGuardrails : public QObject
{
    Q_OBJECT

    TiDesk::Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;

    CliRun cli(const QStringList &args, const QByteArray &stdinData = {})
    {
        return TiDesk::Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(),
                                    u"vault-pass-guardrails"_s, args, stdinData);
    }

    QString currentValue()
    {
        const CliRun r = cli({ u"--json"_s, u"guardrails"_s, u"prod-g"_s });
        const QJsonArray vars = r.json().value(u"variables"_s).toArray();
        for (const QJsonValue &v : vars)
            if (v.toObject().value(u"name"_s).toString() == u"max_statement_time")
                return v.toObject().value(u"value"_s).toString();
        return {};
    }

    QStringList auditLines()
    {
        QFile f(m_home.filePath(u"audit.jsonl"_s));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        QVERIFY(m_home.isValid());
        qputenv("TIDESK_TIDB_CATALOG_SCHEMA", m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s).toUtf8());
        CliRun r
            = cli({ u"env"_s, u"add"_s, u"prod-g"_s, u"--tier"_s, u"prod"_s, u"--host"_s,
                    u"127.0.0.1:"_s + QString::number(m_sandbox.mariadbPort(u"dev"_s)), u"--user"_s,
                    m_sandbox.adminUser(), u"--tls-mode"_s, u"disabled"_s, u"--password-stdin"_s },
                  (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli(
            { u"env"_s, u"add"_s, u"tidb-g"_s, u"--host"_s,
              u"127.0.0.1:"_s
                  + QString::number(m_sandbox.mariadbPort(m_sandbox.value(u"TIDB_CATALOG_ENV"_s))),
              u"--user"_s, m_sandbox.adminUser(), u"--tls-mode"_s, u"disabled"_s, u"--engine"_s,
              u"tidb"_s, u"--password-stdin"_s },
            (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void showText()
    {
        const CliRun r = cli({ u"guardrails"_s, u"prod-g"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        QVERIFY2(r.out.contains("max_statement_time"), r.out.constData());
        QVERIFY(!r.out.contains("Runaway watches")); // not a TiDB
    }

    void setNeedsConfirmOnProd()
    {
        const QString original = currentValue();
        QVERIFY2(!original.isEmpty(), "max_statement_time not read");
        const int auditBefore = int(auditLines().size());

        CliRun r = cli({ u"guardrails"_s, u"set"_s, u"prod-g"_s, u"max_statement_time"_s, u"9"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--confirm prod-g"), r.err.constData());
        QCOMPARE(currentValue(), original); // nothing sent
        QCOMPARE(int(auditLines().size()), auditBefore);

        r = cli({ u"guardrails"_s, u"set"_s, u"prod-g"_s, u"max_statement_time"_s, u"9"_s,
                  u"--confirm"_s, u"prod-g"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        QVERIFY2(r.out.contains("SET GLOBAL max_statement_time = 9"), r.out.constData());
        const QString changed = currentValue();
        // Restore before asserting.
        const CliRun restore
            = cli({ u"guardrails"_s, u"set"_s, u"prod-g"_s, u"max_statement_time"_s, original,
                    u"--confirm"_s, u"prod-g"_s });
        QCOMPARE(restore.exitCode, 0);
        QCOMPARE(changed.toDouble(), 9.0);
        QCOMPARE(currentValue().toDouble(), original.toDouble());

        const QStringList lines = auditLines();
        QCOMPARE(int(lines.size()), auditBefore + 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(auditBefore).toUtf8()).object();
        QCOMPARE(first.value(u"env"_s).toString(), u"prod-g"_s);
        QCOMPARE(first.value(u"statement"_s).toString(), u"SET GLOBAL max_statement_time = 9"_s);
        QVERIFY(first.value(u"ok"_s).toBool());
        QVERIFY(!first.value(u"actor"_s).toString().isEmpty());
    }

    void invalidValue()
    {
        const int auditBefore = int(auditLines().size());
        const CliRun r = cli({ u"guardrails"_s, u"set"_s, u"prod-g"_s, u"max_statement_time"_s,
                               u"1; DROP TABLE x"_s, u"--confirm"_s, u"prod-g"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("max_statement_time"), r.err.constData());
        QCOMPARE(int(auditLines().size()), auditBefore); // never sent
        const CliRun unknown = cli({ u"guardrails"_s, u"set"_s, u"prod-g"_s, u"sql_mode"_s, u"x"_s,
                                     u"--confirm"_s, u"prod-g"_s });
        QCOMPARE(unknown.exitCode, 3);
    }

    void tidbFixtureJson()
    {
        const CliRun r = cli({ u"--json"_s, u"guardrails"_s, u"tidb-g"_s });
        QVERIFY2(r.exitCode == 0, r.both().constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(u"engine"_s).toString(), u"tidb"_s);
        const QJsonArray watches = o.value(u"runaway_watches"_s).toArray();
        QCOMPARE(watches.size(), 3);
        QCOMPARE(watches.at(0).toObject().value(u"resource_group"_s).toString(), u"rg_report"_s);
        const QJsonArray problems = o.value(u"problems"_s).toArray();
        QVERIFY(!problems.isEmpty());
        QVERIFY(problems.at(0).toString().contains(u"max_execution_time"_s));
    }

    void unknownEnvironment()
    {
        const CliRun r = cli({ u"guardrails"_s, u"nope"_s });
        QCOMPARE(r.exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestCliGuardrails)
#include "tst_cli_guardrails.moc"

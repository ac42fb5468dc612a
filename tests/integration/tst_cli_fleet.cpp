// tst_cli_fleet: `tidesk-cli fleet status` end to end against the sandbox, as a script uses it:
// the demo inventory (prod through the SSH bastion) in text and JSON, the --tier and --tag
// filters, a down environment listed first with its error and exit status 1, usage errors.
#include "CliRunner.h"
#include "SandboxEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

using TiDesk::Test::CliRun;

class TestCliFleet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonStatusOfTheSandbox();
    void textTable();
    void tierFilter();
    void downEnvironmentFirstAndExitStatus();
    void usageErrors();

private:
    CliRun cli(const QStringList &args, const QByteArray &stdinData = {});
    QString tidbEnv() const { return m_sandbox.value(u"DEMO_TIDB_ENV"_s); }

    TiDesk::Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;
    const QString m_vaultPass = u"vault-pass-CliFleet-1"_s;
};

CliRun TestCliFleet::cli(const QStringList &args, const QByteArray &stdinData)
{
    return TiDesk::Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass, args,
                                stdinData);
}

void TestCliFleet::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_home.isValid());
    // The demo inventory's TiDB environment reads TiDB's tables from the catalog fixture.
    qputenv("TIDESK_TIDB_CATALOG_SCHEMA", m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s).toUtf8());
    CliRun r = cli({ u"env"_s, u"import"_s, m_sandbox.value(u"DEMO_INVENTORY"_s) });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const QString &name : m_sandbox.envs() + QStringList { tidbEnv() }) {
        r = cli({ u"env"_s, u"set-password"_s, name, u"--password-stdin"_s },
                (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
}

void TestCliFleet::jsonStatusOfTheSandbox()
{
    const CliRun r = cli({ u"fleet"_s, u"status"_s, u"--json"_s, u"--interval-ms"_s, u"1500"_s });
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QCOMPARE(r.json().value(u"interval_ms"_s).toInt(), 1500);
    const QJsonArray envs = r.envs();
    QCOMPARE(envs.size(), 5);
    QStringList names;
    for (const QJsonValue &v : envs) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(u"name"_s).toString();
        names << name;
        if (name == tidbEnv()) {
            // TiDB over SQL (the catalog fixture): sessions and uptime, no QPS (docs).
            QVERIFY2(o.value(u"reachable"_s).toBool(), QJsonDocument(o).toJson().constData());
            QCOMPARE(o.value(u"engine"_s).toString(), u"tidb"_s);
            QVERIFY(o.value(u"qps"_s).isNull());
            QVERIFY(o.value(u"connections"_s).toInt() >= 1);
            QVERIFY(o.value(u"uptime_s"_s).toInteger() > 0);
            continue;
        }
        QVERIFY2(o.value(u"reachable"_s).toBool(), qPrintable(name));
        QCOMPARE(o.value(u"engine"_s).toString(), u"mariadb"_s);
        QVERIFY(o.value(u"version"_s).toString().startsWith(u"10."_s));
        QVERIFY2(o.value(u"qps"_s).toDouble() > 0, qPrintable(name));
        QCOMPARE(o.value(u"qps_source"_s).toString(), u"sql"_s);
        QVERIFY(o.value(u"p99_ms"_s).isNull());
        QVERIFY2(o.value(u"connections"_s).toInt() > 0, qPrintable(name));
        QVERIFY(o.value(u"uptime_s"_s).toInteger() > 0);
        QVERIFY(o.value(u"error"_s).isNull());
        const QJsonObject alerts = o.value(u"alerts"_s).toObject();
        QCOMPARE(alerts.keys(),
                 (QStringList { u"critical"_s, u"emergency"_s, u"info"_s, u"warning"_s }));
        QCOMPARE(o.value(u"via_ssh"_s).toBool(), name == u"prod"_s);
        QCOMPARE(o.value(u"tier"_s).toString(),
                 name == u"test01"      ? u"test"_s
                     : name == u"uat01" ? u"uat"_s
                                        : name);
    }
    // Nothing down, no critical alert: by tier, prod first.
    QCOMPARE(names, (QStringList { u"prod"_s, u"uat01"_s, tidbEnv(), u"test01"_s, u"dev"_s }));
    // No critical alert, so ok (the sandbox's slow-query warning for prod, which fires a few
    // minutes after `sandbox up`, never makes an environment degraded).
    const QJsonObject prod = envs.at(0).toObject();
    QCOMPARE(prod.value(u"alerts"_s).toObject().value(u"critical"_s).toInt(), 0);
    QCOMPARE(prod.value(u"state"_s).toString(), u"ok"_s);
    QVERIFY(r.json().value(u"alertmanager_errors"_s).toArray().isEmpty());
}

void TestCliFleet::textTable()
{
    const CliRun r = cli({ u"fleet"_s, u"status"_s });
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6); // header + 5
    QVERIFY(lines.at(0).startsWith(u"ENV"_s));
    for (const char *col :
         { "TIER", "STATE", "ENGINE", "QPS", "P99 MS", "CONN", "UPTIME", "ALERTS" })
        QVERIFY2(lines.at(0).contains(QLatin1String(col)), col);
    QVERIFY(lines.at(1).startsWith(u"prod "_s));
    QVERIFY(lines.at(5).startsWith(u"dev "_s));
    // Aligned: the STATE column starts at the same offset on every line.
    const qsizetype stateCol = lines.at(0).indexOf(u"STATE"_s);
    for (qsizetype i = 1; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).mid(stateCol).startsWith(u"up"_s), qPrintable(lines.at(i)));
    QVERIFY(lines.at(1).contains(u"MariaDB 10."_s));
}

void TestCliFleet::tierFilter()
{
    const CliRun r = cli({ u"fleet"_s, u"status"_s, u"--tier"_s, u"prod"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.envs().size(), 1);
    QCOMPARE(r.envs().at(0).toObject().value(u"name"_s).toString(), u"prod"_s);
    QVERIFY(r.envs().at(0).toObject().value(u"reachable"_s).toBool());
    const CliRun dev = cli({ u"fleet"_s, u"status"_s, u"--tier"_s, u"dev"_s, u"--json"_s });
    QCOMPARE(dev.envs().size(), 1);
    QCOMPARE(dev.envs().at(0).toObject().value(u"name"_s).toString(), u"dev"_s);
}

void TestCliFleet::downEnvironmentFirstAndExitStatus()
{
    CliRun r = cli({ u"env"_s, u"add"_s, u"zz-down"_s, u"--tier"_s, u"dev"_s, u"--host"_s,
                     u"127.0.0.1:1"_s, u"--user"_s, u"nobody"_s, u"--tag"_s, u"broken"_s });
    QVERIFY2(r.exitCode == 0, r.err.constData());

    r = cli({ u"fleet"_s, u"status"_s, u"--json"_s, u"--interval-ms"_s, u"300"_s });
    QCOMPARE(r.exitCode, 1); // one down
    QCOMPARE(r.envs().size(), 6);
    const QJsonObject down = r.envs().at(0).toObject(); // worst first, despite tier dev
    QCOMPARE(down.value(u"name"_s).toString(), u"zz-down"_s);
    QCOMPARE(down.value(u"reachable"_s).toBool(), false);
    QCOMPARE(down.value(u"state"_s).toString(), u"down"_s);
    QVERIFY(down.value(u"engine"_s).isNull());
    QVERIFY(down.value(u"qps"_s).isNull());
    QVERIFY(down.value(u"connections"_s).isNull());
    QCOMPARE(down.value(u"error"_s).toObject().value(u"kind"_s).toString(), u"connection"_s);
    QCOMPARE(down.value(u"error"_s).toObject().value(u"code"_s).toInt(), 2002);
    QCOMPARE(r.envs().at(1).toObject().value(u"name"_s).toString(), u"prod"_s);

    // Text: the down one first, with its error.
    r = cli({ u"fleet"_s, u"status"_s, u"--tag"_s, u"broken"_s, u"--interval-ms"_s, u"100"_s });
    QCOMPARE(r.exitCode, 1);
    const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(1).startsWith(u"zz-down "_s));
    QVERIFY2(lines.at(1).contains(u"DOWN"_s) && lines.at(1).contains(u"connection refused"_s),
             qPrintable(lines.at(1)));

    r = cli({ u"env"_s, u"remove"_s, u"zz-down"_s });
    QCOMPARE(r.exitCode, 0);
}

void TestCliFleet::usageErrors()
{
    QCOMPARE(cli({ u"fleet"_s }).exitCode, 2);
    QCOMPARE(cli({ u"fleet"_s, u"bogus"_s }).exitCode, 2);
    QCOMPARE(cli({ u"fleet"_s, u"status"_s, u"--interval-ms"_s, u"soon"_s }).exitCode, 2);
    QCOMPARE(cli({ u"fleet"_s, u"status"_s, u"--timeout-ms"_s, u"0"_s }).exitCode, 2);
    QCOMPARE(cli({ u"fleet"_s, u"status"_s, u"--tier"_s, u"production-ish"_s }).exitCode, 2);
    QCOMPARE(cli({ u"fleet"_s, u"status"_s, u"extra"_s }).exitCode, 2);
    // A valid selection that matches nothing.
    const CliRun none = cli({ u"fleet"_s, u"status"_s, u"--tag"_s, u"no-such-tag"_s, u"--json"_s });
    QCOMPARE(none.exitCode, 3);
    QVERIFY(none.json().contains(u"error"_s));
    QCOMPARE(cli({ u"fleet"_s, u"status"_s, u"--help"_s }).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliFleet)
#include "tst_cli_fleet.moc"

// tst_cli_rules: `tidesk-cli rules check|run` end to end against the sandbox with the demo
// inventory: check prints every rule with its effective mode per environment (production
// dry-run unless env_modes say enforce) and names the line of a broken file; run as a daemon
// (--json) logs a dry-run decision for a client's SELECT SLEEP(30) on dev, leaves it running,
// and exits 0 within two seconds of SIGTERM; --once polls once and exits 0.
// FAILS without the sandbox.
#include "CliRunner.h"
#include "SandboxEnv.h"
#include "sql/SqlConnection.h"
#include "sql/SqlWorker.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::CliRun;

namespace {
// The daemon's JSON lines so far (stdout is read into buffer as it arrives).
QList<QJsonObject> jsonLines(QProcess &daemon, QByteArray &buffer)
{
    buffer += daemon.readAllStandardOutput();
    QList<QJsonObject> objects;
    for (const QByteArray &l : buffer.split('\n'))
        if (!l.trimmed().isEmpty())
            objects << QJsonDocument::fromJson(l).object();
    return objects;
}
} // namespace

class TestCliRules : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void checkPrintsEffectiveModes();
    void checkJson();
    void checkNamesTheBrokenLine();
    void daemonLogsDryRunAndStopsOnSigterm();
    void daemonEnforcesWithTheKiller();
    void onceExitsAfterOneRound();

private:
    CliRun cli(const QStringList &args);
    static QString data(const QString &name)
    {
        return QStringLiteral(TIDESK_TEST_DATA_DIR "/rules/") + name;
    }
    QProcessEnvironment processEnv() const;

    TiDesk::Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;
    const QString m_vaultPass = u"vault-pass-CliRules-1"_s;
};

CliRun TestCliRules::cli(const QStringList &args)
{
    return TiDesk::Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass,
                                args);
}

QProcessEnvironment TestCliRules::processEnv() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TIDESK_HOME"_s, m_home.path());
    env.insert(u"TIDESK_VAULT_PASSPHRASE"_s, m_vaultPass);
    return env;
}

void TestCliRules::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_home.isValid());
    SqlConnection::initDriver();
    CliRun r = cli({ u"env"_s, u"import"_s, m_sandbox.value(u"DEMO_INVENTORY"_s) });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = TiDesk::Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass,
                             { u"env"_s, u"set-password"_s, u"dev"_s, u"--password-stdin"_s },
                             (m_sandbox.adminPassword() + u'\n').toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestCliRules::checkPrintsEffectiveModes()
{
    const CliRun r = cli({ u"rules"_s, u"check"_s, u"--config"_s, data(u"cli-check.json"_s) });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(u"valid, 2 rule(s)"_s), qPrintable(out));
    QStringList modeLines;
    for (const QString &line : out.split(u'\n'))
        if (line.startsWith(u"app-long "_s) || line.startsWith(u"prod-explicit "_s))
            modeLines << line.simplified();
    // Rule table (2) + mode table (app-long: dev, prod; prod-explicit: prod).
    QVERIFY2(modeLines.contains(u"app-long dev dev enforce rule mode"_s), qPrintable(out));
    QVERIFY2(modeLines.contains(u"app-long prod prod dry-run production default"_s),
             qPrintable(out));
    QVERIFY2(modeLines.contains(u"prod-explicit prod prod enforce env_modes"_s), qPrintable(out));
    // --dry-run shows everything dry-run.
    const CliRun d
        = cli({ u"rules"_s, u"check"_s, u"--dry-run"_s, u"--config"_s, data(u"cli-check.json"_s) });
    QCOMPARE(d.exitCode, 0);
    QVERIFY(!QString::fromUtf8(d.out).contains(u" enforce "_s));
}

void TestCliRules::checkJson()
{
    const CliRun r
        = cli({ u"--json"_s, u"rules"_s, u"check"_s, u"--config"_s, data(u"cli-check.json"_s) });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QJsonObject o = r.json();
    QVERIFY(o.value(u"valid"_s).toBool());
    const QJsonArray rules = o.value(u"rules"_s).toArray();
    QCOMPARE(rules.size(), 2);
    const QJsonObject first = rules.at(0).toObject();
    QCOMPARE(first.value(u"name"_s).toString(), u"app-long"_s);
    QHash<QString, QString> modes;
    for (const QJsonValue &e : first.value(u"environments"_s).toArray())
        modes.insert(e.toObject().value(u"name"_s).toString(),
                     e.toObject().value(u"mode"_s).toString());
    QCOMPARE(modes.value(u"dev"_s), u"enforce"_s);
    QCOMPARE(modes.value(u"prod"_s), u"dry-run"_s);
    QCOMPARE(modes.size(), 2);
}

void TestCliRules::checkNamesTheBrokenLine()
{
    CliRun r = cli({ u"rules"_s, u"check"_s, u"--config"_s, data(u"syntax-error.json"_s) });
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("syntax-error.json: line 4"), r.err.constData());
    r = cli({ u"rules"_s, u"check"_s, u"--config"_s, m_home.filePath(u"missing.json"_s) });
    QCOMPARE(r.exitCode, 3);
    r = cli({ u"rules"_s, u"frobnicate"_s });
    QCOMPARE(r.exitCode, 2);
}

void TestCliRules::daemonLogsDryRunAndStopsOnSigterm()
{
    QProcess daemon;
    daemon.setProcessEnvironment(processEnv());
    daemon.start(QStringLiteral(TIDESK_CLI_BINARY),
                 { u"--secrets"_s, u"vault"_s, u"--json"_s, u"rules"_s, u"run"_s, u"--config"_s,
                   data(u"cli-run.json"_s) });
    QVERIFY(daemon.waitForStarted());
    QByteArray out;
    auto lines = [&] {
        return jsonLines(daemon, out);
    };
    QTRY_VERIFY_WITH_TIMEOUT(!lines().isEmpty(), 15000);
    QCOMPARE(lines().first().value(u"event"_s).toString(), u"started"_s);
    QCOMPARE(lines().first().value(u"environments"_s).toArray(), QJsonArray { u"dev"_s });
    QCOMPARE(lines().first().value(u"killer"_s).toBool(),
             true); // enforce would kill; this rule is dry-run

    // A client of the application runs a long statement.
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(u"dev"_s);
    p.user = m_sandbox.value(u"APP_USER"_s);
    p.password = m_sandbox.value(u"APP_PASSWORD"_s);
    p.tls.mode = TlsMode::Disabled;
    p.readTimeoutMs = 60000;
    SqlWorker victim(p);
    QSignalSpy connected(&victim, &SqlWorker::connected);
    victim.connectNow();
    QVERIFY(connected.wait(10000));
    const quint64 victimId = victim.connectionId();
    const quint64 request = victim.submit(u"SELECT SLEEP(30)"_s);

    QJsonObject decision;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonObject &o : lines())
                if (o.value(u"event"_s).toString() == u"decision"
                    && o.value(u"session"_s).toObject().value(u"id"_s).toString()
                        == QString::number(victimId)) {
                    decision = o;
                    return true;
                }
            return false;
        }(),
        10000);
    QCOMPARE(decision.value(u"rule"_s).toString(), u"cli-app-sleep"_s);
    QCOMPARE(decision.value(u"mode"_s).toString(), u"dry-run"_s);
    QCOMPARE(decision.value(u"action"_s).toString(), u"kill-query"_s);
    QCOMPARE(decision.value(u"executed"_s).toBool(), false);
    QCOMPARE(decision.value(u"statement"_s).toString(),
             u"KILL HARD QUERY "_s + QString::number(victimId));
    QVERIFY(decision.value(u"result"_s).toString().startsWith(u"would have killed"_s));
    QVERIFY(victim.isConnected());

    // SIGTERM: stops the pollers and exits 0, quickly.
    QElapsedTimer stopTimer;
    stopTimer.start();
    daemon.terminate();
    QVERIFY(daemon.waitForFinished(5000));
    const qint64 stopMs = stopTimer.elapsed();
    qInfo("rules run stopped %lld ms after SIGTERM", stopMs);
    QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.exitCode(), 0);
    QVERIFY2(stopMs < 2000, qPrintable(QString::number(stopMs)));
    const QList<QJsonObject> all = lines();
    QCOMPARE(all.last().value(u"event"_s).toString(), u"stopped"_s);
    QCOMPARE(all.last().value(u"signal"_s).toInt(), 15);

    // The dry run killed nothing: the statement is still running.
    SqlConnection admin;
    ConnectParams a = p;
    a.user = m_sandbox.adminUser();
    a.password = m_sandbox.adminPassword();
    QVERIFY(admin.open(a).ok());
    const auto r = admin.query(u"SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = "_s
                               + QString::number(victimId));
    QVERIFY(r.ok());
    QCOMPARE(r->rows.size(), 1);
    QVERIFY(r->rows.first().at(0).toString().contains(u"SLEEP(30)"_s));
    victim.cancel(request);
    victim.shutdown();

    // The audit log under TIDESK_HOME has the line.
    QFile audit(m_home.filePath(u"audit.jsonl"_s));
    QVERIFY(audit.open(QIODevice::ReadOnly));
    const QByteArray log = audit.readAll();
    QVERIFY(log.contains("\"rule\":\"cli-app-sleep\""));
    QVERIFY(
        log.contains(QByteArray(QByteArray("KILL HARD QUERY ") + QByteArray::number(victimId))));
}

void TestCliRules::daemonEnforcesWithTheKiller()
{
    QProcess daemon;
    daemon.setProcessEnvironment(processEnv());
    daemon.start(QStringLiteral(TIDESK_CLI_BINARY),
                 { u"--secrets"_s, u"vault"_s, u"--json"_s, u"rules"_s, u"run"_s, u"--config"_s,
                   data(u"cli-enforce.json"_s) });
    QVERIFY(daemon.waitForStarted());
    QByteArray out;
    auto lines = [&] {
        return jsonLines(daemon, out);
    };
    QTRY_VERIFY_WITH_TIMEOUT(!lines().isEmpty(), 15000);
    QCOMPARE(lines().first().value(u"killer"_s).toBool(), true);

    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(u"dev"_s);
    p.user = m_sandbox.value(u"APP_USER"_s);
    p.password = m_sandbox.value(u"APP_PASSWORD"_s);
    p.tls.mode = TlsMode::Disabled;
    p.readTimeoutMs = 60000;
    SqlWorker victim(p);
    QSignalSpy connected(&victim, &SqlWorker::connected);
    QSignalSpy failed(&victim, &SqlWorker::requestFailed);
    victim.connectNow();
    QVERIFY(connected.wait(10000));
    const quint64 victimId = victim.connectionId();
    victim.submit(u"SELECT SLEEP(31)"_s);

    // The daemon kills it (verify-then-kill) and says so: the victim sees 1317.
    QVERIFY(failed.wait(15000));
    QCOMPARE(failed.first().at(1).value<Error>().code, 1317);
    QJsonObject kill;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonObject &o : lines())
                if (o.value(u"event"_s).toString() == u"kill") {
                    kill = o;
                    return true;
                }
            return false;
        }(),
        5000);
    QCOMPARE(kill.value(u"status"_s).toString(), u"killed"_s);
    QCOMPARE(kill.value(u"statement"_s).toString(),
             u"KILL HARD QUERY "_s + QString::number(victimId));
    daemon.terminate();
    QVERIFY(daemon.waitForFinished(5000));
    QCOMPARE(daemon.exitCode(), 0);
    victim.shutdown();

    QFile audit(m_home.filePath(u"audit.jsonl"_s));
    QVERIFY(audit.open(QIODevice::ReadOnly));
    const QByteArray log = audit.readAll();
    QVERIFY(log.contains("\"rule\":\"cli-app-sleep-enforced\""));
    QVERIFY(log.contains("\"mode\":\"enforce\""));
}

void TestCliRules::onceExitsAfterOneRound()
{
    const CliRun r = cli(
        { u"--json"_s, u"rules"_s, u"run"_s, u"--once"_s, u"--config"_s, data(u"cli-run.json"_s) });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(u"event"_s).toString(),
             u"started"_s);
    QCOMPARE(QJsonDocument::fromJson(lines.last()).object().value(u"event"_s).toString(),
             u"stopped"_s);
}

QTEST_GUILESS_MAIN(TestCliRules)
#include "tst_cli_rules.moc"

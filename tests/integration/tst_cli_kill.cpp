// tst_cli_kill: `tidesk-cli kill` end to end against the sandbox, as a script or a DBA uses it,
// on the demo inventory: a victim (`app` on dev) runs SELECT SLEEP(30); `kill dev --id N --yes
// --json` kills the statement (victim gets 1317) and writes the audit line; `--connection` in
// text mode ends the session; without --yes and without a terminal it refuses (exit 2) and
// touches nothing - on prod with the production wording; an unknown session is exit 1, an
// unknown environment exit 3, bad command lines exit 2. FAILS without the sandbox.
#include "CliRunner.h"
#include "SandboxEnv.h"
#include "VictimSession.h"
#include "sessions/AuditLog.h"
#include "sessions/KillExecutor.h"
#include "sql/SqlConnection.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::CliRun;

class TestCliKill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killQueryWithYesJson();
    void killConnectionText();
    void noTerminalWithoutYesRefuses();
    void prodWithoutYesRefuses();
    void unknownSessionAndEnvironment();
    void usageErrors();

private:
    CliRun cli(const QStringList &args, const QByteArray &stdinData = {});
    // Waits until `id` runs `sql` on dev (read as tidesk_admin, like the CLI will).
    bool waitRunning(quint64 id, const QString &sql, int timeoutMs = 10000);
    std::optional<SessionRow> devSession(quint64 id);
    int auditLines() const;

    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;
    const QString m_vaultPass = u"vault-pass-CliKill-1"_s;
};

CliRun TestCliKill::cli(const QStringList &args, const QByteArray &stdinData)
{
    return Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass, args,
                        stdinData);
}

std::optional<SessionRow> TestCliKill::devSession(quint64 id)
{
    Environment dev;
    dev.name = u"dev"_s;
    dev.endpoints << SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(u"dev"_s), {} };
    dev.user = m_sandbox.adminUser();
    KillExecutor::Context c;
    c.password = m_sandbox.adminPassword();
    const Result<QList<SessionRow>> rows = KillExecutor::readSessions(dev, id, {}, c);
    if (!rows || rows->isEmpty())
        return std::nullopt;
    return rows->first();
}

bool TestCliKill::waitRunning(quint64 id, const QString &sql, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (const auto s = devSession(id); s && s->info == sql)
            return true;
        QTest::qWait(50);
    }
    return false;
}

int TestCliKill::auditLines() const
{
    const auto entries = AuditLog(m_home.filePath(u"audit.jsonl"_s)).readLast(0);
    return entries ? int(entries->size()) : -1;
}

void TestCliKill::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_home.isValid());
    SqlConnection::initDriver();
    CliRun r = cli({ u"env"_s, u"import"_s, m_sandbox.value(u"DEMO_INVENTORY"_s) });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const QString &name : { u"dev"_s, u"prod"_s }) {
        r = cli({ u"env"_s, u"set-password"_s, name, u"--password-stdin"_s },
                (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
}

void TestCliKill::killQueryWithYesJson()
{
    Test::VictimSession victim(m_sandbox, u"dev"_s);
    const quint64 id = victim.connectionId();
    const QString sql = u"SELECT SLEEP(30) AS cli_victim"_s;
    const quint64 req = victim.start(sql);
    QVERIFY(waitRunning(id, sql));

    const CliRun r
        = cli({ u"kill"_s, u"dev"_s, u"--id"_s, QString::number(id), u"--yes"_s, u"--json"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"status"_s).toString(), u"killed"_s);
    QVERIFY(o.value(u"killed"_s).toBool());
    QCOMPARE(o.value(u"kind"_s).toString(), u"query"_s);
    QCOMPARE(o.value(u"env"_s).toString(), u"dev"_s);
    QCOMPARE(o.value(u"statement"_s).toString(), u"KILL HARD QUERY "_s + QString::number(id));
    QCOMPARE(o.value(u"target"_s).toObject().value(u"info"_s).toString(), sql);
    QCOMPARE(o.value(u"target"_s).toObject().value(u"id"_s).toString(), QString::number(id));
    QVERIFY(o.value(u"error"_s).isNull());
    QCOMPARE(o.value(u"audit_log"_s).toString(), m_home.filePath(u"audit.jsonl"_s));
    // The preview went to stderr: stdout is one JSON document.
    QVERIFY(r.err.contains("SELECT SLEEP(30) AS cli_victim"));

    QCOMPARE(victim.wait(req, 10000).value_or(Error()).code, 1317);
    QCOMPARE(victim.connectionId(), id);

    const auto last = AuditLog(m_home.filePath(u"audit.jsonl"_s)).readLast(1);
    QVERIFY(last.ok() && last->size() == 1);
    QCOMPARE(last->first().envName, u"dev"_s);
    QCOMPARE(last->first().outcome, u"killed"_s);
    QCOMPARE(last->first().mode, u"manual"_s);
    QCOMPARE(last->first().sessionStatement, sql);
}

void TestCliKill::killConnectionText()
{
    Test::VictimSession victim(m_sandbox, u"dev"_s);
    const quint64 id = victim.connectionId();
    const QString sql = u"SELECT SLEEP(30) AS cli_connection"_s;
    const quint64 req = victim.start(sql);
    QVERIFY(waitRunning(id, sql));

    const CliRun r = cli(
        { u"kill"_s, u"dev"_s, u"--id"_s, QString::number(id), u"--connection"_s, u"--yes"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(u"statement: "_s + sql), qPrintable(out));
    QVERIFY2(out.contains(u"KILL CONNECTION ends this session"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Killed: Session #"_s + QString::number(id) + u" disconnected"_s),
             qPrintable(out));
    const std::optional<Error> e = victim.wait(req, 10000);
    QVERIFY(e.has_value());
    QVERIFY2(e->kind == ErrorKind::Connection, qPrintable(e->toString()));
    QVERIFY(!devSession(id).has_value());
}

void TestCliKill::noTerminalWithoutYesRefuses()
{
    Test::VictimSession victim(m_sandbox, u"dev"_s);
    const quint64 id = victim.connectionId();
    const QString sql = u"SELECT SLEEP(30) AS cli_unconfirmed"_s;
    const quint64 req = victim.start(sql);
    QVERIFY(waitRunning(id, sql));
    const int before = auditLines();

    // stdin is a pipe (even with a "y" in it): nobody to ask, so nothing happens.
    const CliRun r = cli({ u"kill"_s, u"dev"_s, u"--id"_s, QString::number(id) }, "y\n");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--yes"), r.err.constData());
    QVERIFY2(r.err.contains("nothing was killed"), r.err.constData());
    QTest::qWait(300);
    QCOMPARE(devSession(id)->info, sql);
    QCOMPARE(auditLines(), before); // no attempt, nothing to audit

    const CliRun k = cli({ u"kill"_s, u"dev"_s, u"--id"_s, QString::number(id), u"--yes"_s });
    QVERIFY2(k.exitCode == 0, k.both().constData());
    QCOMPARE(victim.wait(req, 10000).value_or(Error()).code, 1317);
}

void TestCliKill::prodWithoutYesRefuses()
{
    const int before = auditLines();
    QElapsedTimer t;
    t.start();
    CliRun r = cli({ u"kill"_s, u"prod"_s, u"--id"_s, u"12345"_s, u"--connection"_s });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("production"), r.err.constData());
    QVERIFY2(r.err.contains("--yes"), r.err.constData());
    // Refused before any connection (prod is behind the bastion: that alone takes longer).
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(auditLines(), before);
    r = cli({ u"--json"_s, u"kill"_s, u"prod"_s, u"--id"_s, u"12345"_s });
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.json()
                .value(u"error"_s)
                .toObject()
                .value(u"message"_s)
                .toString()
                .contains(u"production"_s));
}

void TestCliKill::unknownSessionAndEnvironment()
{
    CliRun r = cli({ u"kill"_s, u"dev"_s, u"--id"_s, u"4000000000"_s, u"--yes"_s });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no session #4000000000"), r.err.constData());
    r = cli({ u"--json"_s, u"kill"_s, u"dev"_s, u"--id"_s, u"4000000000"_s, u"--yes"_s });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"kind"_s).toString(), u"not_found"_s);
    r = cli({ u"kill"_s, u"nosuchenv"_s, u"--id"_s, u"5"_s, u"--yes"_s });
    QCOMPARE(r.exitCode, 3);
}

void TestCliKill::usageErrors()
{
    QCOMPARE(cli({ u"kill"_s, u"dev"_s }).exitCode, 2); // no --id
    QCOMPARE(cli({ u"kill"_s, u"dev"_s, u"--id"_s, u"abc"_s }).exitCode, 2);
    QCOMPARE(
        cli({ u"kill"_s, u"dev"_s, u"--id"_s, u"5"_s, u"--query"_s, u"--connection"_s, u"--yes"_s })
            .exitCode,
        2);
    QCOMPARE(cli({ u"kill"_s, u"--id"_s, u"5"_s }).exitCode, 2); // no ENV
    const CliRun help = cli({ u"kill"_s, u"--help"_s });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--connection"));
}

QTEST_GUILESS_MAIN(TestCliKill)
#include "tst_cli_kill.moc"

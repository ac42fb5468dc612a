// tst_cli_sessions: `tidesk-cli sessions` end to end against the sandbox, as a DBA or a script
// uses it: a `mariadb` client logged in as `app` runs a marked SELECT SLEEP on uat01 and the
// table and the JSON list it (user app, command Query, a time); by default idle and the CLI's
// own sessions are hidden and --all shows idle ones; --user and --min-time filter; the demo's
// TiDB environment (catalog fixture) lists the same session with its INSTANCE; unknown
// environment, bad options, a refused port and a wrong password give the documented exit
// status and a clear message.
#include "CliRunner.h"
#include "SandboxEnv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;

using TiDesk::Test::CliRun;

class TestCliSessions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void jsonListsTheAppQuery();
    void textTable();
    void filters();
    void tidbEnvironmentShowsInstance();
    void errors();

private:
    CliRun cli(const QStringList &args, const QByteArray &stdinData = {});
    // Runs `sessions ENV --json ...` until a row's info contains the marker (or ~20 s).
    QJsonObject waitForMarker(const QString &env, const QStringList &extra = {});
    QString tidbEnv() const { return m_sandbox.value(u"DEMO_TIDB_ENV"_s); }

    TiDesk::Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;
    const QString m_vaultPass = u"vault-pass-CliSessions-1"_s;
    QString m_marker;
    QProcess m_sleeper; // SELECT SLEEP as app
    QProcess m_idle; // a connected, idle app session
};

CliRun TestCliSessions::cli(const QStringList &args, const QByteArray &stdinData)
{
    return TiDesk::Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass, args,
                                stdinData);
}

QJsonObject TestCliSessions::waitForMarker(const QString &env, const QStringList &extra)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        const CliRun r = cli(QStringList { u"sessions"_s, env, u"--json"_s } + extra);
        if (r.exitCode != 0) {
            qWarning("sessions %s: exit %d: %s", qPrintable(env), r.exitCode, r.err.constData());
            return {};
        }
        for (const QJsonValue &v : r.document().array())
            if (v.toObject().value(u"info"_s).toString().contains(m_marker))
                return v.toObject();
        QTest::qWait(500);
    }
    return {};
}

void TestCliSessions::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_home.isValid());
    qputenv("TIDESK_TIDB_CATALOG_SCHEMA", m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s).toUtf8());
    CliRun r = cli({ u"env"_s, u"import"_s, m_sandbox.value(u"DEMO_INVENTORY"_s) });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const QString &name : QStringList { u"uat01"_s, tidbEnv() }) {
        r = cli({ u"env"_s, u"set-password"_s, name, u"--password-stdin"_s },
                (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // The application's client, as user app (password from sandbox.env, in a 0600 option file).
    const QString cnf = m_home.filePath(u"app.cnf"_s);
    QFile f(cnf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QStringLiteral("[client]\nhost=127.0.0.1\nport=%1\nuser=%2\npassword=%3\n")
                .arg(m_sandbox.mariadbPort(u"uat01"_s))
                .arg(m_sandbox.value(u"APP_USER"_s), m_sandbox.value(u"APP_PASSWORD"_s))
                .toUtf8());
    f.close();
    m_marker = u"tst_cli_sessions "_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    // --comments: the client strips comments otherwise, and the marker is one.
    m_sleeper.start(u"mariadb"_s,
                    { u"--defaults-file="_s + cnf, u"--batch"_s, u"--comments"_s, u"-e"_s,
                      u"SELECT SLEEP(60) /* "_s + m_marker + u" */"_s });
    QVERIFY(m_sleeper.waitForStarted());
    m_idle.start(u"mariadb"_s, { u"--defaults-file="_s + cnf, u"--batch"_s });
    QVERIFY(m_idle.waitForStarted()); // stdin stays open: connected and idle
    QVERIFY2(!m_sleeper.waitForFinished(1000), m_sleeper.readAllStandardError().constData());
}

void TestCliSessions::cleanupTestCase()
{
    for (QProcess *p : { &m_sleeper, &m_idle }) {
        p->kill();
        p->waitForFinished();
    }
}

void TestCliSessions::jsonListsTheAppQuery()
{
    const QJsonObject row = waitForMarker(u"uat01"_s);
    QVERIFY2(!row.isEmpty(), "the app's SELECT SLEEP is not listed");
    QCOMPARE(row.value(u"user"_s).toString(), m_sandbox.value(u"APP_USER"_s));
    QCOMPARE(row.value(u"command"_s).toString(), u"Query"_s);
    QVERIFY(row.value(u"id"_s).toDouble() > 0);
    QVERIFY(row.value(u"time_ms"_s).toDouble() >= 0);
    QVERIFY(row.value(u"instance"_s).isNull()); // one MariaDB server
    QCOMPARE(row.value(u"digest"_s).toString().size(), 64);
    QCOMPARE(row.value(u"digest_source"_s).toString(), u"tidesk"_s);
    QVERIFY(row.value(u"mem_bytes"_s).toDouble() > 0); // MariaDB MEMORY_USED
    QVERIFY(row.value(u"disk_bytes"_s).isNull());
    QCOMPARE(row.value(u"sleeping"_s).toBool(), false);
    for (const QString &key : { u"host"_s, u"db"_s, u"state"_s, u"query_id"_s, u"system"_s })
        QVERIFY2(row.contains(key), qPrintable(key));

    // The time grows: a second read later shows a longer time for the same session.
    QTest::qWait(1500);
    const QJsonObject again = waitForMarker(u"uat01"_s);
    QCOMPARE(again.value(u"id"_s), row.value(u"id"_s));
    QVERIFY(again.value(u"time_ms"_s).toDouble() >= row.value(u"time_ms"_s).toDouble() + 1000);

    // Default: no idle, no system, not the CLI's own read.
    const CliRun r = cli({ u"sessions"_s, u"uat01"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.document().array().isEmpty());
    for (const QJsonValue &v : r.document().array()) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.value(u"command"_s).toString() != u"Sleep"_s);
        QVERIFY(!o.value(u"system"_s).toBool());
        QVERIFY2(!o.value(u"info"_s).toString().contains(u"information_schema.PROCESSLIST"_s),
                 "the CLI lists its own read");
    }
}

void TestCliSessions::textTable()
{
    QVERIFY(!waitForMarker(u"uat01"_s).isEmpty());
    const CliRun r = cli({ u"sessions"_s, u"uat01"_s });
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 2);
    QVERIFY2(lines.first().startsWith(u"ID"_s), qPrintable(lines.first())); // no INSTANCE
    for (const QString &h :
         { u"USER"_s, u"COMMAND"_s, u"TIME"_s, u"STATE"_s, u"MEM"_s, u"STATEMENT"_s })
        QVERIFY2(lines.first().contains(h), qPrintable(h));
    const auto it = std::find_if(lines.cbegin(), lines.cend(),
                                 [&](const QString &l) { return l.contains(m_marker); });
    QVERIFY(it != lines.cend());
    QVERIFY(it->contains(u" Query "_s));
    QVERIFY(it->contains(u"SELECT SLEEP(60)"_s));
    // Statements are cut to one short line.
    for (const QString &l : lines)
        QVERIFY2(l.size() < 240, qPrintable(l));
    QVERIFY(r.err.contains(" sessions of uat01 shown"));
}

void TestCliSessions::filters()
{
    const QString app = m_sandbox.value(u"APP_USER"_s);
    // --all shows idle sessions (the idle `app` client at least).
    CliRun r = cli({ u"sessions"_s, u"uat01"_s, u"--json"_s, u"--all"_s, u"--user"_s, app });
    QCOMPARE(r.exitCode, 0);
    const QJsonArray all = r.document().array();
    QVERIFY(std::any_of(all.cbegin(), all.cend(), [](const QJsonValue &v) {
        return v.toObject().value(u"command"_s).toString() == u"Sleep"_s;
    }));
    for (const QJsonValue &v : all)
        QCOMPARE(v.toObject().value(u"user"_s).toString(), app);
    // Another user: none of app's sessions.
    r = cli({ u"sessions"_s, u"uat01"_s, u"--json"_s, u"--all"_s, u"--user"_s, u"nobody"_s });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.document().isArray());
    QCOMPARE(r.document().array().size(), 0);
    // --min-time: the SLEEP(60) has not run for an hour.
    QVERIFY(!waitForMarker(u"uat01"_s).isEmpty());
    r = cli({ u"sessions"_s, u"uat01"_s, u"--json"_s, u"--min-time"_s, u"3600"_s });
    QCOMPARE(r.exitCode, 0);
    for (const QJsonValue &v : r.document().array())
        QVERIFY(!v.toObject().value(u"info"_s).toString().contains(m_marker));
    QVERIFY(!waitForMarker(u"uat01"_s, { u"--min-time"_s, u"0.5"_s }).isEmpty());
}

void TestCliSessions::tidbEnvironmentShowsInstance()
{
    const QJsonObject row = waitForMarker(tidbEnv());
    QVERIFY2(!row.isEmpty(), "the app's SELECT SLEEP is not listed on the TiDB environment");
    const qint64 id = qint64(row.value(u"id"_s).toDouble());
    QCOMPARE(row.value(u"instance"_s).toString(),
             id % 2 == 0 ? u"10.0.1.4:10080"_s : u"10.0.1.5:10080"_s);
    QCOMPARE(row.value(u"user"_s).toString(), m_sandbox.value(u"APP_USER"_s));
    QCOMPARE(row.value(u"command"_s).toString(), u"Query"_s);
    QCOMPARE(row.value(u"digest_source"_s).toString(), u"server"_s);
    const CliRun r = cli({ u"sessions"_s, tidbEnv() });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("INSTANCE"), r.out.left(200).constData());
}

void TestCliSessions::errors()
{
    CliRun r = cli({ u"sessions"_s, u"no-such-env"_s });
    QCOMPARE(r.exitCode, 3);
    r = cli({ u"sessions"_s });
    QCOMPARE(r.exitCode, 2);
    r = cli({ u"sessions"_s, u"uat01"_s, u"--min-time"_s, u"soon"_s });
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--min-time"));

    r = cli({ u"env"_s, u"add"_s, u"zz-refused"_s, u"--tier"_s, u"dev"_s, u"--host"_s,
              u"127.0.0.1:1"_s, u"--user"_s, u"nobody"_s, u"--connect-timeout-ms"_s, u"2000"_s });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({ u"sessions"_s, u"zz-refused"_s });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Cannot read the sessions of zz-refused"), r.err.constData());
    r = cli({ u"sessions"_s, u"zz-refused"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"kind"_s).toString(), u"connection"_s);

    r = cli({ u"env"_s, u"add"_s, u"zz-wrongpw"_s, u"--tier"_s, u"dev"_s, u"--host"_s,
              u"127.0.0.1:"_s + QString::number(m_sandbox.mariadbPort(u"uat01"_s)), u"--user"_s,
              m_sandbox.adminUser(), u"--password-stdin"_s },
            "certainly-wrong\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({ u"sessions"_s, u"zz-wrongpw"_s, u"--json"_s });
    QCOMPARE(r.exitCode, 1);
    const QJsonObject err = r.json().value(u"error"_s).toObject();
    QCOMPARE(err.value(u"kind"_s).toString(), u"auth"_s);
    QCOMPARE(err.value(u"code"_s).toInt(), 1045);
    QVERIFY(!r.both().contains("certainly-wrong"));
}

QTEST_GUILESS_MAIN(TestCliSessions)
#include "tst_cli_sessions.moc"

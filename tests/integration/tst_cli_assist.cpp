// tst_cli_assist: the expert session across two processes - `tidesk-cli assist host` (the DBA,
// answering on its stdin like a terminal would) and `tidesk-cli assist join` (the expert, its
// own SSH key, no inventory and no secrets) - through the sandbox sshd as the relay, with real
// MariaDB behind the host (issue 7):
//  - the host prints the code, the expert joins with it, both print the same short code; the
//    host lets the expert in by answering "y";
//  - read-only SQL on dev is auto-approved: the expert prints the rows and exits 0;
//  - an UPDATE waits: the table is unchanged while the question is open; "y" runs it;
//  - "n" rejects: the expert exits 1 with "rejected"; nothing ran;
//  - prod needs the typed name: "y" is not enough (rejected), "prod" approves;
//  - bad input: a malformed code (exit 3, nothing connects), a code nobody listens on (exit 1,
//    a clear message), an unknown environment to share (exit 3).
// FAILS without the sandbox.
#include "CliRunner.h"
#include "SandboxEnv.h"

#include "assist/SessionCode.h"
#include "sql/SqlConnection.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

// A tidesk-cli process read line by line (--json: one event per line).
class CliProcess
{
public:
    CliProcess(const QString &home, const QString &vaultPass, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TIDESK_HOME"_s, home);
        env.insert(u"TIDESK_VAULT_PASSPHRASE"_s, vaultPass);
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(TIDESK_CLI_BINARY),
                        QStringList { u"--secrets"_s, u"vault"_s } + args);
    }
    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    // The next JSON event whose "event" is `name` (earlier ones are kept in events()).
    std::optional<QJsonObject> waitEvent(const QString &name, int timeoutMs = 20000)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            for (qsizetype i = m_consumed; i < m_events.size(); ++i)
                if (m_events.at(i).value(u"event"_s).toString() == name) {
                    m_consumed = i + 1;
                    return m_events.at(i);
                }
            if (t.elapsed() > timeoutMs)
                return std::nullopt;
            if (!m_process.waitForReadyRead(200) && m_process.state() == QProcess::NotRunning) {
                readLines();
                bool found = false;
                for (qsizetype i = m_consumed; i < m_events.size(); ++i)
                    found = found || m_events.at(i).value(u"event"_s).toString() == name;
                if (!found)
                    return std::nullopt;
            }
            readLines();
        }
    }
    // Waits until stderr (questions, progress) contains `needle`.
    bool waitStderr(const QByteArray &needle, int timeoutMs = 20000)
    {
        QElapsedTimer t;
        t.start();
        while (!stderrText().contains(needle)) {
            if (t.elapsed() > timeoutMs || m_process.state() == QProcess::NotRunning)
                return stderrText().contains(needle);
            m_process.waitForReadyRead(100);
            readLines();
        }
        return true;
    }
    void write(const QByteArray &line)
    {
        m_process.write(line + '\n');
        m_process.waitForBytesWritten(2000);
    }
    int finish(int timeoutMs = 20000)
    {
        if (!m_process.waitForFinished(timeoutMs))
            return -1;
        readLines();
        m_err += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QByteArray stderrText()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }
    QList<QJsonObject> events()
    {
        readLines();
        return m_events;
    }

private:
    void readLines()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype nl = 0;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 1);
            const QJsonDocument d = QJsonDocument::fromJson(line);
            if (d.isObject())
                m_events << d.object();
        }
    }

    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_err;
    QList<QJsonObject> m_events;
    qsizetype m_consumed = 0;
};

} // namespace

class TestCliAssist : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void autoApprovedReadAcrossProcesses();
    void writeWaitsForTheDba();
    void rejectedProposalRunsNothing();
    void productionNeedsTheTypedName();
    void backupProposalRunsAfterApproval();
    void sessionLogsVerifyAndExport();
    void badInput();

private:
    QStringList hostArgs(const QString &share = u"dev,prod"_s) const;
    QStringList joinArgs(const QString &code, const QString &env, const QString &sql) const;
    QString flag();
    bool setFlag(int v);
    // Starts a host, waits for its code; joins an expert with --run; lets the expert in.
    struct Session
    {
        std::unique_ptr<CliProcess> host;
        std::unique_ptr<CliProcess> expert;
    };
    void open(Session &s, const QString &env, const QString &sql);

    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;
    const QString m_vaultPass = u"vault-pass-CliAssist-1"_s;
};

QStringList TestCliAssist::hostArgs(const QString &share) const
{
    return { u"--json"_s,
             u"assist"_s,
             u"host"_s,
             u"--relay"_s,
             m_sandbox.value(u"SSH_USER"_s) + u"@127.0.0.1:"_s + m_sandbox.value(u"SSHD_PORT"_s),
             u"--key"_s,
             m_sandbox.value(u"SSH_USER_KEY"_s),
             u"--known-hosts"_s,
             m_sandbox.value(u"SSH_KNOWN_HOSTS"_s),
             u"--share"_s,
             share,
             u"--auto-approve-readonly"_s };
}

QStringList TestCliAssist::joinArgs(const QString &code, const QString &env,
                                    const QString &sql) const
{
    return { u"--json"_s,        u"assist"_s,
             u"join"_s,          code,
             u"--key"_s,         m_sandbox.value(u"SSH_USER_KEY"_s),
             u"--known-hosts"_s, m_sandbox.value(u"SSH_KNOWN_HOSTS"_s),
             u"--name"_s,        u"Ada Expert"_s,
             u"--env"_s,         env,
             u"--run"_s,         sql,
             u"--wait-s"_s,      u"30"_s };
}

QString TestCliAssist::flag()
{
    SqlConnection c;
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(u"dev"_s);
    p.user = m_sandbox.adminUser();
    p.password = m_sandbox.adminPassword();
    if (!c.open(p).ok())
        return u"<no connection>"_s;
    const Result<QueryResult> r = c.query(u"SELECT v FROM tidesk_cli_assist.flags WHERE id = 1"_s);
    return r && !r->rows.isEmpty() ? r->rows.first().value(0).toString() : u"<no row>"_s;
}

bool TestCliAssist::setFlag(int v)
{
    SqlConnection c;
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(u"dev"_s);
    p.user = m_sandbox.adminUser();
    p.password = m_sandbox.adminPassword();
    if (!c.open(p).ok())
        return false;
    return c.query(u"CREATE DATABASE IF NOT EXISTS tidesk_cli_assist"_s).ok()
        && c.query(u"CREATE OR REPLACE TABLE tidesk_cli_assist.flags (id INT PRIMARY KEY, v INT)"_s)
               .ok()
        && c.query(u"INSERT INTO tidesk_cli_assist.flags VALUES (1, %1)"_s.arg(v)).ok();
}

void TestCliAssist::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_home.isValid());
    SqlConnection::initDriver();
    Test::CliRun r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass,
                                  { u"env"_s, u"import"_s, m_sandbox.value(u"DEMO_INVENTORY"_s) });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const QString &name : { u"dev"_s, u"prod"_s }) {
        r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass,
                         { u"env"_s, u"set-password"_s, name, u"--password-stdin"_s },
                         (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
}

void TestCliAssist::open(Session &s, const QString &env, const QString &sql)
{
    s.host = std::make_unique<CliProcess>(m_home.path(), m_vaultPass, hostArgs());
    const std::optional<QJsonObject> code = s.host->waitEvent(u"code"_s);
    QVERIFY2(code.has_value(), s.host->stderrText().constData());
    QVERIFY(QFile::exists(code->value(u"audit_log"_s).toString())
            || !code->value(u"audit_log"_s).toString().isEmpty());
    s.expert = std::make_unique<CliProcess>(m_home.path(), QString(),
                                            joinArgs(code->value(u"code"_s).toString(), env, sql));
    const std::optional<QJsonObject> waiting = s.host->waitEvent(u"expert"_s);
    if (!waiting) {
        QByteArray seen;
        for (const QJsonObject &e : s.expert->events())
            seen += QJsonDocument(e).toJson(QJsonDocument::Compact) + '\n';
        for (const QJsonObject &e : s.host->events())
            seen += QJsonDocument(e).toJson(QJsonDocument::Compact) + '\n';
        QVERIFY2(false,
                 QByteArray(s.host->stderrText() + s.expert->stderrText() + seen).constData());
    }
    QCOMPARE(waiting->value(u"name"_s).toString(), u"Ada Expert"_s);
    QVERIFY(waiting->value(u"key_fingerprint"_s).toString().startsWith(u"SHA256:"_s));
    const std::optional<QJsonObject> secure = s.expert->waitEvent(u"secure"_s);
    QVERIFY(secure.has_value());
    QCOMPARE(secure->value(u"sas"_s).toString(), waiting->value(u"sas"_s).toString());
    QVERIFY(s.host->waitStderr("Let them in?"));
    s.host->write("y");
    QVERIFY(s.host->waitEvent(u"accepted"_s).has_value());
    QVERIFY(s.expert->waitEvent(u"welcome"_s).has_value());
}

void TestCliAssist::autoApprovedReadAcrossProcesses()
{
    QVERIFY(setFlag(10));
    Session s;
    open(s, u"dev"_s, u"SELECT id, v FROM tidesk_cli_assist.flags"_s);
    const std::optional<QJsonObject> result = s.expert->waitEvent(u"result"_s);
    QVERIFY2(result.has_value(), s.expert->stderrText().constData());
    QVERIFY(result->value(u"ok"_s).toBool());
    QCOMPARE(result->value(u"rows"_s).toArray().at(0).toArray().at(1).toString(), u"10"_s);
    QCOMPARE(s.expert->finish(), 0);
    // The host saw the auto-approval, then the expert leave.
    const std::optional<QJsonObject> auto_ = s.host->waitEvent(u"status"_s);
    QVERIFY(auto_.has_value());
    const std::optional<QJsonObject> ended = s.host->waitEvent(u"ended"_s);
    QVERIFY(ended.has_value());
    QCOMPARE(ended->value(u"message"_s).toString(), u"The expert ended the session."_s);
    bool sawAuto = false;
    for (const QJsonObject &e : s.host->events())
        sawAuto = sawAuto || e.value(u"status"_s).toString() == u"auto-approved"_s;
    QVERIFY(sawAuto);
    QCOMPARE(s.host->finish(), 0);
}

void TestCliAssist::writeWaitsForTheDba()
{
    QVERIFY(setFlag(10));
    Session s;
    open(s, u"dev"_s, u"UPDATE tidesk_cli_assist.flags SET v = 12 WHERE id = 1"_s);
    const std::optional<QJsonObject> card = s.host->waitEvent(u"proposal"_s);
    QVERIFY2(card.has_value(), s.host->stderrText().constData());
    QCOMPARE(card->value(u"statement"_s).toString(),
             u"UPDATE tidesk_cli_assist.flags SET v = 12 WHERE id = 1"_s);
    QVERIFY(!card->value(u"read_only"_s).toBool());
    QCOMPARE(card->value(u"env"_s).toString(), u"dev"_s);
    QTest::qWait(500);
    QCOMPARE(flag(), u"10"_s); // nothing ran before the DBA's answer
    QVERIFY(s.host->waitStderr("Approve #1 on dev?"));
    s.host->write("y");
    const std::optional<QJsonObject> result = s.expert->waitEvent(u"result"_s);
    QVERIFY2(result.has_value(),
             QByteArray(s.host->stderrText() + s.expert->stderrText()).constData());
    QVERIFY(result->value(u"ok"_s).toBool());
    QCOMPARE(result->value(u"affected_rows"_s).toInt(), 1);
    QCOMPARE(s.expert->finish(), 0);
    QCOMPARE(flag(), u"12"_s);
    QCOMPARE(s.host->finish(), 0);
}

void TestCliAssist::rejectedProposalRunsNothing()
{
    QVERIFY(setFlag(10));
    Session s;
    open(s, u"dev"_s, u"DELETE FROM tidesk_cli_assist.flags"_s);
    QVERIFY(s.host->waitEvent(u"proposal"_s).has_value());
    s.host->write("n");
    QCOMPARE(s.expert->finish(), 1);
    bool sawRejected = false;
    for (const QJsonObject &e : s.expert->events())
        sawRejected = sawRejected || e.value(u"status"_s).toString() == u"rejected"_s;
    QVERIFY(sawRejected);
    QCOMPARE(flag(), u"10"_s);
    QCOMPARE(s.host->finish(), 0);
}

void TestCliAssist::productionNeedsTheTypedName()
{
    {
        Session s;
        open(s, u"prod"_s, u"SELECT 1 AS ok"_s);
        const std::optional<QJsonObject> card = s.host->waitEvent(u"proposal"_s);
        QVERIFY(card.has_value()); // read-only, but production: never auto-approved
        QCOMPARE(card->value(u"tier"_s).toString(), u"prod"_s);
        QVERIFY(s.host->waitStderr("Type prod to approve"));
        s.host->write("y");
        QCOMPARE(s.expert->finish(), 1);
        QCOMPARE(s.host->finish(), 0);
    }
    Session s;
    open(s, u"prod"_s, u"SELECT 1 AS ok"_s);
    QVERIFY(s.host->waitEvent(u"proposal"_s).has_value());
    s.host->write("prod");
    const std::optional<QJsonObject> result = s.expert->waitEvent(u"result"_s);
    QVERIFY(result.has_value());
    QCOMPARE(result->value(u"rows"_s).toArray().at(0).toArray().at(0).toString(), u"1"_s);
    QCOMPARE(s.expert->finish(), 0);
    QCOMPARE(s.host->finish(), 0);
}

void TestCliAssist::backupProposalRunsAfterApproval()
{
    QVERIFY(setFlag(10));
    // A local environment (no SSH host): the backup job runs on the host's machine, into the
    // test's TIDESK_HOME.
    Test::CliRun r = Test::runCli(
        QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass,
        { u"env"_s, u"add"_s, u"dev-a"_s, u"--tier"_s, u"dev"_s, u"--host"_s,
          u"127.0.0.1:"_s + QString::number(m_sandbox.mariadbPort(u"dev"_s)), u"--user"_s,
          m_sandbox.adminUser(), u"--tls-mode"_s, u"disabled"_s, u"--password-stdin"_s },
        (m_sandbox.adminPassword() + u'\n').toUtf8());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    Session s;
    s.host = std::make_unique<CliProcess>(m_home.path(), m_vaultPass, hostArgs(u"dev-a"_s));
    const std::optional<QJsonObject> code = s.host->waitEvent(u"code"_s);
    QVERIFY2(code.has_value(), s.host->stderrText().constData());
    QStringList args = joinArgs(code->value(u"code"_s).toString(), u"dev-a"_s, QString());
    const qsizetype run = args.indexOf(u"--run"_s);
    args.remove(run, 2);
    args << u"--backup"_s << u"logical"_s << u"--databases"_s << u"tidesk_cli_assist"_s;
    s.expert = std::make_unique<CliProcess>(m_home.path(), QString(), args);
    QVERIFY(s.host->waitEvent(u"expert"_s).has_value());
    QVERIFY(s.host->waitStderr("Let them in?"));
    s.host->write("y");
    const std::optional<QJsonObject> card = s.host->waitEvent(u"proposal"_s);
    QVERIFY2(card.has_value(), s.host->stderrText().constData());
    QCOMPARE(card->value(u"action"_s).toString(), u"backup"_s);
    QVERIFY2(card->value(u"statement"_s).toString().contains(u"mariadb-dump"_s),
             qPrintable(card->value(u"statement"_s).toString()));
    QVERIFY(!card->value(u"read_only"_s).toBool()); // never auto-approved
    QVERIFY(s.host->waitStderr("Approve #1 on dev-a?"));
    s.host->write("y");
    const std::optional<QJsonObject> result = s.expert->waitEvent(u"result"_s, 120000);
    QVERIFY2(result.has_value(), s.expert->stderrText().constData());
    QVERIFY2(result->value(u"ok"_s).toBool(), qPrintable(result->value(u"message"_s).toString()));
    QVERIFY(result->value(u"message"_s).toString().contains(u"succeeded"_s));
    QCOMPARE(s.expert->finish(), 0);
    QCOMPARE(s.host->finish(), 0);
    // The job is in the backup history like any other.
    r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass,
                     { u"--json"_s, u"backup"_s, u"list"_s, u"dev-a"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    QVERIFY2(r.out.contains("succeeded"), r.out.constData());
}

void TestCliAssist::sessionLogsVerifyAndExport()
{
    // The sessions above left their logs in TIDESK_HOME's assist/.
    Test::CliRun r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), QString(),
                                  { u"--json"_s, u"assist"_s, u"log"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QJsonArray logs = r.json().value(u"logs"_s).toArray();
    QVERIFY(logs.size() >= 4);
    for (const QJsonValue &l : logs)
        QVERIFY2(l.toObject().value(u"ok"_s).toBool(),
                 qPrintable(l.toObject().value(u"reason"_s).toString()));
    const QString file = logs.first().toObject().value(u"file"_s).toString();
    r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), QString(),
                     { u"--json"_s, u"assist"_s, u"log"_s, u"show"_s, file });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("accepted the expert Ada Expert"));
    QVERIFY(r.out.contains("session ended"));
    // Export, then edit the original: verification names the line.
    const QString copy = m_home.filePath(u"exported.jsonl"_s);
    r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), QString(),
                     { u"assist"_s, u"log"_s, u"export"_s, file, u"--to"_s, copy });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    QVERIFY(QFile::exists(copy));
    QVERIFY(QFile::exists(copy + u".verification.json"_s));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    QVERIFY(bytes.contains("accepted the expert"));
    bytes.replace("accepted the expert", "accepted the EXPERT");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();
    r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), QString(),
                     { u"--json"_s, u"assist"_s, u"log"_s, u"verify"_s, file });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"problem"_s).toString(), u"edited"_s);
    QVERIFY(r.json().value(u"broken_line"_s).toInt() > 1);
    // The export kept the intact copy.
    r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), QString(),
                     { u"assist"_s, u"log"_s, u"verify"_s, copy });
    QCOMPARE(r.exitCode, 0);
}

void TestCliAssist::badInput()
{
    // A malformed code: refused before any connection.
    Test::CliRun r = Test::runCli(
        QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), QString(),
        joinArgs(u"root@127.0.0.1:22/1/ABCDE-FGHJK-Z/1200Z"_s, u"dev"_s, u"SELECT 1"_s));
    QCOMPARE(r.exitCode, 3);
    QVERIFY(!r.out.isEmpty() || !r.err.isEmpty());
    // A well-formed code nobody listens on.
    const Result<SessionCode> nobody
        = SessionCode::generate(m_sandbox.value(u"SSH_USER"_s), u"127.0.0.1"_s,
                                quint16(m_sandbox.value(u"SSHD_PORT"_s).toInt()), 1,
                                std::chrono::minutes(10), QDateTime::currentDateTimeUtc());
    QVERIFY(nobody.ok());
    r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), QString(),
                     joinArgs(nobody->toText(), u"dev"_s, u"SELECT 1"_s));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.both().contains("listen"), r.both().constData());
    // An unknown environment to share.
    r = Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass,
                     hostArgs(u"dev,nosuchenv"_s));
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.both().contains("nosuchenv"));
}

QTEST_GUILESS_MAIN(TestCliAssist)
#include "tst_cli_assist.moc"

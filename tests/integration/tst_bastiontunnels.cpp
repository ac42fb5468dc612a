// BastionTunnels against real servers: the sandbox's OpenSSH bastion in front of the sandbox's
// MariaDB `prod`, plus private sshd instances this test owns (host key changes, sshd killed in
// the middle of a query). Everything the SQL layer does through a bastion is exercised for real:
// checkEnvironment(), SqlConnection and SqlWorker dial the local end of an SSH tunnel.
// Blocking calls (route, connect) run on pool threads while the test thread pumps events, like
// the GUI does.
#include "HostKeyCheck.h"
#include "PrivateSshd.h"
#include "SandboxBastion.h"
#include "SandboxEnv.h"
#include "SshTestSupport.h"
#include "sql/ActivityLog.h"
#include "sql/ConnectParams.h"
#include "sql/EnvironmentCheck.h"
#include "sql/SqlConnection.h"
#include "sql/SqlWorker.h"
#include "tunnel/BastionTunnels.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

// Waits for a future while the test thread keeps processing events (queued signals).
template<typename T>
T await(QFuture<T> future, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!future.isFinished() && t.elapsed() < timeoutMs)
        QTest::qWait(5);
    if (!future.isFinished())
        qFatal("future did not finish within %d ms", timeoutMs);
    return future.result();
}

} // namespace

class TestBastionTunnels : public QObject
{
    Q_OBJECT

private:
    Test::SandboxEnv m_env;
    QTemporaryDir m_tmp;

    Environment prodEnv(const QString &knownHosts = {}) const
    {
        return Test::prodBehindBastion(m_env, u"prod"_s, knownHosts);
    }

    static BastionTunnels::Options options(HostKeyPolicy policy)
    {
        BastionTunnels::Options o;
        o.hostKeyPolicy = policy;
        o.sshConfigPath
            = u"/nonexistent/ssh_config"_s; // the developer's ~/.ssh/config stays out of it
        return o;
    }

    CheckResult check(BastionTunnels &tunnels, const Environment &env,
                      const QString &sshSecret = {}, ActivityLog *log = nullptr)
    {
        const QString pw = m_env.adminPassword();
        SshRoute route { sshSecret, &tunnels };
        return await(QtConcurrent::run(
            [env, pw, route, log] { return checkEnvironment(env, pw, log, route); }));
    }

    QString tmpFile(const QString &name) const { return m_tmp.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_env.isValid(), qPrintable(m_env.error()));
        QVERIFY(m_tmp.isValid());
        qRegisterMetaType<QueryResult>();
        SqlConnection::initDriver();
    }

    void checkThroughBastion()
    {
        BastionTunnels tunnels(options(HostKeyPolicy::Strict));
        ActivityLog log;
        const CheckResult r = check(tunnels, prodEnv(), {}, &log);
        QVERIFY2(r.reachable, qPrintable(r.error.toString()));
        QVERIFY(r.viaSsh);
        QCOMPARE(r.via, u"ssh root@127.0.0.1:%1"_s.arg(m_env.value(u"SSHD_PORT"_s)));
        QCOMPARE(r.engine.engine, Engine::MariaDB);
        QCOMPARE(r.endpoint,
                 u"127.0.0.1:%1"_s.arg(
                     m_env.mariadbPort(u"prod"_s))); // the real target, not the tunnel port
        QCOMPARE(tunnels.sessionCount(), 1);
        const QJsonObject o = QJsonDocument::fromJson(r.toJson()).object();
        QCOMPARE(o.value(u"via_ssh"_s).toBool(), true);
        QCOMPARE(o.value(u"via"_s).toString(), r.via);
        // The activity log names the route; the statements are the ones sent through it.
        bool sawVia = false;
        for (const ActivityEntry &e : log.entries())
            sawVia = sawVia || e.endpoint.contains(u" via ssh root@127.0.0.1:"_s);
        QVERIFY(sawVia);
    }

    void queriesThroughTheTunnel()
    {
        BastionTunnels tunnels(options(HostKeyPolicy::Strict));
        const Environment env = prodEnv();
        ConnectParams p = ConnectParams::fromEnvironment(env, m_env.adminPassword());
        p.router = &tunnels;
        auto run = QtConcurrent::run([p]() -> QString {
            SqlConnection c;
            if (const VoidResult o = c.open(p); !o)
                return o.error().toString();
            // TLS inside the tunnel: verify_ca still checks the server certificate end to end.
            auto cipher = c.query(u"SHOW SESSION STATUS LIKE 'Ssl_cipher'"_s);
            if (!cipher || cipher->value(0, u"Value"_s).toString().isEmpty())
                return u"no TLS through the tunnel"_s;
            auto rows = c.query(u"SELECT seq FROM mysql.seq_1_to_20000"_s);
            if (!rows)
                return rows.error().toString();
            if (rows->rows.size() != 20000 || rows->value(19999, u"seq"_s).toLongLong() != 20000)
                return u"wrong rows: %1"_s.arg(rows->rows.size());
            return {};
        });
        const QString problem = await(run);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void environmentsShareOneSession()
    {
        BastionTunnels tunnels(options(HostKeyPolicy::Strict));
        Environment a = prodEnv();
        Environment b = prodEnv();
        b.name = u"uat01-via-bastion"_s;
        b.endpoints = { SqlEndpoint { u"127.0.0.1"_s, m_env.mariadbPort(u"uat01"_s), {} } };
        const QString pw = m_env.adminPassword();
        SshRoute route { {}, &tunnels };
        auto fa
            = QtConcurrent::run([a, pw, route] { return checkEnvironment(a, pw, nullptr, route); });
        auto fb
            = QtConcurrent::run([b, pw, route] { return checkEnvironment(b, pw, nullptr, route); });
        const CheckResult ra = await(fa);
        const CheckResult rb = await(fb);
        QVERIFY2(ra.reachable, qPrintable(ra.error.toString()));
        QVERIFY2(rb.reachable, qPrintable(rb.error.toString()));
        QCOMPARE(tunnels.sessionCount(), 1); // two targets, one SSH connection
    }

    void unknownHostStrictIsRefused()
    {
        const QString kh = tmpFile(u"strict_known_hosts"_s);
        QFile::remove(kh);
        BastionTunnels tunnels(options(HostKeyPolicy::Strict));
        const CheckResult r = check(tunnels, prodEnv(kh));
        QVERIFY(!r.reachable);
        QCOMPARE(r.error.kind, ErrorKind::HostKey);
        QCOMPARE(r.error.code, int(HostKeyCheck::UnknownHost));
        QVERIFY2(r.error.message.contains(u"SHA256:"_s), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(u"bastion"_s), qPrintable(r.error.message));
        QVERIFY(!QFile::exists(kh)); // nothing trusted behind the DBA's back
    }

    void unknownHostAcceptNewStoresKey()
    {
        const QString kh = tmpFile(u"tofu_known_hosts"_s);
        QFile::remove(kh);
        BastionTunnels tunnels(options(HostKeyPolicy::AcceptNew));
        const CheckResult r = check(tunnels, prodEnv(kh));
        QVERIFY2(r.reachable, qPrintable(r.error.toString()));
        QFile f(kh);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray stored = f.readAll();
        const QByteArray expected = QByteArray("[127.0.0.1]:")
            + m_env.value(u"SSHD_PORT"_s).toUtf8() + QByteArray(" ssh-ed25519 ");
        QVERIFY2(stored.contains(expected), stored.constData());
    }

    void askPolicyWaitsForTheAnswer_data()
    {
        QTest::addColumn<bool>("accept");
        QTest::addColumn<bool>("remember");
        QTest::newRow("trust and remember") << true << true;
        QTest::newRow("trust once") << true << false;
        QTest::newRow("reject") << false << false;
    }

    void askPolicyWaitsForTheAnswer()
    {
        QFETCH(bool, accept);
        QFETCH(bool, remember);
        const QString kh = tmpFile(u"ask_known_hosts"_s);
        QFile::remove(kh);
        BastionTunnels tunnels(options(HostKeyPolicy::Ask));
        QList<HostKeyQuestion> questions;
        connect(&tunnels, &BastionTunnels::hostKeyQuestion, this,
                [&](const HostKeyQuestion &q) { questions << q; });
        const Environment env = prodEnv(kh);
        const QString pw = m_env.adminPassword();
        SshRoute route { {}, &tunnels };
        auto f = QtConcurrent::run(
            [env, pw, route] { return checkEnvironment(env, pw, nullptr, route); });
        QTRY_COMPARE_WITH_TIMEOUT(questions.size(), 1, 10000);
        const HostKeyQuestion q = questions.first();
        QVERIFY(q.id != 0);
        QCOMPARE(q.keyType, u"ssh-ed25519"_s);
        QVERIFY(q.fingerprint.startsWith(u"SHA256:"_s));
        QCOMPARE(q.knownHostsFile, kh);
        QCOMPARE(q.environments, QStringList { u"prod"_s });
        QCOMPARE(q.port, m_env.value(u"SSHD_PORT"_s).toInt());
        // The check waits for the DBA, however long the connect timeout is.
        QTest::qWait(300);
        QVERIFY(!f.isFinished());
        tunnels.answerHostKey(q.id, accept, remember);
        const CheckResult r = await(f);
        QCOMPARE(r.reachable, accept);
        if (!accept) {
            QCOMPARE(r.error.kind, ErrorKind::HostKey);
            QCOMPARE(r.error.code, int(HostKeyCheck::RejectedByUser));
        }
        QCOMPARE(QFile::exists(kh), accept && remember);
        QCOMPARE(questions.size(), 1);
    }

    void askWithoutAnyoneToAskRefuses()
    {
        const QString kh = tmpFile(u"nobody_known_hosts"_s);
        QFile::remove(kh);
        BastionTunnels tunnels(options(HostKeyPolicy::Ask)); // no receiver for hostKeyQuestion
        const CheckResult r = check(tunnels, prodEnv(kh));
        QCOMPARE(r.error.kind, ErrorKind::HostKey);
    }

    void unansweredQuestionTimesOut()
    {
        const QString kh = tmpFile(u"timeout_known_hosts"_s);
        QFile::remove(kh);
        BastionTunnels::Options o = options(HostKeyPolicy::Ask);
        o.promptTimeout = std::chrono::milliseconds(500);
        BastionTunnels tunnels(o);
        int asked = 0;
        connect(&tunnels, &BastionTunnels::hostKeyQuestion, this, [&] { ++asked; });
        const CheckResult r = check(tunnels, prodEnv(kh));
        QCOMPARE(asked, 1);
        QCOMPARE(r.error.kind, ErrorKind::HostKey);
        QVERIFY(!QFile::exists(kh));
    }

    void changedHostKeyIsRefusedAsMitm()
    {
        // known_hosts holds ANOTHER ed25519 key for the bastion: whatever the policy, refuse.
        const QString kh = tmpFile(u"mitm_known_hosts"_s);
        QFile other(QStringLiteral(TIDESK_TEST_DATA_DIR "/ssh/other_ed25519.pub"));
        QVERIFY(other.open(QIODevice::ReadOnly));
        const QList<QByteArray> parts = other.readAll().split(' ');
        QFile f(kh);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QByteArray line = QByteArray("[127.0.0.1]:") + m_env.value(u"SSHD_PORT"_s).toUtf8()
            + QByteArray(" ") + parts.value(0) + QByteArray(" ") + parts.value(1).trimmed()
            + QByteArray("\n");
        f.write(line);
        f.close();
        for (HostKeyPolicy policy :
             { HostKeyPolicy::Strict, HostKeyPolicy::AcceptNew, HostKeyPolicy::Ask }) {
            BastionTunnels tunnels(options(policy));
            int asked = 0;
            connect(&tunnels, &BastionTunnels::hostKeyQuestion, this, [&] { ++asked; });
            const CheckResult r = check(tunnels, prodEnv(kh));
            QVERIFY(!r.reachable);
            QCOMPARE(r.error.kind, ErrorKind::HostKey);
            QCOMPARE(r.error.code, int(HostKeyCheck::ChangedKey));
            QVERIFY2(r.error.message.contains(u"CHANGED"_s), qPrintable(r.error.message));
            QVERIFY2(r.error.message.contains(u"man-in-the-middle"_s), qPrintable(r.error.message));
            QCOMPARE(asked, 0); // never offered to the user as if it were new
        }
    }

    void regeneratedHostKeyIsRefused()
    {
        // The bastion is trusted (first use), then its host key is regenerated - what a DBA sees
        // when a server was reinstalled, or when someone sits in the middle.
        Test::PrivateSshd sshd(Test::sandboxAuthorizedKeys(m_env));
        QVERIFY(sshd.start());
        const QString kh = tmpFile(u"regen_known_hosts"_s);
        QFile::remove(kh);
        Environment env = prodEnv(kh);
        env.ssh.port = sshd.port();
        {
            BastionTunnels tunnels(options(HostKeyPolicy::AcceptNew));
            const CheckResult first = check(tunnels, env);
            QVERIFY2(first.reachable, qPrintable(first.error.toString()));
        }
        sshd.kill();
        QVERIFY(sshd.regenerateHostKey());
        QVERIFY(sshd.start());
        BastionTunnels tunnels(options(HostKeyPolicy::AcceptNew));
        const CheckResult r = check(tunnels, env);
        QVERIFY(!r.reachable);
        QCOMPARE(r.error.kind, ErrorKind::HostKey);
        QCOMPARE(r.error.code, int(HostKeyCheck::ChangedKey));
        QVERIFY2(r.error.message.contains(u"man-in-the-middle"_s), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(u"ssh-keygen -R"_s), qPrintable(r.error.message));
        qInfo("regenerated host key: %s", qPrintable(r.error.message));
    }

    void wrongKeyIsAuthError()
    {
        BastionTunnels tunnels(options(HostKeyPolicy::Strict));
        Environment env = prodEnv();
        // A valid ed25519 key the bastion does not know: the host key of the test data set.
        const QString stranger = tmpFile(u"stranger_ed25519"_s);
        QFile::remove(stranger);
        QCOMPARE(QProcess::execute(
                     u"ssh-keygen"_s,
                     { u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, stranger }),
                 0);
        env.ssh.identityFile = stranger;
        const CheckResult r = check(tunnels, env);
        QVERIFY(!r.reachable);
        QCOMPARE(r.error.kind, ErrorKind::Auth);
        QVERIFY2(r.error.message.contains(u"SSH bastion"_s), qPrintable(r.error.message));
    }

    void passphraseProtectedKey_data()
    {
        QTest::addColumn<bool>("right");
        QTest::newRow("right passphrase") << true;
        QTest::newRow("wrong passphrase") << false;
    }

    void passphraseProtectedKey()
    {
        QFETCH(bool, right);
        BastionTunnels tunnels(options(HostKeyPolicy::Strict));
        Environment env = prodEnv();
        env.ssh.identityFile = m_env.value(u"SSH_USER_KEY_PASSPHRASE"_s);
        const QString secret
            = right ? m_env.value(u"SSH_KEY_PASSPHRASE"_s) : u"not-the-passphrase"_s;
        QtMessageHandler previous = qInstallMessageHandler(nullptr);
        ActivityLog log;
        const CheckResult r = check(tunnels, env, secret, &log);
        qInstallMessageHandler(previous);
        QCOMPARE(r.reachable, right);
        if (!right) {
            QCOMPARE(r.error.kind, ErrorKind::Auth);
            QVERIFY2(r.error.toString().contains(u"passphrase"_s), qPrintable(r.error.toString()));
        }
        // The secret never reaches the activity log or the error.
        QVERIFY(!r.error.toString().contains(secret));
        for (const ActivityEntry &e : log.entries())
            QVERIFY(!e.statement.contains(secret) && !e.result.contains(secret)
                    && !e.endpoint.contains(secret));
    }

    void bastionClosedPortFailsFast()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        BastionTunnels tunnels(options(HostKeyPolicy::Strict));
        Environment env = prodEnv();
        env.ssh.port = port;
        QElapsedTimer t;
        t.start();
        const CheckResult r = check(tunnels, env);
        QVERIFY(!r.reachable);
        QCOMPARE(r.error.kind, ErrorKind::Connection);
        QVERIFY2(r.error.message.contains(u"SSH bastion"_s), qPrintable(r.error.message));
        qInfo("closed bastion port: %s after %lld ms", qPrintable(r.error.toString()), t.elapsed());
    }

    void silentBastionTimesOut()
    {
        // Accepts TCP and never says a word: the SSH handshake must time out, not hang.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        BastionTunnels tunnels(options(HostKeyPolicy::Strict));
        Environment env = prodEnv();
        env.ssh.port = silent.serverPort();
        env.connectTimeoutMs = 1500;
        QElapsedTimer t;
        t.start();
        const CheckResult r = check(tunnels, env);
        QVERIFY(!r.reachable);
        QCOMPARE(r.error.kind, ErrorKind::Timeout);
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
        qInfo("silent bastion: %s after %lld ms", qPrintable(r.error.toString()), t.elapsed());
    }

    void targetRefusedBehindBastion()
    {
        // The bastion is fine, the database port behind it is closed: say so, naming the bastion.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int closedPort = probe.serverPort();
        probe.close();
        BastionTunnels tunnels(options(HostKeyPolicy::Strict));
        Environment env = prodEnv();
        env.endpoints = { SqlEndpoint { u"127.0.0.1"_s, closedPort, {} } };
        const CheckResult r = check(tunnels, env);
        QVERIFY(!r.reachable);
        QCOMPARE(r.error.kind, ErrorKind::Connection);
        QVERIFY2(r.error.message.contains(u"could not open the connection"_s),
                 qPrintable(r.error.message));
        QCOMPARE(tunnels.sessionCount(), 1); // the SSH session itself is still good
    }

    void sshdKilledMidQueryFailsPromptlyThenReconnects()
    {
        Test::PrivateSshd sshd(Test::sandboxAuthorizedKeys(m_env));
        QVERIFY(sshd.start());
        BastionTunnels tunnels(options(HostKeyPolicy::AcceptNew));
        QSignalSpy down(&tunnels, &BastionTunnels::bastionDown);
        Environment env = prodEnv(tmpFile(u"private_known_hosts"_s));
        env.ssh.port = sshd.port();
        ConnectParams p = ConnectParams::fromEnvironment(env, m_env.adminPassword());
        p.router = &tunnels;
        SqlWorkerOptions wo;
        wo.reconnectBackoffMs = { 0, 200 };
        SqlWorker worker(p, wo);
        QSignalSpy connected(&worker, &SqlWorker::connected);
        QSignalSpy failed(&worker, &SqlWorker::requestFailed);
        QSignalSpy ready(&worker, &SqlWorker::resultReady);
        worker.submit(u"SELECT SLEEP(25)"_s);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 15000);
        QTest::qWait(300); // the statement is running on the server, through the tunnel

        QElapsedTimer t;
        t.start();
        sshd.kill();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        const qint64 ms = t.elapsed();
        const Error e = failed.at(0).at(1).value<Error>();
        QCOMPARE(e.kind, ErrorKind::Connection);
        QVERIFY2(e.message.contains(u"SSH"_s),
                 qPrintable(e.toString())); // the cause, not just "lost connection"
        QVERIFY2(ms < 5000, qPrintable(QString::number(ms))); // not the 25 s statement, not a hang
        QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, 3000);
        qInfo("sshd killed mid-query: failed after %lld ms: %s", ms, qPrintable(e.toString()));

        // While the bastion is down the next statement fails clearly too.
        worker.submit(u"SELECT 1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 15000);
        QVERIFY2(failed.at(1).at(1).value<Error>().message.contains(u"SSH bastion"_s),
                 qPrintable(failed.at(1).at(1).value<Error>().toString()));

        // The bastion comes back: the next statement opens a new session and tunnel (reconnect).
        QVERIFY(sshd.start());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (!ready.isEmpty())
                    return true;
                worker.submit(u"SELECT 42 AS answer"_s);
                QTest::qWait(500);
                return !ready.isEmpty();
            }(),
            20000);
        QCOMPARE(ready.last().at(1).value<QueryResult>().value(0, u"answer"_s).toInt(), 42);
        QCOMPARE(connected.size(), 2);
        worker.shutdown();
    }

    void idleTunnelsAndSessionsClose()
    {
        BastionTunnels::Options o = options(HostKeyPolicy::Strict);
        o.idleTimeout = std::chrono::milliseconds(400);
        BastionTunnels tunnels(o);
        const CheckResult r = check(tunnels, prodEnv());
        QVERIFY2(r.reachable, qPrintable(r.error.toString()));
        QCOMPARE(tunnels.sessionCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(tunnels.sessionCount(), 0, 5000);
        // And it opens again on demand.
        QVERIFY(check(tunnels, prodEnv()).reachable);
    }

    void shutdownCancelsWaitingRoutes()
    {
        const QString kh = tmpFile(u"shutdown_known_hosts"_s);
        QFile::remove(kh);
        auto tunnels = std::make_unique<BastionTunnels>(options(HostKeyPolicy::Ask));
        int asked = 0;
        connect(tunnels.get(), &BastionTunnels::hostKeyQuestion, this, [&] { ++asked; });
        const Environment env = prodEnv(kh);
        const QString pw = m_env.adminPassword();
        SshRoute route { {}, tunnels.get() };
        auto f = QtConcurrent::run(
            [env, pw, route] { return checkEnvironment(env, pw, nullptr, route); });
        QTRY_COMPARE_WITH_TIMEOUT(asked, 1, 10000);
        tunnels->shutdown(); // e.g. the app quits while a host-key question is open
        const CheckResult r = await(f, 5000);
        QCOMPARE(r.error.kind, ErrorKind::Cancelled);
        tunnels.reset();
    }

    void missingRouterIsAClearError()
    {
        const Environment env = prodEnv();
        const QString pw = m_env.adminPassword();
        const CheckResult r
            = await(QtConcurrent::run([env, pw] { return checkEnvironment(env, pw); }));
        QVERIFY(!r.reachable);
        QCOMPARE(r.error.kind, ErrorKind::InvalidInput);
        QVERIFY2(r.error.message.contains(u"SSH"_s), qPrintable(r.error.message));
    }
};

QTEST_GUILESS_MAIN(TestBastionTunnels)
#include "tst_bastiontunnels.moc"

// SshExec against the sandbox sshd: streaming output, exit status and signal, cancel, timeout,
// session loss. Prints exec throughput.
#include "PrivateSshd.h"
#include "SshExec.h"
#include "SshTestSupport.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

struct Run
{
    QByteArray out;
    QByteArray err;
    int status = -2;
    QString signal;
    Error error;
    bool done = false;
    qint64 ms = 0;
};

Run runCommand(SshSession &s, const QString &command, int timeoutMs = 30000,
               std::chrono::milliseconds execTimeout = std::chrono::milliseconds(0))
{
    Run r;
    SshExec exec(&s, command);
    exec.setTimeout(execTimeout);
    QObject::connect(&exec, &SshExec::stdoutReady, [&](const QByteArray &d) { r.out += d; });
    QObject::connect(&exec, &SshExec::stderrReady, [&](const QByteArray &d) { r.err += d; });
    QObject::connect(&exec, &SshExec::finished, [&](int status, const QString &sig) {
        r.status = status;
        r.signal = sig;
        r.done = true;
    });
    QObject::connect(&exec, &SshExec::errorOccurred, [&](const Error &e) {
        r.error = e;
        r.done = true;
    });
    QElapsedTimer t;
    t.start();
    exec.start();
    while (!r.done && t.elapsed() < timeoutMs)
        QTest::qWait(2);
    r.ms = t.elapsed();
    return r;
}

bool processRunning(const QString &pattern)
{
    return QProcess::execute(u"pgrep"_s, { u"-f"_s, pattern }) == 0; // lookup only
}

} // namespace

class TestSshExec : public QObject
{
    Q_OBJECT

    Test::SandboxEnv m_env;
    SshSession m_session;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_env.isValid(), qPrintable(m_env.error()));
        QCOMPARE(Test::connectAndWait(m_session, Test::sandboxSshOptions(m_env)),
                 SshSession::State::Connected);
    }

    void streamsLongOutput()
    {
        const Run r = runCommand(m_session, u"seq 1 200000"_s);
        QVERIFY2(r.done && !r.error.isError(), qPrintable(r.error.toString()));
        QCOMPARE(r.status, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 200000);
        QCOMPARE(lines.first(), QByteArray("1"));
        QCOMPARE(lines.last(), QByteArray("200000"));
        qInfo("seq 1 200000: %lld bytes in %lld ms", qint64(r.out.size()), r.ms);
    }

    void throughput()
    {
        const Run r = runCommand(m_session, u"head -c 104857600 /dev/zero"_s, 120000);
        QVERIFY2(r.done && !r.error.isError(), qPrintable(r.error.toString()));
        QCOMPARE(r.out.size(), 104857600);
        qInfo("exec throughput: 100 MiB in %lld ms = %.1f MiB/s", r.ms,
              100.0 * 1000.0 / double(qMax<qint64>(r.ms, 1)));
    }

    void exitStatusAndStderr()
    {
        const Run r = runCommand(m_session, u"echo out; echo err >&2; exit 3"_s);
        QVERIFY(r.done && !r.error.isError());
        QCOMPARE(r.status, 3);
        QCOMPARE(r.out, QByteArray("out\n"));
        QCOMPARE(r.err, QByteArray("err\n"));
    }

    void exitSignal()
    {
        const Run r = runCommand(m_session, u"sh -c 'kill -KILL $$'"_s);
        QVERIFY(r.done && !r.error.isError());
        QCOMPARE(r.signal, u"KILL"_s);
    }

    void concurrentCommands()
    {
        SshExec a(&m_session, u"sleep 0.3; echo a"_s), b(&m_session, u"echo b"_s);
        QSignalSpy fa(&a, &SshExec::finished), fb(&b, &SshExec::finished);
        a.start();
        b.start();
        QTRY_COMPARE_WITH_TIMEOUT(fb.size(), 1, 5000);
        QCOMPARE(fa.size(), 0); // b did not wait for a
        QTRY_COMPARE_WITH_TIMEOUT(fa.size(), 1, 5000);
    }

    void cancelLongCommand()
    {
        const QString marker = u"sleep 61.%1"_s.arg(QCoreApplication::applicationPid());
        SshExec exec(&m_session, marker);
        QSignalSpy started(&exec, &SshExec::started), failed(&exec, &SshExec::errorOccurred);
        exec.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(processRunning(marker), 5000);
        QElapsedTimer t;
        t.start();
        exec.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 2000);
        const qint64 ms = t.elapsed();
        QCOMPARE(exec.error().kind, ErrorKind::Cancelled);
        QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
        QTRY_VERIFY_WITH_TIMEOUT(!processRunning(marker), 3000); // the remote process is gone too
        qInfo("cancel of a running 'sleep 61': %lld ms; remote process terminated", ms);
        // The session stays usable.
        QCOMPARE(runCommand(m_session, u"true"_s).status, 0);
    }

    void timeout()
    {
        const Run r = runCommand(m_session, u"sleep 30"_s, 10000, std::chrono::milliseconds(500));
        QCOMPARE(r.error.kind, ErrorKind::Timeout);
        QVERIFY2(r.ms < 1500, qPrintable(QString::number(r.ms)));
    }

    void sessionLostDuringCommand()
    {
        Test::PrivateSshd sshd(Test::sandboxAuthorizedKeys(m_env));
        QVERIFY(sshd.start());
        QTemporaryDir tmp;
        SshConnectOptions o = Test::sandboxSshOptions(m_env);
        o.port = sshd.port();
        o.knownHostsFile = tmp.path() + u"/known_hosts"_s;
        o.hostKeyPolicy = HostKeyPolicy::AcceptNew;
        SshSession s;
        QCOMPARE(Test::connectAndWait(s, o), SshSession::State::Connected);
        SshExec exec(&s, u"sleep 30"_s);
        QSignalSpy started(&exec, &SshExec::started), failed(&exec, &SshExec::errorOccurred);
        exec.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);
        QElapsedTimer t;
        t.start();
        sshd.kill();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 3000);
        QCOMPARE(exec.error().kind, ErrorKind::Connection);
        QCOMPARE(s.state(), SshSession::State::Error);
        qInfo("sshd killed during exec: error after %lld ms: %s", t.elapsed(),
              qPrintable(exec.error().toString()));
    }

    void notConnected()
    {
        SshSession idle;
        SshExec exec(&idle, u"true"_s);
        QSignalSpy failed(&exec, &SshExec::errorOccurred);
        exec.start();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(exec.error().kind, ErrorKind::Connection);
    }
};

QTEST_GUILESS_MAIN(TestSshExec)
#include "tst_sshexec.moc"

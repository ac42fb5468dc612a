// ./run bench tunnel: a 100,000-row SELECT (shop.order_items of the sandbox's prod) through
// TiDesk's SSH tunnel (BastionTunnels -> libssh2 direct-tcpip via the sandbox bastion) versus a
// direct connection to the same MariaDB instance, both with TiDesk's SQL layer (TLS verify_ca in
// both cases, like the demo inventory). For reference, the peer tools on the same query: the
// `mariadb` client direct and through an OpenSSH `ssh -L` tunnel to the same bastion.
// Prints median and min of several runs and the tunnel/direct ratios. Never asserts a time.
// Needs the sandbox (./run bench starts it).
#include "SandboxEnv.h"
#include "sql/ConnectParams.h"
#include "sql/SqlConnection.h"
#include "tunnel/BastionTunnels.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdio>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRuns = 11;
const QString kQuery
    = u"SELECT id, order_id, product_id, quantity, unit_price FROM shop.order_items ORDER BY id LIMIT 100000"_s;

struct Stats
{
    double median = 0;
    double min = 0;
};

Stats stats(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return { v.isEmpty() ? 0 : v.at(v.size() / 2), v.isEmpty() ? 0 : v.first() };
}

struct Series
{
    QList<double> ms;
    double connectMs = 0;
    qsizetype rows = 0;
};

// One connection each, opened once; the query runs alternately on both (direct, tunnel, direct,
// ...) so that drift in the machine's speed hits both series alike.
bool runInterleaved(const ConnectParams &direct, const ConnectParams &tunnelled, Series *d,
                    Series *t)
{
    SqlConnection cd, ct;
    QElapsedTimer timer;
    timer.start();
    if (const VoidResult o = cd.open(direct); !o) {
        std::fprintf(stderr, "direct connect failed: %s\n", qPrintable(o.error().toString()));
        return false;
    }
    d->connectMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    if (const VoidResult o = ct.open(tunnelled); !o) {
        std::fprintf(stderr, "tunnel connect failed: %s\n", qPrintable(o.error().toString()));
        return false;
    }
    t->connectMs = double(timer.nsecsElapsed()) / 1e6;
    for (int i = 0; i < kRuns; ++i) {
        for (auto [c, series] : { std::pair { &cd, d }, std::pair { &ct, t } }) {
            timer.restart();
            auto r = c->query(kQuery);
            if (!r) {
                std::fprintf(stderr, "query failed: %s\n", qPrintable(r.error().toString()));
                return false;
            }
            series->ms << double(timer.nsecsElapsed()) / 1e6;
            series->rows = r->rows.size();
        }
    }
    return true;
}

// A new connection per run (connect + TLS + query + close), like one `mariadb -e` process.
QList<double> runTiDeskFresh(const ConnectParams &p, const QString &query = kQuery,
                             int runs = kRuns)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        SqlConnection c;
        if (const VoidResult o = c.open(p); !o)
            return {};
        if (!c.query(query))
            return {};
        c.close();
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    return ms;
}

// Round trips on one open connection: SELECT 1, many times.
QList<double> runPing(const ConnectParams &p, int runs = 51)
{
    SqlConnection c;
    if (!c.open(p))
        return {};
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!c.query(u"SELECT 1"_s))
            return {};
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    return ms;
}

QList<double> runClient(const Test::SandboxEnv &env, int port)
{
    QList<double> ms;
    for (int i = 0; i < kRuns; ++i) {
        QProcess p;
        QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
        pe.insert(u"MYSQL_PWD"_s, env.adminPassword());
        p.setProcessEnvironment(pe);
        QElapsedTimer t;
        t.start();
        p.start(u"mariadb"_s,
                { u"--no-defaults"_s, u"-h127.0.0.1"_s, u"-P%1"_s.arg(port),
                  u"-u"_s + env.adminUser(), u"--ssl-ca=%1"_s.arg(env.value(u"TLS_CA"_s)),
                  u"--ssl-verify-server-cert"_s, u"-N"_s, u"-B"_s, u"-e"_s, kQuery });
        p.setStandardOutputFile(QProcess::nullDevice());
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            std::fprintf(stderr, "mariadb client failed: %s\n",
                         p.readAllStandardError().constData());
            return {};
        }
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    return ms;
}

int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

void line(const char *name, const Stats &s, double connectMs = -1)
{
    if (connectMs >= 0)
        std::printf("  %-44s median %8.1f ms   min %8.1f ms   (connect %.1f ms)\n", name, s.median,
                    s.min, connectMs);
    else
        std::printf("  %-44s median %8.1f ms   min %8.1f ms\n", name, s.median, s.min);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"tidesk.*.info=false"_s);
    Test::SandboxEnv env;
    if (!env.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(env.error()));
        return 1;
    }
    SqlConnection::initDriver();

    ConnectParams direct;
    direct.host = u"127.0.0.1"_s;
    direct.port = env.mariadbPort(u"prod"_s);
    direct.user = env.adminUser();
    direct.password = env.adminPassword();
    direct.tls.mode = TlsMode::VerifyCa;
    direct.tls.caFile = env.value(u"TLS_CA"_s);
    direct.readTimeoutMs = 120000;
    direct.envName = u"prod"_s;

    BastionTunnels::Options options;
    options.hostKeyPolicy = HostKeyPolicy::Strict;
    options.sshConfigPath = u"/nonexistent"_s;
    BastionTunnels tunnels(options);
    ConnectParams tunnelled = direct;
    tunnelled.ssh.enabled = true;
    tunnelled.ssh.host = u"127.0.0.1"_s;
    tunnelled.ssh.port = env.value(u"SSHD_PORT"_s).toInt();
    tunnelled.ssh.user = env.value(u"SSH_USER"_s);
    tunnelled.ssh.identityFile = env.value(u"SSH_USER_KEY"_s);
    tunnelled.ssh.knownHostsFile = env.value(u"SSH_KNOWN_HOSTS"_s);
    tunnelled.router = &tunnels;

    std::printf("bench_tunnel: %s\n  %d runs each, one connection per series, TLS verify_ca; "
                "machine: %d cores\n",
                qPrintable(kQuery), kRuns, QThread::idealThreadCount());

    // The SQL layer blocks: run it on a pool thread (route() must not run on this thread's loop).
    Series ds, ts;
    if (!QtConcurrent::run([&] { return runInterleaved(direct, tunnelled, &ds, &ts); }).result())
        return 1;
    const QList<double> &d = ds.ms;
    const QList<double> &t = ts.ms;
    const double directConnect = ds.connectMs, tunnelConnect = ts.connectMs;
    const qsizetype directRows = ds.rows, tunnelRows = ts.rows;
    const QList<double> fd = QtConcurrent::run([&] { return runTiDeskFresh(direct); }).result();
    const QList<double> ft = QtConcurrent::run([&] { return runTiDeskFresh(tunnelled); }).result();
    const QList<double> pdir = QtConcurrent::run([&] { return runPing(direct); }).result();
    const QList<double> ptun = QtConcurrent::run([&] { return runPing(tunnelled); }).result();
    const QList<double> cdir
        = QtConcurrent::run([&] { return runTiDeskFresh(direct, u"SELECT 1"_s, 21); }).result();
    const QList<double> ctun
        = QtConcurrent::run([&] { return runTiDeskFresh(tunnelled, u"SELECT 1"_s, 21); }).result();

    // Peer: the mariadb client, direct and through OpenSSH's own tunnel to the same bastion.
    const int sshPort = freePort();
    QProcess ssh;
    ssh.start(u"ssh"_s,
              { u"-N"_s, u"-o"_s, u"ExitOnForwardFailure=yes"_s, u"-o"_s,
                u"StrictHostKeyChecking=yes"_s, u"-o"_s,
                u"UserKnownHostsFile=%1"_s.arg(env.value(u"SSH_KNOWN_HOSTS"_s)), u"-o"_s,
                u"BatchMode=yes"_s, u"-i"_s, env.value(u"SSH_USER_KEY"_s), u"-p"_s,
                env.value(u"SSHD_PORT"_s), u"-L"_s,
                u"127.0.0.1:%1:127.0.0.1:%2"_s.arg(sshPort).arg(direct.port),
                env.value(u"SSH_USER"_s) + u"@127.0.0.1"_s });
    bool sshUp = false;
    for (int i = 0; i < 100 && !sshUp; ++i) {
        QThread::msleep(50);
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(sshPort));
        sshUp = probe.waitForConnected(200);
    }
    const QList<double> cd = runClient(env, direct.port);
    const QList<double> ct = sshUp ? runClient(env, sshPort) : QList<double>();
    ssh.terminate();
    ssh.waitForFinished(3000);

    const Stats sd = stats(d), st = stats(t);
    std::printf("\n  rows: %lld direct, %lld through the tunnel\n", qlonglong(directRows),
                qlonglong(tunnelRows));
    line("TiDesk direct", sd, directConnect);
    line("TiDesk through its SSH tunnel", st, tunnelConnect);
    std::printf("  (the tunnel's first connect includes opening the SSH session to the bastion)\n");
    std::printf("  tunnel_direct_ratio (TiDesk, median)            %.2f\n",
                sd.median > 0 ? st.median / sd.median : 0.0);
    std::printf("\n");
    std::printf(
        "  per run: a new connection + TLS + the query (the session to the bastion stays open)\n");
    line("TiDesk direct, new connection per run", stats(fd));
    line("TiDesk through its tunnel, new connection", stats(ft));
    line("SELECT 1 round trip, direct (51 runs)", stats(pdir));
    line("SELECT 1 round trip, tunnel (51 runs)", stats(ptun));
    line("connect + TLS + SELECT 1, direct (21 runs)", stats(cdir));
    line("connect + TLS + SELECT 1, tunnel (21 runs)", stats(ctun));
    if (!cd.isEmpty() && !ct.isEmpty()) {
        const Stats scd = stats(cd), sct = stats(ct);
        line("peer: mariadb client direct (1 process/run)", scd);
        line("peer: mariadb client via OpenSSH ssh -L", sct);
        std::printf("  tunnel_direct_ratio (OpenSSH peer, median)      %.2f\n",
                    scd.median > 0 ? sct.median / scd.median : 0.0);
    } else {
        std::printf("  peer (mariadb client / ssh -L): not measured (%s)\n",
                    sshUp ? "client failed" : "ssh -L did not start");
    }
    return 0;
}

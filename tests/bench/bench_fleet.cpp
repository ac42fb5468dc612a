// ./run bench fleet: FleetPoller over 200 environments: 180 on the sandbox's four MariaDB
// instances (cycled; TLS verify_ca like the demo inventory; prod directly on its port) and 20
// endpoints that accept TCP and never answer (in-process QTcpServers), interleaved. Prints per
// refresh: fleet_refresh_ms (refresh() until every queued environment has a sample),
// live_done_ms (until all 180 live ones have theirs), gui_max_stall_ms (the largest lateness of
// a 5 ms QTimer on the main thread during the refresh). Refresh 1 is cold (nothing known),
// 2 and 3 retry the silent ones in the failing lane, 4 has them backed off.
// For comparison: seq_mariadb_ms, a naive loop running the `mariadb` client once per live
// environment with the same statement (password via MYSQL_PWD), and the cost of one sample
// with a fresh connection versus the status statement on a connection kept open.
// Never asserts a time. Needs the sandbox (./run bench starts it).
#include "SandboxEnv.h"
#include "health/FleetPoller.h"
#include "secrets/VaultFileStore.h"
#include "sql/ActivityLog.h"
#include "sql/ConnectParams.h"
#include "sql/Dialect.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLive = 180;
constexpr int kSilent = 20;
constexpr int kSilentTimeoutMs = 3000;
constexpr int kProbeMs = 5;

// CPU time this thread has used, ms: how much of a refresh the GUI thread itself works.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// The largest lateness of a kProbeMs timer on this thread while it runs.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kProbeMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double late = (now - m_last) / 1e6 - kProbeMs;
            m_max = std::max(m_max, late);
            m_last = now;
        });
    }
    void start()
    {
        m_max = 0;
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return m_max;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_max = 0;
};

struct RefreshFigures
{
    double fleetMs = 0;
    double liveMs = 0;
    double stallMs = 0;
    double guiCpuMs = 0;
    int samples = 0;
    int up = 0;
    int down = 0;
    int timeouts = 0;
};

RefreshFigures runRefresh(FleetPoller &poller, const QSet<QUuid> &live)
{
    RefreshFigures f;
    QSet<QUuid> liveSeen;
    QElapsedTimer clock;
    StallProbe probe;
    QEventLoop loop;
    const auto c1 = QObject::connect(&poller, &FleetPoller::sampleReady, [&](const FleetSample &s) {
        ++f.samples;
        if (live.contains(s.environmentId) && s.reachable()) {
            liveSeen.insert(s.environmentId);
            if (liveSeen.size() == live.size())
                f.liveMs = clock.nsecsElapsed() / 1e6;
        }
    });
    const auto c2 = QObject::connect(&poller, &FleetPoller::refreshFinished, &loop, [&] {
        f.fleetMs = clock.nsecsElapsed() / 1e6;
        loop.quit();
    });
    probe.start();
    const double cpu0 = threadCpuMs();
    clock.start();
    poller.refresh();
    if (poller.isRefreshing())
        loop.exec();
    f.stallMs = probe.stop();
    f.guiCpuMs = threadCpuMs() - cpu0;
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    for (const FleetSample &s : poller.samples()) {
        if (s.reachable())
            ++f.up;
        else if (s.state == FleetSample::State::Down) {
            ++f.down;
            if (s.lastError.kind == ErrorKind::Timeout)
                ++f.timeouts;
        }
    }
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"tidesk.*.info=false"_s);
    QStandardPaths::setTestModeEnabled(true);
    const Test::SandboxEnv sandbox;
    if (!sandbox.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(sandbox.error()));
        return 1;
    }
    SqlConnection::initDriver();
    QTemporaryDir dir;
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10;
    VaultFileStore vault(dir.filePath(u"secrets.vault"_s), kdf);
    if (!vault.unlockOrCreate(u"bench"_s).ok())
        return 1;

    const QStringList names = sandbox.envs();
    std::vector<std::unique_ptr<QTcpServer>> silent;
    EnvironmentList envs;
    QSet<QUuid> live;
    QList<int> livePorts;
    for (int i = 0; i < kLive + kSilent; ++i) {
        Environment e;
        e.id = QUuid::createUuid();
        e.user = sandbox.adminUser();
        e.tls.mode = TlsMode::VerifyCa;
        e.tls.caFile = sandbox.value(u"TLS_CA"_s);
        if (i % 10 == 5 && int(silent.size()) < kSilent) {
            auto server = std::make_unique<QTcpServer>();
            if (!server->listen(QHostAddress::LocalHost)) {
                std::fprintf(stderr, "cannot listen\n");
                return 1;
            }
            e.name = u"silent%1"_s.arg(silent.size());
            e.endpoints << SqlEndpoint { u"127.0.0.1"_s, int(server->serverPort()), {} };
            e.connectTimeoutMs = kSilentTimeoutMs;
            silent.push_back(std::move(server));
        } else {
            const QString target = names.at(live.size() % names.size());
            const int port = sandbox.mariadbPort(target);
            e.name = u"%1-%2"_s.arg(target).arg(live.size());
            e.endpoints << SqlEndpoint { u"127.0.0.1"_s, port, {} };
            e.connectTimeoutMs = kSilentTimeoutMs;
            live.insert(e.id);
            livePorts << port;
        }
        if (!vault.write(e.passwordSecretKey(), sandbox.adminPassword()).ok())
            return 1;
        envs << e;
    }

    QThreadPool pool;
    // The shared app pool, as tidesk-cli uses it (AppContext); the GUI's fleet pool is below.
    pool.setMaxThreadCount(std::max(8, QThread::idealThreadCount() * 2));
    ActivityLog log;
    CoreServices services;
    services.activityLog = &log;
    services.secrets = &vault;
    services.pool = &pool;

    std::printf("bench_fleet: %d environments = %d on the sandbox's 4 MariaDB (TLS verify_ca) + %d "
                "that accept TCP and never answer\n",
                int(envs.size()), int(live.size()), int(silent.size()));
    {
        // The probe's own noise on this machine with no poller running.
        StallProbe probe;
        QEventLoop idle;
        probe.start();
        QTimer::singleShot(2000, &idle, &QEventLoop::quit);
        idle.exec();
        std::printf("  baseline (no poller, 2 s): gui_max_stall_ms %.1f\n", probe.stop());
    }
    {
        FleetPoller poller(services);
        poller.setEnvironments(envs);
        std::printf("  pool threads %d, concurrency %d (failing lane %d), budget per sample: "
                    "connect timeout %d ms (silent endpoints: %d ms), machine load %s\n",
                    pool.maxThreadCount(), poller.effectiveConcurrency(),
                    std::max(1, poller.effectiveConcurrency() / 2), kSilentTimeoutMs,
                    poller.budgetMs(envs.at(5)), qPrintable([] {
                        QFile f(u"/proc/loadavg"_s);
                        return f.open(QIODevice::ReadOnly)
                            ? QString::fromLatin1(f.readAll()).section(u' ', 0, 0)
                            : u"?"_s;
                    }()));
        const char *what[]
            = { "cold: nothing known yet", "silent ones failing: retried in the lane",
                "retried again (2nd failure)", "silent ones backed off" };
        for (int r = 0; r < 4; ++r) {
            const RefreshFigures f = runRefresh(poller, live);
            std::printf("  refresh %d (%s)\n", r + 1, what[r]);
            std::printf("    fleet_refresh_ms %9.0f   live_done_ms %7.0f   gui_max_stall_ms %6.1f"
                        "   gui_cpu_ms %5.0f   samples %d, up %d, down %d (timeout %d)\n",
                        f.fleetMs, f.liveMs, f.stallMs, f.guiCpuMs, f.samples, f.up, f.down,
                        f.timeouts);
        }
    }

    // The same cold and warm refreshes with a larger pool for I/O-bound work: what the
    // concurrency bound costs on a cold start (the decision record compares the two).
    {
        QThreadPool bigPool;
        bigPool.setMaxThreadCount(25); // like HealthPages (the GUI's own fleet pool)
        CoreServices big = services;
        big.pool = &bigPool;
        FleetPoller poller(big);
        poller.setMaxConcurrent(24);
        poller.setEnvironments(envs);
        std::printf(
            "  the GUI's configuration (its own fleet pool): pool threads %d, concurrency %d "
            "(failing lane %d)\n",
            bigPool.maxThreadCount(), poller.effectiveConcurrency(),
            std::max(1, poller.effectiveConcurrency() / 2));
        for (int r = 0; r < 2; ++r) {
            const RefreshFigures f = runRefresh(poller, live);
            std::printf("  refresh %d (%s)\n", r + 1, r == 0 ? "cold" : "silent ones failing");
            std::printf("    fleet_refresh_ms %9.0f   live_done_ms %7.0f   gui_max_stall_ms %6.1f"
                        "   gui_cpu_ms %5.0f   samples %d, up %d, down %d (timeout %d)\n",
                        f.fleetMs, f.liveMs, f.stallMs, f.guiCpuMs, f.samples, f.up, f.down,
                        f.timeouts);
        }
        bigPool.waitForDone();
    }

    // One sample: fresh connection (what the poller does) versus a connection kept open.
    {
        const Environment &e = envs.at(0);
        QList<double> fresh, kept;
        QtConcurrent::run(&pool, [&] {
            for (int i = 0; i < 30; ++i) {
                QElapsedTimer t;
                t.start();
                ProbeOptions o;
                o.budgetMs = 3000;
                const ProbeResult r = probeEnvironment(e, sandbox.adminPassword(), nullptr, {}, o);
                if (r.reachable)
                    fresh << t.nsecsElapsed() / 1e6;
            }
            SqlConnection conn;
            if (!conn.open(ConnectParams::fromEnvironment(e, sandbox.adminPassword())))
                return;
            const QString sql
                = makeDialect(EngineInfo::parse(conn.serverVersion()))->fleetStatusQuery();
            for (int i = 0; i < 30; ++i) {
                QElapsedTimer t;
                t.start();
                if (conn.query(sql))
                    kept << t.nsecsElapsed() / 1e6;
            }
        }).waitForFinished();
        std::printf(
            "  one sample, fresh connection (TLS handshake + VERSION + status)  median %.1f ms\n"
            "  one sample, status statement on a connection kept open         median %.2f ms\n",
            median(fresh), median(kept));
    }

    // The peer: a naive sequential loop with the mariadb client, one run per live environment.
    {
        const QString sql = u"SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', "
                            "'Threads_connected', 'Threads_running', 'Uptime')"_s;
        QProcessEnvironment penv = QProcessEnvironment::systemEnvironment();
        penv.insert(u"MYSQL_PWD"_s, sandbox.adminPassword());
        int ok = 0;
        QElapsedTimer t;
        t.start();
        for (int port : std::as_const(livePorts)) {
            QProcess p;
            p.setProcessEnvironment(penv);
            p.start(u"mariadb"_s,
                    { u"-h127.0.0.1"_s, u"-P"_s + QString::number(port),
                      u"-u"_s + sandbox.adminUser(), u"--ssl-ca="_s + sandbox.value(u"TLS_CA"_s),
                      u"--ssl-verify-server-cert"_s, u"--connect-timeout=3"_s, u"-e"_s, sql });
            if (p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit
                && p.exitCode() == 0)
                ++ok;
        }
        std::printf(
            "  seq_mariadb_ms %.0f  (mariadb client, %d sequential runs, %d ok, TLS verify_ca; "
            "the 20 silent ones not included: each would add its 3 s timeout)\n",
            t.nsecsElapsed() / 1e6, int(livePorts.size()), ok);
    }
    pool.waitForDone();
    return 0;
}

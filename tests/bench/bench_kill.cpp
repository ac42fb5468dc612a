// ./run bench kill: reaction time of a busy-time kill rule, pt-kill versus TiDesk, on the
// sandbox's MariaDB `dev`. A client of `app` runs SELECT SLEEP(30); the threshold is 2 s and both
// tools poll every second. Prints, per run, the time from "threshold crossed" (statement sent +
// 2 s; the server starts it a little later, so figures are slightly pessimistic) to:
//  - pt-kill: the victim's error 1317 (`pt-kill --busy-time 2 --match-user app --match-info
//    'SLEEP\(30\)' --kill-query --interval 1`; the match-info keeps it off the sandbox
//    workload's own slow queries);
//  - TiDesk: the same rule enforced by the RuleRunner with the real killer (SessionRuleKiller ->
//    SessionKiller: re-read the session, KILL HARD QUERY, re-poll until gone, audit): the
//    decision and the victim's error 1317 are both timed.
// Never asserts a time. Needs the sandbox and pt-kill (percona-toolkit).
#include "SandboxEnv.h"
#include "rules/RuleRunner.h"
#include "rules/SessionRuleKiller.h"
#include "secrets/VaultFileStore.h"
#include "sessions/SessionKiller.h"
#include "sql/SqlConnection.h"
#include "sql/SqlWorker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRuns = 6;
constexpr qint64 kThresholdMs = 2000;

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void summary(const char *what, std::vector<qint64> v)
{
    if (v.empty()) {
        std::printf("%s: no sample\n", what);
        return;
    }
    std::sort(v.begin(), v.end());
    qint64 sum = 0;
    for (qint64 x : v)
        sum += x;
    std::printf("%s: n=%zu min=%lld median=%lld mean=%lld max=%lld ms after the threshold\n", what,
                v.size(), v.front(), v[v.size() / 2], sum / qint64(v.size()), v.back());
}

ConnectParams appParams(const Test::SandboxEnv &sb)
{
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = sb.mariadbPort(u"dev"_s);
    p.user = sb.value(u"APP_USER"_s);
    p.password = sb.value(u"APP_PASSWORD"_s);
    p.tls.mode = TlsMode::Disabled;
    p.readTimeoutMs = 60000;
    return p;
}

// Runs SLEEP(30) as app and returns ms from send to the 1317 error (-1: not killed in 10 s).
qint64 victimKilledAfter(const Test::SandboxEnv &sb)
{
    SqlWorker victim(appParams(sb));
    QEventLoop loop;
    qint64 failedAt = -1;
    QElapsedTimer t;
    QObject::connect(&victim, &SqlWorker::requestFailed, &loop, [&](quint64, const Error &e) {
        if (e.code == 1317)
            failedAt = t.elapsed();
        loop.quit();
    });
    QObject::connect(&victim, &SqlWorker::connected, &loop, [&] {
        t.start();
        victim.submit(u"SELECT SLEEP(30)"_s);
    });
    QTimer::singleShot(12000, &loop, &QEventLoop::quit);
    victim.connectNow();
    loop.exec();
    return failedAt;
}

std::vector<qint64> benchPtKill(const Test::SandboxEnv &sb, const QTemporaryDir &dir)
{
    std::vector<qint64> out;
    const QString cnf = dir.filePath(u"ptkill.cnf"_s);
    QFile f(cnf);
    if (!f.open(QIODevice::WriteOnly)) {
        std::printf("pt-kill: cannot write %s\n", qPrintable(cnf));
        return out;
    }
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    f.write(QByteArray("[client]\nuser=") + sb.adminUser().toUtf8()
            + "\npassword=" + sb.adminPassword().toUtf8() + "\n");
    f.close();
    QProcess ptkill;
    ptkill.setProcessChannelMode(QProcess::MergedChannels);
    ptkill.start(u"pt-kill"_s,
                 { u"h=127.0.0.1,P=%1,F=%2"_s.arg(sb.mariadbPort(u"dev"_s)).arg(cnf),
                   u"--busy-time"_s, u"2"_s, u"--match-user"_s, u"app"_s, u"--match-info"_s,
                   u"SLEEP\\(30\\)"_s, u"--kill-query"_s, u"--interval"_s, u"1"_s, u"--print"_s });
    if (!ptkill.waitForStarted()) {
        std::printf("pt-kill: did not start (is percona-toolkit installed?)\n");
        return out;
    }
    waitMs(2000); // its connection and first poll
    for (int i = 0; i < kRuns; ++i) {
        const qint64 killedAt = victimKilledAfter(sb);
        if (killedAt < 0) {
            std::printf("pt-kill run %d: victim not killed within 12 s\n", i + 1);
            continue;
        }
        out.push_back(killedAt - kThresholdMs);
        std::printf("pt-kill run %d: killed (1317) %lld ms after the threshold\n", i + 1,
                    killedAt - kThresholdMs);
        waitMs(150 + 130 * i); // spread the phase against pt-kill's 1 s cycle
    }
    ptkill.terminate();
    ptkill.waitForFinished(5000);
    return out;
}

std::vector<qint64> benchTiDesk(const Test::SandboxEnv &sb, const QTemporaryDir &dir,
                                std::vector<qint64> *decisions)
{
    std::vector<qint64> out;
    QThreadPool pool;
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10;
    VaultFileStore vault(dir.filePath(u"bench.vault"_s), kdf);
    if (!vault.unlockOrCreate(u"bench"_s).ok())
        return out;
    CoreServices services;
    services.pool = &pool;
    services.secrets = &vault;
    AuditLog audit(dir.filePath(u"audit.jsonl"_s));
    SessionKiller::Options killerOptions;
    killerOptions.auditPath = audit.path();
    SessionKiller killer(services, killerOptions);
    SessionRuleKiller ruleKiller(&killer);
    RuleRunner runner(services, &audit);
    runner.setKiller(&ruleKiller);
    RuleSet rules;
    KillRule r;
    r.name = u"bench"_s;
    r.scope.environments << u"dev"_s;
    r.match.busyTimeMs = kThresholdMs;
    r.match.users << sb.value(u"APP_USER"_s);
    r.match.sqlRegex = u"SLEEP\\(30\\)"_s;
    r.action = RuleAction::KillQuery;
    r.mode = RuleMode::Enforce;
    r.compile();
    rules.rules << r;
    Environment env;
    env.id = QUuid::createUuid();
    env.name = u"dev"_s;
    env.endpoints << SqlEndpoint { u"127.0.0.1"_s, sb.mariadbPort(u"dev"_s), {} };
    env.user = sb.adminUser();
    env.tls.mode = TlsMode::Disabled;
    const QString password = sb.adminPassword();
    if (!vault.write(env.passwordSecretKey(), password).ok())
        return out;
    runner.setParamsFunction([password](const Environment &e) -> Result<ConnectParams> {
        return ConnectParams::fromEnvironment(e, password);
    });
    runner.setRules(rules);
    runner.setEnvironments({ env });
    runner.start();
    waitMs(1500);
    for (int i = 0; i < kRuns; ++i) {
        SqlWorker victim(appParams(sb));
        QEventLoop loop;
        QElapsedTimer t;
        qint64 decidedAt = -1;
        qint64 killedAt = -1;
        quint64 request = 0;
        QObject::connect(&victim, &SqlWorker::connected, &loop, [&] {
            t.start();
            request = victim.submit(u"SELECT SLEEP(30)"_s);
        });
        QObject::connect(&runner, &RuleRunner::decisionHandled, &loop, [&](const RuleDecision &d) {
            if (d.session.id == victim.connectionId() && decidedAt < 0)
                decidedAt = t.elapsed();
        });
        QObject::connect(&victim, &SqlWorker::requestFailed, &loop,
                         [&](quint64 id, const Error &e) {
                             if (id == request && e.code == 1317) {
                                 killedAt = t.elapsed();
                                 loop.quit();
                             }
                         });
        QTimer::singleShot(12000, &loop, &QEventLoop::quit);
        victim.connectNow();
        loop.exec();
        if (killedAt < 0) {
            victim.cancel(request);
            std::printf("TiDesk run %d: not killed within 12 s\n", i + 1);
            continue;
        }
        out.push_back(killedAt - kThresholdMs);
        if (decidedAt >= 0)
            decisions->push_back(decidedAt - kThresholdMs);
        std::printf("TiDesk run %d: decision %lld ms, victim 1317 %lld ms after the threshold\n",
                    i + 1, decidedAt - kThresholdMs, killedAt - kThresholdMs);
        waitMs(150 + 130 * i);
    }
    runner.stop();
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(u"tidesk.*.info=false"_s);
    const Test::SandboxEnv sb;
    if (!sb.isValid()) {
        std::printf("%s\n", qPrintable(sb.error()));
        return 1;
    }
    SqlConnection::initDriver();
    QTemporaryDir dir;
    std::printf("busy-time rule, threshold %lld ms, poll interval 1000 ms, %d runs each\n",
                kThresholdMs, kRuns);
    const std::vector<qint64> pt = benchPtKill(sb, dir);
    std::vector<qint64> decisions;
    const std::vector<qint64> td = benchTiDesk(sb, dir, &decisions);
    summary("pt-kill (detect + KILL QUERY, victim sees 1317)", pt);
    summary("TiDesk rule decision (detect)", decisions);
    summary("TiDesk enforced rule (detect + verify + KILL HARD QUERY, victim sees 1317)", td);
    return 0;
}

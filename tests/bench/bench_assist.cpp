// ./run bench assist: the expert session (issue 7) over the sandbox relay (sshd on 127.0.0.1),
// both ends in this process, real MariaDB behind the host.
//  1. Session setup: host start -> code ready (relay login + remote forward), then code entered
//     -> secure channel (the expert's relay login, direct-tcpip, SPAKE2 + X25519 handshake) ->
//     accepted (the DBA's click is immediate here, so this is the machine's share of it).
//  2. A 100,000-row SELECT (shop.order_items of the sandbox's prod instance, 5 columns) proposed
//     by the expert, auto-approved, run on the host and streamed back in sealed chunks, versus
//     the same query on a direct connection with TiDesk's SQL layer (TLS verify_ca both ways).
// Prints median and min of several runs and the ratio. Never asserts a time.
#include "SandboxEnv.h"
#include "SshConnectOptions.h"
#include "assist/AssistExpertSession.h"
#include "assist/AssistHostSession.h"
#include "secrets/VaultFileStore.h"
#include "sessions/AuditLog.h"
#include "sql/ActivityLog.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSetupRuns = 7;
constexpr int kQueryRuns = 5;
const QString kQuery = u"SELECT id, order_id, product_id, quantity, unit_price FROM "
                       "shop.order_items ORDER BY id LIMIT 100000"_s;

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

// Runs the event loop until done() is true or timeoutMs passed.
bool spin(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"tidesk.*.info=false\ntidesk.*.debug=false"_s);
    const Test::SandboxEnv env;
    if (!env.isValid()) {
        std::fprintf(stderr, "bench_assist: %s\n", qPrintable(env.error()));
        return 1;
    }
    SqlConnection::initDriver();
    QTemporaryDir dir;
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10;
    VaultFileStore vault(dir.filePath(u"secrets.vault"_s), kdf);
    if (!vault.unlockOrCreate(u"bench"_s).ok())
        return 1;
    ActivityLog activity;
    AuditLog audit(dir.filePath(u"audit.jsonl"_s));
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    CoreServices services;
    services.activityLog = &activity;
    services.audit = &audit;
    services.secrets = &vault;
    services.pool = &pool;

    // The prod instance under a non-production name, so read-only statements are auto-approved
    // (the DBA's decision time is not the machine's).
    Environment e;
    e.id = QUuid::createUuid();
    e.name = u"bench"_s;
    e.tier = Tier::Test;
    e.endpoints << SqlEndpoint { u"127.0.0.1"_s, env.mariadbPort(u"prod"_s), {} };
    e.user = env.adminUser();
    e.tls.mode = TlsMode::VerifyCa;
    e.tls.caFile = env.value(u"TLS_CA"_s);
    e.queryTimeoutMs = 120000;
    if (!vault.write(e.passwordSecretKey(), env.adminPassword()).ok())
        return 1;

    SshConnectOptions relay;
    relay.host = u"127.0.0.1"_s;
    relay.port = env.value(u"SSHD_PORT"_s).toInt();
    relay.user = env.value(u"SSH_USER"_s);
    relay.identityFiles = { env.value(u"SSH_USER_KEY"_s) };
    relay.knownHostsFile = env.value(u"SSH_KNOWN_HOSTS"_s);

    AssistHostOptions ho;
    ho.relay = relay;
    ho.sharedEnvironments = { e };
    ho.autoApproveReadOnly = true;
    ho.rowLimit = 100000;
    ho.auditDir = dir.filePath(u"assist"_s);
    AssistExpertOptions eo;
    eo.relay = relay;
    eo.expertName = u"Bench Expert"_s;

    std::printf("Expert session over the sandbox relay (sshd 127.0.0.1:%d)\n", relay.port);
    QList<double> codeMs, secureMs, acceptedMs, resultMs;
    qint64 rows = 0;
    for (int run = 0; run < kSetupRuns; ++run) {
        AssistHostSession host(services, ho);
        QElapsedTimer t;
        t.start();
        host.start();
        if (!spin([&] { return host.code().has_value(); })) {
            std::fprintf(stderr, "bench_assist: no code: %s\n",
                         qPrintable(host.endReason().message));
            return 1;
        }
        codeMs << double(t.nsecsElapsed()) / 1e6;
        QObject::connect(&host, &AssistHostSession::expertWaiting, &host, [&] { host.accept(); });
        AssistExpertSession expert(eo);
        t.restart();
        expert.join(*host.code());
        if (!spin([&] {
                return expert.state() == AssistExpertSession::State::WaitingForAccept
                    || expert.state() == AssistExpertSession::State::Active
                    || expert.state() == AssistExpertSession::State::Ended;
            })) {
            return 1;
        }
        secureMs << double(t.nsecsElapsed()) / 1e6;
        if (!spin([&] { return expert.state() == AssistExpertSession::State::Active; })) {
            std::fprintf(stderr, "bench_assist: not accepted: %s\n",
                         qPrintable(expert.endReason().message));
            return 1;
        }
        acceptedMs << double(t.nsecsElapsed()) / 1e6;
        if (run < kQueryRuns) {
            AssistProposal p;
            p.action = AssistProposal::Action::Sql;
            p.environment = e.name;
            p.sql = kQuery;
            t.restart();
            const qint64 id = expert.propose(p);
            if (!spin([&] { return expert.proposal(id)->result.has_value(); }, 120000)) {
                std::fprintf(stderr, "bench_assist: no result\n");
                return 1;
            }
            resultMs << double(t.nsecsElapsed()) / 1e6;
            rows = expert.proposal(id)->result->rows.size();
            if (!expert.proposal(id)->result->ok) {
                std::fprintf(stderr, "bench_assist: %s\n",
                             qPrintable(expert.proposal(id)->result->message));
                return 1;
            }
        }
        host.end();
        spin([&] { return expert.state() == AssistExpertSession::State::Ended; }, 5000);
    }

    QList<double> directMs;
    qint64 directRows = 0;
    for (int run = 0; run < kQueryRuns; ++run) {
        ConnectParams p;
        p.host = u"127.0.0.1"_s;
        p.port = env.mariadbPort(u"prod"_s);
        p.user = env.adminUser();
        p.password = env.adminPassword();
        p.tls.mode = TlsMode::VerifyCa;
        p.tls.caFile = env.value(u"TLS_CA"_s);
        p.readTimeoutMs = 120000;
        QElapsedTimer t;
        t.start();
        SqlConnection c;
        if (!c.open(p).ok())
            return 1;
        const Result<QueryResult> r = c.query(kQuery);
        if (!r)
            return 1;
        directMs << double(t.nsecsElapsed()) / 1e6;
        directRows = r->rows.size();
    }

    const Stats code = stats(codeMs), secure = stats(secureMs), accepted = stats(acceptedMs);
    const Stats streamed = stats(resultMs), direct = stats(directMs);
    std::printf("Session setup (N=%d), median / min:\n", kSetupRuns);
    std::printf("  host: start -> code ready (relay login + forward)   %7.1f / %7.1f ms\n",
                code.median, code.min);
    std::printf("  expert: code entered -> secure channel (SAS shown)  %7.1f / %7.1f ms\n",
                secure.median, secure.min);
    std::printf("  expert: code entered -> accepted (instant click)    %7.1f / %7.1f ms\n",
                accepted.median, accepted.min);
    std::printf("100,000-row result (N=%d; %lld rows streamed, %lld direct), median / min:\n",
                kQueryRuns, static_cast<long long>(rows), static_cast<long long>(directRows));
    std::printf("  direct connection (connect + TLS + query)           %7.1f / %7.1f ms\n",
                direct.median, direct.min);
    std::printf("  proposed by the expert, run on the host, streamed   %7.1f / %7.1f ms\n",
                streamed.median, streamed.min);
    std::printf("  ratio streamed / direct (median)                    x%.2f\n",
                direct.median > 0 ? streamed.median / direct.median : 0.0);
    return 0;
}

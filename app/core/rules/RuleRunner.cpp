#include "RuleRunner.h"

#include "health/SqlPassword.h"
#include "rules/RuleKiller.h"
#include "sql/EnvironmentCheck.h"
#include "sql/QueryResult.h"
#include "sql/SqlWorker.h"
#include "tunnel/BastionTunnels.h"

#include <QCoreApplication>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// Default-constructible carrier for QFuture (Result<T> has no default constructor).
struct ParamsOutcome
{
    ConnectParams params;
    Error error;
};

} // namespace

RuleRunner::RuleRunner(const CoreServices &services, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_audit(audit)
{
    qRegisterMetaType<TiDesk::RuleDecision>();
    qRegisterMetaType<TiDesk::Error>();
    if (!services.tidbCatalogSchema.isEmpty())
        m_dialectOptions.catalogSchema = services.tidbCatalogSchema;
    CredentialStore *secrets = services.secrets;
    EndpointRouter *router = services.tunnels;
    m_params = [secrets, router](const Environment &env) -> Result<ConnectParams> {
        const SqlPassword pw = readSqlPassword(env, secrets);
        if (!pw.ok())
            return pw.error;
        if (env.endpoints.isEmpty())
            return Error::make(ErrorKind::InvalidInput, tr("%1 has no SQL endpoint").arg(env.name));
        ConnectParams p = ConnectParams::fromEnvironment(env, pw.password, 0);
        const SshRoute route = SshRoute::fromStore(env, secrets, router);
        p.sshSecret = route.sshSecret;
        p.router = route.router;
        // A processlist read is small: a server that does not answer within a few seconds is
        // reported, not waited for.
        p.readTimeoutMs = qMin(p.readTimeoutMs, 10000);
        p.writeTimeoutMs = qMin(p.writeTimeoutMs, 10000);
        return p;
    };
    m_clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
    m_auditPool.setMaxThreadCount(1);
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RuleRunner::tick);
}

RuleRunner::~RuleRunner()
{
    stop();
}

void RuleRunner::setRules(const RuleSet &rules)
{
    m_engine.setRules(rules);
    rebuildScope();
}

void RuleRunner::setEnvironments(const EnvironmentList &envs)
{
    m_allEnvs = envs;
    rebuildScope();
}

void RuleRunner::rebuildScope()
{
    QSet<QString> wanted;
    for (const Environment &env : std::as_const(m_allEnvs)) {
        bool inScope = false;
        for (const KillRule &r : m_engine.rules().rules)
            inScope = inScope || r.appliesTo(env.name, env.tier);
        if (!inScope)
            continue;
        wanted.insert(env.name);
        auto it = m_envs.find(env.name);
        if (it == m_envs.end()) {
            auto st = std::make_unique<EnvState>();
            st->env = env;
            m_envs.emplace(env.name, std::move(st));
        } else if (!(it->second->env == env)) {
            // Connection settings changed: reconnect with the new ones.
            if (it->second->worker)
                it->second->worker->shutdown();
            it->second = std::make_unique<EnvState>();
            it->second->env = env;
        }
    }
    for (auto it = m_envs.begin(); it != m_envs.end();) {
        if (wanted.contains(it->first)) {
            ++it;
            continue;
        }
        if (it->second->worker)
            it->second->worker->shutdown();
        m_engine.forgetEnvironment(it->first);
        m_round.remove(it->first);
        it = m_envs.erase(it);
    }
}

EnvironmentList RuleRunner::polledEnvironments() const
{
    EnvironmentList out;
    for (const auto &[name, st] : m_envs)
        out << st->env;
    return out;
}

void RuleRunner::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(int(qMax<qint64>(100, interval.count())));
}

std::chrono::milliseconds RuleRunner::interval() const
{
    return std::chrono::milliseconds(m_timer.interval());
}

void RuleRunner::start()
{
    m_stopping = false;
    m_started = true;
    m_timer.start();
    tick();
}

void RuleRunner::pollOnce()
{
    m_stopping = false;
    m_started = true;
    for (const auto &[name, st] : m_envs)
        m_round.insert(name);
    if (m_round.isEmpty()) {
        emit pollRoundFinished();
        return;
    }
    tick();
}

void RuleRunner::stop()
{
    const bool wasStarted = std::exchange(m_started, false);
    m_stopping = true;
    m_timer.stop();
    for (auto &[name, st] : m_envs) {
        if (st->worker) {
            st->worker->shutdown();
            st->worker.reset();
        }
        st->pendingRequest = 0;
        st->paramsPending = false;
    }
    m_round.clear();
    m_auditPool.waitForDone();
    if (wasStarted)
        emit stopped();
}

RuleRunner::EnvState *RuleRunner::state(const QString &envName)
{
    auto it = m_envs.find(envName);
    return it == m_envs.end() ? nullptr : it->second.get();
}

quint64 RuleRunner::pollCount(const QString &envName) const
{
    auto it = m_envs.find(envName);
    return it == m_envs.end() ? 0 : it->second->polls;
}

Error RuleRunner::lastError(const QString &envName) const
{
    auto it = m_envs.find(envName);
    return it == m_envs.end() ? Error() : it->second->lastError;
}

void RuleRunner::tick()
{
    if (m_stopping)
        return;
    for (auto &[name, st] : m_envs)
        pollEnv(*st);
}

void RuleRunner::pollEnv(EnvState &st)
{
    if (m_stopping || st.pendingRequest != 0 || st.paramsPending)
        return; // the previous poll of this environment is still running
    if (!st.worker) {
        if (st.paramsRetryAfter.isValid() && m_clock() < st.paramsRetryAfter) {
            roundDone(st.env.name);
            return;
        }
        requestParams(st);
        return;
    }
    const std::shared_ptr<const Dialect> dialect = st.worker->dialect();
    // Before the first connect the engine (and so the statement) is unknown: a trivial
    // statement makes the worker connect, detect the engine and build the dialect.
    st.pendingIsProbe = !dialect;
    st.pendingRequest = st.worker->submit(dialect ? dialect->liveSessionsQuery() : u"SELECT 1"_s);
}

void RuleRunner::requestParams(EnvState &st)
{
    Q_ASSERT_X(m_services.pool, "RuleRunner", "CoreServices::pool is required");
    st.paramsPending = true;
    const Environment env = st.env;
    const ParamsFunction params = m_params;
    (void)QtConcurrent::run(m_services.pool, [env, params] {
        ParamsOutcome out;
        Result<ConnectParams> r = params(env);
        if (r)
            out.params = *r;
        else
            out.error = r.error();
        return out;
    }).then(this, [this, name = env.name](const ParamsOutcome &out) {
        if (out.error.isError())
            onParams(name, out.error);
        else
            onParams(name, out.params);
    });
}

void RuleRunner::onParams(const QString &envName, const Result<ConnectParams> &params)
{
    EnvState *st = state(envName);
    if (!st || m_stopping || st->worker)
        return; // stopped meanwhile, or an older request after a restart
    st->paramsPending = false;
    if (!params) {
        st->paramsRetryAfter = m_clock().addMSecs(kParamsRetryMs);
        reportError(*st, params.error());
        roundDone(envName);
        return;
    }
    SqlWorkerOptions options;
    options.engineOverride = st->env.engine;
    options.dialectOptions = m_dialectOptions;
    // The server stops our own processlist read if it ever hangs.
    options.serverStatementTimeout = std::chrono::milliseconds(10000);
    st->worker = std::make_unique<SqlWorker>(*params, options, m_services.activityLog);
    SqlWorker *w = st->worker.get();
    connect(w, &SqlWorker::resultReady, this,
            [this, envName](quint64 id, const QueryResult &r) { onResult(envName, id, r); });
    connect(w, &SqlWorker::requestFailed, this,
            [this, envName](quint64 id, const Error &e) { onFailed(envName, id, e); });
    pollEnv(*st);
}

void RuleRunner::onResult(const QString &envName, quint64 requestId, const QueryResult &result)
{
    EnvState *st = state(envName);
    if (!st || m_stopping || st->pendingRequest != requestId)
        return;
    st->pendingRequest = 0;
    if (st->pendingIsProbe) {
        st->pendingIsProbe = false;
        if (st->worker && st->worker->dialect())
            pollEnv(*st); // connected: read the sessions now, not an interval later
        return;
    }
    evaluate(*st, result);
    roundDone(envName);
}

void RuleRunner::onFailed(const QString &envName, quint64 requestId, const Error &error)
{
    EnvState *st = state(envName);
    if (!st || m_stopping || st->pendingRequest != requestId)
        return;
    st->pendingRequest = 0;
    st->pendingIsProbe = false;
    reportError(*st, error);
    roundDone(envName);
}

void RuleRunner::reportError(EnvState &st, const Error &error)
{
    // Once per kind of failure, not once per poll: a dead environment would otherwise repeat
    // the same error every second (the worker retries with back-off meanwhile).
    const bool same = st.lastError.isError() && st.lastError.kind == error.kind
        && st.lastError.code == error.code;
    st.lastError = error;
    if (!same)
        emit environmentError(st.env.name, error);
}

void RuleRunner::roundDone(const QString &envName)
{
    if (m_round.remove(envName) && m_round.isEmpty())
        emit pollRoundFinished();
}

void RuleRunner::evaluate(EnvState &st, const QueryResult &result)
{
    const EngineInfo engine = st.worker->engineInfo();
    const QDateTime observed = m_clock();
    Result<QList<SessionRow>> rows
        = SessionReader::fromResult(result, engine.engine, observed, &st.digests);
    if (!rows) {
        reportError(st, rows.error());
        return;
    }
    st.lastError = Error();
    ++st.polls;
    if (!st.warned) {
        st.warned = true;
        // MySQL's processlist has no memory column; TiDB (MEM) and MariaDB (MEMORY_USED) do.
        const QStringList memRules = m_engine.rulesNeedingMemory(st.env.name, st.env.tier);
        if (engine.engine == Engine::MySQL && !memRules.isEmpty())
            //: %1 = rule names, %2 = engine name
            emit environmentWarning(
                st.env.name,
                tr("rules %1 match on memory, which %2 does not report: they "
                   "never match here")
                    .arg(memRules.join(u", "_s), EngineInfo::engineDisplayName(engine.engine)));
    }
    RuleEngine::EnvContext ctx;
    ctx.name = st.env.name;
    ctx.tier = st.env.tier;
    if (const quint64 own = st.worker->connectionId(); own != 0)
        ctx.ownConnectionIds.insert(own);
    if (m_killer)
        ctx.ownConnectionIds.unite(m_killer->ownConnectionIds(st.env.name));
    const QList<RuleDecision> decisions = m_engine.evaluate(ctx, *rows, observed);
    emit environmentPolled(st.env.name, int(rows->size()));
    for (const RuleDecision &d : decisions)
        handle(st, d);
}

void RuleRunner::handle(EnvState &st, const RuleDecision &d)
{
    AuditEntry e;
    e.at = d.decidedAt;
    e.envName = d.envName;
    e.action = KillRule::actionName(d.action);
    e.target = d.targetText();
    e.rule = d.ruleName;
    e.mode = KillRule::modeName(d.mode);
    if (d.isKill()) {
        if (const std::shared_ptr<const Dialect> dialect = st.worker->dialect())
            e.statement = dialect->killStatement(d.killKind(), d.session.id).sql;
    }
    if (d.outcome == RuleDecision::Outcome::RateLimited) {
        e.ok = false;
        //: %1 = why the session matched
        e.result = tr("rate limit reached: not killed (%1)").arg(d.reason);
    } else if (!d.isKill()) {
        e.ok = true;
        e.result = tr("matched: %1").arg(d.reason);
    } else if (d.mode == RuleMode::DryRun) {
        e.ok = true;
        e.result = tr("would have killed (dry run): %1").arg(d.reason);
    } else if (m_killer) {
        // The killer verifies, kills and writes the audit line of the kill itself.
        m_killer->killForRule(st.env, d);
        emit decisionHandled(d, e.statement, tr("handed to the killer: %1").arg(d.reason));
        return;
    } else {
        e.ok = false;
        e.result = tr("not executed: killer not available (%1)").arg(d.reason);
    }
    writeAudit({ e });
    emit decisionHandled(d, e.statement, e.result);
}

void RuleRunner::writeAudit(const QList<AuditEntry> &entries)
{
    if (!m_audit || entries.isEmpty())
        return;
    AuditLog *audit = m_audit;
    (void)QtConcurrent::run(&m_auditPool, [audit, entries] {
        for (const AuditEntry &e : entries)
            if (VoidResult r = audit->append(e); !r)
                return r.error();
        return Error();
    }).then(this, [this](const Error &error) {
        if (error.isError())
            emit auditFailed(error);
    });
}

} // namespace TiDesk

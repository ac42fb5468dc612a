#include "AssistHostSession.h"

#include "AssistHostLink.h"
#include "AssistMessage.h"
#include "AssistSecureSession.h"
#include "AttemptLimiter.h"
#include "AuditLogChain.h"
#include "alerts/AlertmanagerClient.h"
#include "backup/BackupLauncher.h"
#include "backup/BackupManager.h"
#include "common/AppPaths.h"
#include "common/MetricFormat.h"
#include "metrics/ChartCatalog.h"
#include "metrics/MetricRange.h"
#include "metrics/PrometheusClient.h"
#include "sessions/AuditLog.h"
#include "sessions/KillRequest.h"
#include "sessions/SessionKiller.h"
#include "sql/SqlConnection.h"
#include "tunnel/BastionTunnels.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk {

struct AssistHostSession::AuditState
{
    std::unique_ptr<AuditLogChain> chain;
    Error error;
};

namespace {

constexpr int kMaxOpenCards = 50;

// The environment with the host's secrets (blocks on the credential store: pool threads).
Result<EnvironmentTarget> resolveTarget(const CoreServices &services, const Environment &env)
{
    DialectOptions opts;
    if (!services.tidbCatalogSchema.isEmpty())
        opts.catalogSchema = services.tidbCatalogSchema;
    return EnvironmentTarget::resolve(env, services.secrets, services.tunnels, opts);
}

template<typename T>
void onPool(QObject *context, QThreadPool *pool, std::function<T()> work,
            std::function<void(const T &)> done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(
        QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(), std::move(work)));
}

} // namespace

void AssistHostSession::reportAuditFailure(const QPointer<AssistHostSession> &self,
                                           const Error &error)
{
    QMetaObject::invokeMethod(
        qApp,
        [self, error] {
            if (AssistHostSession *s = self.data(); s && !s->m_auditFailedReported) {
                s->m_auditFailedReported = true;
                emit s->auditFailed(error);
            }
        },
        Qt::QueuedConnection);
}

AssistHostSession::AssistHostSession(CoreServices services, AssistHostOptions options,
                                     QObject *parent)
    : QObject(parent)
    , m_services(std::move(services))
    , m_options(std::move(options))
    , m_shared(m_options.sharedEnvironments)
    , m_auditState(std::make_shared<AuditState>())
{
    m_auditPool.setMaxThreadCount(1);
    m_idleTimer.setSingleShot(true);
    m_maxTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        const qint64 minutes
            = std::chrono::duration_cast<std::chrono::minutes>(m_options.idleTimeout).count();
        Error e = Error::make(ErrorKind::Timeout,
                              tr("No message and no decision for %n minute(s): the session "
                                 "ended.",
                                 nullptr, int(qMax<qint64>(1, minutes))));
        finish(e);
    });
    connect(&m_maxTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Active) {
            finish(Error::make(ErrorKind::Timeout,
                               tr("The session reached its maximum duration and ended.")));
        } else if (m_state == State::WaitingForExpert || m_state == State::Opening) {
            finish(Error::make(ErrorKind::Timeout,
                               tr("The session code expired before an expert joined.")));
        }
    });
    connect(&m_viewTimer, &QTimer::timeout, this, &AssistHostSession::refreshView);
    SessionKiller::Options ko;
    m_killer = new SessionKiller(m_services, ko, this);
}

AssistHostSession::~AssistHostSession()
{
    if (m_state != State::Ended && m_state != State::Idle)
        audit(AuditKind::System, u"tidesk"_s, u"session closed with the window"_s);
    m_auditPool.waitForDone();
}

QString AssistHostSession::stateText(State s)
{
    switch (s) {
    case State::Idle: return tr("Not started");
    case State::Opening: return tr("Connecting to the relay");
    case State::WaitingForExpert: return tr("Waiting for the expert");
    case State::Handshaking: return tr("Checking the session code");
    case State::AwaitingAccept: return tr("Compare the code and accept");
    case State::Active: return tr("Expert connected");
    case State::Ended: return tr("Ended");
    }
    return {};
}

void AssistHostSession::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged(s);
}

QString AssistHostSession::expertActor() const
{
    return u"expert:"_s + m_expertName;
}

std::optional<Environment> AssistHostSession::sharedByName(const QString &name) const
{
    for (const Environment &e : m_shared)
        if (e.name.compare(name, Qt::CaseInsensitive) == 0)
            return e;
    return std::nullopt;
}

AssistHostSession::Card *AssistHostSession::findCard(qint64 id)
{
    for (Card &c : m_cards)
        if (c.proposal.id == id)
            return &c;
    return nullptr;
}

const AssistHostSession::Card *AssistHostSession::card(qint64 id) const
{
    for (const Card &c : m_cards)
        if (c.proposal.id == id)
            return &c;
    return nullptr;
}

int AssistHostSession::pendingCount() const
{
    return int(std::count_if(m_cards.cbegin(), m_cards.cend(), [](const Card &c) {
        return c.status == AssistProposal::Status::Pending;
    }));
}

int AssistHostSession::attemptsLeft() const
{
    return m_limiter ? m_limiter->remainingAttempts() : AttemptLimiter::kMaxFailures;
}

void AssistHostSession::audit(AuditKind kind, const QString &actor, const QString &summary,
                              const QJsonObject &detail)
{
    QPointer<AssistHostSession> self(this);
    m_auditPool.start([state = m_auditState, kind, actor, summary, detail, self] {
        if (!state->chain)
            return;
        const Result<qint64> r = detail.isEmpty()
            ? state->chain->append(kind, actor, summary)
            : state->chain->appendWithDetail(kind, actor, summary, detail);
        if (!r) {
            const Error e = r.error();
            reportAuditFailure(self, e);
        }
    });
}

void AssistHostSession::start()
{
    if (m_state != State::Idle)
        return;
    if (m_shared.isEmpty()) {
        finish(Error::make(ErrorKind::InvalidInput,
                           tr("Share at least one environment before starting a session.")));
        return;
    }
    if (m_options.relay.host.isEmpty()) {
        finish(Error::make(ErrorKind::InvalidInput,
                           tr("No relay is set: name the SSH server "
                              "both you and the expert can reach.")));
        return;
    }
    if (m_options.hostId.isEmpty())
        m_options.hostId = AuditLog::currentActor() + u'@' + QSysInfo::machineHostName();
    const QString dir
        = m_options.auditDir.isEmpty() ? AppPaths::dataDir() + u"/assist"_s : m_options.auditDir;
    m_auditPath = dir + u'/' + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s) + u'-'
        + QString::number(QRandomGenerator::system()->generate() & 0xffff, 16) + u".jsonl"_s;
    QPointer<AssistHostSession> self(this);
    m_auditPool.start([state = m_auditState, dir, path = m_auditPath, self] {
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        Result<std::unique_ptr<AuditLogChain>> chain
            = AuditLogChain::open(path, QFileInfo(path).completeBaseName());
        if (!chain) {
            state->error = chain.error();
            const Error e = chain.error();
            reportAuditFailure(self, e);
            return;
        }
        state->chain = std::move(*chain);
    });
    QStringList names;
    for (const Environment &e : std::as_const(m_shared))
        names << e.name;
    audit(AuditKind::System, AuditLog::currentActor(),
          u"session started: relay %1@%2:%3, sharing %4%5"_s.arg(
              m_options.relay.user, m_options.relay.host, QString::number(m_options.relay.port),
              names.join(u", "_s),
              m_options.autoApproveReadOnly ? u", read-only statements on non-production "
                                              "auto-approved"_s
                                            : QString()));
    setState(State::Opening);
    openLink(0);
}

void AssistHostSession::openLink(int port)
{
    auto *link = new AssistHostLink(this);
    m_link = link;
    m_expertArrived = false;
    connect(link, &AssistLink::stateChanged, this, [this, link](AssistLink::State st) {
        if (link == m_link.data() && st == AssistLink::State::Connected)
            m_expertArrived = true;
    });
    connect(link, &AssistHostLink::listening, this, [this, link](int boundPort) {
        if (link != m_link.data())
            return;
        const bool first = !m_code;
        if (first) {
            const Result<SessionCode> code = SessionCode::generate(
                m_options.relay.user, m_options.relay.host, quint16(m_options.relay.port),
                quint16(boundPort), m_options.codeValidity, QDateTime::currentDateTimeUtc());
            if (!code) {
                finish(code.error());
                return;
            }
            m_code = *code;
            m_limiter = std::make_unique<AttemptLimiter>(
                m_code->expiresUtc(), [] { return QDateTime::currentDateTimeUtc(); });
            m_maxTimer.start(int(
                qMax<qint64>(1000, QDateTime::currentDateTimeUtc().msecsTo(m_code->expiresUtc()))));
            // The code carries the secret: the audit log keeps where, not the secret.
            audit(AuditKind::System, u"tidesk"_s,
                  u"session code issued: relay port %1, expires %2"_s.arg(
                      QString::number(boundPort), m_code->expiresUtc().toString(Qt::ISODate)));
        }
        // The secure session exists before anyone can connect: the expert speaks first, and
        // its first handshake frame may arrive together with the channel.
        auto *secure = AssistSecureSession::forHost(link, m_code->secretBytes(), m_options.hostId,
                                                    m_limiter.get(), this);
        m_secure = secure;
        connect(secure, &AssistSecureSession::established, this, &AssistHostSession::onEstablished);
        connect(secure, &AssistSecureSession::failed, this, [this](const Error &e) {
            if (m_state == State::Handshaking || m_state == State::WaitingForExpert)
                audit(AuditKind::System, u"tidesk"_s, u"handshake failed: %1"_s.arg(e.message));
            else
                finish(e);
        });
        connect(secure, &AssistSecureSession::frameReceived, this, &AssistHostSession::onMessage);
        setState(State::WaitingForExpert);
        if (first)
            emit codeReady(*m_code);
    });
    connect(link, &AssistHostLink::expertConnected, this, [this, link] {
        if (link == m_link.data() && m_state == State::WaitingForExpert)
            setState(State::Handshaking);
    });
    connect(link, &AssistHostLink::extraConnectionRefused, this, [this](int count) {
        audit(AuditKind::System, u"tidesk"_s,
              u"a second connection was refused (busy), %1 so far"_s.arg(count));
    });
    connect(link, &AssistLink::closed, this, [this, link](const Error &reason) {
        link->deleteLater();
        if (link != m_link.data())
            return;
        const bool endedBefore = m_state == State::Ended; // finish() already ran: it waited for us
        onLinkClosed(reason);
        if (endedBefore)
            emit transportClosed();
    });
    link->open(m_options.relay, port);
}

void AssistHostSession::onLinkClosed(const Error &reason)
{
    AssistSecureSession *secure = m_secure.data();
    // An attempt: someone reached the forwarded port (the link was connected) before it closed.
    const bool attempted
        = m_expertArrived && m_state != State::Active && m_state != State::AwaitingAccept;
    if (secure) {
        secure->deleteLater();
        m_secure.clear();
    }
    m_link.clear();
    if (m_state == State::Ended)
        return;
    if (m_state == State::Active || m_state == State::AwaitingAccept) {
        finish(reason);
        return;
    }
    if (!attempted || !m_limiter || !m_code) {
        finish(reason); // the relay refused us or went away before anyone tried the code
        return;
    }
    if (m_limiter->state() == AttemptLimiter::State::Busy)
        m_limiter->recordFailure(); // dropped mid-handshake: counts as a failed attempt
    const int remaining = m_limiter->remainingAttempts();
    audit(AuditKind::System, u"tidesk"_s,
          u"attempt failed (%1), %2 left"_s.arg(reason.message, QString::number(remaining)));
    if (m_limiter->state() != AttemptLimiter::State::Open) {
        finish(Error::make(ErrorKind::Auth, m_limiter->stateText()));
        return;
    }
    emit attemptFailed(reason, remaining);
    setState(State::WaitingForExpert);
    openLink(m_code->forwardPort()); // the same code keeps working
}

void AssistHostSession::onEstablished()
{
    AssistSecureSession *secure = m_secure.data();
    if (!secure)
        return;
    m_sas = secure->sas();
    m_expertName = secure->expertName();
    m_expertFingerprint = secure->expertKeyFingerprint();
    m_maxTimer.stop(); // the code is used up; the session's own limit starts at accept()
    audit(AuditKind::System, u"tidesk"_s,
          u"expert connected: %1, key %2, short code %3"_s.arg(m_expertName, m_expertFingerprint,
                                                               m_sas.text()));
    setState(State::AwaitingAccept);
    touch();
    emit expertWaiting(m_expertName, m_expertFingerprint, m_sas);
}

void AssistHostSession::accept()
{
    if (m_state != State::AwaitingAccept)
        return;
    m_endsAt = QDateTime::currentDateTimeUtc().addSecs(
        std::chrono::duration_cast<std::chrono::seconds>(m_options.maxDuration).count());
    m_maxTimer.start(std::chrono::duration_cast<std::chrono::milliseconds>(m_options.maxDuration));
    QJsonArray envs;
    for (const Environment &e : std::as_const(m_shared))
        envs.append(QJsonObject {
            { u"name"_s, e.name },
            { u"tier"_s, Environment::tierName(e.tier) },
            { u"color"_s, e.effectiveColor() },
            { u"production"_s, e.isProduction() },
            { u"auto_approve_readonly"_s, m_options.autoApproveReadOnly && !e.isProduction() },
        });
    send(QJsonObject {
        { u"t"_s, QString::fromLatin1(AssistMessage::kWelcome) },
        { u"host"_s, m_options.hostId },
        { u"environments"_s, envs },
        { u"row_limit"_s, m_options.rowLimit },
        { u"ends_at"_s, m_endsAt.toString(Qt::ISODate) },
        { u"idle_timeout_s"_s,
          double(std::chrono::duration_cast<std::chrono::seconds>(m_options.idleTimeout).count()) },
    });
    audit(AuditKind::Decision, AuditLog::currentActor(),
          u"accepted the expert %1 (short code %2 compared)"_s.arg(m_expertName, m_sas.text()));
    setState(State::Active);
    touch();
}

void AssistHostSession::refuse()
{
    if (m_state != State::AwaitingAccept)
        return;
    audit(AuditKind::Decision, AuditLog::currentActor(),
          u"refused the expert %1"_s.arg(m_expertName));
    send(QJsonObject { { u"t"_s, QString::fromLatin1(AssistMessage::kEnd) },
                       { u"reason"_s, tr("The DBA did not accept the session.") } });
    finish(Error::make(ErrorKind::Cancelled, tr("You refused the expert; the session ended.")));
}

void AssistHostSession::send(const QJsonObject &message)
{
    if (AssistSecureSession *s = m_secure.data())
        s->send(AssistMessage::kFrame, AssistMessage::encode(message));
}

void AssistHostSession::touch()
{
    if (m_state == State::Active || m_state == State::AwaitingAccept)
        m_idleTimer.start(
            std::chrono::duration_cast<std::chrono::milliseconds>(m_options.idleTimeout));
}

void AssistHostSession::onMessage(quint8 type, const QByteArray &body)
{
    if (type != AssistMessage::kFrame) {
        finish(Error::make(ErrorKind::InvalidInput,
                           tr("The expert's program sent an unknown kind of frame; the session "
                              "was closed.")));
        return;
    }
    const Result<QJsonObject> m = AssistMessage::decode(body, true);
    if (!m) {
        finish(m.error());
        return;
    }
    const QString t = m->value(u"t"_s).toString();
    if (t == QLatin1String(AssistMessage::kEnd)) {
        const QString why = m->value(u"reason"_s).toString().left(500);
        audit(AuditKind::Message, expertActor(), u"ended the session: %1"_s.arg(why));
        Error e = Error::make(ErrorKind::Cancelled, tr("The expert ended the session."));
        finish(e);
        return;
    }
    if (m_state != State::Active) {
        finish(Error::make(ErrorKind::InvalidInput,
                           tr("The expert's program sent a message before you accepted; the "
                              "session was closed.")));
        return;
    }
    touch();
    if (t == QLatin1String(AssistMessage::kChat)) {
        const ChatLine line { true, m->value(u"text"_s).toString(),
                              QDateTime::currentDateTimeUtc() };
        m_chat << line;
        audit(AuditKind::Chat, expertActor(), line.text);
        emit chatAdded(line);
    } else if (t == QLatin1String(AssistMessage::kPropose)) {
        onPropose(*m);
    } else if (t == QLatin1String(AssistMessage::kSubscribe)) {
        onSubscribe(*m);
    }
}

void AssistHostSession::sendStatus(const Card &c)
{
    send(QJsonObject { { u"t"_s, QString::fromLatin1(AssistMessage::kStatus) },
                       { u"id"_s, double(c.proposal.id) },
                       { u"status"_s, AssistProposal::statusName(c.status) },
                       { u"statement"_s, c.facts.statement },
                       { u"note"_s, c.decisionNote } });
}

void AssistHostSession::onPropose(const QJsonObject &o)
{
    Result<AssistProposal> p = AssistProposal::fromJson(o);
    if (!p) {
        audit(AuditKind::Proposal, expertActor(),
              u"malformed proposal refused: %1"_s.arg(p.error().message));
        send(QJsonObject {
            { u"t"_s, QString::fromLatin1(AssistMessage::kStatus) },
            { u"id"_s, o.value(u"id"_s).toDouble() },
            { u"status"_s, AssistProposal::statusName(AssistProposal::Status::Rejected) },
            { u"note"_s, p.error().message } });
        return;
    }
    Card c;
    c.proposal = *p;
    c.receivedUtc = QDateTime::currentDateTimeUtc();
    const QString refuseWhy = [&]() -> QString {
        if (findCard(p->id))
            return tr("A proposal with this id was already made.");
        if (!sharedByName(p->environment))
            return tr("The environment %1 is not shared in this session.").arg(p->environment);
        const int open = int(std::count_if(m_cards.cbegin(), m_cards.cend(), [](const Card &x) {
            return !AssistProposal::isFinal(x.status);
        }));
        if (open >= kMaxOpenCards)
            return tr("Too many proposals are waiting; wait for the DBA's decisions.");
        return {};
    }();
    audit(AuditKind::Proposal, expertActor(), p->summary(),
          p->action == AssistProposal::Action::Sql ? QJsonObject { { u"statement"_s, p->sql } }
                                                   : QJsonObject {});
    if (!refuseWhy.isEmpty()) {
        if (findCard(p->id)) { // a duplicate id: answer, but keep the original card
            send(QJsonObject {
                { u"t"_s, QString::fromLatin1(AssistMessage::kStatus) },
                { u"id"_s, double(p->id) },
                { u"status"_s, AssistProposal::statusName(AssistProposal::Status::Rejected) },
                { u"note"_s, refuseWhy } });
            return;
        }
        c.status = AssistProposal::Status::Rejected;
        c.decisionNote = refuseWhy;
        c.factsReady = true;
        c.facts.statement = p->summary();
        m_cards << c;
        audit(AuditKind::Decision, u"tidesk"_s, u"refused #%1: %2"_s.arg(p->id).arg(refuseWhy));
        sendStatus(c);
        emit cardAdded(p->id);
        return;
    }
    c.environment = *sharedByName(p->environment);
    m_cards << c;
    sendStatus(c);
    emit cardAdded(p->id);

    const CoreServices services = m_services;
    const AssistProposal proposal = *p;
    const Environment env = c.environment;
    onPool<AssistCardFacts>(
        this, services.pool,
        [services, proposal, env] {
            const Result<EnvironmentTarget> t = resolveTarget(services, env);
            if (!t) {
                AssistCardFacts f;
                f.statement = proposal.summary();
                f.error = t.error();
                return f;
            }
            return AssistHostWork::prepare(*t, proposal, services.activityLog);
        },
        [this, id = proposal.id](const AssistCardFacts &facts) {
            Card *card = findCard(id);
            if (!card || m_state == State::Ended)
                return;
            card->facts = facts;
            card->factsReady = true;
            if (facts.error.isError()) {
                card->status = AssistProposal::Status::Failed;
                card->decisionNote = facts.error.message;
                AssistResult r;
                r.proposalId = id;
                r.message = facts.error.message;
                card->result = r;
                audit(AuditKind::Result, u"tidesk"_s,
                      u"#%1 cannot run: %2"_s.arg(id).arg(facts.error.message));
                sendStatus(*card);
                sendResult(r);
                emit cardChanged(id);
                return;
            }
            const bool autoOk = m_options.autoApproveReadOnly
                && card->proposal.action == AssistProposal::Action::Sql && facts.readOnly
                && !card->environment.isProduction();
            if (autoOk) {
                card->status = AssistProposal::Status::AutoApproved;
                card->decisionNote = tr("Read-only on a non-production environment, and you "
                                        "chose to auto-approve those.");
                audit(AuditKind::Decision, u"auto"_s,
                      u"auto-approved #%1 (read-only, %2)"_s.arg(id).arg(
                          Environment::tierName(card->environment.tier)));
                sendStatus(*card);
                emit cardChanged(id);
                startRun(id);
                return;
            }
            sendStatus(*card); // the statement as it will run
            emit cardChanged(id);
        });
}

bool AssistHostSession::approve(qint64 id, const QString &typedName, QString *why)
{
    auto refuse = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    Card *c = findCard(id);
    if (!c)
        return refuse(tr("There is no proposal #%1.").arg(id));
    if (m_state != State::Active)
        return refuse(tr("The session is not active."));
    if (c->status != AssistProposal::Status::Pending)
        return refuse(tr("Proposal #%1 is %2.").arg(id).arg(AssistProposal::statusText(c->status)));
    if (!c->factsReady)
        return refuse(tr("TiDesk is still preparing proposal #%1.").arg(id));
    if (c->environment.isProduction() && typedName != c->environment.name)
        return refuse(tr("%1 is a production environment: type its name to approve.")
                          .arg(c->environment.name));
    c->status = AssistProposal::Status::Approved;
    audit(AuditKind::Decision, AuditLog::currentActor(),
          u"approved #%1: %2"_s.arg(id).arg(c->proposal.summary()),
          QJsonObject { { u"statement"_s, c->facts.statement } });
    touch();
    sendStatus(*c);
    emit cardChanged(id);
    startRun(id);
    return true;
}

bool AssistHostSession::reject(qint64 id, const QString &note)
{
    Card *c = findCard(id);
    if (!c || c->status != AssistProposal::Status::Pending || m_state != State::Active)
        return false;
    c->status = AssistProposal::Status::Rejected;
    c->decisionNote = note;
    audit(AuditKind::Decision, AuditLog::currentActor(),
          u"rejected #%1%2"_s.arg(id).arg(note.isEmpty() ? QString() : u": "_s + note));
    touch();
    sendStatus(*c);
    emit cardChanged(id);
    return true;
}

void AssistHostSession::startRun(qint64 id)
{
    Card *c = findCard(id);
    if (!c)
        return;
    c->status = AssistProposal::Status::Running;
    sendStatus(*c);
    emit cardChanged(id);
    const AssistProposal proposal = c->proposal;
    const Environment env = c->environment;
    if (proposal.action == AssistProposal::Action::KillQuery
        || proposal.action == AssistProposal::Action::KillConnection) {
        KillRequest req;
        req.env = env;
        req.target = *c->facts.killTarget;
        req.kind = proposal.action == AssistProposal::Action::KillQuery ? KillKind::Query
                                                                        : KillKind::Connection;
        req.actor = AuditLog::currentActor() + u" (proposed by "_s + expertActor() + u')';
        QPointer<AssistHostSession> self(this);
        m_killer->kill(req, [self, id](const KillOutcome &o) {
            AssistHostSession *s = self.data();
            if (!s)
                return;
            AssistResult r;
            r.proposalId = id;
            r.ok = o.status == KillOutcome::Status::Killed
                || o.status == KillOutcome::Status::AlreadyFinished;
            r.message = o.message;
            r.durationMs = o.elapsedMs;
            s->finishRun(r);
        });
        return;
    }
    if (proposal.action == AssistProposal::Action::Backup) {
        startBackup(id);
        return;
    }
    const CoreServices services = m_services;
    const int rowLimit = m_options.rowLimit;
    onPool<AssistResult>(
        this, services.pool,
        [services, proposal, env, rowLimit] {
            const Result<EnvironmentTarget> t = resolveTarget(services, env);
            if (!t) {
                AssistResult r;
                r.proposalId = proposal.id;
                r.message = t.error().message;
                return r;
            }
            if (proposal.action == AssistProposal::Action::SetVariable)
                return AssistHostWork::setVariable(*t, proposal, services.audit,
                                                   services.activityLog);
            return AssistHostWork::runSql(*t, proposal, rowLimit, services.activityLog);
        },
        [this](const AssistResult &r) { finishRun(r); });
}

void AssistHostSession::setBackupManager(BackupManager *manager)
{
    m_backups = manager;
}

void AssistHostSession::startBackup(qint64 id)
{
    Card *c = findCard(id);
    if (!c)
        return;
    if (!m_backups) {
        if (!m_ownBackups)
            m_ownBackups = new BackupManager(m_services, QString(), this);
        m_backups = m_ownBackups;
    }
    BackupManager *manager = m_backups.data();
    if (!m_backupsWired) {
        m_backupsWired = true;
        // A manager may serve several sessions one after the other: each connection is this
        // session's (context = this) and matches only what this session started.
        connect(manager, &BackupManager::backupStarted, this, [this](const BackupJob &job) {
            for (qsizetype i = 0; i < m_backupsStarting.size(); ++i) {
                Card *card = findCard(m_backupsStarting.at(i));
                if (card && card->environment.name == job.envName) {
                    m_backupJobs.insert(job.id, card->proposal.id);
                    m_backupsStarting.removeAt(i);
                    card->decisionNote = tr("Backup job %1 started.").arg(job.id);
                    audit(AuditKind::Result, u"tidesk"_s,
                          u"#%1 backup job %2 started"_s.arg(card->proposal.id).arg(job.id));
                    if (m_state != State::Ended)
                        sendStatus(*card);
                    emit cardChanged(card->proposal.id);
                    return;
                }
            }
        });
        connect(manager, &BackupManager::startFailed, this,
                [this](const QString &envName, const Error &error) {
                    for (qsizetype i = 0; i < m_backupsStarting.size(); ++i) {
                        Card *card = findCard(m_backupsStarting.at(i));
                        if (card && card->environment.name == envName) {
                            m_backupsStarting.removeAt(i);
                            AssistResult r;
                            r.proposalId = card->proposal.id;
                            r.message = error.message;
                            finishRun(r);
                            return;
                        }
                    }
                });
        connect(manager, &BackupManager::jobFinished, this, [this](const BackupJob &job) {
            const auto it = m_backupJobs.constFind(job.id);
            if (it == m_backupJobs.cend())
                return;
            const qint64 proposal = it.value();
            m_backupJobs.erase(it);
            AssistResult r;
            r.proposalId = proposal;
            r.ok = job.status == BackupJob::Status::Succeeded;
            r.durationMs = job.startedAt.isValid() && job.finishedAt.isValid()
                ? job.startedAt.msecsTo(job.finishedAt)
                : 0;
            r.message = r.ok
                //: %1 = job id, %2 = size in bytes
                ? tr("Backup %1 succeeded (%2 bytes).").arg(job.id).arg(job.sizeBytes)
                : tr("Backup %1 ended %2: %3")
                      .arg(job.id, BackupJob::statusName(job.status), job.error);
            finishRun(r);
        });
    }
    m_backupsStarting << id;
    BackupJobRequest request;
    request.kind = c->proposal.backupKind == u"physical"_s ? BackupJob::Kind::Physical
                                                           : BackupJob::Kind::Logical;
    request.databases = c->proposal.databases;
    manager->startBackup(c->environment.name, request);
}

void AssistHostSession::finishRun(const AssistResult &r)
{
    Card *c = findCard(r.proposalId);
    if (!c)
        return;
    c->result = r;
    c->status = r.ok ? AssistProposal::Status::Done : AssistProposal::Status::Failed;
    QJsonObject detail;
    if (m_options.auditResultRows && !r.rows.isEmpty()) {
        QJsonArray rows;
        for (const QStringList &row : r.rows)
            rows.append(QJsonArray::fromStringList(row));
        detail = QJsonObject { { u"columns"_s, QJsonArray::fromStringList(r.columns) },
                               { u"rows"_s, rows } };
    }
    audit(AuditKind::Result, u"tidesk"_s, u"#%1 %2"_s.arg(r.proposalId).arg(r.summary()), detail);
    if (m_state == State::Ended)
        return;
    sendStatus(*c);
    sendResult(r);
    emit cardChanged(r.proposalId);
}

void AssistHostSession::sendResult(const AssistResult &r)
{
    for (const QJsonObject &m : r.toMessages(AssistMessage::kMaxBytes))
        send(m);
}

bool AssistHostSession::sendChat(const QString &text)
{
    if (m_state != State::Active || text.trimmed().isEmpty()
        || text.size() > AssistMessage::kMaxChatChars)
        return false;
    const ChatLine line { false, text, QDateTime::currentDateTimeUtc() };
    m_chat << line;
    send(
        QJsonObject { { u"t"_s, QString::fromLatin1(AssistMessage::kChat) }, { u"text"_s, text } });
    audit(AuditKind::Chat, AuditLog::currentActor(), text);
    touch();
    emit chatAdded(line);
    return true;
}

void AssistHostSession::onSubscribe(const QJsonObject &o)
{
    const std::optional<AssistView::Kind> kind
        = AssistView::kindFromName(o.value(u"view"_s).toString());
    const QString envName = o.value(u"env"_s).toString();
    ++m_viewGeneration;
    m_viewInFlight = false;
    m_viewTimer.stop();
    AssistView refusal;
    refusal.atUtc = QDateTime::currentDateTimeUtc();
    if (!kind) {
        refusal.error = tr("Unknown view.");
        send(refusal.toJson());
        m_viewKind.reset();
        return;
    }
    refusal.kind = *kind;
    refusal.environment = envName;
    if (AssistView::needsEnvironment(*kind) && !sharedByName(envName)) {
        refusal.error = tr("The environment %1 is not shared in this session.").arg(envName);
        send(refusal.toJson());
        m_viewKind.reset();
        return;
    }
    m_viewKind = kind;
    m_viewEnv = AssistView::needsEnvironment(*kind) ? sharedByName(envName)->name : QString();
    audit(AuditKind::Message, expertActor(),
          u"views %1%2"_s.arg(AssistView::kindName(*kind),
                              m_viewEnv.isEmpty() ? QString() : u" of "_s + m_viewEnv));
    std::chrono::milliseconds every = m_options.fleetRefresh;
    switch (*kind) {
    case AssistView::Kind::Sessions: every = m_options.sessionsRefresh; break;
    case AssistView::Kind::SlowDigests: every = m_options.slowRefresh; break;
    case AssistView::Kind::Alerts: every = m_options.alertsRefresh; break;
    case AssistView::Kind::Health: every = m_options.healthRefresh; break;
    case AssistView::Kind::Fleet: break;
    }
    m_viewTimer.start(every);
    refreshView();
}

void AssistHostSession::refreshView()
{
    if (!m_viewKind || m_viewInFlight || m_state != State::Active)
        return;
    const AssistView::Kind kind = *m_viewKind;
    if (kind == AssistView::Kind::Alerts) {
        readAlerts();
        return;
    }
    if (kind == AssistView::Kind::Health) {
        readHealth();
        return;
    }
    m_viewInFlight = true;
    const quint64 generation = m_viewGeneration;
    const CoreServices services = m_services;
    const QList<Environment> envs = kind == AssistView::Kind::Fleet
        ? m_shared
        : QList<Environment> { *sharedByName(m_viewEnv) };
    onPool<AssistView>(
        this, services.pool,
        [services, envs, kind] {
            AssistView v;
            v.kind = kind;
            v.atUtc = QDateTime::currentDateTimeUtc();
            if (kind == AssistView::Kind::Fleet)
                v.columns = AssistHostWork::fleetColumns();
            for (const Environment &env : envs) {
                const Result<EnvironmentTarget> t = resolveTarget(services, env);
                if (kind != AssistView::Kind::Fleet) {
                    if (!t) {
                        v.environment = env.name;
                        v.error = t.error().message;
                        return v;
                    }
                    return AssistHostWork::readView(*t, kind, services.activityLog);
                }
                if (!t) {
                    v.rows << QStringList { env.name,  Environment::tierName(env.tier),
                                            tr("no"),  QString(),
                                            QString(), t.error().message };
                    continue;
                }
                v.rows << AssistHostWork::fleetRow(*t, services.activityLog);
            }
            return v;
        },
        [this, generation](const AssistView &v) {
            if (generation != m_viewGeneration)
                return;
            m_viewInFlight = false;
            if (m_state != State::Active)
                return;
            send(v.toJson());
            emit viewServed(v.kind, v.environment);
        });
}

void AssistHostSession::readAlerts()
{
    QList<QUrl> urls;
    for (const Environment &e : std::as_const(m_shared))
        if (!e.alertmanagerUrl.isEmpty() && !urls.contains(QUrl(e.alertmanagerUrl)))
            urls << QUrl(e.alertmanagerUrl);
    AssistView v;
    v.kind = AssistView::Kind::Alerts;
    v.atUtc = QDateTime::currentDateTimeUtc();
    v.columns
        = QStringList { tr("Level"), tr("Alert"), tr("Environment"), tr("Since"), tr("Summary") };
    if (urls.isEmpty()) {
        v.note = tr("No Alertmanager is set for the shared environments.");
        send(v.toJson());
        emit viewServed(v.kind, QString());
        return;
    }
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_alerts = new AlertmanagerClient(m_network, this);
    }
    m_viewInFlight = true;
    struct Pending
    {
        AssistView view;
        QSet<quint64> outstanding;
        QStringList errors;
        quint64 generation = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->view = v;
    pending->generation = m_viewGeneration;
    auto finishOne = [this, pending](quint64 requestId) {
        if (!pending->outstanding.remove(requestId) || !pending->outstanding.isEmpty())
            return;
        if (pending->generation != m_viewGeneration)
            return;
        m_viewInFlight = false;
        if (!pending->errors.isEmpty())
            pending->view.error = pending->errors.join(u' ');
        //: %1 = number of alerts
        pending->view.note = tr("%n alert(s) for the shared environments.", nullptr,
                                int(pending->view.rows.size()));
        if (m_state == State::Active) {
            send(pending->view.toJson());
            emit viewServed(pending->view.kind, QString());
        }
    };
    auto *ctx = new QObject(this);
    connect(m_alerts, &AlertmanagerClient::alertsReady, ctx,
            [this, pending, finishOne](quint64 id, const AlertList &alerts, int) {
                if (!pending->outstanding.contains(id))
                    return;
                for (const Alert &a : alerts)
                    for (const Environment &e : std::as_const(m_shared))
                        if (a.concerns(e.name)) {
                            pending->view.rows
                                << QStringList { Alert::levelDisplayName(a.level), a.name, e.name,
                                                 a.startsAt.toString(Qt::ISODate),
                                                 a.summary.left(300) };
                            break;
                        }
                finishOne(id);
            });
    connect(m_alerts, &AlertmanagerClient::failed, ctx,
            [pending, finishOne](quint64 id, const Error &e) {
                if (!pending->outstanding.contains(id))
                    return;
                pending->errors << e.message;
                finishOne(id);
            });
    for (const QUrl &u : urls)
        pending->outstanding.insert(m_alerts->fetchAlerts(u));
    // The context goes once every answer came (or with the session).
    QTimer::singleShot(30000, ctx, &QObject::deleteLater);
}

void AssistHostSession::readHealth()
{
    const std::optional<Environment> env = sharedByName(m_viewEnv);
    if (!env)
        return;
    const quint64 generation = m_viewGeneration;
    if (env->prometheusUrl.isEmpty()) {
        AssistView v;
        v.kind = AssistView::Kind::Health;
        v.environment = env->name;
        v.atUtc = QDateTime::currentDateTimeUtc();
        v.note = tr("No Prometheus is set for %1.").arg(env->name);
        send(v.toJson());
        emit viewServed(v.kind, v.environment);
        return;
    }
    m_viewInFlight = true;
    switch (env->engine) {
    case EngineOverride::TiDB: fetchHealth(*env, Engine::TiDB, generation); return;
    case EngineOverride::MySQL: fetchHealth(*env, Engine::MySQL, generation); return;
    case EngineOverride::MariaDB: fetchHealth(*env, Engine::MariaDB, generation); return;
    case EngineOverride::Auto: break;
    }
    if (m_engines.contains(env->name)) {
        fetchHealth(*env, m_engines.value(env->name), generation);
        return;
    }
    // Which charts apply depends on the engine: detect it once (a connection, on the pool).
    const CoreServices services = m_services;
    onPool<Result<Engine>>(
        this, services.pool,
        [services, e = *env]() -> Result<Engine> {
            const Result<EnvironmentTarget> t = resolveTarget(services, e);
            if (!t)
                return t.error();
            SqlConnection conn(services.activityLog);
            const Result<OpenedEnvironment> opened = openEnvironment(*t, conn);
            if (!opened)
                return opened.error();
            return opened->engine.engine;
        },
        [this, e = *env, generation](const Result<Engine> &engine) {
            if (generation != m_viewGeneration)
                return;
            if (!engine) {
                m_viewInFlight = false;
                AssistView v;
                v.kind = AssistView::Kind::Health;
                v.environment = e.name;
                v.atUtc = QDateTime::currentDateTimeUtc();
                v.error = engine.error().message;
                send(v.toJson());
                return;
            }
            m_engines.insert(e.name, *engine);
            fetchHealth(e, *engine, generation);
        });
}

void AssistHostSession::fetchHealth(const Environment &env, Engine engine, quint64 generation)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    if (!m_prometheus)
        m_prometheus = new PrometheusClient(m_network, this);
    const Result<MetricRange> range
        = MetricRange::fromPreset(u"1h"_s, QDateTime::currentMSecsSinceEpoch());
    QList<ChartDef> charts;
    for (const ChartDef &c :
         ChartCatalog::charts(engine, env.prometheusSelector, range ? range->stepMs : 15000))
        if (c.isSupported() && charts.size() < 4)
            charts << c;
    struct Pending
    {
        AssistView view;
        int outstanding = 0;
        QStringList errors;
    };
    auto pending = std::make_shared<Pending>();
    pending->view.kind = AssistView::Kind::Health;
    pending->view.environment = env.name;
    pending->view.atUtc = QDateTime::currentDateTimeUtc();
    pending->view.columns
        = QStringList { tr("Chart"), tr("Series"), tr("Now"), tr("Min"), tr("Max") };
    pending->outstanding = int(charts.size());
    auto done = [this, pending, generation] {
        if (--pending->outstanding > 0 || generation != m_viewGeneration)
            return;
        m_viewInFlight = false;
        if (!pending->errors.isEmpty())
            pending->view.error = pending->errors.join(u' ');
        pending->view.note = tr("Last hour, from the environment's Prometheus.");
        if (m_state == State::Active) {
            send(pending->view.toJson());
            emit viewServed(pending->view.kind, pending->view.environment);
        }
    };
    if (charts.isEmpty() || !range) {
        pending->outstanding = 1;
        pending->errors << tr("No health chart applies to this engine.");
        done();
        return;
    }
    QPointer<AssistHostSession> self(this);
    for (const ChartDef &chart : std::as_const(charts)) {
        m_prometheus->fetchChart(
            QUrl(env.prometheusUrl), chart, *range,
            [self, pending, done, title = chart.title,
             unit = chart.unit](const Result<SeriesSet> &r) {
                if (!self)
                    return;
                if (!r) {
                    pending->errors << r.error().message;
                } else {
                    for (const TimeSeries &ts : r->series) {
                        if (ts.points.isEmpty() || pending->view.series.size() >= 32)
                            continue;
                        double lo = ts.points.first().y(), hi = lo;
                        for (const QPointF &p : ts.points) {
                            lo = qMin(lo, p.y());
                            hi = qMax(hi, p.y());
                        }
                        pending->view.rows << QStringList {
                            title, ts.legend, MetricFormat::value(ts.points.last().y(), unit),
                            MetricFormat::value(lo, unit), MetricFormat::value(hi, unit)
                        };
                        AssistView::Series s;
                        s.chart = title;
                        s.legend = ts.legend;
                        s.unit = unit;
                        const qsizetype stride
                            = qMax<qsizetype>(1,
                                              (ts.points.size() + AssistView::kMaxPoints - 1)
                                                  / AssistView::kMaxPoints);
                        for (qsizetype i = 0; i < ts.points.size(); i += stride)
                            s.points << ts.points.at(i);
                        pending->view.series << s;
                    }
                }
                done();
            });
    }
}

void AssistHostSession::end()
{
    if (m_state == State::Ended)
        return;
    if (m_state == State::Idle) {
        finish(Error::make(ErrorKind::Cancelled, tr("You ended the session.")));
        return;
    }
    send(QJsonObject { { u"t"_s, QString::fromLatin1(AssistMessage::kEnd) },
                       { u"reason"_s, tr("The DBA ended the session.") } });
    Error e = Error::make(ErrorKind::Cancelled, tr("You ended the session."));
    e.code = AssistTransport::EndedHere;
    finish(e);
}

void AssistHostSession::finish(const Error &reason)
{
    if (m_state == State::Ended)
        return;
    if (m_state == State::Active || m_state == State::AwaitingAccept) {
        // The expert learns why (a timeout, the host's end) before the goodbye.
        if (reason.kind == ErrorKind::Timeout)
            send(QJsonObject { { u"t"_s, QString::fromLatin1(AssistMessage::kEnd) },
                               { u"reason"_s, reason.message } });
    }
    m_endReason = reason;
    m_idleTimer.stop();
    m_maxTimer.stop();
    m_viewTimer.stop();
    m_viewKind.reset();
    audit(AuditKind::System, u"tidesk"_s, u"session ended: %1"_s.arg(reason.message));
    setState(State::Ended);
    if (AssistHostLink *link = m_link.data(); link && link->state() != AssistLink::State::Closed)
        link->end();
    else
        QTimer::singleShot(0, this, &AssistHostSession::transportClosed);
    emit ended(reason);
}

} // namespace TiDesk

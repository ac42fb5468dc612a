// AssistHostSession: the DBA's side of one expert session (issue 7), everything above the sealed
// channel. start() opens a link to the relay and issues a session code; a failed handshake
// (wrong secret, a dropped attempt) re-listens on the same relay port so the expert can retry
// the same code until the AttemptLimiter burns it (5 failures) or it expires. Once the channel
// is up, the DBA sees the expert's name, key fingerprint and short authentication string and
// must accept(); only then are environments shared:
//  - views the expert subscribes to are streamed from here (fleet, live sessions, slow queries
//    by digest, alerts), read with the host's own credentials;
//  - each proposal becomes a Card: the exact statement, EXPLAIN, what it affects; the DBA
//    approves (production: the environment's typed name, checked here) or rejects it;
//    read-only SQL on a non-production environment is auto-approved when the DBA chose so;
//  - results go back row-limited; chat both ways;
//  - the session ends on end(), the expert's end, the maximum duration, the idle timeout, a
//    relay drop or any protocol error - ended(reason) says which.
// Every message, proposal, decision and result summary goes to a hash-chained AuditLogChain
// (<data>/assist/<session>.jsonl); result rows only when the DBA chose so. Nothing the expert
// sends runs without a decision recorded here first.
// Threading: a QObject of the GUI (or CLI main) thread; nothing here blocks. Reads, SQL and the
// audit file run on pool threads (the audit on its own one-thread pool, in order); results come
// back queued. docs/decisions/assist-session.md.
#pragma once

#include "AssistHostWork.h"
#include "AssistProposal.h"
#include "AssistResult.h"
#include "AssistView.h"
#include "CoreServices.h"
#include "Sas.h"
#include "SessionCode.h"
#include "SshConnectOptions.h"
#include "common/Error.h"
#include "inventory/Environment.h"
#include "sql/EngineInfo.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace TiDesk {

class AlertmanagerClient;
class PrometheusClient;
class BackupManager;
struct BackupJob;
class AssistHostLink;
class AssistSecureSession;
class AttemptLimiter;
class AuditLogChain;
class SessionKiller;
enum class AuditKind;

struct AssistHostOptions
{
    SshConnectOptions relay;
    QList<Environment> sharedEnvironments; // as the inventory has them (the caller reads it)
    bool autoApproveReadOnly = false; // read-only SQL on non-production environments only
    std::chrono::minutes codeValidity { 15 };
    std::chrono::minutes maxDuration { 120 }; // from accept()
    std::chrono::seconds idleTimeout { 15 * 60 }; // no message either way and no DBA action
    int rowLimit = 1000; // rows of a result sent to the expert
    QString hostId; // how the host names itself to the expert; empty = user@machine
    QString auditDir; // empty = AppPaths::dataDir()/assist
    bool auditResultRows = false; // keep result rows in the audit log (off by default)
    // How often subscribed views are read again.
    std::chrono::milliseconds sessionsRefresh { 2000 };
    std::chrono::milliseconds fleetRefresh { 10000 };
    std::chrono::milliseconds slowRefresh { 60000 };
    std::chrono::milliseconds alertsRefresh { 15000 };
    std::chrono::milliseconds healthRefresh { 30000 };
};

class AssistHostSession final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Opening, // connecting to the relay, asking for the forward
        WaitingForExpert, // the code is shown; nobody has connected (or a retry is awaited)
        Handshaking, // someone connected; the secure handshake runs
        AwaitingAccept, // the channel is up: the DBA compares the SAS and accepts or refuses
        Active, // accepted: views, proposals, chat
        Ended,
    };
    Q_ENUM(State)

    struct Card
    {
        AssistProposal proposal;
        AssistProposal::Status status = AssistProposal::Status::Pending;
        Environment environment; // the shared environment it targets (tier, colour)
        bool factsReady = false; // prepare() has answered
        AssistCardFacts facts;
        std::optional<AssistResult> result;
        QString decisionNote; // why it was rejected / auto-approved
        QDateTime receivedUtc;
    };

    struct ChatLine
    {
        bool fromExpert = false;
        QString text;
        QDateTime atUtc;
    };

    AssistHostSession(CoreServices services, AssistHostOptions options, QObject *parent = nullptr);
    ~AssistHostSession() override;

    // Opens the audit log and the relay link. Errors (nothing shared, no relay) end the session
    // at once with ended(reason).
    void start();
    // Where approved backup proposals start (the GUI's, so the Backups page follows them; not
    // owned). Unset: the session creates its own on first use.
    void setBackupManager(BackupManager *manager);

    // The DBA compared the SAS and lets the expert in (AwaitingAccept only).
    void accept();
    // The DBA refuses the expert who connected; the session ends.
    void refuse();
    // Approves a pending card whose facts are ready. Production needs typedName == the
    // environment's name. False with *why when it cannot be approved.
    bool approve(qint64 proposalId, const QString &typedName = {}, QString *why = nullptr);
    bool reject(qint64 proposalId, const QString &note = {});
    bool sendChat(const QString &text);
    // Ends the session (any state); ended(EndedHere) follows.
    void end();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const AssistHostOptions &options() const { return m_options; }
    [[nodiscard]] std::optional<SessionCode> code() const { return m_code; }
    [[nodiscard]] Sas sas() const { return m_sas; }
    [[nodiscard]] QString expertName() const { return m_expertName; }
    [[nodiscard]] QString expertKeyFingerprint() const { return m_expertFingerprint; }
    [[nodiscard]] QList<Environment> sharedEnvironments() const { return m_shared; }
    [[nodiscard]] const QList<Card> &cards() const { return m_cards; }
    [[nodiscard]] const Card *card(qint64 proposalId) const;
    [[nodiscard]] int pendingCount() const;
    [[nodiscard]] const QList<ChatLine> &chat() const { return m_chat; }
    [[nodiscard]] QString auditPath() const { return m_auditPath; }
    [[nodiscard]] int attemptsLeft() const;
    [[nodiscard]] const Error &endReason() const { return m_endReason; }
    // When the session ends at the latest (invalid before accept()).
    [[nodiscard]] QDateTime endsAtUtc() const { return m_endsAt; }
    [[nodiscard]] static QString stateText(State s);

signals:
    void stateChanged(TiDesk::AssistHostSession::State state);
    void codeReady(const TiDesk::SessionCode &code);
    // A handshake failed (wrong secret, dropped); the same code still works `remaining` times.
    void attemptFailed(const TiDesk::Error &error, int remaining);
    // The channel is up: show who it is and the SAS, ask the DBA to accept.
    void expertWaiting(const QString &name, const QString &keyFingerprint, const TiDesk::Sas &sas);
    void cardAdded(qint64 proposalId);
    void cardChanged(qint64 proposalId);
    void chatAdded(const TiDesk::AssistHostSession::ChatLine &line);
    void viewServed(TiDesk::AssistView::Kind kind, const QString &environment);
    void ended(const TiDesk::Error &reason);
    // After ended(): the relay connection is closed too (the goodbye was flushed). A process
    // that exits after a session waits for this, so the peer hears a goodbye, not a drop.
    void transportClosed();
    // The audit log could not be written (the session goes on; the DBA is told once).
    void auditFailed(const TiDesk::Error &error);

private:
    void setState(State s);
    void openLink(int port);
    void onLinkClosed(const Error &reason);
    void onEstablished();
    void onMessage(quint8 type, const QByteArray &body);
    void onPropose(const QJsonObject &o);
    void onSubscribe(const QJsonObject &o);
    void send(const QJsonObject &message);
    void sendStatus(const Card &card);
    void sendResult(const AssistResult &result);
    void startRun(qint64 proposalId);
    void finishRun(const AssistResult &result);
    void refreshView();
    void readAlerts();
    void readHealth();
    void fetchHealth(const Environment &env, Engine engine, quint64 generation);
    void touch(); // activity: restarts the idle timer
    void finish(const Error &reason);
    Card *findCard(qint64 id);
    // Appends to the session's audit log on the audit pool (in order).
    void audit(AuditKind kind, const QString &actor, const QString &summary,
               const QJsonObject &detail = {});
    [[nodiscard]] std::optional<Environment> sharedByName(const QString &name) const;
    [[nodiscard]] QString expertActor() const;

    CoreServices m_services;
    AssistHostOptions m_options;
    State m_state = State::Idle;
    QList<Environment> m_shared;
    std::optional<SessionCode> m_code;
    std::unique_ptr<AttemptLimiter> m_limiter;
    QPointer<AssistHostLink> m_link;
    QPointer<AssistSecureSession> m_secure;
    Sas m_sas;
    QString m_expertName;
    QString m_expertFingerprint;
    QList<Card> m_cards;
    QList<ChatLine> m_chat;
    Error m_endReason;
    QDateTime m_endsAt;
    QTimer m_idleTimer;
    QTimer m_maxTimer;
    QTimer m_viewTimer;
    std::optional<AssistView::Kind> m_viewKind;
    QString m_viewEnv;
    bool m_viewInFlight = false;
    quint64 m_viewGeneration = 0;
    void startBackup(qint64 proposalId);
    SessionKiller *m_killer = nullptr;
    QPointer<BackupManager> m_backups;
    BackupManager *m_ownBackups = nullptr;
    QHash<QString, qint64> m_backupJobs; // job id -> proposal
    bool m_backupsWired = false;
    QList<qint64> m_backupsStarting; // approved, waiting for backupStarted / startFailed
    QNetworkAccessManager *m_network = nullptr;
    AlertmanagerClient *m_alerts = nullptr;
    PrometheusClient *m_prometheus = nullptr;
    QHash<QString, Engine> m_engines; // detected per environment for the health charts
    QThreadPool m_auditPool; // one thread: appends in order
    struct AuditState;
    std::shared_ptr<AuditState> m_auditState;
    QString m_auditPath;
    bool m_auditFailedReported = false;
    bool m_expertArrived = false; // the current link got a connection (an attempt began)
};

} // namespace TiDesk

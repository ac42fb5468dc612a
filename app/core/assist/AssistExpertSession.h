// AssistExpertSession: the expert's side of one expert session (issue 7). join(code) reaches the
// host's port on the relay with the expert's own SSH key, runs the secure handshake (the SAS to
// compare aloud comes with established()), then waits for the DBA to accept (welcomed(): the
// environments shared, the row limit, when the session ends). From then on the expert
// subscribes to one shared view at a time (its snapshots stream in as viewReceived), proposes
// actions (propose(): an id is given; statusChanged / resultReady follow as the DBA decides and
// the host runs them) and chats. The expert holds no credential and executes nothing: every
// action is a message the host decides on.
// Threading: a QObject of the GUI (or CLI main) thread; nothing blocks.
#pragma once

#include "AssistProposal.h"
#include "AssistResult.h"
#include "AssistView.h"
#include "Sas.h"
#include "SessionCode.h"
#include "SshConnectOptions.h"
#include "common/Error.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace TiDesk {

class AssistExpertLink;
class AssistSecureSession;

struct AssistExpertOptions
{
    // The expert's own account on the relay: user, identity files, known_hosts. host/port are
    // taken from the session code when empty / 0.
    SshConnectOptions relay;
    QString expertName; // shown to the DBA
    QString keyFingerprint; // shown to the DBA; empty = read from the first identity's .pub
};

class AssistExpertSession final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Handshaking, WaitingForAccept, Active, Ended };
    Q_ENUM(State)

    struct SharedEnvironment
    {
        QString name;
        QString tier;
        QString color;
        bool production = false;
        bool autoApproveReadOnly = false;
    };

    struct Proposal
    {
        AssistProposal proposal;
        AssistProposal::Status status = AssistProposal::Status::Pending;
        QString statement; // as the host will run it (from the host's status)
        QString note; // the host's reason (a refusal, an auto-approval)
        std::optional<AssistResult> result;
        AssistResult partial; // parts still arriving
    };

    struct ChatLine
    {
        bool fromExpert = false;
        QString text;
        QDateTime atUtc;
    };

    explicit AssistExpertSession(AssistExpertOptions options, QObject *parent = nullptr);
    ~AssistExpertSession() override;

    void join(const SessionCode &code);
    // Sends a proposal (its id is set here); returns the id, 0 when not Active.
    qint64 propose(AssistProposal proposal);
    bool subscribe(AssistView::Kind kind, const QString &environment = {});
    bool sendChat(const QString &text);
    void end();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] Sas sas() const { return m_sas; }
    [[nodiscard]] QString hostId() const { return m_hostId; }
    [[nodiscard]] const QList<SharedEnvironment> &environments() const { return m_envs; }
    [[nodiscard]] int rowLimit() const { return m_rowLimit; }
    [[nodiscard]] QDateTime endsAtUtc() const { return m_endsAt; }
    [[nodiscard]] const QList<Proposal> &proposals() const { return m_proposals; }
    [[nodiscard]] const Proposal *proposal(qint64 id) const;
    [[nodiscard]] const QList<ChatLine> &chat() const { return m_chat; }
    [[nodiscard]] std::optional<AssistView> lastView() const { return m_lastView; }
    [[nodiscard]] const Error &endReason() const { return m_endReason; }
    [[nodiscard]] QString keyFingerprint() const { return m_options.keyFingerprint; }

    // "SHA256:..." of the public key next to a private key file (PATH.pub); empty if unreadable.
    [[nodiscard]] static QString fingerprintOfKeyFile(const QString &privateKeyPath);
    [[nodiscard]] static QString stateText(State s);

signals:
    void stateChanged(TiDesk::AssistExpertSession::State state);
    // The channel is up: read the SAS aloud with the DBA.
    void established(const TiDesk::Sas &sas);
    void welcomed(); // the DBA accepted: environments() and limits are known
    void viewReceived(const TiDesk::AssistView &view);
    void statusChanged(qint64 proposalId);
    void resultReady(qint64 proposalId);
    void chatAdded(const TiDesk::AssistExpertSession::ChatLine &line);
    void ended(const TiDesk::Error &reason);
    // After ended(): the relay connection is closed too (the goodbye was flushed). A process
    // that exits after a session waits for this, so the peer hears a goodbye, not a drop.
    void transportClosed();

private:
    void setState(State s);
    void onMessage(quint8 type, const QByteArray &body);
    void send(const QJsonObject &message);
    void finish(const Error &reason);
    Proposal *find(qint64 id);

    AssistExpertOptions m_options;
    State m_state = State::Idle;
    QPointer<AssistExpertLink> m_link;
    QPointer<AssistSecureSession> m_secure;
    Sas m_sas;
    QString m_hostId;
    QList<SharedEnvironment> m_envs;
    int m_rowLimit = 0;
    QDateTime m_endsAt;
    QList<Proposal> m_proposals;
    QList<ChatLine> m_chat;
    std::optional<AssistView> m_lastView;
    QString m_hostEndReason; // the host's "end" message, kept for the close that follows
    Error m_endReason;
    qint64 m_nextId = 1;
};

} // namespace TiDesk

// AssistWorkspace: the expert's window for one expert session (issue 7), opened from "Join an
// expert session..." with the code and options of AssistJoinDialog. While the DBA has not
// accepted, it shows the state and the six-digit SAS to read aloud. Once welcomed: the shared
// environments (tier-coloured, production marked), a view selector (Fleet, Live sessions, Slow
// queries by digest, Alerts; an environment for the ones that need it) over a read-only table
// of the streamed snapshot (its note and error under it), "Propose KILL QUERY" on the selected
// live session, the Propose area (SQL, SET GLOBAL or a backup, AssistProposeBox), the list of my
// proposals with their status and the selected one's result (row-limited: "1,000 of 5,000
// rows"), the chat, the time left and Leave. When the session ends a banner says why.
// The expert holds no credential: every action here is a message the DBA decides on.
// When the join fails because the relay's host key is unknown, AssistRelayKeyPanel shows the
// fingerprint and offers "Trust this relay and retry" (never for a changed key), which joins
// again with the same code.
// Threading: GUI thread. AssistExpertSession is a non-blocking QObject of this thread.
#pragma once

#include "assist/AssistExpertSession.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace TiDesk {

class AssistHealthCharts;

class AssistChatPane;
class AssistProposeBox;
class AssistRelayKeyPanel;
class AssistTable;
class MessageBanner;
class StatusPill;

class AssistWorkspace final : public QWidget
{
    Q_OBJECT
public:
    // Joins at once (nothing blocks: the state follows as the relay answers).
    AssistWorkspace(const AssistExpertOptions &options, const SessionCode &code,
                    QWidget *parent = nullptr);
    ~AssistWorkspace() override;

    [[nodiscard]] AssistExpertSession *session() const { return m_session; }
    [[nodiscard]] bool isActive() const;
    [[nodiscard]] MessageBanner *banner() const { return m_banner; }
    [[nodiscard]] AssistRelayKeyPanel *relayKeyPanel() const { return m_relayKey; }
    // The relay the session dials: the join options' relay, the code filling what they leave
    // out (as AssistExpertSession::join does).
    [[nodiscard]] static SshConnectOptions relayFor(const AssistExpertOptions &options,
                                                    const SessionCode &code);
    [[nodiscard]] StatusPill *statePill() const { return m_state; }
    [[nodiscard]] QLabel *sasLabel() const { return m_sas; }
    [[nodiscard]] QComboBox *viewKindCombo() const { return m_viewKind; }
    [[nodiscard]] QComboBox *viewEnvironmentCombo() const { return m_viewEnv; }
    [[nodiscard]] AssistTable *viewTable() const { return m_view; }
    [[nodiscard]] AssistHealthCharts *healthCharts() const { return m_healthCharts; }
    [[nodiscard]] QLabel *viewNoteLabel() const { return m_viewNote; }
    [[nodiscard]] QLabel *viewErrorLabel() const { return m_viewError; }
    [[nodiscard]] QPushButton *proposeKillButton() const { return m_proposeKill; }
    [[nodiscard]] AssistProposeBox *proposeBox() const { return m_propose; }
    [[nodiscard]] QListWidget *proposalList() const { return m_proposals; }
    [[nodiscard]] QLabel *resultLabel() const { return m_resultLabel; }
    [[nodiscard]] AssistTable *resultTable() const { return m_result; }
    [[nodiscard]] AssistChatPane *chatPane() const { return m_chat; }
    [[nodiscard]] QLabel *timeLeftLabel() const { return m_timeLeft; }
    [[nodiscard]] QPushButton *leaveButton() const { return m_leave; }
    // Selects the view (and environment) and subscribes to it.
    void showView(AssistView::Kind kind, const QString &environment = {});
    // Shows proposal id's status and result below the list.
    void selectProposal(qint64 id);

    // "1,000 of 5,000 rows (the DBA's row limit)" / "12 rows" / "3 rows affected" ...
    [[nodiscard]] static QString resultSummary(const AssistResult &result, int rowLimit);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // A new AssistExpertSession (the ended one is released), connected to this window, joining.
    void join();
    QWidget *buildWaiting();
    QWidget *buildActive();
    void onStateChanged(AssistExpertSession::State state);
    void onEstablished(const Sas &sas);
    void onWelcomed();
    void onView(const AssistView &view);
    void onProposalChanged(qint64 id);
    void onEnded(const Error &reason);
    void subscribeSelected();
    void propose(const AssistProposal &proposal);
    void proposeKill();
    void updateKillButton();
    void showSelectedResult();
    void tick();
    [[nodiscard]] const AssistExpertSession::SharedEnvironment *
    sharedEnv(const QString &name) const;

    AssistExpertOptions m_options;
    SessionCode m_code;
    AssistExpertSession *m_session = nullptr;
    MessageBanner *m_banner = nullptr;
    AssistRelayKeyPanel *m_relayKey = nullptr;
    QLabel *m_title = nullptr;
    StatusPill *m_state = nullptr;
    QLabel *m_timeLeft = nullptr;
    QPushButton *m_leave = nullptr;
    QStackedWidget *m_screens = nullptr;
    QTimer *m_tick = nullptr;

    // Waiting
    QLabel *m_waitText = nullptr;
    QLabel *m_sasIntro = nullptr;
    QLabel *m_sas = nullptr;
    QLabel *m_sasHint = nullptr;

    // Active
    QHBoxLayout *m_envStrip = nullptr;
    QComboBox *m_viewKind = nullptr;
    QComboBox *m_viewEnv = nullptr;
    AssistTable *m_view = nullptr;
    AssistHealthCharts *m_healthCharts = nullptr;
    QLabel *m_viewNote = nullptr;
    QLabel *m_viewError = nullptr;
    QPushButton *m_proposeKill = nullptr;
    AssistProposeBox *m_propose = nullptr;
    QListWidget *m_proposals = nullptr;
    QHash<qint64, QListWidgetItem *> m_items;
    QLabel *m_resultLabel = nullptr;
    AssistTable *m_result = nullptr;
    AssistChatPane *m_chat = nullptr;
};

} // namespace TiDesk

// AssistPage: the DBA's side of an expert session (issue 7), a page of the main window.
// Four screens follow the session's life:
//  - Start: the relay, the environments to share and the limits (AssistStartForm);
//  - Code: the session code, large and monospace, with Copy, its expiry, the attempts left, the
//    state, and a clear line after a failed attempt ("A wrong code was tried; 4 attempts left");
//  - Consent: who connected (name, key fingerprint) and the six-digit SAS to read aloud with the
//    expert; Accept or Refuse;
//  - Active: the proposal cards (AssistProposalCard, newest first; production approvals ask the
//    typed environment name in a ConfirmActionDialog), the chat, the time left, End session, and
//    the audit log's path with Open folder and Session logs... (AssistLogDialog).
// When the session ends, a banner says why (and offers a new session); the cards stay readable.
// When it ends because the relay's host key is unknown, AssistRelayKeyPanel shows the
// fingerprint and offers "Trust this relay and retry" (never for a changed key).
// Threading: GUI thread. AssistHostSession is a non-blocking QObject of this thread; nothing
// here blocks (the folder is opened by the desktop, asynchronously).
#pragma once

#include "CoreServices.h"
#include "assist/AssistHostSession.h"
#include "inventory/Environment.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;
class QVBoxLayout;

namespace TiDesk {

class BackupManager;

class AssistChatPane;
class AssistLogDialog;
class AssistProposalCard;
class AssistRelayKeyPanel;
class AssistStartForm;
class ConfirmActionDialog;
class MessageBanner;
class PageHeading;
class StatusPill;

class AssistPage final : public QWidget
{
    Q_OBJECT
public:
    enum class Screen { Start, Code, Consent, Active };
    Q_ENUM(Screen)

    explicit AssistPage(const CoreServices &services, QWidget *parent = nullptr);
    ~AssistPage() override;

    // Where approved backup proposals start (the Backups page's manager, so the page follows
    // them); not owned.
    void setBackupManager(BackupManager *manager);
    // The inventory's environments (the ones the form offers to share).
    void setEnvironments(const EnvironmentList &envs);
    // Starts a session with the form's options (what the Start button does).
    void startSession();

    [[nodiscard]] Screen screen() const;
    [[nodiscard]] AssistHostSession *session() const { return m_session; }
    [[nodiscard]] bool isSessionRunning() const;
    [[nodiscard]] AssistStartForm *startForm() const { return m_form; }
    [[nodiscard]] MessageBanner *banner() const { return m_banner; }
    [[nodiscard]] QLabel *codeLabel() const { return m_code; }
    [[nodiscard]] QPushButton *copyButton() const { return m_copy; }
    [[nodiscard]] QLabel *expiryLabel() const { return m_expiry; }
    [[nodiscard]] QLabel *attemptsLabel() const { return m_attempts; }
    [[nodiscard]] QLabel *attemptFailedLabel() const { return m_attemptFailed; }
    [[nodiscard]] QLabel *sasLabel() const { return m_sas; }
    [[nodiscard]] QLabel *expertLabel() const { return m_expert; }
    [[nodiscard]] QPushButton *acceptButton() const { return m_accept; }
    [[nodiscard]] QPushButton *refuseButton() const { return m_refuse; }
    [[nodiscard]] AssistProposalCard *card(qint64 proposalId) const;
    [[nodiscard]] int cardCount() const { return int(m_cards.size()); }
    [[nodiscard]] AssistChatPane *chatPane() const { return m_chat; }
    [[nodiscard]] QLabel *timeLeftLabel() const { return m_timeLeft; }
    [[nodiscard]] QLabel *auditPathLabel() const { return m_auditPath; }
    [[nodiscard]] QPushButton *endButton() const { return m_end; }
    [[nodiscard]] AssistRelayKeyPanel *relayKeyPanel() const { return m_relayKey; }
    [[nodiscard]] QPushButton *sessionLogsButton() const { return m_showLogs; }
    // Opens the session-log viewer on the directory the logs are written to (this session's, or
    // the form's / the default), the current session's log chosen. Returns the dialog (shown,
    // non-modal; one at a time).
    AssistLogDialog *showLogs();
    [[nodiscard]] AssistLogDialog *logDialog() const;
    // The typed-name confirmation of a production approval on screen (null when none).
    [[nodiscard]] ConfirmActionDialog *approveDialog() const { return m_approveDialog.data(); }

signals:
    // Running (code shown, consent or active) or not: the window can say so in its chrome.
    void sessionRunningChanged(bool running);
    // Proposals waiting for the DBA's decision (0 when none or no session).
    void pendingCountChanged(int pending);

private:
    QWidget *buildCodeScreen();
    QWidget *buildConsentScreen();
    QWidget *buildActiveScreen();
    void setScreen(Screen s);
    void connectSession(AssistHostSession *s);
    void onStateChanged(AssistHostSession::State state);
    void onCodeReady(const SessionCode &code);
    void onAttemptFailed(const Error &error, int remaining);
    void onExpertWaiting(const QString &name, const QString &fingerprint, const Sas &sas);
    void onCardAdded(qint64 id);
    void onCardChanged(qint64 id);
    void onEnded(const Error &reason);
    void approve(qint64 id);
    void reject(qint64 id, const QString &note);
    void tick();
    void resetToStart();
    void clearActive();
    void updatePendingCount();
    // "Shared: prod (PRODUCTION), dev (DEV). Read-only ... without asking" (rich text).
    [[nodiscard]] static QString sharedText(const AssistHostOptions &options);
    // "Ends after 2 h 0 min, or after 15 min 0 s without activity. At most 1,000 rows ..."
    [[nodiscard]] static QString limitsText(const AssistHostOptions &options);

    CoreServices m_services;
    AssistHostSession *m_session = nullptr; // a child; replaced by the next start
    bool m_wasRunning = false;
    int m_lastPending = 0;
    PageHeading *m_heading = nullptr;
    MessageBanner *m_banner = nullptr;
    AssistRelayKeyPanel *m_relayKey = nullptr;
    QStackedWidget *m_screens = nullptr;
    AssistStartForm *m_form = nullptr;
    QTimer *m_tick = nullptr;

    // Code
    QLabel *m_code = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_expiry = nullptr;
    QLabel *m_attempts = nullptr;
    StatusPill *m_codeState = nullptr;
    QLabel *m_attemptFailed = nullptr;
    QLabel *m_codeShared = nullptr;
    QPushButton *m_cancel = nullptr;

    // Consent
    QLabel *m_expert = nullptr;
    QLabel *m_fingerprint = nullptr;
    QLabel *m_sas = nullptr;
    QLabel *m_consentShared = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_refuse = nullptr;

    // Active
    QLabel *m_activeExpert = nullptr;
    QLabel *m_timeLeft = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_sharedLine = nullptr;
    QPushButton *m_end = nullptr;
    QVBoxLayout *m_cardsLayout = nullptr;
    QLabel *m_noCards = nullptr;
    QHash<qint64, AssistProposalCard *> m_cards;
    AssistChatPane *m_chat = nullptr;
    QLabel *m_auditPath = nullptr;
    QPushButton *m_openFolder = nullptr;
    QPushButton *m_showLogs = nullptr;
    QPointer<AssistLogDialog> m_logDialog;
    QPointer<ConfirmActionDialog> m_approveDialog;
    QPointer<BackupManager> m_backupManager;
};

} // namespace TiDesk

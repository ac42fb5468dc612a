// SessionsPage: the live sessions of one environment, refreshed every second (SessionPoller;
// diff updates, so the selection, the sort and the scroll survive each read). The headline is
// the number DBAs look for when a server is on fire: how many statements are running and how long
// the oldest has been running, red past a minute. Filters (text with Ctrl+F, user, database,
// command, minimum seconds, minimum MiB; hide sleeping and system sessions, on by default), a
// "group by digest" view, and a details pane with the full statement, EXPLAIN on demand and Kill
// query / Kill connection. A kill shows the KILL statement in a ConfirmActionDialog (typed name on
// production) and goes through SessionKiller: verified against the row the DBA saw, routed to the
// right tidb-server, warnings checked, re-polled, audited; the outcome is said in a banner.
// The poller runs while the page is visible and stops when it is hidden.
// Threading: GUI thread; the poller and the killer are asynchronous; nothing here blocks.
#pragma once

#include "CoreServices.h"
#include "dialogs/ConfirmActionDialog.h"
#include "inventory/Environment.h"
#include "sessions/KillOutcome.h"
#include "sessions/SessionRow.h"
#include "sql/QueryResult.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;
class QTableWidget;

namespace TiDesk {

class MessageBanner;
class SessionDigestModel;
class SessionFilterModel;
class SessionKiller;
class SessionPoller;
class SessionsModel;
class PageHeading;

class SessionsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit SessionsPage(const CoreServices &services, QWidget *parent = nullptr);
    ~SessionsPage() override;

    void setEnvironment(const Environment &env);
    [[nodiscard]] std::optional<Environment> environment() const { return m_env; }

    [[nodiscard]] SessionPoller *poller() const { return m_poller; }
    [[nodiscard]] SessionKiller *killer() const { return m_killer; }
    [[nodiscard]] SessionsModel *model() const { return m_model; }
    [[nodiscard]] SessionFilterModel *filterModel() const { return m_filter; }
    [[nodiscard]] SessionDigestModel *digestModel() const { return m_digests; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QString headlineText() const;
    [[nodiscard]] MessageBanner *banner() const { return m_banner; }
    [[nodiscard]] MessageBanner *killBanner() const { return m_killBanner; }
    [[nodiscard]] ConfirmActionDialog *pendingConfirmation() const { return m_confirm; }
    // The session selected in the table (not in the digest view).
    [[nodiscard]] std::optional<SessionRow> selectedSession() const;
    // Selects the session with this connection id (and instance, on TiDB); false if not listed.
    bool selectSession(quint64 id, const QString &instance = {});
    void setGroupByDigest(bool grouped);

public slots:
    void refresh();
    // Asks for confirmation, then kills the selected session's statement / connection.
    void killSelected(TiDesk::KillKind kind);
    void explainSelected();

signals:
    void killFinished(const TiDesk::KillOutcome &outcome);
    void explained(const TiDesk::QueryResult &plan);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onSessions(const QList<SessionRow> &rows, quint64 ownConnectionId);
    void onReadFailed(const Error &error);
    void updateHeadline();
    void updateDetails();
    void applyFilters();
    void onKillFinished(const KillOutcome &outcome);

    CoreServices m_services;
    std::optional<Environment> m_env;
    SessionPoller *m_poller = nullptr;
    SessionKiller *m_killer = nullptr;
    SessionsModel *m_model = nullptr;
    SessionFilterModel *m_filter = nullptr;
    SessionDigestModel *m_digests = nullptr;
    bool m_grouped = false;
    quint64 m_explainTicket = 0;
    QString m_explainKey;

    PageHeading *m_heading = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_updated = nullptr;
    QPushButton *m_pause = nullptr;
    MessageBanner *m_banner = nullptr;
    MessageBanner *m_killBanner = nullptr;
    QLineEdit *m_text = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_db = nullptr;
    QLineEdit *m_command = nullptr;
    QSpinBox *m_minSeconds = nullptr;
    QSpinBox *m_minMiB = nullptr;
    QCheckBox *m_hideSleeping = nullptr;
    QCheckBox *m_hideSystem = nullptr;
    QCheckBox *m_groupBox = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_detailTitle = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QPushButton *m_explain = nullptr;
    QPushButton *m_killQuery = nullptr;
    QPushButton *m_killConnection = nullptr;
    QTableWidget *m_plan = nullptr;
    QPointer<ConfirmActionDialog> m_confirm;
};

} // namespace TiDesk

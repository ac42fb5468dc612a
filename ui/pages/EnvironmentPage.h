// EnvironmentPage: the selected environment at a glance: its name (the biggest thing on the
// page), tier badge, endpoints, user, TLS, SSH, monitoring URLs, tags and notes, and a
// "Test connection" button that shows engine, version and latency, or a clear error. The main
// window also hands it the automatic fleet check's latest result (showCheckState), so the page
// shows engine/version/latency or the error without the user pressing anything. A refused SSH
// host key (above all a CHANGED one: possible man-in-the-middle) is shown as a Critical banner
// without a "Retry"; a check through a bastion says so ("via ssh root@host:port").
// Threading: GUI thread; the check runs on services.pool (ConnectionCheck) and its result is
// delivered through a QFutureWatcher member, so destroying the page mid-check is safe.
#pragma once

#include "CoreServices.h"
#include "inventory/Environment.h"
#include "sql/EnvironmentCheck.h"

#include <QFutureWatcher>
#include <QWidget>
#include <optional>

class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace TiDesk {

class MessageBanner;
class StatusPill;
class TierBadge;

class EnvironmentPage final : public QWidget
{
    Q_OBJECT
public:
    explicit EnvironmentPage(const CoreServices &services, QWidget *parent = nullptr);
    ~EnvironmentPage() override;

    void setEnvironment(const Environment &env);
    void clearEnvironment();
    [[nodiscard]] std::optional<Environment> environment() const { return m_env; }
    [[nodiscard]] bool isChecking() const;
    // The last check result for the shown environment (empty when none ran yet).
    [[nodiscard]] std::optional<CheckResult> lastResult() const { return m_lastResult; }
    // The latest result of a check run elsewhere (the fleet check) for the shown environment;
    // checking: a new check of it is under way (the previous result stays shown meanwhile).
    void showCheckState(bool checking, const std::optional<CheckResult> &result);

public slots:
    // Starts a connection check of the shown environment; no-op while one runs.
    void testConnection();

signals:
    void checkStarted(const QString &envName);
    void checkFinished(const TiDesk::CheckResult &result);
    void editRequested();

private:
    void onCheckFinished();
    void applyResult(const CheckResult &result);
    void setPill(const CheckResult &result);
    void setBusy(bool busy);
    void fillDetails(const Environment &env);
    void updateSshRow();
    QLabel *addRow(const QString &label, const QString &objectName);

    CoreServices m_services;
    std::optional<Environment> m_env;
    std::optional<CheckResult> m_lastResult;
    QFutureWatcher<CheckResult> m_watcher;
    QUuid m_checkingId;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_name = nullptr;
    TierBadge *m_badge = nullptr;
    QLabel *m_subtitle = nullptr;
    StatusPill *m_checkPill = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QProgressBar *m_busy = nullptr;
    MessageBanner *m_banner = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_engine = nullptr;
    QLabel *m_endpoints = nullptr;
    QLabel *m_user = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_tls = nullptr;
    QLabel *m_ssh = nullptr;
    QLabel *m_prometheus = nullptr;
    QLabel *m_alertmanager = nullptr;
    QLabel *m_pd = nullptr;
    QLabel *m_tags = nullptr;
    QLabel *m_timeouts = nullptr;
    QLabel *m_notes = nullptr;
};

} // namespace TiDesk

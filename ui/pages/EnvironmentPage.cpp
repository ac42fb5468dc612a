#include "EnvironmentPage.h"

#include "ConnectionCheck.h"
#include "EnvironmentText.h"
#include "HostKeyProblem.h"
#include "MessageBanner.h"
#include "StatusPill.h"
#include "TierBadge.h"
#include "TierStyle.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
const QString kNone = u"\u2014"_s; // —

QString orNone(const QString &s)
{
    return s.trimmed().isEmpty() ? kNone : s;
}

QString link(const QString &url)
{
    if (url.trimmed().isEmpty())
        return kNone;
    const QString escaped = url.toHtmlEscaped();
    return u"<a href=\"%1\">%1</a>"_s.arg(escaped);
}
} // namespace

EnvironmentPage::EnvironmentPage(const CoreServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(u"environmentPage"_s);
    m_stack = new QStackedWidget(this);

    // An empty inventory shows the welcome screen instead: here there are environments to pick.
    m_placeholder = new QLabel(tr("No environment selected.\nPick one on the left, or press "
                                  "Ctrl+K to find one by name."),
                               this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setObjectName(u"environmentPlaceholder"_s);
    m_stack->addWidget(m_placeholder);

    auto *content = new QWidget(this);
    m_stack->addWidget(content);

    // Header: the environment name is the biggest thing on the page.
    m_name = new QLabel(content);
    m_name->setObjectName(u"environmentName"_s);
    m_name->setAccessibleName(tr("Environment name"));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 2.2);
    nameFont.setBold(true);
    m_name->setFont(nameFont);

    m_badge = new TierBadge(content);
    m_badge->setObjectName(u"environmentTierBadge"_s);
    QFont badgeFont = m_badge->font();
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 1.25);
    m_badge->setFont(badgeFont);

    m_editButton = new QPushButton(tr("Edit\u2026"), content);
    m_editButton->setObjectName(u"editEnvironmentButton"_s);
    m_editButton->setAccessibleName(tr("Edit environment"));
    connect(m_editButton, &QPushButton::clicked, this, &EnvironmentPage::editRequested);

    m_testButton = new QPushButton(tr("Test connection"), content);
    m_testButton->setObjectName(u"testConnectionButton"_s);
    m_testButton->setAccessibleName(tr("Test connection"));
    m_testButton->setToolTip(tr(
        "Connect to the first reachable endpoint and report engine, version and latency (Ctrl+T)"));
    m_testButton->setDefault(true);
    connect(m_testButton, &QPushButton::clicked, this, &EnvironmentPage::testConnection);

    auto *header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(m_name);
    header->addWidget(m_badge, 0, Qt::AlignVCenter);
    header->addStretch(1);
    header->addWidget(m_editButton);
    header->addWidget(m_testButton);

    m_subtitle = new QLabel(content);
    m_subtitle->setObjectName(u"environmentSubtitle"_s);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont subFont = m_subtitle->font();
    subFont.setPointSizeF(subFont.pointSizeF() * 1.15);
    m_subtitle->setFont(subFont);

    m_checkPill = new StatusPill(content);
    m_checkPill->setObjectName(u"environmentCheckPill"_s);
    m_checkPill->setAccessibleName(tr("Connection status"));
    m_busy = new QProgressBar(content);
    m_busy->setObjectName(u"environmentCheckBusy"_s);
    m_busy->setAccessibleName(tr("Checking connection"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->hide();

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_subtitle);
    statusRow->addStretch(1);
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_checkPill);

    m_banner = new MessageBanner(content);
    m_banner->setObjectName(u"environmentBanner"_s);
    connect(m_banner, &MessageBanner::actionTriggered, this, &EnvironmentPage::testConnection);

    // Details
    auto *details = new QWidget;
    m_form = new QFormLayout(details);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(16);
    m_form->setVerticalSpacing(8);
    m_engine = addRow(tr("Engine"), u"detailEngine"_s);
    m_endpoints = addRow(tr("SQL endpoints"), u"detailEndpoints"_s);
    QFont mono = m_endpoints->font();
    mono.setFamily(u"DejaVu Sans Mono"_s);
    mono.setStyleHint(QFont::Monospace);
    m_endpoints->setFont(mono);
    m_user = addRow(tr("User"), u"detailUser"_s);
    m_database = addRow(tr("Default database"), u"detailDatabase"_s);
    m_tls = addRow(tr("TLS"), u"detailTls"_s);
    m_ssh = addRow(tr("SSH bastion"), u"detailSsh"_s);
    m_prometheus = addRow(tr("Prometheus"), u"detailPrometheus"_s);
    m_alertmanager = addRow(tr("Alertmanager"), u"detailAlertmanager"_s);
    m_pd = addRow(tr("PD"), u"detailPd"_s);
    m_tags = addRow(tr("Tags"), u"detailTags"_s);
    m_timeouts = addRow(tr("Timeouts"), u"detailTimeouts"_s);
    m_notes = addRow(tr("Notes"), u"detailNotes"_s);
    for (QLabel *l : { m_prometheus, m_alertmanager, m_pd }) {
        l->setTextFormat(Qt::RichText);
        l->setOpenExternalLinks(true);
        l->setTextInteractionFlags(Qt::TextBrowserInteraction);
    }

    auto *scroll = new QScrollArea(content);
    scroll->setWidget(details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addLayout(statusRow);
    layout->addWidget(m_banner);
    layout->addWidget(scroll, 1);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(&m_watcher, &QFutureWatcher<CheckResult>::finished, this,
            &EnvironmentPage::onCheckFinished);
    clearEnvironment();
}

EnvironmentPage::~EnvironmentPage()
{
    // The check keeps running on the pool; it holds no pointer to this page. Disconnect so a
    // result arriving during destruction is ignored.
    m_watcher.disconnect(this);
}

QLabel *EnvironmentPage::addRow(const QString &label, const QString &objectName)
{
    auto *value = new QLabel;
    value->setObjectName(objectName);
    value->setAccessibleName(label);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    auto *title = new QLabel(label);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    title->setBuddy(value);
    m_form->addRow(title, value);
    return value;
}

void EnvironmentPage::setEnvironment(const Environment &env)
{
    const bool sameEnv = m_env && m_env->id == env.id;
    m_env = env;
    if (!sameEnv) {
        m_lastResult.reset();
        m_banner->clear();
        m_checkPill->setStatus(StatusPill::State::Unknown, tr("Not checked yet"));
        m_engine->setText(env.engine == EngineOverride::Auto
                              ? tr("not checked yet")
                              : tr("%1 (set in the environment)")
                                    .arg(EnvironmentText::engineOverride(env.engine)));
    }
    fillDetails(env);
    m_stack->setCurrentIndex(1);
    setBusy(isChecking() && m_checkingId == env.id);
}

void EnvironmentPage::clearEnvironment()
{
    m_env.reset();
    m_lastResult.reset();
    m_banner->clear();
    m_stack->setCurrentIndex(0);
}

void EnvironmentPage::fillDetails(const Environment &env)
{
    m_name->setText(env.name);
    m_badge->setText(TierStyle::badgeText(env));
    m_badge->setColor(TierStyle::color(env));

    QStringList eps;
    for (const SqlEndpoint &ep : env.endpoints)
        eps << EnvironmentText::endpoint(ep);
    m_endpoints->setText(eps.isEmpty() ? kNone : eps.join(u'\n'));

    const QString first = env.endpoints.isEmpty()
        ? QString()
        : u"%1:%2"_s.arg(env.endpoints.first().host).arg(env.endpoints.first().port);
    if (first.isEmpty())
        m_subtitle->setText(env.user);
    else if (env.endpoints.size() == 1)
        //: Under the environment name: %1 = user, %2 = host:port
        m_subtitle->setText(tr("%1 @ %2").arg(env.user, first));
    else
        //: Under the environment name: %1 = user, %2 = first host:port, %3 = how many more
        //: endpoints
        m_subtitle->setText(
            tr("%1 @ %2 (+%3 more endpoints)").arg(env.user, first).arg(env.endpoints.size() - 1));

    m_user->setText(orNone(env.user));
    m_database->setText(orNone(env.defaultDatabase));

    //: %1 = TLS mode name, %2 = one sentence explaining it
    QStringList tls { tr("%1 \u2014 %2")
                          .arg(EnvironmentText::tlsMode(env.tls.mode),
                               EnvironmentText::tlsModeHelp(env.tls.mode)) };
    if (!env.tls.caFile.isEmpty())
        tls << tr("CA: %1").arg(env.tls.caFile);
    if (!env.tls.certFile.isEmpty())
        tls << tr("Client certificate: %1").arg(env.tls.certFile);
    if (!env.tls.keyFile.isEmpty())
        tls << tr("Client key: %1").arg(env.tls.keyFile);
    m_tls->setText(tls.join(u'\n'));

    updateSshRow();
    m_prometheus->setText(link(env.prometheusUrl));
    m_alertmanager->setText(link(env.alertmanagerUrl));
    m_pd->setText(link(env.pdUrl));
    m_tags->setText(env.tags.isEmpty() ? kNone : env.tags.join(u", "_s));
    //: %1 = connect timeout in ms, %2 = query timeout in ms
    m_timeouts->setText(
        tr("connect %1 ms, query %2 ms").arg(env.connectTimeoutMs).arg(env.queryTimeoutMs));
    m_notes->setText(orNone(env.notes));
}

bool EnvironmentPage::isChecking() const
{
    return m_watcher.isRunning();
}

void EnvironmentPage::testConnection()
{
    if (!m_env || isChecking())
        return;
    m_checkingId = m_env->id;
    m_banner->clear();
    setBusy(true);
    m_checkPill->setStatus(StatusPill::State::Unknown, tr("Checking\u2026"));
    emit checkStarted(m_env->name);
    m_watcher.setFuture(ConnectionCheck::start(m_services, *m_env));
}

void EnvironmentPage::onCheckFinished()
{
    setBusy(false);
    if (m_watcher.future().resultCount() == 0)
        return;
    const CheckResult result = m_watcher.result();
    emit checkFinished(result);
    if (!m_env || m_env->id != m_checkingId)
        return; // the user moved on to another environment; the status bar still shows it
    applyResult(result);
}

void EnvironmentPage::showCheckState(bool checking, const std::optional<CheckResult> &result)
{
    if (!m_env)
        return;
    // Compared by value: the model re-announces the row often, the banner should not flicker.
    if (result && (!m_lastResult || m_lastResult->toJson() != result->toJson()))
        applyResult(*result);
    if (checking)
        m_checkPill->setStatus(StatusPill::State::Unknown, tr("Checking\u2026"));
    else if (m_lastResult && !isChecking())
        setPill(*m_lastResult);
}

void EnvironmentPage::setPill(const CheckResult &result)
{
    if (result.reachable)
        //: %1 = milliseconds
        m_checkPill->setStatus(StatusPill::State::Ok, tr("Connected, %1 ms").arg(result.latencyMs));
    else if (const auto hostKey = HostKeyProblem::classify(result.error);
             hostKey != HostKeyProblem::Kind::None)
        m_checkPill->setStatus(StatusPill::State::Error, HostKeyProblem::shortText(hostKey));
    else
        m_checkPill->setStatus(StatusPill::State::Error, tr("Connection failed"));
}

void EnvironmentPage::applyResult(const CheckResult &result)
{
    m_lastResult = result;
    setPill(result);
    if (result.reachable)
        m_engine->setText(result.engine.displayString());
    else if (m_env && m_env->engine == EngineOverride::Auto)
        m_engine->setText(tr("unknown: the last check failed"));
    // A refused SSH host key gets the Critical banner and no "Retry" (see ConnectionCheck::showIn).
    ConnectionCheck::showIn(m_banner, result, tr("Retry"));
    updateSshRow();
}

void EnvironmentPage::updateSshRow()
{
    if (!m_env)
        return;
    QString text = EnvironmentText::sshBastion(m_env->ssh);
    if (m_lastResult && m_lastResult->viaSsh && m_lastResult->reachable
        && !m_lastResult->via.isEmpty())
        //: SSH bastion row, second line: %1 = the route, "ssh root@10.0.0.1:22"
        text += u'\n' + tr("The last check connected via %1.").arg(m_lastResult->via);
    m_ssh->setText(text);
}

void EnvironmentPage::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_testButton->setEnabled(!busy);
    m_testButton->setText(busy ? tr("Testing\u2026") : tr("Test connection"));
}

} // namespace TiDesk

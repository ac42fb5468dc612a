#include "AlertsPage.h"

#include "AlertLevelDelegate.h"
#include "AlertStyleModel.h"
#include "MessageBanner.h"
#include "alerts/AlertListModel.h"
#include "alerts/AlertmanagerClient.h"
#include "alerts/FleetAlerts.h"
#include "dialogs/SilenceDialog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

AlertsPage::AlertsPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"alertsPage"_s);
    m_fleet = new FleetAlerts(this);
    m_model = new AlertListModel(this);

    auto *title = new QLabel(tr("Alerts"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.6);
    tf.setBold(true);
    title->setFont(tf);

    m_headline = new QLabel(this);
    m_headline->setObjectName(u"alertsHeadline"_s);
    m_headline->setTextFormat(Qt::RichText);
    QFont hf = m_headline->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.4);
    m_headline->setFont(hf);

    m_updated = new QLabel(this);
    m_updated->setObjectName(u"alertsUpdated"_s);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(u"alertsRefresh"_s);
    m_refresh->setAccessibleName(tr("Refresh alerts"));
    connect(m_refresh, &QPushButton::clicked, this, &AlertsPage::refresh);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"alertsBanner"_s);
    m_actionBanner = new MessageBanner(this);
    m_actionBanner->setObjectName(u"alertsActionBanner"_s);

    m_style = new AlertStyleModel(this);
    m_style->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(u"alertsTable"_s);
    m_table->setAccessibleName(tr("Active alerts"));
    m_table->setModel(m_style);
    m_table->setItemDelegateForColumn(AlertListModel::LevelColumn, new AlertLevelDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);

    m_silenceAction = new QAction(tr("&Silence\u2026"), this);
    m_silenceAction->setObjectName(u"actionSilenceAlert"_s);
    m_silenceAction->setToolTip(tr("Silence the selected alert in its Alertmanager"));
    connect(m_silenceAction, &QAction::triggered, this, &AlertsPage::silenceSelected);
    m_expireAction = new QAction(tr("E&xpire silence"), this);
    m_expireAction->setObjectName(u"actionExpireSilence"_s);
    m_expireAction->setToolTip(tr("End the silences that mute the selected alert"));
    connect(m_expireAction, &QAction::triggered, this, &AlertsPage::expireSelected);
    m_table->addAction(m_silenceAction);
    m_table->addAction(m_expireAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_silenceButton = new QPushButton(m_silenceAction->text(), this);
    m_silenceButton->setObjectName(u"alertsSilence"_s);
    m_silenceButton->setAccessibleName(tr("Silence the selected alert"));
    connect(m_silenceButton, &QPushButton::clicked, m_silenceAction, &QAction::trigger);
    m_expireButton = new QPushButton(m_expireAction->text(), this);
    m_expireButton->setObjectName(u"alertsExpireSilence"_s);
    m_expireButton->setAccessibleName(tr("Expire the silence of the selected alert"));
    connect(m_expireButton, &QPushButton::clicked, m_expireAction, &QAction::trigger);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPage::updateActions);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_style->mapToSource(index);
        emit alertActivated(source.data(AlertListModel::EnvRole).toString(),
                            source.data(AlertListModel::StartsAtRole).toDateTime());
    });

    AlertmanagerClient *client = m_fleet->client();
    connect(client, &AlertmanagerClient::silenceCreated, this, &AlertsPage::onSilenceCreated);
    connect(client, &AlertmanagerClient::silenceExpired, this, &AlertsPage::onSilenceExpired);
    connect(client, &AlertmanagerClient::failed, this, &AlertsPage::onRequestFailed);

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(m_updated);
    top->addWidget(m_silenceButton);
    top->addWidget(m_expireButton);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_headline);
    layout->addWidget(m_banner);
    layout->addWidget(m_actionBanner);
    layout->addWidget(m_table, 1);

    connect(m_fleet, &FleetAlerts::updated, this, &AlertsPage::onUpdated);
    m_fleet->start();
    onUpdated();
}

void AlertsPage::setEnvironments(const EnvironmentList &envs)
{
    m_fleet->setEnvironments(envs);
}

void AlertsPage::refresh()
{
    m_fleet->refresh();
    m_updated->setText(tr("Refreshing\u2026"));
}

void AlertsPage::onUpdated()
{
    // Keep the selected alert selected: the model is reset on every refresh.
    Alert selected;
    QString selectedEnv;
    const bool hadSelection = selectedAlert(&selected, &selectedEnv);
    m_model->setAlerts(m_fleet->alerts());
    m_table->resizeColumnsToContents();
    if (hadSelection)
        selectRow(m_model->rowOf(selectedEnv, selected.fingerprint));
    updateActions();

    const int total = int(m_fleet->alerts().size());
    if (total == 0) {
        m_headline->setText(m_fleet->lastUpdated().isValid() ? tr("No active alerts")
                                                             : tr("No alerts read yet"));
    } else {
        QStringList parts;
        for (AlertLevel level : { AlertLevel::Emergency, AlertLevel::Critical, AlertLevel::Warning,
                                  AlertLevel::Info, AlertLevel::Unknown }) {
            const int n = m_fleet->count(level);
            if (n == 0)
                continue;
            //: Alerts headline part: %1 = count, %2 = level ("critical")
            parts << u"<b style=\"color:%1\">%2</b>"_s.arg(
                AlertLevelDelegate::colorFor(level).name(),
                tr("%1 %2").arg(n).arg(Alert::levelDisplayName(level)));
        }
        const auto alerts = m_fleet->alerts();
        const int silenced
            = int(std::count_if(alerts.cbegin(), alerts.cend(), [](const FleetAlerts::EnvAlert &e) {
                  return AlertListModel::isSilenced(e.alert);
              }));
        if (silenced > 0)
            //: Alerts headline part: %1 = how many of the alerts are silenced
            parts << u"<span style=\"color:%1\">%2</span>"_s.arg(
                AlertStyleModel::silencedColor().name(), tr("%1 silenced").arg(silenced));
        //: %1 = number of alerts, %2 = "2 critical · 1 warning"
        m_headline->setText(
            tr("Active alerts: %1 \u2014 %2").arg(total).arg(parts.join(u" \u00b7 "_s)));
    }
    if (m_fleet->lastUpdated().isValid())
        //: %1 = time of day
        m_updated->setText(tr("Updated %1")
                               .arg(QLocale().toString(m_fleet->lastUpdated().toLocalTime().time(),
                                                       QLocale::ShortFormat)));

    const QHash<QString, Error> errors = m_fleet->errors();
    if (errors.isEmpty()) {
        m_banner->clear();
    } else {
        QStringList lines;
        for (auto it = errors.cbegin(); it != errors.cend(); ++it)
            lines << it->message;
        lines.sort();
        m_banner->showMessage(MessageBanner::Kind::Error,
                              //: %1 = how many Alertmanagers
                              tr("Alertmanagers that could not be read: %1. Their alerts may be "
                                 "missing or out of date.")
                                  .arg(errors.size()),
                              lines.join(u'\n'));
    }
    const int severe = m_fleet->count(AlertLevel::Emergency) + m_fleet->count(AlertLevel::Critical);
    if (severe != m_severe) {
        m_severe = severe;
        emit severeCountChanged(severe);
    }
}

void AlertsPage::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_table->clearSelection();
        return;
    }
    const QModelIndex index = m_style->index(row, AlertListModel::NameColumn);
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool AlertsPage::selectedAlert(Alert *alert, QString *envName) const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return false;
    const QModelIndex source = m_style->mapToSource(rows.first());
    *alert = source.data(AlertListModel::AlertRole).value<Alert>();
    *envName = source.data(AlertListModel::EnvRole).toString();
    return true;
}

void AlertsPage::updateActions()
{
    Alert alert;
    QString env;
    const bool has = selectedAlert(&alert, &env);
    m_silenceAction->setEnabled(has && !Silence::matchersFor(alert).isEmpty());
    m_expireAction->setEnabled(has && AlertListModel::isSilenced(alert));
    m_silenceButton->setEnabled(m_silenceAction->isEnabled());
    m_expireButton->setEnabled(m_expireAction->isEnabled());
}

SilenceDialog *AlertsPage::silenceSelected()
{
    Alert alert;
    QString env;
    if (!selectedAlert(&alert, &env))
        return nullptr;
    const std::optional<Environment> e = m_fleet->environment(env);
    auto *dialog = new SilenceDialog(alert, env, e && e->isProduction(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { sendSilence(dialog); });
    dialog->open();
    return dialog;
}

void AlertsPage::sendSilence(const SilenceDialog *dialog)
{
    const std::optional<Environment> env = m_fleet->environment(dialog->envName());
    const Result<Silence> silence = dialog->silence();
    if (!silence || !env) {
        m_actionBanner->showMessage(MessageBanner::Kind::Error, tr("The silence was not created"),
                                    silence ? tr("The environment is no longer in the inventory")
                                            : silence.error().message);
        return;
    }
    const quint64 id
        = m_fleet->client()->createSilence(QUrl(env->alertmanagerUrl.trimmed()), *silence);
    m_requests.insert(id, { env->name, dialog->alert().name, {}, silence->endsAt });
    //: %1 = alert name, %2 = environment
    m_actionBanner->showMessage(
        MessageBanner::Kind::Info,
        tr("Silencing %1 in %2\u2026").arg(dialog->alert().name, env->name));
}

void AlertsPage::expireSelected()
{
    Alert alert;
    QString envName;
    if (!selectedAlert(&alert, &envName) || alert.silencedBy.isEmpty())
        return;
    const std::optional<Environment> env = m_fleet->environment(envName);
    if (!env)
        return;
    for (const QString &sid : std::as_const(alert.silencedBy)) {
        const quint64 id
            = m_fleet->client()->expireSilence(QUrl(env->alertmanagerUrl.trimmed()), sid);
        m_requests.insert(id, { env->name, alert.name, sid, {} });
    }
    //: %1 = alert name, %2 = environment
    m_actionBanner->showMessage(
        MessageBanner::Kind::Info,
        tr("Expiring the silence of %1 in %2\u2026").arg(alert.name, env->name));
}

void AlertsPage::onSilenceCreated(quint64 id, const QString &silenceId)
{
    if (!m_requests.contains(id))
        return;
    const Pending p = m_requests.take(id);
    //: %1 = alert name, %2 = environment, %3 = end time, %4 = silence id
    m_actionBanner->showMessage(
        MessageBanner::Kind::Success,
        tr("Silenced %1 in %2 until %3")
            .arg(p.alertName, p.env,
                 QLocale().toString(p.until.toLocalTime(), QLocale::ShortFormat)),
        tr("Silence id %1").arg(silenceId));
    emit silenceCreated(p.env, silenceId);
    m_fleet->refresh();
}

void AlertsPage::onSilenceExpired(quint64 id, const QString &silenceId)
{
    if (!m_requests.contains(id))
        return;
    const Pending p = m_requests.take(id);
    //: %1 = alert name, %2 = environment
    m_actionBanner->showMessage(MessageBanner::Kind::Success,
                                tr("The silence of %1 in %2 has expired").arg(p.alertName, p.env),
                                tr("Silence id %1").arg(silenceId));
    emit silenceExpired(p.env, silenceId);
    m_fleet->refresh();
}

void AlertsPage::onRequestFailed(quint64 id, const Error &error)
{
    if (!m_requests.contains(id))
        return; // an alerts request of FleetAlerts: it reports those itself
    const Pending p = m_requests.take(id);
    m_actionBanner->showMessage(
        MessageBanner::Kind::Error,
        p.silenceId.isEmpty()
            //: %1 = alert name, %2 = environment
            ? tr("Could not silence %1 in %2").arg(p.alertName, p.env)
            //: %1 = alert name, %2 = environment
            : tr("Could not expire the silence of %1 in %2").arg(p.alertName, p.env),
        error.message);
}

} // namespace TiDesk

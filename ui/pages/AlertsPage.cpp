#include "AlertsPage.h"

#include "AlertLevelDelegate.h"
#include "MessageBanner.h"
#include "alerts/AlertListModel.h"
#include "alerts/FleetAlerts.h"

#include <QHBoxLayout>
#include <QHeaderView>
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

    m_table = new QTableView(this);
    m_table->setObjectName(u"alertsTable"_s);
    m_table->setAccessibleName(tr("Active alerts"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(AlertListModel::LevelColumn, new AlertLevelDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(m_updated);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_headline);
    layout->addWidget(m_banner);
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
    m_model->setAlerts(m_fleet->alerts());
    m_table->resizeColumnsToContents();

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

} // namespace TiDesk

#include "ClusterPage.h"

#include "ThemeColors.h"

#include "MessageBanner.h"
#include "health/PdClient.h"
#include "health/TopologyReader.h"
#include "models/ClusterNodeModel.h"
#include "secrets/SecretReader.h"
#include "tunnel/BastionTunnels.h"

#include <QBrush>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr int kRefreshMs = 30000;
// Readable on the current palette (the light theme keeps #c62828 / #2e7d32; dark lightens them).
QString errorColorName()
{
    return ThemeColors::foreground(ThemeColors::Role::Error, QGuiApplication::palette()).name();
}
QString okColorName()
{
    return ThemeColors::foreground(ThemeColors::Role::Ok, QGuiApplication::palette()).name();
}

// Nodes a DBA must look at (Down, Disconnected, Offline, unhealthy PD): the row tinted red and
// its state in red, like the fleet page's down rows. Colours are UI; the core model only says
// which rows (ProblemRole).
class ProblemTint final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if ((role == Qt::BackgroundRole || role == Qt::ForegroundRole)
            && QIdentityProxyModel::data(index, ClusterNodeModel::ProblemRole).toBool()) {
            if (role == Qt::BackgroundRole)
                return QBrush(QColor(0xc6, 0x28, 0x28, 40));
            if (index.column() == ClusterNodeModel::StateColumn)
                return QBrush(QColor(errorColorName()));
        }
        return QIdentityProxyModel::data(index, role);
    }
};

QLabel *boldLabel(QWidget *parent, double scale)
{
    auto *l = new QLabel(parent);
    QFont f = l->font();
    f.setPointSizeF(f.pointSizeF() * scale);
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

ClusterPage::ClusterPage(const CoreServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(u"clusterPage"_s);
    qRegisterMetaType<TiDesk::ClusterTopology>();

    m_title = boldLabel(this, 1.6);
    m_title->setObjectName(u"clusterTitle"_s);
    m_headline = boldLabel(this, 1.4);
    m_headline->setObjectName(u"clusterHeadline"_s);
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    m_updated = new QLabel(this);
    m_updated->setObjectName(u"clusterUpdated"_s);
    m_updated->setMinimumWidth(
        m_updated->fontMetrics().horizontalAdvance(u"Read at 00:00:00 PM"_s));
    m_updated->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(u"clusterRefresh"_s);
    m_refresh->setAccessibleName(tr("Refresh the cluster topology"));
    connect(m_refresh, &QPushButton::clicked, this, &ClusterPage::refresh);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"clusterBanner"_s);
    connect(m_banner, &MessageBanner::actionTriggered, this, &ClusterPage::refresh);

    m_model = new ClusterNodeModel(this);
    auto *tint = new ProblemTint(this);
    tint->setSourceModel(m_model);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(tint);
    proxy->setSortRole(ClusterNodeModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(u"clusterTable"_s);
    m_table->setAccessibleName(tr("Cluster nodes"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(false); // pd, tidb, tikv order by default; click to sort
    m_table->horizontalHeader()->setSectionsClickable(true);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this, proxy](int c) {
        m_table->setSortingEnabled(true);
        proxy->sort(c, m_table->horizontalHeader()->sortIndicatorOrder());
    });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_replicationTitle = boldLabel(this, 1.1);
    m_replicationTitle->setText(tr("Replication"));
    m_replication = new QTableWidget(0, 6, this);
    m_replication->setObjectName(u"clusterReplication"_s);
    m_replication->setAccessibleName(tr("Replication channels"));
    m_replication->setHorizontalHeaderLabels({ tr("Channel"), tr("Source"), tr("IO thread"),
                                               tr("SQL thread"), tr("Behind"), tr("Last error") });
    m_replication->verticalHeader()->hide();
    m_replication->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_replication->horizontalHeader()->setStretchLastSection(true);
    m_replication->setMaximumHeight(140);
    m_replicationTitle->hide();
    m_replication->hide();

    auto *topBox = new QWidget(this);
    auto *topLayout = new QVBoxLayout(topBox);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_table, 1);
    topLayout->addWidget(m_replicationTitle);
    topLayout->addWidget(m_replication);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(u"clusterSplitter"_s);
    m_splitter->addWidget(topBox);
    m_splitter->setChildrenCollapsible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch(1);
    top->addWidget(m_updated);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_headline);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);

    m_pd = new PdClient(new QNetworkAccessManager(this), this);
    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &ClusterPage::refresh);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ClusterPage::onRead);

    m_title->setText(tr("Cluster"));
    m_headline->setText(tr("Select an environment to see its nodes."));
}

ClusterPage::~ClusterPage()
{
    // The read holds copies only (environment, password, pointers to services that outlive
    // the window); wait so it never reports into a destroyed page.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void ClusterPage::setChartsWidget(QWidget *charts)
{
    if (m_charts)
        m_charts->hide();
    m_charts = charts;
    if (charts) {
        m_splitter->addWidget(charts);
        m_splitter->setStretchFactor(0, 2);
        m_splitter->setStretchFactor(1, 3);
    }
}

QString ClusterPage::headlineText() const
{
    return m_headline->text();
}

void ClusterPage::setEnvironment(const Environment &env)
{
    const bool changed = !m_env || m_env->id != env.id;
    m_env = env;
    if (changed) {
        ++m_generation;
        m_model->clear();
        m_replication->setRowCount(0);
        m_banner->clear();
        m_updated->clear();
        m_headline->setText(tr("Reading the topology\u2026"));
    }
    m_title->setText(tr("Cluster \u2014 %1").arg(env.name));
    refresh();
}

void ClusterPage::refresh()
{
    if (!m_env)
        return;
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    m_updated->setText(tr("Reading\u2026"));
    m_refresh->setEnabled(false);
    TopologyRequest request;
    request.environment = *m_env;
    request.dialectOptions.catalogSchema = m_services.tidbCatalogSchema;
    CredentialStore *secrets = m_services.secrets;
    EndpointRouter *router = m_services.tunnels;
    ActivityLog *log = m_services.activityLog;
    m_watchedGeneration = m_generation;
    m_watcher.setFuture(QtConcurrent::run(
        m_services.pool, [request, secrets, router, log]() mutable -> Result<ClusterTopology> {
            if (secrets) {
                Result<QString> pw
                    = readOptionalSecret(secrets, request.environment.passwordSecretKey());
                if (!pw)
                    return pw.error();
                request.password = *pw;
            }
            request.route = SshRoute::fromStore(request.environment, secrets, router);
            return readTopology(request, log);
        }));
}

void ClusterPage::onRead()
{
    m_refresh->setEnabled(true);
    const bool current = m_watchedGeneration == m_generation;
    if (current && m_watcher.future().resultCount() > 0) {
        const Result<ClusterTopology> r = m_watcher.result();
        if (r && r->engine.engine == Engine::TiDB && m_env && !m_env->pdUrl.trimmed().isEmpty()) {
            // PD next; the SQL part is shown meanwhile.
            showTopology(*r);
            const quint64 generation = m_generation;
            const ClusterTopology sqlPart = *r;
            m_pd->fetch(QUrl(m_env->pdUrl.trimmed()),
                        [this, generation, sqlPart](const PdClient::Answer &answer) {
                            if (generation != m_generation)
                                return;
                            ClusterTopology merged = sqlPart;
                            PdClient::merge(merged, answer);
                            showTopology(merged);
                            emit topologyRead(merged);
                        });
        } else if (r) {
            showTopology(*r);
            emit topologyRead(*r);
        } else {
            m_updated->setText(tr("Failed"));
            m_headline->setText(u"<span style=\"color:%1\">%2</span>"_s.arg(
                errorColorName(), tr("Cannot read the topology")));
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message, r.error().detail,
                                  tr("Retry"));
            emit readFailed(r.error());
        }
    }
    if (m_pending || !current)
        refresh();
}

void ClusterPage::showTopology(const ClusterTopology &topo)
{
    m_model->setTopology(topo);
    // Load, memory and the store columns come from TiDB's cluster tables only.
    const bool tidb = topo.engine.engine == Engine::TiDB;
    for (int c : { ClusterNodeModel::LoadColumn, ClusterNodeModel::MemoryColumn,
                   ClusterNodeModel::StoreColumn, ClusterNodeModel::LeadersColumn,
                   ClusterNodeModel::RegionsColumn, ClusterNodeModel::HeartbeatColumn })
        m_table->setColumnHidden(c, !tidb);
    m_table->resizeColumnsToContents();
    m_updated->setText(
        //: %1 = time of day
        tr("Read at %1")
            .arg(QLocale().toString(topo.readAt.toLocalTime().time(), QLocale::ShortFormat)));

    QStringList counts;
    for (const QString &type : { u"pd"_s, u"tidb"_s, u"tikv"_s, u"tiflash"_s }) {
        if (const int n = topo.countOfType(type))
            //: node count by component, e.g. "3 TiKV"
            counts << tr("%1 %2").arg(n).arg(ClusterNodeModel::typeDisplayName(type));
    }
    if (counts.isEmpty() && !topo.nodes.isEmpty())
        counts << topo.engine.displayString();
    const int problems = topo.problemNodeCount();
    int brokenChannels = 0;
    for (const ReplicationChannel &c : topo.replication)
        brokenChannels += c.isHealthy() ? 0 : 1;
    QString status;
    if (problems > 0)
        //: %1 = number of nodes that are Down, Disconnected, Offline or unhealthy
        status = u"<span style=\"color:%1\">%2</span>"_s.arg(
            errorColorName(),
            problems == 1 ? tr("1 node in trouble") : tr("%1 nodes in trouble").arg(problems));
    else if (brokenChannels > 0)
        status = u"<span style=\"color:%1\">%2</span>"_s.arg(
            errorColorName(),
            brokenChannels == 1 ? tr("1 replication channel broken")
                                : tr("%1 replication channels broken").arg(brokenChannels));
    else
        status = u"<span style=\"color:%1\">%2</span>"_s.arg(okColorName(), tr("all nodes up"));
    m_headline->setText(counts.join(u" \u00b7 "_s) + u" \u2014 "_s + status);

    if (topo.problems.isEmpty())
        m_banner->clear();
    else
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Part of the topology could not be read; the rest is shown."),
                              topo.problems.join(u'\n'));
    showReplication(topo);
    fitTableHeight();
}

void ClusterPage::fitTableHeight()
{
    // The nodes take the room they need (a TiDB cluster has a handful to a few dozen), the charts
    // get the rest: set once per environment so a user's own splitter drag is kept afterwards.
    if (!m_charts || m_fittedGeneration == m_generation)
        return;
    m_fittedGeneration = m_generation;
    const int rows = qMin(m_model->rowCount(), 12);
    int wanted = m_table->horizontalHeader()->height() + 2 * m_table->frameWidth() + 4;
    for (int r = 0; r < rows; ++r)
        wanted += m_table->rowHeight(r);
    if (m_replication->isVisibleTo(this))
        wanted += m_replicationTitle->sizeHint().height() + m_replication->maximumHeight();
    const int total = m_splitter->height();
    if (total > 0)
        m_splitter->setSizes({ qMin(wanted, total / 2), qMax(total - wanted, total / 2) });
}

void ClusterPage::showReplication(const ClusterTopology &topo)
{
    const bool sql = topo.engine.engine == Engine::MariaDB || topo.engine.engine == Engine::MySQL;
    m_replicationTitle->setVisible(sql);
    m_replication->setVisible(sql && !topo.replication.isEmpty());
    if (sql && topo.replication.isEmpty())
        m_replicationTitle->setText(tr("Replication: this server is not a replica"));
    else
        m_replicationTitle->setText(tr("Replication"));
    m_replication->setRowCount(int(topo.replication.size()));
    for (int i = 0; i < topo.replication.size(); ++i) {
        const ReplicationChannel &c = topo.replication[i];
        const QString error = c.lastIoError.isEmpty() ? c.lastSqlError : c.lastIoError;
        const QStringList cells = {
            c.name.isEmpty() ? tr("(default)") : c.name,
            c.sourceHost + u':' + QString::number(c.sourcePort),
            c.ioRunning,
            c.sqlRunning,
            c.secondsBehind < 0 ? u"\u2014"_s
                                //: replication delay in seconds
                                : tr("%1 s").arg(c.secondsBehind),
            error,
        };
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (!c.isHealthy() && (col == 2 || col == 3 || col == 5))
                item->setForeground(QColor(errorColorName()));
            m_replication->setItem(i, col, item);
        }
    }
    m_replication->resizeColumnsToContents();
}

void ClusterPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
}

void ClusterPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

} // namespace TiDesk

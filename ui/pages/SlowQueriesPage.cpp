#include "SlowQueriesPage.h"

#include "MessageBanner.h"
#include "PageHeading.h"
#include "SshConfig.h"
#include "TimeRangePicker.h"
#include "common/MetricFormat.h"
#include "models/DigestClassModel.h"
#include "secrets/SecretReader.h"
#include "slowsql/DigestCsv.h"
#include "slowsql/RemoteSlowLog.h"
#include "slowsql/SlowLogDigest.h"
#include "sql/EnvironmentConnection.h"
#include "tunnel/BastionConfig.h"
#include "tunnel/BastionTunnels.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk {

SlowQueriesPage::SlowQueriesPage(const CoreServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(u"slowQueriesPage"_s);
    m_heading = new PageHeading(tr("Slow queries"), this);

    m_sourceCombo = new QComboBox(this);
    m_sourceCombo->setObjectName(u"slowSource"_s);
    m_sourceCombo->setAccessibleName(tr("History source"));
    m_sourceCombo->addItem(tr("Slow query log"), int(SlowHistorySource::SlowQueries));
    m_sourceCombo->addItem(tr("Statements summary (TiDB)"),
                           int(SlowHistorySource::StatementsSummary));
    connect(m_sourceCombo, &QComboBox::currentIndexChanged, this,
            [this] { setSource(SlowHistorySource(m_sourceCombo->currentData().toInt())); });
    m_range = new TimeRangePicker(this);
    m_range->setObjectName(u"slowRange"_s);
    m_range->setPreset(TimeRangePicker::Preset::LastHour);
    connect(m_range, &TimeRangePicker::refreshRequested, this, &SlowQueriesPage::refresh);
    m_openFile = new QPushButton(tr("Open slow-log &file\u2026"), this);
    m_openFile->setObjectName(u"slowOpenFile"_s);
    connect(m_openFile, &QPushButton::clicked, this, [this] {
        auto *dlg = new QFileDialog(this, tr("Open a slow-query log"));
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        dlg->setFileMode(QFileDialog::ExistingFile);
        connect(dlg, &QFileDialog::fileSelected, this, &SlowQueriesPage::openFile);
        dlg->open();
    });
    m_fetchFile = new QPushButton(tr("Fetch over &SSH\u2026"), this);
    m_fetchFile->setObjectName(u"slowFetchFile"_s);
    m_fetchFile->setToolTip(tr("Digest a slow-log file on the environment's SSH host (its newest "
                               "64 MiB), without copying it"));
    m_fetchFile->setEnabled(false);
    connect(m_fetchFile, &QPushButton::clicked, this, [this] {
        auto *input = new QInputDialog(this);
        input->setAttribute(Qt::WA_DeleteOnClose);
        input->setObjectName(u"slowRemotePathInput"_s);
        input->setWindowTitle(tr("Fetch a slow-query log over SSH"));
        input->setLabelText(
            tr("Path of the slow-log file on %1:").arg(m_env ? m_env->ssh.host : QString()));
        input->setTextValue(u"/var/log/mysql/mysql-slow.log"_s);
        connect(input, &QInputDialog::textValueSelected, this,
                [this](const QString &path) { fetchRemoteFile(path.trimmed()); });
        input->open();
    });
    m_export = new QPushButton(tr("E&xport CSV\u2026"), this);
    m_export->setObjectName(u"slowExport"_s);
    connect(m_export, &QPushButton::clicked, this, [this] {
        auto *dlg = new QFileDialog(this, tr("Export slow queries as CSV"));
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        dlg->setAcceptMode(QFileDialog::AcceptSave);
        dlg->setDefaultSuffix(u"csv"_s);
        dlg->setNameFilter(tr("CSV files (*.csv)"));
        connect(dlg, &QFileDialog::fileSelected, this, &SlowQueriesPage::exportCsv);
        dlg->open();
    });
    auto *head = new QHBoxLayout;
    head->addWidget(m_heading);
    head->addStretch(1);
    head->addWidget(m_sourceCombo);
    head->addWidget(m_openFile);
    head->addWidget(m_fetchFile);
    head->addWidget(m_export);

    m_headline = PageHeading::makeHeadline(u"slowHeadline"_s, tr("Slow query summary"), 1.6, this);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(u"slowBanner"_s);

    m_model = new DigestClassModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(DigestClassModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(u"slowTable"_s);
    m_table->setAccessibleName(tr("Slow queries by digest"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DigestClassModel::TotalColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SlowQueriesPage::updateDetails);

    m_statement = new QLabel(this);
    m_statement->setObjectName(u"slowStatement"_s);
    m_statement->setWordWrap(true);
    m_statement->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont sf = m_statement->font();
    sf.setPointSizeF(sf.pointSizeF() * 0.9);
    m_statement->setFont(sf);

    auto *details = new QWidget(this);
    m_details = new QPlainTextEdit(details);
    m_details->setObjectName(u"slowDetails"_s);
    m_details->setAccessibleName(tr("Digest details"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bindPlan = new QPushButton(tr("&Bind this plan\u2026"), details);
    m_bindPlan->setObjectName(u"slowBindPlan"_s);
    m_bindPlan->setToolTip(tr("Pin this plan for every statement of this shape (TiDB SQL "
                              "binding from history)"));
    connect(m_bindPlan, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_table->selectionModel()->currentIndex();
        if (!i.isValid() || !m_env)
            return;
        const DigestClass &c = m_model->digestClass(m_sorted->mapToSource(i).row());
        emit bindPlanRequested(*m_env, c.planDigest);
    });
    auto *dl = new QVBoxLayout(details);
    dl->setContentsMargins(0, 0, 0, 0);
    auto *dh = new QHBoxLayout;
    dh->addStretch(1);
    dh->addWidget(m_bindPlan);
    dl->addLayout(dh);
    dl->addWidget(m_details, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(this);
    auto *tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_table, 1);
    tl->addWidget(m_statement);
    split->addWidget(top);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_range);
    layout->addWidget(m_headline);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, &SlowQueriesPage::onRead);
    m_headline->setText(tr("Select an environment to see its slow queries."));
    updateDetails();
}

SlowQueriesPage::~SlowQueriesPage()
{
    if (m_fetchThread && m_remote)
        QMetaObject::invokeMethod(m_remote, &RemoteSlowLog::cancel);
    m_endingThreads << m_fetchThread;
    for (const QPointer<QThread> &t : std::as_const(m_endingThreads)) {
        if (t) {
            t->quit();
            t->wait();
        }
    }
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

QString SlowQueriesPage::headlineText() const
{
    return m_headline->text();
}

void SlowQueriesPage::setEnvironment(const Environment &env)
{
    const bool changed = !m_env || m_env->id != env.id;
    m_env = env;
    //: %1 = environment name
    m_heading->setTitle(tr("Slow queries \u2014 %1").arg(env.name));
    m_heading->setEnvironment(env);
    m_fetchFile->setEnabled(env.ssh.enabled && !env.ssh.host.trimmed().isEmpty());
    if (!changed)
        return;
    ++m_generation;
    m_model->setClasses({});
    m_banner->clear();
    m_statement->clear();
    m_fromFile = false;
    refresh();
}

void SlowQueriesPage::setSource(SlowHistorySource source)
{
    m_source = source;
    m_sourceCombo->setCurrentIndex(m_sourceCombo->findData(int(source)));
    m_fromFile = false;
    refresh();
}

void SlowQueriesPage::refresh()
{
    if (!m_env || m_fromFile)
        return;
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    m_headline->setText(tr("Reading the slow queries\u2026"));
    SlowHistoryRequest request;
    request.environment = *m_env;
    if (!m_services.tidbCatalogSchema.isEmpty())
        request.dialectOptions.catalogSchema = m_services.tidbCatalogSchema;
    request.source = m_source;
    request.fromUtc = QDateTime::fromMSecsSinceEpoch(m_range->fromMs(), Qt::UTC);
    request.toUtc = QDateTime::fromMSecsSinceEpoch(m_range->toMs(), Qt::UTC);
    CredentialStore *secrets = m_services.secrets;
    EndpointRouter *router = m_services.tunnels;
    ActivityLog *log = m_services.activityLog;
    m_readGeneration = m_generation;
    m_watcher.setFuture(
        QtConcurrent::run(m_services.pool, [request, secrets, router, log]() mutable -> Answer {
            Answer a;
            Result<EnvironmentTarget> t = EnvironmentTarget::resolve(
                request.environment, secrets, router, request.dialectOptions);
            if (!t) {
                a.classes = t.error();
                return a;
            }
            request.password = t->password;
            request.route = t->route;
            Result<SlowHistory> h = readSlowHistory(request, log);
            if (!h) {
                a.classes = h.error();
                return a;
            }
            a.classes = h->classes;
            a.statement = h->statement;
            a.rowsRead = h->rowsRead;
            a.limitHit = h->rowLimitHit;
            return a;
        }));
}

void SlowQueriesPage::openFile(const QString &path)
{
    if (m_watcher.isRunning())
        return;
    m_fromFile = true;
    ++m_generation;
    m_readGeneration = m_generation;
    m_headline->setText(tr("Reading %1\u2026").arg(QFileInfo(path).fileName()));
    m_watcher.setFuture(QtConcurrent::run(m_services.pool, [path]() -> Answer {
        Answer a;
        SlowLogDigest digest;
        if (const VoidResult r = digest.digestFile(path); !r) {
            a.classes = r.error();
            return a;
        }
        if (const VoidResult r = digest.check(); !r) {
            a.classes = r.error();
            return a;
        }
        a.classes = digest.aggregator().classes();
        a.statement = path;
        a.rowsRead = digest.stats().entries;
        //: %1 = entries read, %2 = malformed entries skipped
        a.note = QCoreApplication::translate("TiDesk::SlowQueriesPage",
                                             "%1 statements read, %2 malformed entries skipped")
                     .arg(digest.stats().entries)
                     .arg(digest.stats().malformed);
        return a;
    }));
}

void SlowQueriesPage::fetchRemoteFile(const QString &path, qint64 maxBytes)
{
    if (!m_env || path.isEmpty())
        return;
    if (m_fetching || m_watcher.isRunning()) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("A read is still running."));
        return;
    }
    if (!m_env->ssh.enabled || m_env->ssh.host.trimmed().isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("%1 has no SSH host to read the file on (set its SSH bastion "
                                 "in the inventory).")
                                  .arg(m_env->name));
        return;
    }
    m_fetching = true;
    m_fromFile = true;
    ++m_generation;
    m_remotePath = path;
    m_headline->setText(tr("Reading %1 on %2\u2026").arg(path, m_env->ssh.host));
    m_banner->clear();
    // The SSH secret and ~/.ssh/config are read on the pool; the transfer and the parsing run on
    // a thread of their own; the GUI only gets the classes.
    const Environment env = *m_env;
    CredentialStore *secrets = m_services.secrets;
    auto *prepare = new QFutureWatcher<Result<SshConnectOptions>>(this);
    connect(prepare, &QFutureWatcherBase::finished, this, [this, prepare, path, maxBytes] {
        prepare->deleteLater();
        const Result<SshConnectOptions> options = prepare->result();
        if (!options) {
            finishRemote(options.error());
            return;
        }
        m_remoteDigest = std::make_shared<SlowLogDigest>();
        auto *thread = new QThread(this);
        thread->setObjectName(u"tidesk-slowlog-ssh"_s);
        auto *remote = new RemoteSlowLog(*options, path, maxBytes, m_remoteDigest.get());
        remote->moveToThread(thread);
        connect(thread, &QThread::started, remote, &RemoteSlowLog::start);
        connect(remote, &RemoteSlowLog::done, this, &SlowQueriesPage::finishRemote);
        connect(thread, &QThread::finished, remote, &QObject::deleteLater);
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        m_fetchThread = thread;
        m_remote = remote;
        thread->start();
    });
    prepare->setFuture(
        QtConcurrent::run(m_services.pool, [env, secrets]() -> Result<SshConnectOptions> {
            QString secret;
            if (secrets) {
                Result<QString> s = readOptionalSecret(secrets, env.sshPassphraseSecretKey());
                if (!s)
                    return s.error();
                secret = *s;
            }
            const Result<SshConfig> config = SshConfig::load(SshConfig::defaultPath());
            if (!config)
                return config.error();
            return BastionConfig::resolve(env.ssh, secret, *config, HostKeyPolicy::Strict,
                                          env.connectTimeoutMs)
                .options;
        }));
}

void SlowQueriesPage::finishRemote(const Error &error)
{
    // `done` came from the fetch thread, which does nothing more: the digest is ours to read.
    m_fetching = false;
    if (m_fetchThread) {
        m_fetchThread->quit(); // deletes itself (and the reader) once finished
        m_endingThreads << m_fetchThread;
        m_fetchThread = nullptr;
    }
    m_endingThreads.removeAll(nullptr);
    const std::shared_ptr<SlowLogDigest> digest = std::move(m_remoteDigest);
    if (error.isError()) {
        m_headline->setText(tr("The slow-log file could not be read."));
        m_banner->showMessage(MessageBanner::Kind::Error, error.message, error.detail);
        emit readFailed(error);
        return;
    }
    if (const VoidResult checked = digest->check(); !checked) {
        m_headline->setText(tr("The slow-log file could not be read."));
        m_banner->showMessage(MessageBanner::Kind::Error, checked.error().message,
                              checked.error().detail);
        emit readFailed(checked.error());
        return;
    }
    const SlowLogDigest::Source &src = digest->source();
    //: %1 = entries read, %2 = malformed entries skipped
    QString note = tr("%1 statements read, %2 malformed entries skipped")
                       .arg(digest->stats().entries)
                       .arg(digest->stats().malformed);
    if (src.truncated())
        //: appended: %1 = bytes read, %2 = the file's size
        note += tr("; only the newest %1 of %2 read")
                    .arg(MetricFormat::value(double(src.bytesRead), MetricUnit::Bytes),
                         MetricFormat::value(double(src.fileBytes), MetricUnit::Bytes));
    m_statementText = src.host + u':' + m_remotePath;
    m_statement->setText(tr("File: %1 \u00b7 %2").arg(m_statementText, note));
    const QList<DigestClass> classes = digest->aggregator().classes();
    showClasses(classes);
    emit historyRead(int(classes.size()));
}

void SlowQueriesPage::onRead()
{
    if (m_readGeneration != m_generation || m_watcher.future().resultCount() == 0) {
        if (m_pending)
            refresh();
        return;
    }
    const Answer a = m_watcher.result();
    if (!a.classes) {
        m_headline->setText(tr("The slow queries could not be read."));
        m_banner->showMessage(MessageBanner::Kind::Error, a.classes.error().message,
                              a.classes.error().detail);
        emit readFailed(a.classes.error());
    } else {
        m_banner->clear();
        if (a.limitHit)
            //: %1 = number of rows
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("Only the newest %1 slow statements of the range were read: "
                                     "narrow the range to see older ones.")
                                      .arg(a.rowsRead));
        m_statementText = a.statement;
        m_statement->setText(m_fromFile ? tr("File: %1 \u00b7 %2").arg(a.statement, a.note)
                                        : tr("Read with: %1").arg(a.statement));
        showClasses(*a.classes);
        emit historyRead(int(a.classes->size()));
    }
    if (m_pending)
        refresh();
}

void SlowQueriesPage::showClasses(const QList<DigestClass> &classes)
{
    m_model->setClasses(classes);
    m_table->resizeColumnsToContents();
    qint64 count = 0;
    double total = 0;
    double worst = 0;
    for (const DigestClass &c : classes) {
        count += c.count;
        total += c.totalSec;
        worst = qMax(worst, c.totalSec);
    }
    if (classes.isEmpty()) {
        m_headline->setText(tr("No slow statement in this range"));
    } else {
        //: %1 = number of slow statements, %2 = their total time, %3 = number of digests,
        //: %4 = percent of the total time taken by the worst digest
        m_headline->setText(tr("%1 slow statements \u00b7 %2 in total \u00b7 %3 shapes \u00b7 "
                               "worst shape %4% of the time")
                                .arg(QLocale().toString(count))
                                .arg(MetricFormat::value(total, MetricUnit::Seconds))
                                .arg(classes.size())
                                .arg(total > 0 ? qRound(100.0 * worst / total) : 0));
    }
    if (m_sorted->rowCount() > 0)
        m_table->selectionModel()->setCurrentIndex(
            m_sorted->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateDetails();
}

void SlowQueriesPage::updateDetails()
{
    const QModelIndex i = m_table->selectionModel()->currentIndex();
    m_export->setEnabled(m_model->rowCount() > 0);
    if (!i.isValid()) {
        m_details->clear();
        m_bindPlan->setEnabled(false);
        return;
    }
    const DigestClass &c = m_model->digestClass(m_sorted->mapToSource(i).row());
    QStringList text;
    //: details: the normalized statement
    text << tr("Normalized:") << c.normalized << QString();
    text << tr("Slowest sample:") << c.sample << QString();
    //: %1 = digest, %2 = where it comes from (server or console)
    text << tr("Digest: %1 (%2)").arg(c.digest, DigestClass::digestSourceName(c.digestSource));
    if (!c.users.isEmpty())
        text << tr("Users: %1").arg(c.users.join(u", "_s));
    if (!c.dbs.isEmpty())
        text << tr("Databases: %1").arg(c.dbs.join(u", "_s));
    if (!c.plan.isEmpty())
        text << QString() << tr("Plan (%1):").arg(c.planDigest) << c.plan;
    m_details->setPlainText(text.join(u'\n'));
    m_bindPlan->setEnabled(c.planDigest.size() == 64 && !m_fromFile);
}

void SlowQueriesPage::exportCsv(const QString &path)
{
    const QList<DigestClass> classes = m_model->classes();
    auto *watcher = new QFutureWatcher<VoidResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const VoidResult r = watcher->result();
        if (r)
            m_banner->showMessage(MessageBanner::Kind::Success, tr("Exported to %1.").arg(path));
        else
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message, r.error().detail);
        emit csvExported(r.ok(), path);
    });
    watcher->setFuture(QtConcurrent::run(m_services.pool, [classes, path]() -> VoidResult {
        QSaveFile f(path);
        const QByteArray csv = DigestCsv::toCsv(classes);
        if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size() || !f.commit())
            return Error::make(
                ErrorKind::Io,
                QCoreApplication::translate("TiDesk::SlowQueriesPage", "Cannot write %1.")
                    .arg(path),
                f.errorString());
        return {};
    }));
}

} // namespace TiDesk

// SlowQueriesPage: one environment's slow-query history grouped by digest, worst total time
// first. Source: the server's slow queries (TiDB CLUSTER_SLOW_QUERY, MySQL/MariaDB
// mysql.slow_log) or TiDB's statements summary, always for a bounded time range
// (TimeRangePicker: 15m .. 7d or custom; never an unbounded scan), or a slow-log FILE opened
// locally (streamed, bounded memory). The headline: how many slow statements in the range, their
// total time, and the share of the worst digest. A slow-log file can also be fetched over SSH from
// the environment's SSH host (`tail -c` of at most 64 MiB, streamed into the parser on a worker
// thread; nothing is copied to disk). Details: the normalized text, the slowest
// sample, TiDB's plan, and "Bind this plan" (asks the guardrails page). Export CSV. The statement
// that was run is shown under the table.
// Threading: GUI thread; reads, file parsing and the CSV file run on services.pool.
#pragma once

#include "CoreServices.h"
#include "common/Result.h"
#include "inventory/Environment.h"
#include "slowsql/DigestClass.h"
#include "slowsql/SlowHistoryReader.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QThread>

#include <QWidget>
#include <memory>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace TiDesk {

class DigestClassModel;
class RemoteSlowLog;
class SlowLogDigest;
class MessageBanner;
class PageHeading;
class TimeRangePicker;

class SlowQueriesPage final : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultRemoteBytes = 64LL * 1024 * 1024;

    explicit SlowQueriesPage(const CoreServices &services, QWidget *parent = nullptr);
    ~SlowQueriesPage() override;

    void setEnvironment(const Environment &env);
    [[nodiscard]] std::optional<Environment> environment() const { return m_env; }
    [[nodiscard]] DigestClassModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QString headlineText() const;
    [[nodiscard]] MessageBanner *banner() const { return m_banner; }
    [[nodiscard]] TimeRangePicker *rangePicker() const { return m_range; }
    [[nodiscard]] bool isReading() const { return m_watcher.isRunning(); }
    [[nodiscard]] QString lastStatement() const { return m_statementText; }

public slots:
    void refresh();
    void setSource(TiDesk::SlowHistorySource source);
    // Digests a local slow-log file instead of the server's history.
    void openFile(const QString &path);
    // Digests a slow-log file on the environment's SSH host (its newest maxBytes).
    void fetchRemoteFile(const QString &path, qint64 maxBytes = kDefaultRemoteBytes);
    // Writes the classes shown as CSV (UTF-8) to path; the result is said in the banner.
    void exportCsv(const QString &path);

signals:
    void historyRead(int classCount);
    void readFailed(const TiDesk::Error &error);
    void csvExported(bool ok, const QString &path);
    // "Bind this plan" on a TiDB class: the guardrails page takes it from there.
    void bindPlanRequested(const TiDesk::Environment &env, const QString &planDigest);

private:
    struct Answer
    {
        Result<QList<DigestClass>> classes = Error();
        QString statement; // or the file name
        qint64 rowsRead = 0;
        bool limitHit = false;
        QString note; // file: entries / malformed / truncated
    };
    void onRead();
    void finishRemote(const Error &error);
    void showClasses(const QList<DigestClass> &classes);
    void updateDetails();

    CoreServices m_services;
    std::optional<Environment> m_env;
    SlowHistorySource m_source = SlowHistorySource::SlowQueries;
    QFutureWatcher<Answer> m_watcher;
    quint64 m_generation = 0;
    quint64 m_readGeneration = 0;
    bool m_pending = false;
    bool m_fromFile = false;
    QString m_statementText;
    Engine m_engine = Engine::Unknown;

    PageHeading *m_heading = nullptr;
    QLabel *m_headline = nullptr;
    QComboBox *m_sourceCombo = nullptr;
    TimeRangePicker *m_range = nullptr;
    QPushButton *m_openFile = nullptr;
    QPushButton *m_fetchFile = nullptr;
    // The SSH fetch in flight: its thread, the reader and the digest it fills.
    QPointer<QThread> m_fetchThread;
    QList<QPointer<QThread>> m_endingThreads; // done, closing their SSH session
    QPointer<RemoteSlowLog> m_remote;
    std::shared_ptr<SlowLogDigest> m_remoteDigest;
    QString m_remotePath;
    bool m_fetching = false; // from fetchRemoteFile() to finishRemote()
    QPushButton *m_export = nullptr;
    MessageBanner *m_banner = nullptr;
    DigestClassModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_statement = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_bindPlan = nullptr;
};

} // namespace TiDesk

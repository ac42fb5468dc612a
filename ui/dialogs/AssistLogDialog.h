// AssistLogDialog: "Session logs": the hash-chained audit logs of expert sessions (issue 7,
// AuditLogChain) in one directory, replayed. Left: the logs, newest first, each with its
// verification state (checking / verified / broken). Right: the chosen log as a table (seq, time,
// kind, actor, summary; the detail JSON in the row's tooltip and in the pane below), a banner
// "Verified: N lines, chain intact, head <hash>" or, in red, "Broken at line K: <reason>" with
// that line marked, and Export... (AuditLogChain::exportTo: the log plus its
// .verification.json; the banner says what was written). Opened from the Session menu and from
// the Expert session page's audit-log area. Non-modal; open() it, never exec().
// Threading: GUI thread. Listing, verify(), reading and exporting run on the given pool
// (QtConcurrent); results come back through QFutureWatchers owned by the dialog, so a closed
// dialog simply never hears of them.
#pragma once

#include "AssistLogReplay.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QThreadPool;

namespace TiDesk {

class MessageBanner;

class AssistLogDialog final : public QDialog
{
    Q_OBJECT
public:
    // Where the host writes session logs unless told otherwise (AppPaths::dataDir()/assist, as
    // AssistHostSession does).
    [[nodiscard]] static QString defaultDirectory();

    AssistLogDialog(const QString &directory, QThreadPool *pool, QWidget *parent = nullptr);

    [[nodiscard]] QString directory() const { return m_directory; }
    // Lists the directory again, verifies every log and re-reads the chosen one.
    void refresh();
    // Chooses this log once it is listed (a path in the directory).
    void selectLog(const QString &path);
    [[nodiscard]] QString selectedPath() const;
    // Exports the chosen log to `destination` (what Export... does after its file dialog).
    void exportSelected(const QString &destination);

    [[nodiscard]] QListWidget *logList() const { return m_list; }
    [[nodiscard]] QTableWidget *lineTable() const { return m_table; }
    [[nodiscard]] MessageBanner *verdictBanner() const { return m_verdict; }
    [[nodiscard]] MessageBanner *exportBanner() const { return m_exportBanner; }
    [[nodiscard]] QPlainTextEdit *detailPane() const { return m_detail; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }
    [[nodiscard]] QLabel *emptyLabel() const { return m_empty; }

    // The verification state shown in the list (Qt::UserRole + 1 of an item).
    enum class ItemState { Checking, Verified, Broken };
    Q_ENUM(ItemState)
    static constexpr int PathRole = Qt::UserRole;
    static constexpr int StateRole = Qt::UserRole + 1;

signals:
    void listed(int count); // the directory was listed (before the logs are verified)
    void logVerified(const QString &path, bool ok); // one log of the list was verified
    void logShown(const QString &path); // the chosen log is on the right
    void exported(const QString &destination, bool ok);

private:
    void onListed(quint64 generation, const QList<AssistLogFile> &files);
    void verifyItem(QListWidgetItem *item, quint64 generation);
    void setItemVerification(QListWidgetItem *item, const AuditVerification &v);
    void onCurrentChanged();
    void showContent(const AssistLogContent &content);
    void showDetail();
    void chooseExport();
    [[nodiscard]] QListWidgetItem *itemFor(const QString &path) const;

    QString m_directory;
    QThreadPool *m_pool = nullptr;
    quint64 m_generation = 0; // stale results (an earlier refresh) are dropped
    quint64 m_readGeneration = 0;
    QString m_wanted; // selectLog() before the list arrived
    QList<AssistLogLine> m_lines;

    QLabel *m_dirLabel = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    MessageBanner *m_verdict = nullptr;
    MessageBanner *m_exportBanner = nullptr;
    QLabel *m_fileLabel = nullptr;
    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace TiDesk

#include "AssistLogDialog.h"

#include "MessageBanner.h"
#include "StatusPill.h"
#include "common/AppPaths.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

enum Column { ColSeq, ColTime, ColKind, ColActor, ColSummary, ColumnCount };

// Runs `work` on the pool; `done` gets its result on the owner's thread unless the owner is gone.
template<typename Work, typename Done>
void runWatched(QObject *owner, QThreadPool *pool, Work &&work, Done &&done)
{
    using T = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, owner,
                     [watcher, done = std::forward<Done>(done)] {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(pool, std::forward<Work>(work)));
}

QString kindText(const QString &kind)
{
    if (kind == u"message"_s)
        return AssistLogDialog::tr("Message");
    if (kind == u"proposal"_s)
        return AssistLogDialog::tr("Proposal");
    if (kind == u"decision"_s)
        return AssistLogDialog::tr("Decision");
    if (kind == u"result"_s)
        return AssistLogDialog::tr("Result");
    if (kind == u"chat"_s)
        return AssistLogDialog::tr("Chat");
    if (kind == u"system"_s)
        return AssistLogDialog::tr("System");
    return kind;
}

// "1 line" / "1,234 lines" (no %n: English has no plural translation loaded).
QString linesText(int n)
{
    //: %1 = number of lines (2 or more, or 0)
    return n == 1 ? AssistLogDialog::tr("1 line")
                  : AssistLogDialog::tr("%1 lines").arg(QLocale().toString(n));
}

QString detailText(const QJsonObject &detail)
{
    return detail.isEmpty()
        ? QString()
        : QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

QString AssistLogDialog::defaultDirectory()
{
    return AppPaths::dataDir() + u"/assist"_s;
}

AssistLogDialog::AssistLogDialog(const QString &directory, QThreadPool *pool, QWidget *parent)
    : QDialog(parent)
    , m_directory(directory)
    , m_pool(pool)
{
    setObjectName(u"assistLogDialog"_s);
    setWindowTitle(tr("Expert session logs"));
    setAttribute(Qt::WA_DeleteOnClose, false);

    m_dirLabel = new QLabel(this);
    m_dirLabel->setObjectName(u"assistLogDirectory"_s);
    m_dirLabel->setWordWrap(true);
    m_dirLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    //: %1 = a directory
    m_dirLabel->setText(tr("Logs in %1. Each line is chained to the one before it by its SHA-256: "
                           "any change to a line shows up as a broken chain.")
                            .arg(QDir::toNativeSeparators(directory)));

    // Left: the logs.
    auto *left = new QWidget(this);
    auto *listTitle = new QLabel(tr("Session logs"), left);
    QFont bold = listTitle->font();
    bold.setBold(true);
    listTitle->setFont(bold);
    m_list = new QListWidget(left);
    m_list->setObjectName(u"assistLogList"_s);
    m_list->setAccessibleName(tr("Session logs, newest first"));
    m_list->setIconSize(QSize(12, 12));
    m_list->setMinimumWidth(260);
    m_empty = new QLabel(left);
    m_empty->setObjectName(u"assistLogEmpty"_s);
    m_empty->setWordWrap(true);
    m_empty->hide();
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 6, 0);
    ll->addWidget(listTitle);
    ll->addWidget(m_list, 1);
    ll->addWidget(m_empty);

    // Right: the replay.
    auto *right = new QWidget(this);
    m_verdict = new MessageBanner(right);
    m_verdict->setObjectName(u"assistLogVerdict"_s);
    m_verdict->setClosable(false);
    m_exportBanner = new MessageBanner(right);
    m_exportBanner->setObjectName(u"assistLogExported"_s);
    m_fileLabel = new QLabel(right);
    m_fileLabel->setObjectName(u"assistLogFile"_s);
    m_fileLabel->setWordWrap(true);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget(0, ColumnCount, right);
    m_table->setObjectName(u"assistLogLines"_s);
    m_table->setAccessibleName(tr("Lines of the session log"));
    m_table->setHorizontalHeaderLabels(
        { tr("Seq"), tr("Time"), tr("Kind"), tr("Actor"), tr("Summary") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setToolTip(tr("Line of the file"));
    m_detail = new QPlainTextEdit(right);
    m_detail->setObjectName(u"assistLogDetail"_s);
    m_detail->setAccessibleName(tr("Detail of the selected line"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a line to see its detail, prev and hash."));
    auto *rightSplit = new QSplitter(Qt::Vertical, right);
    rightSplit->addWidget(m_table);
    rightSplit->addWidget(m_detail);
    rightSplit->setStretchFactor(0, 3);
    rightSplit->setStretchFactor(1, 1);
    rightSplit->setChildrenCollapsible(false);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(6, 0, 0, 0);
    rl->addWidget(m_verdict);
    rl->addWidget(m_exportBanner);
    rl->addWidget(m_fileLabel);
    rl->addWidget(rightSplit, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(u"assistLogRefresh"_s);
    m_refresh->setAccessibleName(tr("List and verify the logs again"));
    m_export = buttons->addButton(tr("Export\u2026"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(u"assistLogExport"_s);
    m_export->setAccessibleName(tr("Export the chosen log with its verification"));
    m_export->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &AssistLogDialog::refresh);
    connect(m_export, &QPushButton::clicked, this, &AssistLogDialog::chooseExport);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_dirLabel);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentItemChanged, this, &AssistLogDialog::onCurrentChanged);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AssistLogDialog::showDetail);
    resize(1200, 720);
    refresh();
}

void AssistLogDialog::refresh()
{
    const quint64 generation = ++m_generation;
    if (m_wanted.isEmpty())
        m_wanted = selectedPath();
    m_refresh->setEnabled(false);
    runWatched(
        this, m_pool, [dir = m_directory] { return AssistLogReplay::list(dir); },
        [this, generation](const QList<AssistLogFile> &files) { onListed(generation, files); });
}

void AssistLogDialog::onListed(quint64 generation, const QList<AssistLogFile> &files)
{
    if (generation != m_generation)
        return;
    m_refresh->setEnabled(true);
    QString wanted = m_wanted;
    m_wanted.clear();
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const AssistLogFile &f : files) {
            auto *item = new QListWidgetItem(m_list);
            item->setData(PathRole, f.path);
            item->setToolTip(QDir::toNativeSeparators(f.path));
            //: List of session logs: %1 = file name, %2 = last written (local time)
            item->setData(
                Qt::UserRole + 2,
                tr("%1\nlast written %2")
                    .arg(QFileInfo(f.path).fileName(),
                         QLocale().toString(f.modifiedUtc.toLocalTime(), QLocale::ShortFormat)));
            item->setData(StateRole, int(ItemState::Checking));
            item->setText(item->data(Qt::UserRole + 2).toString() + u'\n' + tr("Checking\u2026"));
            item->setIcon(StatusPill::dotIcon(StatusPill::colorFor(StatusPill::State::Unknown)));
        }
    }
    //: %1 = a directory
    m_empty->setText(tr("No session logs in %1 yet. A log is written for every expert session "
                        "you host.")
                         .arg(QDir::toNativeSeparators(m_directory)));
    m_empty->setVisible(files.isEmpty());
    emit listed(int(files.size()));
    for (int i = 0; i < m_list->count(); ++i)
        verifyItem(m_list->item(i), generation);
    QListWidgetItem *current = wanted.isEmpty() ? nullptr : itemFor(wanted);
    if (!current && m_list->count() > 0)
        current = m_list->item(0);
    if (current)
        m_list->setCurrentItem(current); // reads it (onCurrentChanged)
    else
        onCurrentChanged();
}

void AssistLogDialog::verifyItem(QListWidgetItem *item, quint64 generation)
{
    const QString path = item->data(PathRole).toString();
    runWatched(
        this, m_pool, [path] { return AuditLogChain::verify(path); },
        [this, path, generation](const AuditVerification &v) {
            if (generation != m_generation)
                return;
            if (QListWidgetItem *it = itemFor(path)) {
                setItemVerification(it, v);
                emit logVerified(path, v.ok);
            }
        });
}

void AssistLogDialog::setItemVerification(QListWidgetItem *item, const AuditVerification &v)
{
    item->setData(StateRole, int(v.ok ? ItemState::Verified : ItemState::Broken));
    const QString state = v.ok
        //: Session log list: the chain verified; %1 = "6 lines"
        ? tr("Verified, %1").arg(linesText(v.lines))
        //: Session log list: %1 = the first broken line
        : tr("BROKEN at line %1").arg(v.brokenLine);
    item->setText(item->data(Qt::UserRole + 2).toString() + u'\n' + state);
    item->setIcon(StatusPill::dotIcon(
        StatusPill::colorFor(v.ok ? StatusPill::State::Ok : StatusPill::State::Error)));
    item->setForeground(v.ok ? QBrush() : QBrush(StatusPill::colorFor(StatusPill::State::Error)));
}

QListWidgetItem *AssistLogDialog::itemFor(const QString &path) const
{
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(PathRole).toString() == wanted)
            return m_list->item(i);
    return nullptr;
}

QString AssistLogDialog::selectedPath() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(PathRole).toString() : QString();
}

void AssistLogDialog::selectLog(const QString &path)
{
    if (QListWidgetItem *item = itemFor(path))
        m_list->setCurrentItem(item);
    else
        m_wanted = QFileInfo(path).absoluteFilePath(); // chosen when the list arrives
}

void AssistLogDialog::onCurrentChanged()
{
    const QString path = selectedPath();
    const quint64 generation = ++m_readGeneration;
    m_exportBanner->clear();
    m_export->setEnabled(!path.isEmpty());
    if (path.isEmpty()) {
        m_lines.clear();
        m_table->setRowCount(0);
        m_detail->clear();
        m_fileLabel->clear();
        m_verdict->clear();
        return;
    }
    m_fileLabel->setText(QDir::toNativeSeparators(path));
    m_verdict->showMessage(MessageBanner::Kind::Info, tr("Reading and verifying the log\u2026"));
    runWatched(
        this, m_pool, [path] { return AssistLogReplay::read(path); },
        [this, generation](const AssistLogContent &content) {
            if (generation == m_readGeneration)
                showContent(content);
        });
}

void AssistLogDialog::showContent(const AssistLogContent &content)
{
    const AuditVerification &v = content.verification;
    if (QListWidgetItem *item = itemFor(content.path))
        setItemVerification(item, v); // what was just read is the freshest verdict
    if (v.ok) {
        m_verdict->showMessage(
            MessageBanner::Kind::Success,
            //: %1 = "6 lines", %2 = SHA-256 of the last line
            tr("Verified: %1, chain intact, head %2").arg(linesText(v.lines), v.headHash),
            //: %1 = session id, %2 = SHA-256 of the file
            tr("Session %1. SHA-256 of the file: %2. Only a head hash kept elsewhere (the "
               "expert's copy, an export) also proves that no lines were cut off the end.")
                .arg(v.sessionId, v.fileSha256));
    } else {
        m_verdict->showMessage(
            MessageBanner::Kind::Error,
            //: %1 = line number, %2 = why (one sentence)
            tr("Broken at line %1: %2").arg(v.brokenLine).arg(v.reason),
            content.readError.isEmpty()
                ? (v.brokenLine > 1
                       //: %1 = the problem's stable name (edited, deleted ...), %2 = last
                       //: intact line
                       ? tr("Problem: %1. Lines 1 to %2 are intact; this line and everything "
                            "after it cannot be trusted.")
                             .arg(AuditVerification::problemName(v.problem))
                             .arg(v.brokenLine - 1)
                       //: %1 = the problem's stable name (edited, deleted ...)
                       : tr("Problem: %1. No line of this log can be trusted.")
                             .arg(AuditVerification::problemName(v.problem)))
                : content.readError);
    }

    m_lines = content.lines;
    m_table->clearContents();
    m_table->setRowCount(int(m_lines.size()));
    const QColor broken = StatusPill::colorFor(StatusPill::State::Error);
    QColor brokenBack = broken;
    brokenBack.setAlpha(50);
    QStringList lineNumbers;
    for (int r = 0; r < m_lines.size(); ++r) {
        const AssistLogLine &l = m_lines.at(r);
        lineNumbers << QString::number(l.line);
        const QString tip = l.isJson
            ? (l.detail.isEmpty() ? tr("No detail.") : detailText(l.detail))
            : tr("This line is not a JSON object.");
        const QStringList cells {
            l.seq >= 0 ? QString::number(l.seq) : u"\u2014"_s,
            l.timeUtc.isValid() ? l.timeUtc.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s)
                                : QString(),
            l.isJson ? kindText(l.kind) : tr("(not JSON)"),
            l.actor,
            l.summary,
        };
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(c == ColTime && l.timeUtc.isValid()
                                 ? l.timeUtc.toString(Qt::ISODateWithMs)
                                 : tip.left(4000));
            if (!v.ok && l.line >= v.brokenLine && v.brokenLine > 0) {
                item->setForeground(broken);
                if (l.line == v.brokenLine)
                    item->setBackground(brokenBack);
            }
            m_table->setItem(r, c, item);
        }
    }
    m_table->setVerticalHeaderLabels(lineNumbers);
    for (int c = 0; c < ColSummary; ++c) // the summary stretches
        m_table->resizeColumnToContents(c);
    m_detail->clear();
    if (!v.ok && v.brokenLine > 0 && v.brokenLine <= m_table->rowCount()) {
        m_table->selectRow(v.brokenLine - 1);
        m_table->scrollToItem(m_table->item(v.brokenLine - 1, 0));
    }
    emit logShown(content.path);
}

void AssistLogDialog::showDetail()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    const int row = selected.isEmpty() ? -1 : selected.first()->row();
    if (row < 0 || row >= m_lines.size()) {
        m_detail->clear();
        return;
    }
    const AssistLogLine &l = m_lines.at(row);
    QStringList text;
    //: Detail pane: %1 = line of the file
    text << tr("Line %1").arg(l.line);
    if (!l.isJson) {
        text << tr("Not a JSON object:") << l.summary;
    } else {
        text << tr("Summary: %1").arg(l.summary);
        text << (l.detail.isEmpty() ? tr("Detail: none")
                                    : tr("Detail:\n%1").arg(detailText(l.detail)));
        text << tr("prev: %1").arg(l.prev) << tr("hash: %1").arg(l.hash);
    }
    m_detail->setPlainText(text.join(u'\n'));
}

void AssistLogDialog::chooseExport()
{
    const QString source = selectedPath();
    if (source.isEmpty())
        return;
    auto *dlg = new QFileDialog(this, tr("Export the session log"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setAcceptMode(QFileDialog::AcceptSave);
    dlg->setFileMode(QFileDialog::AnyFile);
    dlg->setNameFilter(tr("Session logs (*.jsonl)"));
    dlg->setDefaultSuffix(u"jsonl"_s);
    QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (docs.isEmpty())
        docs = QDir::homePath();
    dlg->setDirectory(docs);
    dlg->selectFile(QFileInfo(source).fileName());
    connect(dlg, &QFileDialog::fileSelected, this, &AssistLogDialog::exportSelected);
    dlg->open();
}

void AssistLogDialog::exportSelected(const QString &destination)
{
    const QString source = selectedPath();
    if (source.isEmpty() || destination.isEmpty())
        return;
    if (QFileInfo(destination).absoluteFilePath() == QFileInfo(source).absoluteFilePath()) {
        m_exportBanner->showMessage(MessageBanner::Kind::Warning,
                                    tr("Choose another file: the export cannot replace the log "
                                       "itself."));
        emit exported(destination, false);
        return;
    }
    m_export->setEnabled(false);
    m_exportBanner->showMessage(MessageBanner::Kind::Info, tr("Exporting\u2026"));
    runWatched(
        this, m_pool,
        [source, destination] { return AuditLogChain::exportTo(source, destination); },
        [this, destination](const Result<AuditVerification> &r) {
            m_export->setEnabled(!selectedPath().isEmpty());
            const QString summary = destination + u".verification.json"_s;
            if (!r.ok()) {
                //: %1 = the destination file
                m_exportBanner->showMessage(MessageBanner::Kind::Error,
                                            tr("The log could not be exported to %1.")
                                                .arg(QDir::toNativeSeparators(destination)),
                                            r.error().toString());
                emit exported(destination, false);
                return;
            }
            const AuditVerification &v = *r;
            //: %1 = the copy of the log, %2 = the verification summary next to it
            m_exportBanner->showMessage(
                MessageBanner::Kind::Success,
                tr("Exported: %1 (the log, byte for byte) and %2 (its verification).")
                    .arg(QDir::toNativeSeparators(destination), QDir::toNativeSeparators(summary)),
                //: %1 = "6 lines", %2 = SHA-256 of the last line
                v.ok ? tr("The copy verifies: %1, head %2.").arg(linesText(v.lines), v.headHash)
                     //: %1 = line number, %2 = why
                     : tr("The copy is broken at line %1 (%2); it was exported as evidence.")
                           .arg(v.brokenLine)
                           .arg(v.reason));
            emit exported(destination, true);
        });
}

} // namespace TiDesk

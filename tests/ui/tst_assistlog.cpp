// The expert-session log viewer (AssistLogDialog, issue 7), offscreen, no sandbox: logs written
// with the real AuditLogChain in a temporary directory are listed newest first and verified
// (off the GUI thread), the chosen one is replayed row by row (seq, kind, actor, summary, the
// detail JSON in the tooltip and the detail pane) under "Verified: N lines, chain intact, head
// <hash>"; one byte of a line edited in the file and Refresh: "Broken at line 3: ...", the list
// item says BROKEN and the row is selected; Export writes the copy and its .verification.json
// and says so. The Expert session page's "Session logs..." and the Session menu's action open it
// on the logs' directory. Saves assist-log-replay.png and assist-log-broken.png.
#include "MainWindow.h"
#include "MessageBanner.h"
#include "UiTestFixture.h"
#include "assist/AuditLogChain.h"
#include "common/AppPaths.h"
#include "dialogs/AssistLogDialog.h"
#include "dialogs/AssistLogReplay.h"
#include "dialogs/ConfirmActionDialog.h"
#include "pages/AssistPage.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::UiTestFixture;

class TestAssistLog : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;

    // A log like a short session's: opened, expert joined, a proposal with detail, a decision,
    // a result, a chat line. Returns its head hash (empty on failure).
    static QString writeLog(const QString &path, const QString &sessionId)
    {
        auto log = AuditLogChain::open(path, sessionId);
        if (!log.ok())
            return {};
        AuditLogChain &l = **log;
        QJsonObject detail;
        detail.insert(u"statement"_s, u"UPDATE t SET v = 2 WHERE id = 1"_s);
        detail.insert(u"environment"_s, u"dev"_s);
        const bool ok = l.append(AuditKind::System, u"tidesk"_s, u"expert Ada joined"_s).ok()
            && l.appendWithDetail(AuditKind::Proposal, u"expert:Ada"_s,
                                  u"proposal 1: UPDATE on dev"_s, detail)
                   .ok()
            && l.append(AuditKind::Decision, u"dba"_s, u"approved proposal 1"_s).ok()
            && l.append(AuditKind::Result, u"tidesk"_s, u"result of 1: 1 row affected"_s).ok()
            && l.append(AuditKind::Chat, u"expert:Ada"_s, u"thanks, looks good"_s).ok();
        return ok ? l.headHash() : QString();
    }

    static QStringList column(QTableWidget *t, int c)
    {
        QStringList out;
        for (int r = 0; r < t->rowCount(); ++r)
            out << (t->item(r, c) ? t->item(r, c)->text() : QString());
        return out;
    }

private slots:
    void initTestCase() { QCOMPARE(m_fx.init(), QString()); }

    void replaysVerifiesDetectsAnEditAndExports()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString older = dir.filePath(u"20261130-090000-older.jsonl"_s);
        const QString newer = dir.filePath(u"20261130-100000-newer.jsonl"_s);
        QVERIFY(!writeLog(older, u"older"_s).isEmpty());
        const QString head = writeLog(newer, u"newer"_s);
        QVERIFY(!head.isEmpty());
        {
            QFile f(older);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600),
                                  QFileDevice::FileModificationTime));
        }

        AssistLogDialog dlg(dir.path(), &m_fx.pool);
        QSignalSpy shown(&dlg, &AssistLogDialog::logShown);
        QSignalSpy verified(&dlg, &AssistLogDialog::logVerified);
        dlg.show();
        QTRY_COMPARE(dlg.logList()->count(), 2);
        // Newest first, and the newest is chosen.
        QCOMPARE(dlg.logList()->item(0)->data(AssistLogDialog::PathRole).toString(),
                 QFileInfo(newer).absoluteFilePath());
        QCOMPARE(dlg.logList()->item(1)->data(AssistLogDialog::PathRole).toString(),
                 QFileInfo(older).absoluteFilePath());
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(shown.last().first().toString(), QFileInfo(newer).absoluteFilePath());
        QTRY_COMPARE(verified.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(dlg.logList()->item(i)->data(AssistLogDialog::StateRole).toInt(),
                     int(AssistLogDialog::ItemState::Verified));
            QVERIFY2(dlg.logList()->item(i)->text().contains(u"Verified, 6 lines"_s),
                     qPrintable(dlg.logList()->item(i)->text()));
        }

        // The replay: open() wrote line 1, then the five lines above.
        QTableWidget *t = dlg.lineTable();
        QCOMPARE(t->rowCount(), 6);
        QCOMPARE(column(t, 0), (QStringList { u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s }));
        QCOMPARE(column(t, 2),
                 (QStringList { u"System"_s, u"System"_s, u"Proposal"_s, u"Decision"_s, u"Result"_s,
                                u"Chat"_s }));
        QCOMPARE(t->item(2, 3)->text(), u"expert:Ada"_s);
        QCOMPARE(t->item(3, 4)->text(), u"approved proposal 1"_s);
        QCOMPARE(t->item(0, 4)->text(), u"session log opened"_s);
        QVERIFY(!t->item(1, 1)->text().isEmpty()); // the time, local
        QVERIFY2(t->item(2, 4)->toolTip().contains(u"UPDATE t SET v = 2 WHERE id = 1"_s),
                 qPrintable(t->item(2, 4)->toolTip()));
        t->selectRow(2);
        QVERIFY(dlg.detailPane()->toPlainText().contains(u"\"environment\": \"dev\""_s));
        QVERIFY(dlg.detailPane()->toPlainText().contains(u"hash: "_s));

        MessageBanner *verdict = dlg.verdictBanner();
        QVERIFY(!verdict->isHidden());
        QCOMPARE(verdict->kind(), MessageBanner::Kind::Success);
        QCOMPARE(verdict->text(), u"Verified: 6 lines, chain intact, head %1"_s.arg(head));
        QVERIFY(!UiTestFixture::screenshot(&dlg, u"assist-log-replay.png"_s).isEmpty());

        // Export: the copy and its verification summary, and the banner says what was written.
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const QString dest = out.filePath(u"export.jsonl"_s);
        QSignalSpy exported(&dlg, &AssistLogDialog::exported);
        dlg.exportSelected(dest);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(1).toBool(), true);
        QVERIFY(QFileInfo::exists(dest));
        QVERIFY(QFileInfo::exists(dest + u".verification.json"_s));
        {
            QFile a(newer), b(dest);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QCOMPARE(b.readAll(), a.readAll());
        }
        QVERIFY(!dlg.exportBanner()->isHidden());
        QCOMPARE(dlg.exportBanner()->kind(), MessageBanner::Kind::Success);
        QVERIFY2(dlg.exportBanner()->text().contains(dest)
                     && dlg.exportBanner()->text().contains(dest + u".verification.json"_s),
                 qPrintable(dlg.exportBanner()->text()));
        QVERIFY(dlg.exportBanner()->detail().contains(head));

        // One character of line 3 changed in the file: the chain breaks at line 3.
        QByteArray bytes;
        {
            QFile f(newer);
            QVERIFY(f.open(QIODevice::ReadOnly));
            bytes = f.readAll();
        }
        const qsizetype at = bytes.indexOf("proposal 1: UPDATE on dev");
        QVERIFY(at > 0);
        bytes.replace(at, 8, "PROPOSAL");
        {
            QFile f(newer);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(bytes), bytes.size());
        }
        shown.clear();
        verified.clear();
        QTest::mouseClick(dlg.refreshButton(), Qt::LeftButton);
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(dlg.selectedPath(), QFileInfo(newer).absoluteFilePath()); // still chosen
        QTRY_COMPARE(verified.size(), 2);
        QCOMPARE(verdict->kind(), MessageBanner::Kind::Error);
        QVERIFY2(verdict->text().startsWith(u"Broken at line 3: "_s), qPrintable(verdict->text()));
        QVERIFY2(verdict->detail().contains(u"edited"_s), qPrintable(verdict->detail()));
        QVERIFY2(verdict->detail().contains(u"Lines 1 to 2 are intact"_s),
                 qPrintable(verdict->detail()));
        QListWidgetItem *item = dlg.logList()->item(0);
        QCOMPARE(item->data(AssistLogDialog::StateRole).toInt(),
                 int(AssistLogDialog::ItemState::Broken));
        QVERIFY2(item->text().contains(u"BROKEN at line 3"_s), qPrintable(item->text()));
        QCOMPARE(dlg.logList()->item(1)->data(AssistLogDialog::StateRole).toInt(),
                 int(AssistLogDialog::ItemState::Verified));
        QCOMPARE(t->rowCount(), 6); // still replayed, the edited text as it now reads
        QCOMPARE(t->item(2, 4)->text(), u"PROPOSAL 1: UPDATE on dev"_s);
        QCOMPARE(t->currentRow(), 2); // the broken line is selected
        QVERIFY(!UiTestFixture::screenshot(&dlg, u"assist-log-broken.png"_s).isEmpty());

        // A broken log is exported too (as evidence), and the summary says it is broken.
        const QString dest2 = out.filePath(u"broken.jsonl"_s);
        exported.clear();
        dlg.exportSelected(dest2);
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY(QFileInfo::exists(dest2));
        QFile summary(dest2 + u".verification.json"_s);
        QVERIFY(summary.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(summary.readAll()).object();
        QVERIFY2(!s.isEmpty(), "the verification summary is JSON");
        QVERIFY2(dlg.exportBanner()->detail().contains(u"broken at line 3"_s),
                 qPrintable(dlg.exportBanner()->detail()));

        // The other log can be chosen and is intact.
        shown.clear();
        dlg.logList()->setCurrentRow(1);
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(verdict->kind(), MessageBanner::Kind::Success);
        QVERIFY(verdict->text().startsWith(u"Verified: 6 lines"_s));
    }

    void notJsonLineIsShownRaw()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"20261130-110000-garbage.jsonl"_s);
        QVERIFY(!writeLog(path, u"garbage"_s).isEmpty());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("this is not json\n");
        }
        AssistLogDialog dlg(dir.path(), &m_fx.pool);
        QSignalSpy shown(&dlg, &AssistLogDialog::logShown);
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(dlg.lineTable()->rowCount(), 7);
        QCOMPARE(dlg.lineTable()->item(6, 0)->text(), u"\u2014"_s);
        QCOMPARE(dlg.lineTable()->item(6, 2)->text(), u"(not JSON)"_s);
        QCOMPARE(dlg.lineTable()->item(6, 4)->text(), u"this is not json"_s);
        QVERIFY2(dlg.verdictBanner()->text().startsWith(u"Broken at line 7: "_s),
                 qPrintable(dlg.verdictBanner()->text()));
    }

    void emptyDirectorySaysSo()
    {
        QTemporaryDir dir;
        AssistLogDialog dlg(dir.filePath(u"none"_s), &m_fx.pool);
        QSignalSpy listed(&dlg, &AssistLogDialog::listed);
        QTRY_COMPARE(listed.size(), 1);
        QCOMPARE(listed.first().first().toInt(), 0);
        QVERIFY(!dlg.emptyLabel()->isHidden());
        QVERIFY(dlg.emptyLabel()->text().startsWith(u"No session logs"_s));
        QVERIFY(!dlg.exportButton()->isEnabled());
    }

    void pageAndSessionMenuOpenIt()
    {
        // The host's default directory (TIDESK_HOME is the fixture's temporary directory).
        const QString dir = AssistLogDialog::defaultDirectory();
        QCOMPARE(dir, AppPaths::dataDir() + u"/assist"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + u"/20261130-120000-menu.jsonl"_s;
        QVERIFY(!writeLog(path, u"menu"_s).isEmpty());

        AssistPage page(m_fx.services);
        QVERIFY(page.sessionLogsButton());
        AssistLogDialog *fromPage = page.showLogs();
        QVERIFY(fromPage);
        QCOMPARE(fromPage->directory(), dir);
        QTRY_COMPARE(fromPage->logList()->count(), 1);
        QTRY_COMPARE(fromPage->verdictBanner()->kind(), MessageBanner::Kind::Success);
        QCOMPARE(page.showLogs(), fromPage); // one at a time
        fromPage->close();

        MainWindow w(m_fx.services);
        w.show();
        QAction *logs = w.action(u"actionAssistLogs"_s);
        QVERIFY(logs);
        logs->trigger();
        auto *dlg = w.findChild<AssistLogDialog *>();
        QVERIFY(dlg);
        QTRY_VERIFY(dlg->isVisible());
        QTRY_COMPARE(dlg->logList()->count(), 1);
        QCOMPARE(dlg->selectedPath(), QFileInfo(path).absoluteFilePath());
        dlg->close();
    }
};

QTEST_MAIN(TestAssistLog)
#include "tst_assistlog.moc"

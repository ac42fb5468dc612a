// The expert session's GUI (issue 7) over the sandbox sshd as relay and real MariaDB dev and
// prod: the DBA starts a session from the Expert session page (AssistPage); the code is read
// from the page's label and typed into the Join dialog (a mistyped character is refused inline);
// the expert's AssistWorkspace joins with it and both windows show the same six digits; the DBA
// accepts on the page. Then, from the workspace's widgets:
//  - the fleet view streams both environments, the slow queries of dev their digests;
//  - a read-only SELECT on dev is auto-approved: its card is Done and the result is in the
//    expert's table; a 5,000-row SELECT comes back as "1,000 of 5,000 rows";
//  - an UPDATE on dev waits as a pending card (statement, EXPLAIN, Approve): the row is unchanged
//    until Approve is clicked, then it is updated;
//  - a SELECT on prod waits too; Approve opens the typed-name confirmation whose button stays
//    disabled until "prod" is typed, and then it runs;
//  - a live session of dev (SELECT SLEEP) selected in the Live sessions view and "Propose KILL
//    QUERY": the card names the victim's statement; approved, the victim's query is killed;
//  - SET GLOBAL proposed from the small form, rejected with a note the expert sees;
//  - chat crosses both ways; End session on the page ends the workspace too, with the reason.
// And a wrong code: the page says "A wrong code was tried ... 4 attempts left".
// Saves assist-join-typo.png, assist-start-form.png, assist-host-code.png, assist-consent.png,
// assist-expert-waiting.png, assist-pending-proposal.png, assist-prod-card.png,
// assist-prod-confirm.png, assist-expert-workspace.png, assist-ended.png and assist-wrong-code.png.
// Last: the main window has the page (View and Session menus) and "Join an expert session...".
// FAILS without the sandbox.
#include "AssistRelayText.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "dialogs/AssistJoinDialog.h"
#include "dialogs/ConfirmActionDialog.h"
#include "pages/AssistChatPane.h"
#include "pages/AssistHealthCharts.h"
#include "pages/AssistPage.h"
#include "pages/AssistProposalCard.h"
#include "pages/AssistProposeBox.h"
#include "pages/AssistStartForm.h"
#include "pages/AssistTable.h"
#include "pages/AssistTimeText.h"
#include "pages/AssistWorkspace.h"
#include "sql/SqlConnection.h"
#include "sql/SqlWorker.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestAssistPage : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    Environment m_dev;
    Environment m_prod;
    Environment m_test;

    Environment sandboxEnv(const QString &name, Tier tier)
    {
        Environment e = UiTestFixture::makeEnv(name, tier, u"127.0.0.1"_s,
                                               m_sandbox.mariadbPort(name), m_sandbox.adminUser());
        e.id = QUuid::createUuid();
        e.tls.mode = TlsMode::Disabled;
        e.connectTimeoutMs = 3000;
        [&] {
            QVERIFY(m_fx.services.secrets->write(e.passwordSecretKey(), m_sandbox.adminPassword())
                        .ok());
        }();
        return e;
    }

    QString devValue(const QString &sql)
    {
        SqlConnection c;
        ConnectParams p;
        p.host = u"127.0.0.1"_s;
        p.port = m_sandbox.mariadbPort(u"dev"_s);
        p.user = m_sandbox.adminUser();
        p.password = m_sandbox.adminPassword();
        if (!c.open(p).ok())
            return u"<no connection>"_s;
        const Result<QueryResult> r = c.query(sql);
        if (!r)
            return u"<error> "_s + r.error().message;
        return r->rows.isEmpty() ? QString() : r->rows.first().value(0).toString();
    }

    // The DBA's form filled for the sandbox relay, dev + prod shared, auto-approve on.
    void fillForm(AssistPage &page)
    {
        AssistStartForm *form = page.startForm();
        form->relayEdit()->setText(u"%1@127.0.0.1:%2"_s.arg(m_sandbox.value(u"SSH_USER"_s),
                                                            m_sandbox.value(u"SSHD_PORT"_s)));
        form->keyEdit()->setText(m_sandbox.value(u"SSH_USER_KEY"_s));
        form->knownHostsEdit()->setText(m_sandbox.value(u"SSH_KNOWN_HOSTS"_s));
        QVERIFY(!form->startButton()->isEnabled()); // nothing shared yet
        QVERIFY(form->setShared(u"dev"_s, true));
        QVERIFY(form->setShared(u"prod"_s, true));
        form->autoApproveBox()->setChecked(true);
        QVERIFY(form->startButton()->isEnabled());
    }

    // Waits for the page's code label to hold a parseable code.
    static std::optional<SessionCode> waitForCode(AssistPage &page)
    {
        std::optional<SessionCode> code;
        (void)QTest::qWaitFor(
            [&] {
                const Result<SessionCode> r
                    = SessionCode::parse(page.codeLabel()->text(), QDateTime::currentDateTimeUtc());
                if (r.ok())
                    code = *r;
                return code.has_value();
            },
            20000);
        return code;
    }

    // Fills the Join dialog as the expert does and returns its options.
    AssistExpertOptions expertOptions(AssistJoinDialog &dlg, const QString &codeText)
    {
        dlg.codeEdit()->setText(codeText);
        dlg.nameEdit()->setText(u"Ada Expert"_s);
        dlg.keyEdit()->setText(m_sandbox.value(u"SSH_USER_KEY"_s));
        dlg.knownHostsEdit()->setText(m_sandbox.value(u"SSH_KNOWN_HOSTS"_s));
        return dlg.options();
    }

    // Proposes SQL from the workspace's Propose box; returns the proposal's id (0: none).
    static qint64 proposeSql(AssistWorkspace &ws, const QString &env, const QString &sql)
    {
        AssistProposeBox *box = ws.proposeBox();
        if (!box->setEnvironment(env))
            return 0;
        box->sqlEdit()->setPlainText(sql);
        if (!box->proposeButton()->isEnabled())
            return 0;
        const qsizetype before = ws.session()->proposals().size();
        QTest::mouseClick(box->proposeButton(), Qt::LeftButton);
        if (ws.session()->proposals().size() != before + 1)
            return 0;
        return ws.session()->proposals().last().proposal.id;
    }

private slots:
    void initTestCase()
    {
        SqlConnection::initDriver();
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        const QString err = m_fx.init();
        QVERIFY2(err.isEmpty(), qPrintable(err));
        m_dev = sandboxEnv(u"dev"_s, Tier::Dev);
        m_dev.prometheusUrl = u"http://127.0.0.1:%1"_s.arg(m_sandbox.prometheusPort());
        m_dev.prometheusSelector = u"env=\"dev\""_s;
        m_prod = sandboxEnv(u"prod"_s, Tier::Prod);
        m_test = sandboxEnv(u"test01"_s, Tier::Test);
        QCOMPARE(devValue(u"CREATE DATABASE IF NOT EXISTS tidesk_assist_ui"_s), QString());
        QCOMPARE(devValue(u"CREATE OR REPLACE TABLE tidesk_assist_ui.flags "
                          "(id INT PRIMARY KEY, v INT)"_s),
                 QString());
        QCOMPARE(devValue(u"INSERT INTO tidesk_assist_ui.flags VALUES (1, 10), (2, 20)"_s),
                 QString());
    }

    void relayAndTimeTexts()
    {
        SshConnectOptions o;
        QVERIFY(AssistRelayText::parse(u" dba@bastion.example.com:2222 "_s, &o));
        QCOMPARE(o.user, u"dba"_s);
        QCOMPARE(o.host, u"bastion.example.com"_s);
        QCOMPARE(o.port, 2222);
        QCOMPARE(AssistRelayText::format(o), u"dba@bastion.example.com:2222"_s);
        QVERIFY(AssistRelayText::parse(u"[::1]"_s, &o));
        QCOMPARE(o.host, u"::1"_s);
        QCOMPARE(o.port, 22);
        QCOMPARE(AssistRelayText::format(o), u"[::1]:22"_s);
        QString why;
        QVERIFY(!AssistRelayText::parse(u"dba@host:70000"_s, nullptr, &why));
        QVERIFY(why.contains(u"65535"_s));
        QVERIFY(!AssistRelayText::parse(u"a b"_s, nullptr, &why));
        QVERIFY(!AssistRelayText::parse(QString(), nullptr, &why));
        QCOMPARE(AssistTimeText::duration(7200), u"2 h"_s);
        QCOMPARE(AssistTimeText::duration(6720), u"1 h 52 min"_s);
        QCOMPARE(AssistTimeText::duration(250), u"4 min 10 s"_s);
        QCOMPARE(AssistTimeText::duration(-5), u"0 s"_s);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(AssistTimeText::left(now.addSecs(900), now), u"15 min left"_s);
        QVERIFY(AssistTimeText::left(QDateTime(), now).isEmpty());
        QVERIFY(AssistTimeText::validUntil(now.addSecs(-1), now).startsWith(u"Expired at"_s));
    }

    void joinDialogValidatesTheCode()
    {
        AssistJoinDialog dlg;
        dlg.show();
        QVERIFY(!dlg.joinButton()->isEnabled());
        const Result<SessionCode> code
            = SessionCode::generate(u"dba"_s, u"relay.example.com"_s, 22, 40123,
                                    std::chrono::minutes(10), QDateTime::currentDateTimeUtc());
        QVERIFY(code.ok());
        const QString text = code->toText();
        dlg.nameEdit()->setText(u"Ada"_s);
        dlg.codeEdit()->setText(text);
        QVERIFY(dlg.codeProblem()->isHidden());
        QVERIFY(dlg.joinButton()->isEnabled());
        QCOMPARE(dlg.code()->secret(), code->secret());
        // One mistyped secret character: the check character catches it before any network.
        QString typo = text;
        const qsizetype at = typo.indexOf(u'/', typo.indexOf(u'/') + 1) + 1;
        typo[at] = typo.at(at) == u'7' ? u'8' : u'7';
        dlg.codeEdit()->setText(typo);
        QVERIFY(!dlg.codeProblem()->isHidden());
        QVERIFY(!dlg.codeProblem()->text().isEmpty());
        QVERIFY(!dlg.joinButton()->isEnabled());
        QTest::qWait(50);
        QVERIFY(!UiTestFixture::screenshot(&dlg, u"assist-join-typo.png"_s).isEmpty());
        dlg.codeEdit()->setText(u"not a code"_s);
        QVERIFY(dlg.codeProblem()->text().contains(u"4 parts"_s));
        QVERIFY(!dlg.joinButton()->isEnabled());
        // A bad relay account is refused too; empty means the code's relay.
        dlg.codeEdit()->setText(text);
        dlg.relayEdit()->setText(u"user@@host"_s);
        QVERIFY(!dlg.joinButton()->isEnabled());
        dlg.relayEdit()->clear();
        QVERIFY(dlg.joinButton()->isEnabled());
    }

    void fullSessionFromTheWidgets()
    {
        AssistPage page(m_fx.services);
        page.resize(1280, 900);
        page.setEnvironments({ m_prod, m_dev, m_test });
        page.show();
        QCOMPARE(page.screen(), AssistPage::Screen::Start);
        fillForm(page);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-start-form.png"_s).isEmpty());
        QTest::mouseClick(page.startForm()->startButton(), Qt::LeftButton);
        QCOMPARE(page.screen(), AssistPage::Screen::Code);
        const std::optional<SessionCode> code = waitForCode(page);
        QVERIFY2(code, qPrintable(page.codeLabel()->text() + u" / "_s + page.banner()->text()));
        QVERIFY(page.copyButton()->isEnabled());
        QTRY_VERIFY(page.attemptsLabel()->text().contains(u"5"_s));
        QVERIFY(page.expiryLabel()->text().startsWith(u"Valid until"_s));
        QVERIFY(page.attemptFailedLabel()->isHidden());
        QTest::qWait(100); // the layout follows the labels' new texts
        QVERIFY(page.expiryLabel()->width() >= page.expiryLabel()->sizeHint().width());
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-host-code.png"_s).isEmpty());

        // The expert: the code as text (lower case, as someone might type it) in the dialog.
        AssistJoinDialog dlg;
        const AssistExpertOptions options = expertOptions(dlg, page.codeLabel()->text().toLower());
        QVERIFY(dlg.joinButton()->isEnabled());
        AssistWorkspace ws(options, *dlg.code());
        ws.resize(1400, 900);
        ws.show();

        QTRY_COMPARE_WITH_TIMEOUT(page.screen(), AssistPage::Screen::Consent, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!ws.sasLabel()->text().isEmpty(), 5000);
        QCOMPARE(page.sasLabel()->text(), ws.sasLabel()->text());
        QCOMPARE(page.sasLabel()->text(), page.session()->sas().text());
        QCOMPARE(page.sasLabel()->text().size(), 7); // "123 456"
        QVERIFY(page.expertLabel()->text().contains(u"Ada Expert"_s));
        QVERIFY(!ws.isActive()); // nothing before the DBA accepts
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-consent.png"_s).isEmpty());
        QVERIFY(!UiTestFixture::screenshot(&ws, u"assist-expert-waiting.png"_s).isEmpty());

        QTest::mouseClick(page.acceptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(ws.isActive(), 10000);
        QCOMPARE(page.screen(), AssistPage::Screen::Active);
        QCOMPARE(ws.session()->environments().size(), 2);
        QVERIFY(!page.auditPathLabel()->text().isEmpty());
        QTRY_VERIFY(page.timeLeftLabel()->text().contains(u"left"_s));

        // The fleet view streams both shared environments (not test01).
        ws.showView(AssistView::Kind::Fleet);
        QTRY_COMPARE_WITH_TIMEOUT(ws.viewTable()->rowCount(), 2, 20000);
        QStringList fleetNames;
        for (int r = 0; r < 2; ++r)
            fleetNames << ws.viewTable()->item(r, 0)->text();
        fleetNames.sort();
        QCOMPARE(fleetNames, (QStringList { u"dev"_s, u"prod"_s }));

        // Slow queries by digest of dev: the table and its note.
        ws.showView(AssistView::Kind::SlowDigests, u"dev"_s);
        QVERIFY(ws.viewEnvironmentCombo()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(ws.viewTable()->columnOf(u"Digest"_s) >= 0, 20000);
        QVERIFY2(ws.viewErrorLabel()->isHidden(), qPrintable(ws.viewErrorLabel()->text()));
        QVERIFY(ws.viewNoteLabel()->text().contains(u"Last hour"_s));

        // Health charts of dev: drawn from the lines the host streams, now/min/max below.
        ws.showView(AssistView::Kind::Health, u"dev"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!ws.healthCharts()->chartTitles().isEmpty(), 20000);
        QVERIFY(ws.healthCharts()->isVisible());
        QVERIFY(ws.viewTable()->columnOf(u"Now"_s) >= 0);
        QVERIFY(ws.viewTable()->rowCount() > 0);
        QVERIFY(!UiTestFixture::screenshot(&ws, u"assist-expert-health.png"_s).isEmpty());

        // 1. Read-only on dev: auto-approved, the result in the expert's table.
        const qint64 readId
            = proposeSql(ws, u"dev"_s, u"SELECT id, v FROM tidesk_assist_ui.flags ORDER BY id"_s);
        QVERIFY(readId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(page.card(readId), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page.card(readId)->status(), AssistProposal::Status::Done, 15000);
        QVERIFY(!page.card(readId)->approveButton()->isVisible()); // decided already
        QVERIFY2(page.card(readId)->resultText().startsWith(u"Result: 2 row"_s),
                 qPrintable(page.card(readId)->resultText()));
        ws.selectProposal(readId);
        QTRY_COMPARE_WITH_TIMEOUT(ws.resultTable()->rowCount(), 2, 10000);
        QCOMPARE(ws.resultTable()->item(1, 1)->text(), u"20"_s);

        // 2. 5,000 rows: 1,000 cross and the summary says so.
        const qint64 manyId
            = proposeSql(ws, u"dev"_s, u"SELECT seq FROM tidesk_assist_ui.seq_1_to_5000"_s);
        QVERIFY(manyId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(ws.session()->proposal(manyId)->result.has_value(), 20000);
        ws.selectProposal(manyId);
        QTRY_COMPARE(ws.resultTable()->rowCount(), 1000);
        QVERIFY2(ws.resultLabel()->text().contains(u"1,000 of 5,000 rows"_s),
                 qPrintable(ws.resultLabel()->text()));

        // 3. An UPDATE waits for the DBA with its statement and EXPLAIN.
        const QString update = u"UPDATE tidesk_assist_ui.flags SET v = 11 WHERE id = 1"_s;
        const qint64 writeId = proposeSql(ws, u"dev"_s, update);
        QVERIFY(writeId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            page.card(writeId) && page.card(writeId)->approveButton()->isVisible(), 15000);
        AssistProposalCard *writeCard = page.card(writeId);
        QCOMPARE(writeCard->status(), AssistProposal::Status::Pending);
        QCOMPARE(writeCard->statementText(), update);
        QVERIFY(writeCard->explainTable()->isVisible());
        QVERIFY(writeCard->explainTable()->rowCount() >= 1);
        QVERIFY(writeCard->approveButton()->isEnabled());
        QTest::qWait(300);
        QCOMPARE(devValue(u"SELECT v FROM tidesk_assist_ui.flags WHERE id = 1"_s), u"10"_s);
        QCOMPARE(ws.session()->proposal(writeId)->status, AssistProposal::Status::Pending);
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-pending-proposal.png"_s).isEmpty());
        QTest::mouseClick(writeCard->approveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(writeCard->status(), AssistProposal::Status::Done, 15000);
        QCOMPARE(devValue(u"SELECT v FROM tidesk_assist_ui.flags WHERE id = 1"_s), u"11"_s);
        QVERIFY2(writeCard->resultText().contains(u"affected"_s),
                 qPrintable(writeCard->resultText()));
        QVERIFY(!writeCard->approveButton()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(ws.session()->proposal(writeId)->status,
                                  AssistProposal::Status::Done, 5000);

        // 4. Prod: never auto-approved; the typed name is asked before it runs.
        const qint64 prodId = proposeSql(ws, u"prod"_s, u"SELECT @@hostname IS NOT NULL AS ok"_s);
        QVERIFY(prodId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            page.card(prodId) && page.card(prodId)->approveButton()->isVisible(), 15000);
        AssistProposalCard *prodCard = page.card(prodId);
        QCOMPARE(prodCard->status(), AssistProposal::Status::Pending);
        QVERIFY(!prodCard->findChild<QLabel *>(u"assistCardProduction"_s)->isHidden());
        QVERIFY(!page.approveDialog());
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-prod-card.png"_s).isEmpty());
        QTest::mouseClick(prodCard->approveButton(), Qt::LeftButton);
        ConfirmActionDialog *confirm = page.approveDialog();
        QVERIFY(confirm);
        QVERIFY(confirm->requiresTypedName());
        QVERIFY(!confirm->actionButton()->isEnabled());
        QVERIFY(!UiTestFixture::screenshot(confirm, u"assist-prod-confirm.png"_s).isEmpty());
        confirm->typedNameEdit()->setText(u"PROD"_s);
        QVERIFY(!confirm->actionButton()->isEnabled());
        QTest::qWait(200);
        QCOMPARE(prodCard->status(), AssistProposal::Status::Pending);
        confirm->typedNameEdit()->setText(u"prod"_s);
        QVERIFY(confirm->actionButton()->isEnabled());
        QTest::mouseClick(confirm->actionButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(prodCard->status(), AssistProposal::Status::Done, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(ws.session()->proposal(prodId)->result.has_value(), 5000);
        QCOMPARE(ws.session()->proposal(prodId)->result->rows.value(0).value(0), u"1"_s);

        // 5. A live session of dev, selected in the Live sessions view, proposed for a kill.
        ConnectParams vp;
        vp.host = u"127.0.0.1"_s;
        vp.port = m_sandbox.mariadbPort(u"dev"_s);
        vp.user = m_sandbox.value(u"APP_USER"_s);
        vp.password = m_sandbox.value(u"APP_PASSWORD"_s);
        vp.readTimeoutMs = 60000;
        SqlWorkerOptions vo;
        vo.engineOverride = EngineOverride::MariaDB;
        SqlWorker victim(vp, vo);
        QSignalSpy victimConnected(&victim, &SqlWorker::connected);
        QSignalSpy victimFailed(&victim, &SqlWorker::requestFailed);
        victim.connectNow();
        QVERIFY(victimConnected.wait(10000));
        const QString victimId = QString::number(victim.connectionId());
        victim.submit(u"SELECT SLEEP(30) AS assist_ui_victim"_s);
        ws.showView(AssistView::Kind::Sessions, u"dev"_s);
        QVERIFY(!ws.proposeKillButton()->isHidden());
        const int idCol = 1;
        int victimRow = -1;
        const auto findVictim = [&] {
            for (int r = 0; r < ws.viewTable()->rowCount(); ++r)
                if (ws.viewTable()->item(r, idCol)
                    && ws.viewTable()->item(r, idCol)->text() == victimId) {
                    victimRow = r;
                    return true;
                }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(findVictim(), 20000);
        QVERIFY(!ws.proposeKillButton()->isEnabled());
        ws.viewTable()->selectRow(victimRow);
        QVERIFY(ws.proposeKillButton()->isEnabled());
        QTest::mouseClick(ws.proposeKillButton(), Qt::LeftButton);
        const qint64 killId = ws.session()->proposals().last().proposal.id;
        QCOMPARE(ws.session()->proposals().last().proposal.action,
                 AssistProposal::Action::KillQuery);
        QTRY_VERIFY_WITH_TIMEOUT(
            page.card(killId) && page.card(killId)->approveButton()->isVisible(), 15000);
        QVERIFY2(
            page.card(killId)
                ->findChild<QLabel *>(u"assistCardAffects"_s)
                ->text()
                .contains(u"assist_ui_victim"_s),
            qPrintable(page.card(killId)->findChild<QLabel *>(u"assistCardAffects"_s)->text()));
        QVERIFY(page.card(killId)->statementText().contains(victimId));
        QTest::mouseClick(page.card(killId)->approveButton(), Qt::LeftButton);
        QVERIFY(victimFailed.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(page.card(killId)->status(), AssistProposal::Status::Done, 10000);

        // 6. SET GLOBAL from the small form, rejected with a note that reaches the expert.
        AssistProposeBox *box = ws.proposeBox();
        QVERIFY(box->setEnvironment(u"dev"_s));
        box->variableEdit()->setText(u"max_statement_time"_s);
        box->valueEdit()->setText(u"30"_s);
        QVERIFY(box->proposeSetButton()->isEnabled());
        QTest::mouseClick(box->proposeSetButton(), Qt::LeftButton);
        const qint64 setId = ws.session()->proposals().last().proposal.id;
        QCOMPARE(ws.session()->proposals().last().proposal.action,
                 AssistProposal::Action::SetVariable);
        QTRY_VERIFY_WITH_TIMEOUT(page.card(setId) && page.card(setId)->rejectButton()->isVisible(),
                                 15000);
        QVERIFY2(page.card(setId)->statementText().contains(u"SET GLOBAL"_s),
                 qPrintable(page.card(setId)->statementText()));
        page.card(setId)->rejectNote()->setText(u"not during business hours"_s);
        QTest::mouseClick(page.card(setId)->rejectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ws.session()->proposal(setId)->status,
                                  AssistProposal::Status::Rejected, 5000);
        QCOMPARE(ws.session()->proposal(setId)->note, u"not during business hours"_s);
        QCOMPARE(page.card(setId)->status(), AssistProposal::Status::Rejected);
        ws.selectProposal(setId);
        QVERIFY(ws.resultLabel()->text().contains(u"not during business hours"_s));

        // The expert's workspace with a view and a result, for the screenshot.
        ws.showView(AssistView::Kind::Fleet);
        QTRY_COMPARE_WITH_TIMEOUT(ws.viewTable()->rowCount(), 2, 20000);
        ws.selectProposal(manyId);
        QTRY_COMPARE(ws.resultTable()->rowCount(), 1000);

        // 7. Chat both ways.
        ws.chatPane()->input()->setText(u"Could you share the slow log of prod too?"_s);
        QTest::mouseClick(ws.chatPane()->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            page.chatPane()->historyText().contains(u"Could you share the slow log of prod too?"_s),
            5000);
        QVERIFY(page.chatPane()->historyText().contains(u"Ada Expert:"_s));
        page.chatPane()->input()->setText(u"Not today."_s);
        QTest::keyClick(page.chatPane()->input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(ws.chatPane()->historyText().contains(u"DBA: Not today."_s), 5000);
        QVERIFY(!UiTestFixture::screenshot(&ws, u"assist-expert-workspace.png"_s).isEmpty());

        // 8. The DBA ends; both say why.
        QTest::mouseClick(page.endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ws.session()->state(), AssistExpertSession::State::Ended, 10000);
        QVERIFY(!page.banner()->isHidden());
        QVERIFY2(page.banner()->text().contains(u"You ended the session."_s),
                 qPrintable(page.banner()->text()));
        QVERIFY(!ws.banner()->isHidden());
        QVERIFY2(ws.banner()->text().contains(u"The DBA ended the session."_s),
                 qPrintable(ws.banner()->text()));
        QVERIFY(!page.endButton()->isEnabled());
        QVERIFY(!page.chatPane()->input()->isEnabled());
        QCOMPARE(ws.leaveButton()->text(), u"Close"_s);
        // The cards stay readable; the decisions are gone.
        QCOMPARE(page.screen(), AssistPage::Screen::Active);
        QVERIFY(page.cardCount() >= 6);
        QVERIFY(!page.card(killId)->approveButton()->isVisible());
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-ended.png"_s).isEmpty());
    }

    void mainWindowHasThePageAndTheJoinAction()
    {
        MainWindow w(m_fx.services);
        w.show();
        QAction *page = w.action(u"actionAssist"_s);
        QAction *join = w.action(u"actionJoinAssist"_s);
        QVERIFY(page);
        QVERIFY(join);
        page->trigger();
        QCOMPARE(w.currentPage(), MainWindow::Page::Assist);
        QVERIFY(w.assistPage()->isVisible());
        QCOMPARE(w.assistPage()->screen(), AssistPage::Screen::Start);
        join->trigger();
        auto *dlg = w.findChild<AssistJoinDialog *>();
        QVERIFY(dlg);
        QTRY_VERIFY(dlg->isVisible());
        dlg->reject();
        QVERIFY(w.assistWorkspaces().isEmpty());
    }

    void wrongCodeShowsAttemptsLeft()
    {
        AssistPage page(m_fx.services);
        page.resize(1100, 700);
        page.setEnvironments({ m_dev, m_prod });
        page.show();
        fillForm(page);
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(page.startForm()->startButton(), Qt::LeftButton);
        const std::optional<SessionCode> real = waitForCode(page);
        QVERIFY(real);
        // Same relay and port, another secret: a guess, or a typo past the check character.
        const Result<SessionCode> wrong = SessionCode::generate(
            real->relayUser(), real->relayHost(), real->relayPort(), real->forwardPort(),
            std::chrono::minutes(10), QDateTime::currentDateTimeUtc());
        QVERIFY(wrong.ok());
        AssistJoinDialog dlg;
        AssistWorkspace ws(expertOptions(dlg, wrong->toText()), *wrong);
        QTRY_COMPARE_WITH_TIMEOUT(ws.session()->state(), AssistExpertSession::State::Ended, 20000);
        QVERIFY(!ws.banner()->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(!page.attemptFailedLabel()->isHidden(), 10000);
        QVERIFY2(page.attemptFailedLabel()->text().contains(u"A wrong code was tried"_s),
                 qPrintable(page.attemptFailedLabel()->text()));
        QVERIFY2(page.attemptFailedLabel()->text().contains(u"4 attempts left"_s),
                 qPrintable(page.attemptFailedLabel()->text()));
        QCOMPARE(page.screen(), AssistPage::Screen::Code);
        QTRY_VERIFY(page.attemptsLabel()->text().contains(u"4"_s));
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-wrong-code.png"_s).isEmpty());
        // Cancel ends it; the page goes back to the form with the reason.
        QTest::mouseClick(page.findChild<QPushButton *>(u"assistCancelCode"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page.screen(), AssistPage::Screen::Start, 5000);
        QVERIFY(!page.banner()->isHidden());
        QVERIFY(page.banner()->text().contains(u"ended"_s));
    }
};

QTEST_MAIN(TestAssistPage)
#include "tst_assistpage.moc"

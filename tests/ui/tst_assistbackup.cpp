// A backup proposed from the expert's workspace (issue 7), end to end over the sandbox sshd as
// relay and the sandbox MariaDB dev (a local environment: the job runs on this machine, into the
// test's TIDESK_HOME): the expert picks "Logical" and one database in the Propose area and
// clicks "Propose backup"; the DBA's card says "Start a logical backup" with the exact command
// (mariadb-dump) the core prepared, and waits - a backup is never auto-approved; Approve starts
// the job through the Backups machinery (BackupManager) and the expert sees it succeed.
// Saves assist-backup-card.png and assist-expert-backup.png. FAILS without the sandbox.
#include "MessageBanner.h"
#include "SandboxEnv.h"
#include "UiTestFixture.h"
#include "dialogs/AssistJoinDialog.h"
#include "dialogs/ConfirmActionDialog.h"
#include "pages/AssistPage.h"
#include "pages/AssistProposalCard.h"
#include "pages/AssistProposeBox.h"
#include "pages/AssistStartForm.h"
#include "pages/AssistWorkspace.h"
#include "sql/SqlConnection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::SandboxEnv;
using TiDesk::Test::UiTestFixture;

class TestAssistBackup : public QObject
{
    Q_OBJECT

    UiTestFixture m_fx;
    SandboxEnv m_sandbox;
    Environment m_dev;

    QString devQuery(const QString &sql)
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
        return r ? QString() : r.error().message;
    }

private slots:
    void initTestCase()
    {
        SqlConnection::initDriver();
        QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
        QCOMPARE(m_fx.init(), QString());
        QCOMPARE(devQuery(u"CREATE DATABASE IF NOT EXISTS tidesk_assist_backup"_s), QString());
        QCOMPARE(devQuery(u"CREATE OR REPLACE TABLE tidesk_assist_backup.t (id INT PRIMARY KEY)"_s),
                 QString());
        QCOMPARE(devQuery(u"INSERT INTO tidesk_assist_backup.t VALUES (1), (2), (3)"_s), QString());
        // The backup machinery finds the environment in the inventory, like the Backups page.
        Environment e
            = UiTestFixture::makeEnv(u"dev"_s, Tier::Dev, u"127.0.0.1"_s,
                                     m_sandbox.mariadbPort(u"dev"_s), m_sandbox.adminUser());
        e.tls.mode = TlsMode::Disabled;
        const Result<Environment> saved = m_fx.inventory->save(e);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
        m_dev = *saved;
        QVERIFY(m_fx.services.secrets->write(m_dev.passwordSecretKey(), m_sandbox.adminPassword())
                    .ok());
    }

    void backupProposedApprovedAndDone()
    {
        AssistPage page(m_fx.services);
        page.resize(1280, 900);
        page.setEnvironments({ m_dev });
        page.show();
        AssistStartForm *form = page.startForm();
        form->relayEdit()->setText(u"%1@127.0.0.1:%2"_s.arg(m_sandbox.value(u"SSH_USER"_s),
                                                            m_sandbox.value(u"SSHD_PORT"_s)));
        form->keyEdit()->setText(m_sandbox.value(u"SSH_USER_KEY"_s));
        form->knownHostsEdit()->setText(m_sandbox.value(u"SSH_KNOWN_HOSTS"_s));
        QVERIFY(form->setShared(u"dev"_s, true));
        form->autoApproveBox()->setChecked(true); // read-only SQL only: a backup still waits
        QTest::mouseClick(form->startButton(), Qt::LeftButton);
        std::optional<SessionCode> code;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Result<SessionCode> r
                    = SessionCode::parse(page.codeLabel()->text(), QDateTime::currentDateTimeUtc());
                if (r.ok())
                    code = *r;
                return code.has_value();
            }(),
            20000);

        AssistJoinDialog dlg;
        dlg.codeEdit()->setText(code->toText());
        dlg.nameEdit()->setText(u"Ada Expert"_s);
        dlg.keyEdit()->setText(m_sandbox.value(u"SSH_USER_KEY"_s));
        dlg.knownHostsEdit()->setText(m_sandbox.value(u"SSH_KNOWN_HOSTS"_s));
        AssistWorkspace ws(dlg.options(), *code);
        ws.resize(1400, 900);
        ws.show();
        QTRY_COMPARE_WITH_TIMEOUT(page.screen(), AssistPage::Screen::Consent, 20000);
        QTest::mouseClick(page.acceptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(ws.isActive(), 10000);

        // The expert proposes a logical backup of one database.
        AssistProposeBox *box = ws.proposeBox();
        QVERIFY(box->setEnvironment(u"dev"_s));
        box->backupKindCombo()->setCurrentIndex(box->backupKindCombo()->findData(u"logical"_s));
        box->backupDatabasesEdit()->setText(u"tidesk_assist_backup"_s);
        QVERIFY(box->proposeBackupButton()->isEnabled());
        QTest::mouseClick(box->proposeBackupButton(), Qt::LeftButton);
        QCOMPARE(ws.session()->proposals().size(), 1);
        const qint64 id = ws.session()->proposals().last().proposal.id;

        // The DBA's card: the action, the command the core prepared, waiting for a decision.
        QTRY_VERIFY_WITH_TIMEOUT(page.card(id), 10000);
        AssistProposalCard *card = page.card(id);
        QTRY_VERIFY_WITH_TIMEOUT(
            card->approveButton()->isVisible() && card->approveButton()->isEnabled(), 20000);
        QCOMPARE(card->status(), AssistProposal::Status::Pending);
        bool titled = false;
        for (const QLabel *l : card->findChildren<QLabel *>())
            titled = titled || l->text().contains(u"Start a logical backup"_s);
        QVERIFY(titled);
        QVERIFY2(card->statementText().contains(u"mariadb-dump"_s),
                 qPrintable(card->statementText()));
        QVERIFY(card->statementText().contains(u"tidesk_assist_backup"_s));
        QVERIFY(!UiTestFixture::screenshot(&page, u"assist-backup-card.png"_s).isEmpty());

        QTest::mouseClick(card->approveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(ws.session()->proposal(id)
                                     && AssistProposal::isFinal(ws.session()->proposal(id)->status),
                                 120000);
        const AssistExpertSession::Proposal *p = ws.session()->proposal(id);
        QVERIFY(p->result.has_value());
        QVERIFY2(p->result->ok, qPrintable(p->result->message));
        QCOMPARE(p->status, AssistProposal::Status::Done);
        ws.selectProposal(id);
        QVERIFY2(ws.resultLabel()->text().contains(u"succeeded"_s),
                 qPrintable(ws.resultLabel()->text()));
        QTRY_VERIFY(card->resultText().contains(u"succeeded"_s));
        QVERIFY(!UiTestFixture::screenshot(&ws, u"assist-expert-backup.png"_s).isEmpty());

        QTest::mouseClick(page.endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(ws.session()->state(), AssistExpertSession::State::Ended, 10000);
    }
};

QTEST_MAIN(TestAssistBackup)
#include "tst_assistbackup.moc"

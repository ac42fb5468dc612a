// The expert's Propose area (AssistProposeBox, issue 7) for backups, offscreen, no sandbox:
// "Propose backup" builds a logical backup proposal with the databases typed (comma or space
// separated, duplicates once) or of everything when none are typed; a physical backup takes no
// database list (the field is disabled); an invalid database name disables the button; what it
// builds is what the host accepts (AssistProposal::fromJson). The DBA's card names the action.
// Saves assist-propose-backup.png.
#include "UiTestFixture.h"
#include "pages/AssistProposalCard.h"
#include "pages/AssistProposeBox.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;
using TiDesk::Test::UiTestFixture;

class TestAssistProposeBox : public QObject
{
    Q_OBJECT

    static AssistProposal lastProposal(const QSignalSpy &spy)
    {
        return spy.last().first().value<AssistProposal>();
    }

    // What the host reads from the "propose" message (the session numbers the proposal).
    static Result<AssistProposal> asHostReadsIt(AssistProposal p)
    {
        p.id = 1;
        return AssistProposal::fromJson(p.toJson());
    }

private slots:
    void initTestCase() { qRegisterMetaType<TiDesk::AssistProposal>(); }

    void proposesBackups()
    {
        AssistProposeBox box;
        box.resize(640, 300);
        AssistExpertSession::SharedEnvironment dev;
        dev.name = u"dev"_s;
        dev.tier = u"dev"_s;
        dev.color = u"#2e7d32"_s;
        AssistExpertSession::SharedEnvironment prod;
        prod.name = u"prod"_s;
        prod.tier = u"prod"_s;
        prod.color = u"#c62828"_s;
        prod.production = true;
        box.setEnvironments({ dev, prod });
        box.show();
        QVERIFY(!box.proposeBackupButton()->isEnabled()); // not active yet
        box.setProposeEnabled(true);
        QVERIFY(box.setEnvironment(u"dev"_s));
        QCOMPARE(box.backupKindCombo()->currentData().toString(), u"logical"_s);
        QVERIFY(box.backupDatabasesEdit()->isEnabled());
        QVERIFY(box.proposeBackupButton()->isEnabled());

        QSignalSpy spy(&box, &AssistProposeBox::proposeRequested);
        // Logical, everything.
        QTest::mouseClick(box.proposeBackupButton(), Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        AssistProposal p = lastProposal(spy);
        QCOMPARE(p.action, AssistProposal::Action::Backup);
        QCOMPARE(p.environment, u"dev"_s);
        QCOMPARE(p.backupKind, u"logical"_s);
        QVERIFY(p.databases.isEmpty());
        QVERIFY(asHostReadsIt(p).ok());

        // Logical, two databases (one typed twice).
        box.backupDatabasesEdit()->setText(u"shop, crm  shop"_s);
        QVERIFY(box.proposeBackupButton()->isEnabled());
        QTest::mouseClick(box.proposeBackupButton(), Qt::LeftButton);
        QCOMPARE(spy.size(), 2);
        p = lastProposal(spy);
        QCOMPARE(p.databases, (QStringList { u"shop"_s, u"crm"_s }));
        const Result<AssistProposal> back = asHostReadsIt(p);
        QVERIFY(back.ok());
        QCOMPARE(back->databases, p.databases);
        QCOMPARE(back->backupKind, u"logical"_s);
        QVERIFY(!UiTestFixture::screenshot(&box, u"assist-propose-backup.png"_s).isEmpty());

        // A name the host would refuse: the button says no before sending.
        box.backupDatabasesEdit()->setText(u"shop, drop table"_s);
        QVERIFY(box.proposeBackupButton()->isEnabled()); // "drop" and "table" are names
        box.backupDatabasesEdit()->setText(u"shop; crm"_s);
        QVERIFY(!box.backupDatabases().has_value());
        QVERIFY(!box.proposeBackupButton()->isEnabled());
        QVERIFY(!box.proposeBackupButton()->toolTip().isEmpty());
        QTest::mouseClick(box.proposeBackupButton(), Qt::LeftButton);
        QCOMPARE(spy.size(), 2);

        // Physical: the whole server, no database list (what was typed is ignored).
        box.backupKindCombo()->setCurrentIndex(box.backupKindCombo()->findData(u"physical"_s));
        QVERIFY(!box.backupDatabasesEdit()->isEnabled());
        QVERIFY(box.proposeBackupButton()->isEnabled());
        QVERIFY(box.setEnvironment(u"prod"_s));
        QTest::mouseClick(box.proposeBackupButton(), Qt::LeftButton);
        QCOMPARE(spy.size(), 3);
        p = lastProposal(spy);
        QCOMPARE(p.backupKind, u"physical"_s);
        QCOMPARE(p.environment, u"prod"_s);
        QVERIFY(p.databases.isEmpty());
        QVERIFY(asHostReadsIt(p).ok());

        box.setProposeEnabled(false);
        QVERIFY(!box.proposeBackupButton()->isEnabled());
    }

    void cardNamesTheBackup()
    {
        AssistProposal p;
        p.action = AssistProposal::Action::Backup;
        p.backupKind = u"logical"_s;
        QCOMPARE(AssistProposalCard::actionTitle(p), u"Start a logical backup"_s);
        p.backupKind = u"physical"_s;
        QCOMPARE(AssistProposalCard::actionTitle(p), u"Start a physical backup"_s);
    }
};

QTEST_MAIN(TestAssistProposeBox)
#include "tst_assistproposebox.moc"

// tst_assistsession: a whole expert session in one process over the sandbox relay (sshd), with
// real MariaDB behind it (issue 7). The host (AssistHostSession) shares dev and prod and
// auto-approves read-only statements on non-production; the expert (AssistExpertSession) joins
// with the code's text:
//  - both see the same short authentication string; nothing is shared before the DBA accepts
//    (a proposal before then is not even sent);
//  - views stream: the fleet (both environments), dev's live sessions (a victim's SLEEP is in
//    it), slow queries by digest, health charts from dev's Prometheus;
//  - read-only SQL on dev is auto-approved and its result comes back; a 5,000-row result is
//    cut to the row limit and says how many rows there were;
//  - an UPDATE waits: the table is unchanged until the DBA approves, then it runs;
//  - prod is never auto-approved, and approving it needs the typed name;
//  - an unshared environment and two statements in one proposal are refused;
//  - a kill proposal shows the victim's statement on the card and, approved, kills it (1317);
//  - a rejection reaches the expert; chat crosses both ways; the host's end reaches the expert;
//  - the audit log verifies, has the decisions and no password, and an edited line is found.
// Then: a wrong secret lets the expert retry the SAME code (the host re-listens) and the code
// burns after 5 failures; the idle timeout ends both sides; the expert's end reaches the host.
// FAILS without the sandbox.
#include "SshTestSupport.h"
#include "VictimSession.h"

#include "assist/AssistExpertSession.h"
#include "assist/AssistHostSession.h"
#include "assist/AssistTransport.h"
#include "assist/AuditLogChain.h"
#include "secrets/VaultFileStore.h"
#include "sessions/AuditLog.h"
#include "sql/ActivityLog.h"
#include "sql/SqlConnection.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestAssistSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullFlow();
    void wrongSecretRetriesSameCodeThenBurns();
    void idleTimeoutEndsBothSides();
    void expertEndReachesHost();

private:
    Environment makeEnv(const QString &sandboxEnv, const QString &name, Tier tier);
    AssistHostOptions hostOptions() const;
    AssistExpertOptions expertOptions() const;
    CoreServices services();
    bool adminExec(const QString &sql);
    QString adminValue(const QString &sql);
    // Starts a host and joins an expert with `code` (the host's own when empty); waits for the
    // secure channel.
    struct Pair
    {
        std::unique_ptr<AssistHostSession> host;
        std::unique_ptr<AssistExpertSession> expert;
        SessionCode code;
    };
    void connectPair(Pair &p, AssistHostOptions options);

    Test::SandboxEnv m_sandbox;
    QTemporaryDir m_dir;
    QThreadPool m_pool;
    ActivityLog m_log;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<VaultFileStore> m_vault;
    Environment m_dev;
    Environment m_prod;
    Environment m_unshared;
};

Environment TestAssistSession::makeEnv(const QString &sandboxEnv, const QString &name, Tier tier)
{
    Environment e;
    e.id = QUuid::createUuid();
    e.name = name;
    e.tier = tier;
    e.endpoints << SqlEndpoint { u"127.0.0.1"_s, m_sandbox.mariadbPort(sandboxEnv), {} };
    e.user = m_sandbox.adminUser();
    e.tls.mode = TlsMode::VerifyCa;
    e.tls.caFile = m_sandbox.value(u"TLS_CA"_s);
    e.connectTimeoutMs = 2000;
    [&] {
        QVERIFY(m_vault->write(e.passwordSecretKey(), m_sandbox.adminPassword()).ok());
    }();
    return e;
}

CoreServices TestAssistSession::services()
{
    CoreServices s;
    s.activityLog = &m_log;
    s.audit = m_audit.get();
    s.secrets = m_vault.get();
    s.pool = &m_pool;
    return s;
}

AssistHostOptions TestAssistSession::hostOptions() const
{
    AssistHostOptions o;
    o.relay = Test::sandboxSshOptions(m_sandbox);
    o.sharedEnvironments = { m_dev, m_prod };
    o.autoApproveReadOnly = true;
    o.rowLimit = 1000;
    o.hostId = u"dba@test"_s;
    o.auditDir = m_dir.filePath(u"assist"_s);
    o.sessionsRefresh = std::chrono::milliseconds(500);
    return o;
}

AssistExpertOptions TestAssistSession::expertOptions() const
{
    AssistExpertOptions o;
    o.relay = Test::sandboxSshOptions(m_sandbox);
    o.expertName = u"Ada Expert"_s;
    return o;
}

bool TestAssistSession::adminExec(const QString &sql)
{
    SqlConnection c;
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_sandbox.mariadbPort(u"dev"_s);
    p.user = m_sandbox.adminUser();
    p.password = m_sandbox.adminPassword();
    if (!c.open(p).ok())
        return false;
    return c.query(sql).ok();
}

QString TestAssistSession::adminValue(const QString &sql)
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
    if (!r || r->rows.isEmpty())
        return u"<no row>"_s;
    return r->rows.first().value(0).toString();
}

void TestAssistSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_dir.isValid());
    SqlConnection::initDriver();
    m_pool.setMaxThreadCount(8);
    VaultKdfParams kdf;
    kdf.n = quint64(1) << 10;
    m_vault = std::make_unique<VaultFileStore>(m_dir.filePath(u"secrets.vault"_s), kdf);
    QVERIFY(m_vault->unlockOrCreate(u"assist session test"_s).ok());
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(u"audit.jsonl"_s));
    m_dev = makeEnv(u"dev"_s, u"dev"_s, Tier::Dev);
    m_dev.prometheusUrl = u"http://127.0.0.1:%1"_s.arg(m_sandbox.prometheusPort());
    m_dev.prometheusSelector = u"env=\"dev\""_s;
    m_prod = makeEnv(u"prod"_s, u"prod"_s, Tier::Prod);
    m_unshared = makeEnv(u"test01"_s, u"test01"_s, Tier::Test);
    QVERIFY(adminExec(u"CREATE DATABASE IF NOT EXISTS tidesk_assist"_s));
    QVERIFY(
        adminExec(u"CREATE OR REPLACE TABLE tidesk_assist.flags (id INT PRIMARY KEY, v INT)"_s));
    QVERIFY(adminExec(u"INSERT INTO tidesk_assist.flags VALUES (1, 10)"_s));
}

void TestAssistSession::connectPair(Pair &p, AssistHostOptions options)
{
    p.host = std::make_unique<AssistHostSession>(services(), std::move(options));
    QSignalSpy code(p.host.get(), &AssistHostSession::codeReady);
    p.host->start();
    QVERIFY(code.wait(15000));
    // The expert types the code's text; it parses back to the same code.
    const SessionCode sent = code.first().at(0).value<SessionCode>();
    p.code = sent;
    const Result<SessionCode> typed
        = SessionCode::parse(sent.toText().toLower(), QDateTime::currentDateTimeUtc());
    QVERIFY2(typed.ok(), typed.ok() ? "" : qPrintable(typed.error().message));
    QSignalSpy waiting(p.host.get(), &AssistHostSession::expertWaiting);
    p.expert = std::make_unique<AssistExpertSession>(expertOptions());
    QSignalSpy established(p.expert.get(), &AssistExpertSession::established);
    p.expert->join(*typed);
    QVERIFY(waiting.wait(15000) || !waiting.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(established.size(), 1, 5000);
}

void TestAssistSession::fullFlow()
{
    Pair p;
    connectPair(p, hostOptions());
    AssistHostSession &host = *p.host;
    AssistExpertSession &expert = *p.expert;
    QCOMPARE(host.state(), AssistHostSession::State::AwaitingAccept);
    QCOMPARE(expert.sas().text(), host.sas().text());
    QCOMPARE(host.expertName(), u"Ada Expert"_s);
    QVERIFY2(host.expertKeyFingerprint().startsWith(u"SHA256:"_s),
             qPrintable(host.expertKeyFingerprint()));
    QCOMPARE(expert.hostId(), u"dba@test"_s);

    // Nothing before the DBA accepts.
    AssistProposal early;
    early.action = AssistProposal::Action::Sql;
    early.environment = u"dev"_s;
    early.sql = u"SELECT 1"_s;
    QCOMPARE(expert.propose(early), 0);
    QVERIFY(expert.environments().isEmpty());

    QSignalSpy welcomed(&expert, &AssistExpertSession::welcomed);
    host.accept();
    QVERIFY(welcomed.wait(5000));
    QCOMPARE(expert.state(), AssistExpertSession::State::Active);
    QCOMPARE(expert.environments().size(), 2);
    QCOMPARE(expert.environments().at(1).name, u"prod"_s);
    QVERIFY(expert.environments().at(1).production);
    QVERIFY(!expert.environments().at(1).autoApproveReadOnly);
    QVERIFY(expert.environments().at(0).autoApproveReadOnly);
    QCOMPARE(expert.rowLimit(), 1000);
    QVERIFY(expert.endsAtUtc() > QDateTime::currentDateTimeUtc());

    // Views.
    QSignalSpy views(&expert, &AssistExpertSession::viewReceived);
    QVERIFY(expert.subscribe(AssistView::Kind::Fleet));
    QVERIFY(views.wait(15000));
    AssistView fleet = views.last().at(0).value<AssistView>();
    QCOMPARE(fleet.kind, AssistView::Kind::Fleet);
    QCOMPARE(fleet.rows.size(), 2);
    QCOMPARE(fleet.rows.at(0).at(0), u"dev"_s);
    QCOMPARE(fleet.rows.at(0).at(2), u"yes"_s);

    Test::VictimSession victim(m_sandbox, u"dev"_s);
    const QString victimSql = u"SELECT SLEEP(20) AS assist_victim"_s;
    const quint64 victimRequest = victim.start(victimSql);
    views.clear();
    QVERIFY(expert.subscribe(AssistView::Kind::Sessions, u"dev"_s));
    bool sawVictim = false;
    QString victimId;
    for (int i = 0; i < 20 && !sawVictim; ++i) {
        QVERIFY(views.wait(5000));
        const AssistView v = views.last().at(0).value<AssistView>();
        QCOMPARE(v.kind, AssistView::Kind::Sessions);
        QVERIFY2(v.error.isEmpty(), qPrintable(v.error));
        for (const QStringList &r : v.rows)
            if (r.last().contains(u"assist_victim"_s)) {
                sawVictim = true;
                victimId = r.at(1);
            }
    }
    QVERIFY(sawVictim);

    views.clear();
    QVERIFY(expert.subscribe(AssistView::Kind::SlowDigests, u"dev"_s));
    QVERIFY(views.wait(15000));
    const AssistView slow = views.last().at(0).value<AssistView>();
    QCOMPARE(slow.kind, AssistView::Kind::SlowDigests);
    QVERIFY2(slow.error.isEmpty(), qPrintable(slow.error));
    QVERIFY(slow.columns.contains(u"Digest"_s));
    QVERIFY(!slow.note.isEmpty());

    // Health charts from dev's Prometheus (mysqld_exporter series of the sandbox), last hour.
    views.clear();
    QVERIFY(expert.subscribe(AssistView::Kind::Health, u"dev"_s));
    QVERIFY(views.wait(20000));
    const AssistView health = views.last().at(0).value<AssistView>();
    QCOMPARE(health.kind, AssistView::Kind::Health);
    QVERIFY2(health.error.isEmpty(), qPrintable(health.error));
    QVERIFY2(!health.rows.isEmpty(), qPrintable(health.note));
    QVERIFY(!health.series.isEmpty());
    QVERIFY(health.series.first().points.size() > 1);
    QVERIFY(health.series.first().points.size() <= AssistView::kMaxPoints);

    // An unshared environment's view is refused.
    views.clear();
    QVERIFY(expert.subscribe(AssistView::Kind::Sessions, u"test01"_s));
    QVERIFY(views.wait(5000));
    QVERIFY(views.last().at(0).value<AssistView>().error.contains(u"not shared"_s));

    QSignalSpy results(&expert, &AssistExpertSession::resultReady);
    QSignalSpy cardsAdded(&host, &AssistHostSession::cardAdded);

    // 1. Read-only on dev: auto-approved.
    AssistProposal read;
    read.action = AssistProposal::Action::Sql;
    read.environment = u"dev"_s;
    read.sql = u"SELECT id, v FROM tidesk_assist.flags ORDER BY id"_s;
    const qint64 readId = expert.propose(read);
    QVERIFY(readId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(expert.proposal(readId)->result.has_value(), 15000);
    QCOMPARE(expert.proposal(readId)->status, AssistProposal::Status::Done);
    QCOMPARE(expert.proposal(readId)->result->rows, (QList<QStringList> { { u"1"_s, u"10"_s } }));
    QCOMPARE(host.card(readId)->status, AssistProposal::Status::Done);
    QVERIFY(host.card(readId)->facts.readOnly);
    QVERIFY(host.card(readId)->facts.explain.hasResultSet()); // EXPLAIN ran for the card

    // 2. Row limit: 5,000 rows, 1,000 cross.
    AssistProposal many = read;
    many.sql = u"SELECT seq FROM tidesk_assist.seq_1_to_5000"_s;
    const qint64 manyId = expert.propose(many);
    QTRY_VERIFY_WITH_TIMEOUT(expert.proposal(manyId)->result.has_value(), 15000);
    const AssistResult manyResult = *expert.proposal(manyId)->result;
    QVERIFY2(manyResult.ok, qPrintable(manyResult.message));
    QCOMPARE(manyResult.rows.size(), 1000);
    QCOMPARE(manyResult.totalRows, 5000);
    QCOMPARE(manyResult.rows.last().first(), u"1000"_s);
    QVERIFY(manyResult.isTruncated());

    // 3. A write waits for the DBA, and nothing runs before.
    AssistProposal write = read;
    write.sql = u"UPDATE tidesk_assist.flags SET v = 11 WHERE id = 1"_s;
    const qint64 writeId = expert.propose(write);
    QTRY_VERIFY_WITH_TIMEOUT(host.card(writeId) && host.card(writeId)->factsReady, 15000);
    QCOMPARE(host.card(writeId)->status, AssistProposal::Status::Pending);
    QVERIFY(!host.card(writeId)->facts.readOnly);
    QVERIFY2(host.card(writeId)->facts.affects.contains(u"UPDATE"_s),
             qPrintable(host.card(writeId)->facts.affects));
    QTest::qWait(500);
    QCOMPARE(adminValue(u"SELECT v FROM tidesk_assist.flags WHERE id = 1"_s), u"10"_s);
    QCOMPARE(expert.proposal(writeId)->status, AssistProposal::Status::Pending);
    QVERIFY(host.approve(writeId));
    QTRY_VERIFY_WITH_TIMEOUT(expert.proposal(writeId)->result.has_value(), 15000);
    QVERIFY(expert.proposal(writeId)->result->ok);
    QCOMPARE(expert.proposal(writeId)->result->affectedRows, 1);
    QCOMPARE(adminValue(u"SELECT v FROM tidesk_assist.flags WHERE id = 1"_s), u"11"_s);

    // 4. Prod: never auto-approved; the typed name is required.
    AssistProposal onProd = read;
    onProd.environment = u"prod"_s;
    onProd.sql = u"SELECT @@hostname IS NOT NULL AS ok"_s;
    const qint64 prodId = expert.propose(onProd);
    QTRY_VERIFY_WITH_TIMEOUT(host.card(prodId) && host.card(prodId)->factsReady, 15000);
    QCOMPARE(host.card(prodId)->status, AssistProposal::Status::Pending);
    QVERIFY(host.card(prodId)->facts.readOnly);
    QString why;
    QVERIFY(!host.approve(prodId, QString(), &why));
    QVERIFY2(why.contains(u"type its name"_s), qPrintable(why));
    QVERIFY(!host.approve(prodId, u"PROD"_s));
    QVERIFY(host.approve(prodId, u"prod"_s, &why));
    QTRY_VERIFY_WITH_TIMEOUT(expert.proposal(prodId)->result.has_value(), 15000);
    QCOMPARE(expert.proposal(prodId)->result->rows.value(0).value(0), u"1"_s);

    // 5. Refused without the DBA: an unshared environment, two statements.
    AssistProposal unshared = read;
    unshared.environment = u"test01"_s;
    const qint64 unsharedId = expert.propose(unshared);
    QTRY_COMPARE_WITH_TIMEOUT(expert.proposal(unsharedId)->status, AssistProposal::Status::Rejected,
                              5000);
    QVERIFY(expert.proposal(unsharedId)->note.contains(u"not shared"_s));
    AssistProposal two = read;
    two.sql = u"SELECT 1; DROP TABLE tidesk_assist.flags"_s;
    const qint64 twoId = expert.propose(two);
    QTRY_COMPARE_WITH_TIMEOUT(expert.proposal(twoId)->status, AssistProposal::Status::Failed,
                              15000);
    QVERIFY(expert.proposal(twoId)->note.contains(u"more than one statement"_s));
    QCOMPARE(adminValue(u"SELECT COUNT(*) FROM tidesk_assist.flags"_s), u"1"_s);

    // 6. A kill: the card shows the victim, and approving kills it.
    AssistProposal kill;
    kill.action = AssistProposal::Action::KillQuery;
    kill.environment = u"dev"_s;
    kill.connectionId = victimId.toULongLong();
    const qint64 killId = expert.propose(kill);
    QTRY_VERIFY_WITH_TIMEOUT(host.card(killId) && host.card(killId)->factsReady, 15000);
    const AssistHostSession::Card *killCard = host.card(killId);
    QCOMPARE(killCard->status, AssistProposal::Status::Pending);
    QVERIFY(killCard->facts.killTarget.has_value());
    QVERIFY2(killCard->facts.affects.contains(u"assist_victim"_s),
             qPrintable(killCard->facts.affects));
    QCOMPARE(killCard->facts.statement, u"KILL HARD QUERY "_s + victimId); // MariaDB's form
    QVERIFY(host.approve(killId));
    QTRY_VERIFY_WITH_TIMEOUT(expert.proposal(killId)->result.has_value(), 20000);
    QVERIFY2(expert.proposal(killId)->result->ok,
             qPrintable(expert.proposal(killId)->result->message));
    const std::optional<Error> victimGot = victim.wait(victimRequest, 10000);
    QVERIFY(victimGot.has_value());
    QCOMPARE(victimGot->code, 1317);

    // 7. A rejection reaches the expert.
    AssistProposal setVar;
    setVar.action = AssistProposal::Action::SetVariable;
    setVar.environment = u"dev"_s;
    setVar.variable = u"max_statement_time"_s;
    setVar.value = u"30"_s;
    const qint64 setId = expert.propose(setVar);
    QTRY_VERIFY_WITH_TIMEOUT(host.card(setId) && host.card(setId)->factsReady, 15000);
    QVERIFY2(host.card(setId)->facts.statement.contains(u"SET GLOBAL"_s),
             qPrintable(host.card(setId)->facts.statement));
    QVERIFY2(host.card(setId)->facts.affects.contains(u"to 30"_s),
             qPrintable(host.card(setId)->facts.affects));
    QVERIFY(host.reject(setId, u"not now"_s));
    QTRY_COMPARE_WITH_TIMEOUT(expert.proposal(setId)->status, AssistProposal::Status::Rejected,
                              5000);
    QCOMPARE(expert.proposal(setId)->note, u"not now"_s);
    QVERIFY(!host.approve(setId)); // decided once

    // 8. Chat both ways.
    QSignalSpy hostChat(&host, &AssistHostSession::chatAdded);
    QSignalSpy expertChat(&expert, &AssistExpertSession::chatAdded);
    QVERIFY(expert.sendChat(u"Can you share the slow log of prod too?"_s));
    QVERIFY(hostChat.wait(5000));
    QCOMPARE(host.chat().last().text, u"Can you share the slow log of prod too?"_s);
    QVERIFY(host.chat().last().fromExpert);
    QVERIFY(host.sendChat(u"Not today."_s));
    QTRY_COMPARE_WITH_TIMEOUT(expert.chat().last().text, u"Not today."_s, 5000);

    // 9. The host ends; the expert hears why.
    QSignalSpy expertEnded(&expert, &AssistExpertSession::ended);
    host.end();
    QVERIFY(expertEnded.wait(5000));
    QCOMPARE(expert.endReason().message, u"The DBA ended the session."_s);
    QCOMPARE(host.state(), AssistHostSession::State::Ended);

    // 10. The audit log.
    const QString auditPath = host.auditPath();
    p.host.reset(); // flushes the audit pool
    const AuditVerification ok = AuditLogChain::verify(auditPath);
    QVERIFY2(ok.ok, qPrintable(ok.reason));
    QFile f(auditPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray log = f.readAll();
    f.close();
    QVERIFY(log.contains("accepted the expert Ada Expert"));
    QVERIFY(log.contains(QByteArray("auto-approved #" + QByteArray::number(readId))));
    QVERIFY(log.contains(QByteArray("approved #" + QByteArray::number(writeId))));
    QVERIFY(log.contains(QByteArray("rejected #" + QByteArray::number(setId) + ": not now")));
    QVERIFY(log.contains("Can you share the slow log of prod too?"));
    QVERIFY(log.contains("session ended"));
    QVERIFY(!log.contains(m_sandbox.adminPassword().toUtf8()));
    QVERIFY(!log.contains("\"1000\"")); // result rows stay out unless the DBA chose so
    QVERIFY(!log.contains(p.code.secret().toUtf8())); // the code's secret never is written
    // An edited line is found.
    QByteArray edited = log;
    edited.replace("Not today.", "Yes today");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(edited);
    f.close();
    const AuditVerification bad = AuditLogChain::verify(auditPath);
    QVERIFY(!bad.ok);
    QCOMPARE(bad.problem, AuditVerification::Problem::Edited);
}

void TestAssistSession::wrongSecretRetriesSameCodeThenBurns()
{
    AssistHostOptions o = hostOptions();
    auto host = std::make_unique<AssistHostSession>(services(), o);
    QSignalSpy code(host.get(), &AssistHostSession::codeReady);
    QSignalSpy failedAttempts(host.get(), &AssistHostSession::attemptFailed);
    QSignalSpy hostEnded(host.get(), &AssistHostSession::ended);
    host->start();
    QVERIFY(code.wait(15000));
    const SessionCode real = code.first().at(0).value<SessionCode>();
    // The same relay and port, another secret: what a mistyped code that passed its check
    // character (or a guess) looks like.
    const Result<SessionCode> wrong = SessionCode::generate(
        real.relayUser(), real.relayHost(), real.relayPort(), real.forwardPort(),
        std::chrono::minutes(10), QDateTime::currentDateTimeUtc());
    QVERIFY(wrong.ok());
    for (int attempt = 1; attempt <= 2; ++attempt) {
        AssistExpertSession expert(expertOptions());
        QSignalSpy ended(&expert, &AssistExpertSession::ended);
        expert.join(*wrong);
        QVERIFY(ended.wait(15000));
        QVERIFY2(expert.endReason().message.contains(u"session code"_s),
                 qPrintable(expert.endReason().message));
        QTRY_COMPARE_WITH_TIMEOUT(failedAttempts.size(), attempt, 5000);
        QCOMPARE(failedAttempts.last().at(1).toInt(), 5 - attempt);
        QTRY_COMPARE_WITH_TIMEOUT(host->state(), AssistHostSession::State::WaitingForExpert, 5000);
        QTest::qWait(300); // the host's new forward on the same port
    }
    // The right code still works after two failures.
    {
        AssistExpertSession expert(expertOptions());
        QSignalSpy established(&expert, &AssistExpertSession::established);
        QTRY_VERIFY_WITH_TIMEOUT(host->state() == AssistHostSession::State::WaitingForExpert, 5000);
        expert.join(real);
        QVERIFY(established.wait(15000));
        QTRY_COMPARE_WITH_TIMEOUT(host->state(), AssistHostSession::State::AwaitingAccept, 5000);
        QCOMPARE(failedAttempts.size(), 2);
        host->end();
    }
    // Burned after 5.
    host = std::make_unique<AssistHostSession>(services(), o);
    QSignalSpy code2(host.get(), &AssistHostSession::codeReady);
    QSignalSpy ended2(host.get(), &AssistHostSession::ended);
    host->start();
    QVERIFY(code2.wait(15000));
    const SessionCode real2 = code2.first().at(0).value<SessionCode>();
    const Result<SessionCode> wrong2 = SessionCode::generate(
        real2.relayUser(), real2.relayHost(), real2.relayPort(), real2.forwardPort(),
        std::chrono::minutes(10), QDateTime::currentDateTimeUtc());
    for (int attempt = 1; attempt <= 5; ++attempt) {
        QTRY_VERIFY_WITH_TIMEOUT(host->state() == AssistHostSession::State::WaitingForExpert
                                     || host->state() == AssistHostSession::State::Ended,
                                 5000);
        QTest::qWait(300);
        AssistExpertSession expert(expertOptions());
        QSignalSpy ended(&expert, &AssistExpertSession::ended);
        expert.join(*wrong2);
        QVERIFY(ended.wait(15000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(ended2.size(), 1, 5000);
    QVERIFY2(host->endReason().message.contains(u"5"_s), qPrintable(host->endReason().message));
    // Nobody listens any more: the right code finds nothing.
    AssistExpertSession late(expertOptions());
    QSignalSpy lateEnded(&late, &AssistExpertSession::ended);
    late.join(real2);
    QVERIFY(lateEnded.wait(15000));
    QCOMPARE(late.endReason().code, int(AssistTransport::NobodyListening));
}

void TestAssistSession::idleTimeoutEndsBothSides()
{
    AssistHostOptions o = hostOptions();
    o.idleTimeout = std::chrono::seconds(2);
    Pair p;
    connectPair(p, o);
    QSignalSpy welcomed(p.expert.get(), &AssistExpertSession::welcomed);
    p.host->accept();
    QVERIFY(welcomed.wait(5000));
    QSignalSpy hostEnded(p.host.get(), &AssistHostSession::ended);
    QSignalSpy expertEnded(p.expert.get(), &AssistExpertSession::ended);
    QVERIFY(hostEnded.wait(6000));
    QCOMPARE(p.host->endReason().kind, ErrorKind::Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(expertEnded.size(), 1, 5000);
    QVERIFY2(p.expert->endReason().message.contains(u"No message"_s),
             qPrintable(p.expert->endReason().message));
}

void TestAssistSession::expertEndReachesHost()
{
    Pair p;
    connectPair(p, hostOptions());
    QSignalSpy welcomed(p.expert.get(), &AssistExpertSession::welcomed);
    p.host->accept();
    QVERIFY(welcomed.wait(5000));
    QSignalSpy hostEnded(p.host.get(), &AssistHostSession::ended);
    p.expert->end();
    QVERIFY(hostEnded.wait(5000));
    QCOMPARE(p.host->endReason().message, u"The expert ended the session."_s);
}

QTEST_GUILESS_MAIN(TestAssistSession)
#include "tst_assistsession.moc"

// tst_ruleengine: RuleEngine with a fake clock (the `now` argument) and hand-made sessions:
// each match criterion on its own, exclusions that no rule can override, scope, victims all /
// oldest, the per-rule-per-environment rate limit over a sliding minute, the production dry-run
// default and --dry-run, and no second decision for a session already handled (but a new one
// for a new statement on the same connection).
#include "rules/RuleEngine.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 1, 5), QTime(10, 0, 0), Qt::UTC);

SessionRow session(quint64 id, const QString &user, qint64 timeMs,
                   const QString &info = u"SELECT SLEEP(30)"_s, const QDateTime &at = kT0)
{
    SessionRow s;
    s.id = id;
    s.user = user;
    s.host = u"10.0.0.9:40000"_s;
    s.db = u"shop"_s;
    s.command = u"Query"_s;
    s.state = u"User sleep"_s;
    s.timeMs = timeMs;
    s.info = info;
    s.digest = u"d-"_s + info;
    s.queryId = id * 100; // MariaDB-like: same statement = same QUERY_ID
    s.observedAt = at;
    return s;
}

KillRule busyRule(const QString &name, qint64 busyMs)
{
    KillRule r;
    r.name = name;
    r.scope.tiers = { Tier::Dev, Tier::Test, Tier::Uat, Tier::Prod };
    r.match.busyTimeMs = busyMs;
    r.action = RuleAction::KillQuery;
    r.mode = RuleMode::Enforce;
    r.compile();
    return r;
}

RuleEngine engineWith(const QList<KillRule> &rules, const QStringList &excludeUsers = {},
                      const QStringList &replicationUsers = {})
{
    RuleSet set;
    set.rules = rules;
    set.excludeUsers = excludeUsers;
    set.replicationUsers = replicationUsers;
    return RuleEngine(set);
}

RuleEngine::EnvContext dev(const QSet<quint64> &own = {})
{
    return RuleEngine::EnvContext { u"dev"_s, Tier::Dev, own };
}

QList<quint64> ids(const QList<RuleDecision> &decisions)
{
    QList<quint64> out;
    for (const RuleDecision &d : decisions)
        out << d.session.id;
    return out;
}

} // namespace

class TestRuleEngine : public QObject
{
    Q_OBJECT
private slots:
    void criteria_data();
    void criteria();
    void sleepingSessionsOnlyWithSleepCommand();
    void exclusionsNeverMatched();
    void replicationUsersFromSnapshot();
    void scopeAndDisabled();
    void victimsAll();
    void victimsOldestEnforce();
    void victimsOldestDryRun();
    void rateLimitSlidingMinute();
    void rateLimitPerEnvironment();
    void notifyIsNotRateLimited();
    void productionDryRunByDefault();
    void forceDryRun();
    void noRepeatOnSameSession();
    void newStatementSameConnectionIsNew();
    void setRulesKeepsMemory();
    void memoryRuleWithoutMemory();
    void deterministic();
};

void TestRuleEngine::criteria_data()
{
    QTest::addColumn<QString>("criterion");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("match");
    // Base session: id 7, user app, host 10.0.0.9:40000, db shop, command Query, 5 s,
    // SELECT SLEEP(30), mem 2048.
    QTest::newRow("busy below") << u"busy"_s << u"5001"_s << false;
    QTest::newRow("busy equal") << u"busy"_s << u"5000"_s << true;
    QTest::newRow("user") << u"user"_s << u"app"_s << true;
    QTest::newRow("user other") << u"user"_s << u"batch"_s << false;
    QTest::newRow("user wildcard") << u"user"_s << u"a*"_s << true;
    QTest::newRow("host without port") << u"host"_s << u"10.0.0.9"_s << true;
    QTest::newRow("host wildcard") << u"host"_s << u"10.0.*"_s << true;
    QTest::newRow("host other") << u"host"_s << u"10.0.0.8"_s << false;
    QTest::newRow("db") << u"db"_s << u"shop"_s << true;
    QTest::newRow("db other") << u"db"_s << u"crm"_s << false;
    QTest::newRow("command case-insensitive") << u"command"_s << u"query"_s << true;
    QTest::newRow("command other") << u"command"_s << u"Execute"_s << false;
    QTest::newRow("digest") << u"digest"_s << u"D-SELECT SLEEP(30)"_s << true;
    QTest::newRow("digest other") << u"digest"_s << u"d-other"_s << false;
    QTest::newRow("regex") << u"regex"_s << u"(?i)sleep\\(\\d+\\)"_s << true;
    QTest::newRow("regex other") << u"regex"_s << u"^UPDATE"_s << false;
    QTest::newRow("regex case-sensitive by default") << u"regex"_s << u"sleep"_s << false;
    QTest::newRow("mem above") << u"mem"_s << u"1024"_s << true;
    QTest::newRow("mem below") << u"mem"_s << u"4096"_s << false;
}

void TestRuleEngine::criteria()
{
    QFETCH(QString, criterion);
    QFETCH(QString, value);
    QFETCH(bool, match);
    KillRule r;
    r.name = u"r"_s;
    r.scope.tiers << Tier::Dev;
    r.action = RuleAction::KillQuery;
    if (criterion == u"busy")
        r.match.busyTimeMs = value.toLongLong();
    else if (criterion == u"user")
        r.match.users << value;
    else if (criterion == u"host")
        r.match.hosts << value;
    else if (criterion == u"db")
        r.match.dbs << value;
    else if (criterion == u"command")
        r.match.commands << value;
    else if (criterion == u"digest")
        r.match.digests << value;
    else if (criterion == u"regex")
        r.match.sqlRegex = value;
    else if (criterion == u"mem")
        r.match.memBytesAtLeast = value.toLongLong();
    r.compile();
    QCOMPARE(r.validate(), QString());
    SessionRow s = session(7, u"app"_s, 5000);
    s.memBytes = 2048;
    QCOMPARE(r.matches(s), match);
    RuleEngine engine = engineWith({ r });
    QCOMPARE(engine.evaluate(dev(), { s }, kT0).size(), match ? 1 : 0);
}

void TestRuleEngine::sleepingSessionsOnlyWithSleepCommand()
{
    SessionRow idle = session(3, u"app"_s, 600000, QString());
    idle.command = u"Sleep"_s;
    KillRule busy = busyRule(u"busy"_s, 1000);
    QVERIFY(!busy.matches(idle)); // an idle connection is not "busy"
    KillRule sleepers = busyRule(u"sleepers"_s, 1000);
    sleepers.match.commands << u"Sleep"_s;
    QVERIFY(sleepers.matches(idle));
}

void TestRuleEngine::exclusionsNeverMatched()
{
    KillRule r = busyRule(u"all-busy"_s, 1000);
    r.excludeUsers << u"batch_*"_s;
    RuleEngine engine = engineWith({ r }, { u"dba"_s });

    QList<SessionRow> sessions;
    SessionRow system = session(1, u"system user"_s, 90000);
    SessionRow daemon = session(2, u"event_scheduler"_s, 90000);
    daemon.command = u"Daemon"_s;
    SessionRow killed = session(3, u"app"_s, 90000);
    killed.command = u"Killed"_s;
    SessionRow own = session(4, u"tidesk_admin"_s, 90000);
    SessionRow dba = session(5, u"dba"_s, 90000);
    SessionRow batch = session(6, u"batch_nightly"_s, 90000);
    SessionRow repl = session(8, u"repl"_s, 90000);
    SessionRow victim = session(9, u"app"_s, 90000);
    sessions << system << daemon << killed << own << dba << batch << repl << victim;
    RuleSet set = engine.rules();
    set.replicationUsers << u"repl"_s;
    engine.setRules(set);

    const RuleEngine::EnvContext ctx = dev({ 4 });
    QCOMPARE(engine.exclusionReason(system, r, ctx, {}), u"system session"_s);
    QCOMPARE(engine.exclusionReason(daemon, r, ctx, {}), u"system session"_s);
    QCOMPARE(engine.exclusionReason(killed, r, ctx, {}), u"already being killed"_s);
    QCOMPARE(engine.exclusionReason(own, r, ctx, {}), u"TiDesk's own connection"_s);
    QCOMPARE(engine.exclusionReason(dba, r, ctx, {}), u"excluded user"_s);
    QCOMPARE(engine.exclusionReason(batch, r, ctx, {}), u"excluded user"_s);
    QCOMPARE(engine.exclusionReason(repl, r, ctx, {}), u"replication user"_s);
    QCOMPARE(engine.exclusionReason(victim, r, ctx, {}), QString());

    // Every one of them matches the rule's criteria, yet only the victim is decided, over
    // many polls.
    for (int i = 0; i < 5; ++i) {
        const QList<RuleDecision> d = engine.evaluate(ctx, sessions, kT0.addSecs(i));
        QCOMPARE(ids(d), i == 0 ? QList<quint64> { 9 } : QList<quint64> {});
    }
}

void TestRuleEngine::replicationUsersFromSnapshot()
{
    RuleEngine engine = engineWith({ busyRule(u"r"_s, 1000) });
    SessionRow dump = session(10, u"replicator"_s, 999999, QString());
    dump.command = u"Binlog Dump GTID"_s;
    // The same user on another connection running a normal statement: still excluded.
    SessionRow other = session(11, u"replicator"_s, 5000, u"SELECT @@gtid_binlog_pos"_s);
    SessionRow app = session(12, u"app"_s, 5000);
    QCOMPARE(RuleEngine::replicationUsersIn({ dump, other, app }),
             QSet<QString> { u"replicator"_s });
    QCOMPARE(ids(engine.evaluate(dev(), { dump, other, app }, kT0)), QList<quint64> { 12 });
}

void TestRuleEngine::scopeAndDisabled()
{
    KillRule byName = busyRule(u"by-name"_s, 1000);
    byName.scope = RuleScope { { u"uat01"_s }, {} };
    byName.compile();
    KillRule disabled = busyRule(u"disabled"_s, 1000);
    disabled.enabled = false;
    RuleEngine engine = engineWith({ byName, disabled });
    const SessionRow s = session(5, u"app"_s, 5000);
    QVERIFY(engine.evaluate(dev(), { s }, kT0).isEmpty());
    const QList<RuleDecision> d
        = engine.evaluate(RuleEngine::EnvContext { u"uat01"_s, Tier::Uat, {} }, { s }, kT0);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.first().ruleName, u"by-name"_s);
    QCOMPARE(d.first().envName, u"uat01"_s);
    QCOMPARE(d.first().tier, Tier::Uat);
}

void TestRuleEngine::victimsAll()
{
    RuleEngine engine = engineWith({ busyRule(u"r"_s, 2000) });
    const QList<RuleDecision> d = engine.evaluate(
        dev(), { session(1, u"a"_s, 3000), session(2, u"b"_s, 9000), session(3, u"c"_s, 1000) },
        kT0);
    // Oldest first; the one under the threshold is left alone.
    QCOMPARE(ids(d), (QList<quint64> { 2, 1 }));
    QCOMPARE(d.first().action, RuleAction::KillQuery);
    QCOMPARE(d.first().mode, RuleMode::Enforce);
    QCOMPARE(d.first().outcome, RuleDecision::Outcome::Act);
    QVERIFY(d.first().isEnforcedKill());
    QCOMPARE(d.first().killKind(), KillKind::Query);
    QCOMPARE(d.first().decidedAt, kT0);
    QVERIFY2(d.first().reason.contains(u"busy 9.0 s >= 2 s"_s), qPrintable(d.first().reason));
}

void TestRuleEngine::victimsOldestEnforce()
{
    KillRule r = busyRule(u"r"_s, 2000);
    r.victims = RuleVictims::Oldest;
    RuleEngine engine = engineWith({ r });
    const QList<SessionRow> all { session(1, u"a"_s, 3000), session(2, u"b"_s, 9000),
                                  session(3, u"c"_s, 9000) };
    // Tie on time: the lower id.
    QCOMPARE(ids(engine.evaluate(dev(), all, kT0)), QList<quint64> { 2 });
    // Session 2 was handed to the killer and still shows: no second victim yet.
    QVERIFY(engine.evaluate(dev(), all, kT0.addSecs(1)).isEmpty());
    // Session 2 is gone: the next oldest.
    QCOMPARE(ids(engine.evaluate(dev(), { all.at(0), all.at(2) }, kT0.addSecs(2))),
             QList<quint64> { 3 });
}

void TestRuleEngine::victimsOldestDryRun()
{
    KillRule r = busyRule(u"r"_s, 2000);
    r.victims = RuleVictims::Oldest;
    r.mode = RuleMode::DryRun;
    RuleEngine engine = engineWith({ r });
    const QList<SessionRow> all { session(1, u"a"_s, 3000), session(2, u"b"_s, 9000) };
    // In dry-run nothing disappears; the next poll shows what the next kill would have been.
    const QList<RuleDecision> first = engine.evaluate(dev(), all, kT0);
    QCOMPARE(ids(first), QList<quint64> { 2 });
    QCOMPARE(first.first().mode, RuleMode::DryRun);
    QVERIFY(!first.first().isEnforcedKill());
    QCOMPARE(ids(engine.evaluate(dev(), all, kT0.addSecs(1))), QList<quint64> { 1 });
    QVERIFY(engine.evaluate(dev(), all, kT0.addSecs(2)).isEmpty());
}

void TestRuleEngine::rateLimitSlidingMinute()
{
    KillRule r = busyRule(u"r"_s, 1000);
    r.maxKillsPerMinute = 2;
    RuleEngine engine = engineWith({ r });
    QList<SessionRow> sessions { session(1, u"a"_s, 5000), session(2, u"a"_s, 4000),
                                 session(3, u"a"_s, 3000) };
    // t=0: two kills, the third is held back and reported once.
    QList<RuleDecision> d = engine.evaluate(dev(), sessions, kT0);
    QCOMPARE(d.size(), 3);
    QCOMPARE(ids(d), (QList<quint64> { 1, 2, 3 }));
    QCOMPARE(d.at(0).outcome, RuleDecision::Outcome::Act);
    QCOMPARE(d.at(1).outcome, RuleDecision::Outcome::Act);
    QCOMPARE(d.at(2).outcome, RuleDecision::Outcome::RateLimited);
    // t=30 s: still within the minute: nothing new, the held-back one is not reported again.
    QVERIFY(engine.evaluate(dev(), sessions, kT0.addSecs(30)).isEmpty());
    // t=59.999 s: still full.
    QVERIFY(engine.evaluate(dev(), sessions, kT0.addMSecs(59999)).isEmpty());
    // t=60 s: the window slid past both kills: session 3 is killed now.
    d = engine.evaluate(dev(), sessions, kT0.addSecs(60));
    QCOMPARE(ids(d), QList<quint64> { 3 });
    QCOMPARE(d.first().outcome, RuleDecision::Outcome::Act);
    // A new session at t=61 s: one kill in the window (t=60) -> allowed (2 per minute).
    sessions << session(4, u"a"_s, 2000);
    QCOMPARE(ids(engine.evaluate(dev(), sessions, kT0.addSecs(61))), QList<quint64> { 4 });
    sessions << session(5, u"a"_s, 2000);
    d = engine.evaluate(dev(), sessions, kT0.addSecs(62));
    QCOMPARE(ids(d), QList<quint64> { 5 });
    QCOMPARE(d.first().outcome, RuleDecision::Outcome::RateLimited);
}

void TestRuleEngine::rateLimitPerEnvironment()
{
    KillRule r = busyRule(u"r"_s, 1000);
    r.maxKillsPerMinute = 1;
    KillRule other = busyRule(u"other"_s, 1000);
    other.maxKillsPerMinute = 1;
    RuleEngine engine = engineWith({ r, other });
    const QList<SessionRow> s { session(1, u"a"_s, 5000), session(2, u"a"_s, 4000) };
    // Per rule: each rule has its own budget; per environment: uat01 has its own too.
    const QList<RuleDecision> d = engine.evaluate(dev(), s, kT0);
    int acted = 0;
    for (const RuleDecision &x : d)
        acted += x.outcome == RuleDecision::Outcome::Act ? 1 : 0;
    QCOMPARE(acted, 2); // one per rule
    const QList<RuleDecision> u
        = engine.evaluate(RuleEngine::EnvContext { u"uat01"_s, Tier::Uat, {} }, s, kT0);
    acted = 0;
    for (const RuleDecision &x : u)
        acted += x.outcome == RuleDecision::Outcome::Act ? 1 : 0;
    QCOMPARE(acted, 2);
}

void TestRuleEngine::notifyIsNotRateLimited()
{
    KillRule r = busyRule(u"r"_s, 1000);
    r.action = RuleAction::Notify;
    r.maxKillsPerMinute = 1;
    RuleEngine engine = engineWith({ r });
    const QList<RuleDecision> d = engine.evaluate(
        dev(), { session(1, u"a"_s, 5000), session(2, u"a"_s, 4000), session(3, u"a"_s, 3000) },
        kT0);
    QCOMPARE(d.size(), 3);
    for (const RuleDecision &x : d) {
        QCOMPARE(x.outcome, RuleDecision::Outcome::Act);
        QVERIFY(!x.isKill());
        QVERIFY(!x.isEnforcedKill());
    }
}

void TestRuleEngine::productionDryRunByDefault()
{
    KillRule r = busyRule(u"r"_s, 1000); // mode enforce, every tier
    RuleEngine engine = engineWith({ r });
    const SessionRow s = session(1, u"app"_s, 5000);
    const RuleEngine::EnvContext prod { u"prod"_s, Tier::Prod, {} };
    QList<RuleDecision> d = engine.evaluate(prod, { s }, kT0);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.first().mode, RuleMode::DryRun);
    QVERIFY(!d.first().isEnforcedKill());
    QCOMPARE(engine.evaluate(dev(), { s }, kT0).first().mode, RuleMode::Enforce);
    // Only an explicit per-environment enforce makes production enforce.
    r.envModes.insert(u"prod"_s, RuleMode::Enforce);
    RuleEngine explicitEngine = engineWith({ r });
    d = explicitEngine.evaluate(prod, { s }, kT0);
    QCOMPARE(d.first().mode, RuleMode::Enforce);
    QVERIFY(d.first().isEnforcedKill());
    const RuleEngine::EnvContext prod2 { u"prod-eu"_s, Tier::Prod, {} };
    QCOMPARE(explicitEngine.evaluate(prod2, { s }, kT0).first().mode, RuleMode::DryRun);
}

void TestRuleEngine::forceDryRun()
{
    KillRule r = busyRule(u"r"_s, 1000);
    r.envModes.insert(u"prod"_s, RuleMode::Enforce);
    RuleEngine engine = engineWith({ r });
    engine.setForceDryRun(true);
    const SessionRow s = session(1, u"app"_s, 5000);
    QCOMPARE(engine.evaluate(dev(), { s }, kT0).first().mode, RuleMode::DryRun);
    QCOMPARE(engine.evaluate(RuleEngine::EnvContext { u"prod"_s, Tier::Prod, {} }, { s }, kT0)
                 .first()
                 .mode,
             RuleMode::DryRun);
}

void TestRuleEngine::noRepeatOnSameSession()
{
    RuleEngine engine = engineWith({ busyRule(u"r"_s, 2000) });
    // The same statement seen on 10 polls, one second apart, getting older.
    int decisions = 0;
    for (int i = 0; i < 10; ++i) {
        const QDateTime at = kT0.addSecs(i);
        decisions += int(
            engine
                .evaluate(dev(),
                          { session(1, u"app"_s, 3000 + i * 1000, u"SELECT SLEEP(30)"_s, at) }, at)
                .size());
    }
    QCOMPARE(decisions, 1);
    // Without a QUERY_ID (TiDB/MySQL), the start time identifies the statement.
    RuleEngine tidb = engineWith({ busyRule(u"r"_s, 2000) });
    decisions = 0;
    for (int i = 0; i < 10; ++i) {
        const QDateTime at = kT0.addSecs(i);
        SessionRow s = session(1, u"app"_s, 3000 + i * 1000, u"SELECT SLEEP(30)"_s, at);
        s.queryId.reset();
        s.instance = u"10.0.1.4:10080"_s;
        decisions += int(tidb.evaluate(dev(), { s }, at).size());
    }
    QCOMPARE(decisions, 1);
}

void TestRuleEngine::newStatementSameConnectionIsNew()
{
    RuleEngine engine = engineWith({ busyRule(u"r"_s, 2000) });
    SessionRow first = session(1, u"app"_s, 3000);
    QCOMPARE(engine.evaluate(dev(), { first }, kT0).size(), 1);
    // Same connection id, next statement (new QUERY_ID): a new decision.
    SessionRow second = session(1, u"app"_s, 3000, u"SELECT SLEEP(31)"_s, kT0.addSecs(10));
    second.queryId = 999;
    QCOMPARE(engine.evaluate(dev(), { second }, kT0.addSecs(10)).size(), 1);
    // The same text again but a reused id after the session went away: also new.
    QVERIFY(engine.evaluate(dev(), {}, kT0.addSecs(11)).isEmpty());
    SessionRow third = second;
    third.observedAt = kT0.addSecs(20);
    QCOMPARE(engine.evaluate(dev(), { third }, kT0.addSecs(20)).size(), 1);
}

void TestRuleEngine::setRulesKeepsMemory()
{
    RuleEngine engine = engineWith({ busyRule(u"r"_s, 2000) });
    const SessionRow s = session(1, u"app"_s, 3000);
    QCOMPARE(engine.evaluate(dev(), { s }, kT0).size(), 1);
    RuleSet set = engine.rules();
    set.rules << busyRule(u"second"_s, 2000);
    engine.setRules(set);
    // "r" remembers session 1; "second" is new and decides once.
    const QList<RuleDecision> d = engine.evaluate(dev(), { s }, kT0.addSecs(1));
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.first().ruleName, u"second"_s);
}

void TestRuleEngine::memoryRuleWithoutMemory()
{
    KillRule r;
    r.name = u"mem"_s;
    r.scope.tiers << Tier::Dev;
    r.match.memBytesAtLeast = 1;
    r.action = RuleAction::KillQuery;
    RuleEngine engine = engineWith({ r });
    QCOMPARE(engine.rulesNeedingMemory(u"dev"_s, Tier::Dev), QStringList { u"mem"_s });
    QVERIFY(engine.rulesNeedingMemory(u"prod"_s, Tier::Prod).isEmpty());
    SessionRow mysql = session(1, u"app"_s, 3000); // memBytes unset, as on MySQL
    QVERIFY(engine.evaluate(dev(), { mysql }, kT0).isEmpty());
    SessionRow maria = session(2, u"app"_s, 3000);
    maria.memBytes = 10;
    QCOMPARE(ids(engine.evaluate(dev(), { mysql, maria }, kT0)), QList<quint64> { 2 });
}

void TestRuleEngine::deterministic()
{
    KillRule a = busyRule(u"a"_s, 1000);
    a.victims = RuleVictims::Oldest;
    KillRule b = busyRule(u"b"_s, 1000);
    b.maxKillsPerMinute = 1;
    QList<SessionRow> sessions;
    for (quint64 i = 1; i <= 20; ++i)
        sessions << session(i, u"app"_s, qint64(1000 + (i * 7919) % 5000));
    auto run = [&] {
        RuleEngine engine = engineWith({ a, b });
        QStringList trace;
        for (int t = 0; t < 5; ++t)
            for (const RuleDecision &d : engine.evaluate(dev(), sessions, kT0.addSecs(t)))
                trace << u"%1:%2:%3:%4"_s.arg(t)
                             .arg(d.ruleName)
                             .arg(d.session.id)
                             .arg(int(d.outcome));
        return trace;
    };
    const QStringList first = run();
    QVERIFY(!first.isEmpty());
    QCOMPARE(run(), first);
}

QTEST_GUILESS_MAIN(TestRuleEngine)
#include "tst_ruleengine.moc"

// tst_rulepushdown: the TiDB runaway-query statements (docs/tidb-reference.md §4.2) built by
// the dialect - QUERY_LIMIT from v7.2.0, QUERY WATCH from v7.3.0, Unsupported before and on
// MySQL/MariaDB - compared with the reference's own examples, and RulePushDown's translation of
// a rule (busy time -> EXEC_ELAPSED, digest -> SQL DIGEST watch, dry-run -> ACTION=DRYRUN) with
// the caveats that say how the server-side version differs from the rule.
#include "rules/RulePushDown.h"
#include "sql/Dialect.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

const QString kDigest = u"8115d57f1b51ca014b1caa21eaf34257709f625362d145288a50708dfa95d993"_s;

std::shared_ptr<const Dialect> tidb(const QString &version)
{
    return makeDialect(EngineInfo::parse(u"8.0.11-TiDB-v"_s + version));
}

} // namespace

class TestRulePushDown : public QObject
{
    Q_OBJECT
private slots:
    void queryLimitMatchesReference();
    void queryWatchMatchesReference();
    void versionsAndEngines();
    void invalidInput();
    void ruleToProposals();
    void dryRunRuleIsDryRunAction();
    void ruleWithoutBusyOrDigest();
};

void TestRulePushDown::queryLimitMatchesReference()
{
    const auto d = tidb(u"7.5.1"_s);
    QCOMPARE(d->engine(), Engine::TiDB);
    // Reference: ALTER RESOURCE GROUP rg1 QUERY_LIMIT=(EXEC_ELAPSED='60s', ACTION=KILL,
    //            WATCH=SIMILAR DURATION='10m');
    RunawayQueryLimit l;
    l.resourceGroup = u"rg1"_s;
    l.execElapsed = std::chrono::seconds(60);
    l.action = RunawayAction::Kill;
    l.watch = RunawayWatch::Similar;
    l.watchDuration = std::chrono::minutes(10);
    QCOMPARE(d->runawayQueryLimitStatement(l).value(),
             u"ALTER RESOURCE GROUP rg1 QUERY_LIMIT=(EXEC_ELAPSED='60s', ACTION=KILL, "
             "WATCH=SIMILAR DURATION='10m')"_s);
    // Without WATCH, in seconds and milliseconds, other actions.
    RunawayQueryLimit s;
    s.execElapsed = std::chrono::milliseconds(2000);
    s.action = RunawayAction::DryRun;
    QCOMPARE(d->runawayQueryLimitStatement(s).value(),
             u"ALTER RESOURCE GROUP default QUERY_LIMIT=(EXEC_ELAPSED='2s', ACTION=DRYRUN)"_s);
    s.execElapsed = std::chrono::milliseconds(1500);
    s.action = RunawayAction::Cooldown;
    s.watch = RunawayWatch::Plan;
    QCOMPARE(d->runawayQueryLimitStatement(s).value(),
             u"ALTER RESOURCE GROUP default QUERY_LIMIT=(EXEC_ELAPSED='1500ms', "
             "ACTION=COOLDOWN, WATCH=PLAN)"_s);
}

void TestRulePushDown::queryWatchMatchesReference()
{
    const auto d = tidb(u"7.5.1"_s);
    // Reference: QUERY WATCH ADD ACTION KILL SQL TEXT EXACT TO 'select * from test.t2';
    QueryWatchRequest text;
    text.action = RunawayAction::Kill;
    text.target = QueryWatchRequest::Target::SqlText;
    text.value = u"select * from test.t2"_s;
    QCOMPARE(d->queryWatchAddStatement(text).value(),
             u"QUERY WATCH ADD ACTION KILL SQL TEXT EXACT TO 'select * from test.t2'"_s);
    // Reference: QUERY WATCH ADD RESOURCE GROUP rg1 ACTION KILL PLAN DIGEST 'd08bc323...';
    QueryWatchRequest plan;
    plan.resourceGroup = u"rg1"_s;
    plan.action = RunawayAction::Kill;
    plan.target = QueryWatchRequest::Target::PlanDigest;
    plan.value = kDigest.toUpper();
    QCOMPARE(d->queryWatchAddStatement(plan).value(),
             u"QUERY WATCH ADD RESOURCE GROUP rg1 ACTION KILL PLAN DIGEST '"_s + kDigest + u"'"_s);
    QueryWatchRequest digest;
    digest.target = QueryWatchRequest::Target::SqlDigest;
    digest.value = kDigest;
    QCOMPARE(d->queryWatchAddStatement(digest).value(),
             u"QUERY WATCH ADD SQL DIGEST '"_s + kDigest + u"'"_s);
    // Text is quoted: a quote in the statement cannot end the literal.
    text.value = u"select 'a'"_s;
    text.textMatch = RunawayWatch::Similar;
    text.action = RunawayAction::Cooldown;
    QCOMPARE(d->queryWatchAddStatement(text).value(),
             u"QUERY WATCH ADD ACTION COOLDOWN SQL TEXT SIMILAR TO 'select ''a'''"_s);
}

void TestRulePushDown::versionsAndEngines()
{
    RunawayQueryLimit l;
    l.execElapsed = std::chrono::seconds(5);
    QueryWatchRequest w;
    w.value = kDigest;
    QCOMPARE(tidb(u"7.1.3"_s)->runawayQueryLimitStatement(l).error().kind, ErrorKind::Unsupported);
    QVERIFY(tidb(u"7.2.0"_s)->runawayQueryLimitStatement(l).ok());
    QCOMPARE(tidb(u"7.2.0"_s)->queryWatchAddStatement(w).error().kind, ErrorKind::Unsupported);
    QVERIFY(tidb(u"7.3.0"_s)->queryWatchAddStatement(w).ok());
    QVERIFY(tidb(u"8.5.0"_s)->queryWatchAddStatement(w).ok());
    for (const QString &v : { u"10.11.6-MariaDB"_s, u"8.0.36"_s }) {
        const auto d = makeDialect(EngineInfo::parse(v));
        QVERIFY(d->engine() != Engine::TiDB);
        QCOMPARE(d->runawayQueryLimitStatement(l).error().kind, ErrorKind::Unsupported);
        QCOMPARE(d->queryWatchAddStatement(w).error().kind, ErrorKind::Unsupported);
    }
}

void TestRulePushDown::invalidInput()
{
    const auto d = tidb(u"7.5.1"_s);
    RunawayQueryLimit l;
    l.execElapsed = std::chrono::milliseconds(0);
    QCOMPARE(d->runawayQueryLimitStatement(l).error().kind, ErrorKind::InvalidInput);
    l.execElapsed = std::chrono::seconds(1);
    l.resourceGroup = u"rg1; DROP TABLE x"_s;
    QCOMPARE(d->runawayQueryLimitStatement(l).error().kind, ErrorKind::InvalidInput);
    QueryWatchRequest w;
    w.value = u"not-a-digest"_s;
    QCOMPARE(d->queryWatchAddStatement(w).error().kind, ErrorKind::InvalidInput);
    w.target = QueryWatchRequest::Target::SqlText;
    w.value = u"  "_s;
    QCOMPARE(d->queryWatchAddStatement(w).error().kind, ErrorKind::InvalidInput);
}

void TestRulePushDown::ruleToProposals()
{
    KillRule r;
    r.name = u"slow-report"_s;
    r.scope.tiers << Tier::Prod;
    r.match.busyTimeMs = 30000;
    r.match.digests << kDigest;
    r.match.users << u"app"_s;
    r.action = RuleAction::KillConnection;
    r.compile();
    PushDownOptions o;
    o.resourceGroup = u"rg_app"_s;
    const Result<QList<PushDownProposal>> p
        = RulePushDown::proposals(r, RuleMode::Enforce, *tidb(u"7.5.1"_s), o);
    QVERIFY2(p.ok(), qPrintable(p.error().message));
    QCOMPARE(p->size(), 2);
    QCOMPARE(p->at(0).statement,
             u"ALTER RESOURCE GROUP rg_app QUERY_LIMIT=(EXEC_ELAPSED='30s', ACTION=KILL)"_s);
    QCOMPARE(p->at(1).statement,
             u"QUERY WATCH ADD RESOURCE GROUP rg_app ACTION KILL SQL DIGEST '"_s + kDigest
                 + u"'"_s);
    const QString caveats0 = p->at(0).caveats.join(u'\n');
    QVERIFY2(caveats0.contains(u"does not filter by user"_s), qPrintable(caveats0));
    QVERIFY(caveats0.contains(u"not the connection"_s));
    QVERIFY(caveats0.contains(u"digest filter is not part of QUERY_LIMIT"_s));
    const QString caveats1 = p->at(1).caveats.join(u'\n');
    QVERIFY2(caveats1.contains(u"busy-time threshold does not apply"_s), qPrintable(caveats1));
    QVERIFY(!p->at(0).summary.isEmpty());

    // On 7.2 only the QUERY_LIMIT exists.
    const auto p72 = RulePushDown::proposals(r, RuleMode::Enforce, *tidb(u"7.2.0"_s), o);
    QVERIFY(p72.ok());
    QCOMPARE(p72->size(), 1);
    QVERIFY(p72->first().statement.startsWith(u"ALTER RESOURCE GROUP"_s));
    // On MariaDB: nothing, with the dialect's reason.
    const auto maria = RulePushDown::proposals(
        r, RuleMode::Enforce, *makeDialect(EngineInfo::parse(u"10.11.6-MariaDB"_s)), o);
    QVERIFY(!maria.ok());
    QCOMPARE(maria.error().kind, ErrorKind::Unsupported);
}

void TestRulePushDown::dryRunRuleIsDryRunAction()
{
    KillRule r;
    r.name = u"r"_s;
    r.scope.tiers << Tier::Prod;
    r.match.busyTimeMs = 2000;
    r.action = RuleAction::KillQuery;
    // Production without an explicit enforce: dry-run, so the server only records.
    const RuleMode mode = r.effectiveMode(u"prod"_s, Tier::Prod);
    QCOMPARE(mode, RuleMode::DryRun);
    const auto p = RulePushDown::proposals(r, mode, *tidb(u"8.1.0"_s));
    QVERIFY(p.ok());
    QCOMPARE(p->first().statement,
             u"ALTER RESOURCE GROUP default QUERY_LIMIT=(EXEC_ELAPSED='2s', ACTION=DRYRUN)"_s);
    r.action = RuleAction::Notify;
    QVERIFY(RulePushDown::proposals(r, RuleMode::Enforce, *tidb(u"8.1.0"_s))
                ->first()
                .statement.endsWith(u"ACTION=DRYRUN)"_s));
}

void TestRulePushDown::ruleWithoutBusyOrDigest()
{
    KillRule r;
    r.name = u"regex-only"_s;
    r.scope.tiers << Tier::Dev;
    r.match.sqlRegex = u"^SELECT"_s;
    r.compile();
    const auto p = RulePushDown::proposals(r, RuleMode::Enforce, *tidb(u"8.1.0"_s));
    QVERIFY(!p.ok());
    QCOMPARE(p.error().kind, ErrorKind::Unsupported);
    QVERIFY(p.error().message.contains(u"regex-only"_s));
}

QTEST_GUILESS_MAIN(TestRulePushDown)
#include "tst_rulepushdown.moc"

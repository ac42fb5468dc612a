// tst_ruleset: the rules file (tests/data/rules): a valid file parses into exactly the rules it
// says, survives save/load, and every malformed input (malformed-cases.json, one case per
// problem) is an InvalidInput error that names the file, the rule and the field. Also the
// production policy of KillRule::effectiveMode() and the wildcard/host helpers.
#include "common/AppPaths.h"
#include "rules/RuleSet.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestRuleSet : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void validFile();
    void roundTrip();
    void malformed_data();
    void malformed();
    void syntaxErrorNamesLineAndColumn();
    void missingFileIsNotFound();
    void saveRefusesInvalidSet();
    void productionPolicy();
    void newRuleDefaults();
    void wildcards_data();
    void wildcards();
    void hostWithoutPort_data();
    void hostWithoutPort();

private:
    static QByteArray readData(const QString &name);
};

QByteArray TestRuleSet::readData(const QString &name)
{
    QFile f(QStringLiteral(TIDESK_TEST_DATA_DIR "/rules/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(f.fileName()));
    return f.readAll();
}

void TestRuleSet::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRuleSet::validFile()
{
    const Result<RuleSet> set = RuleSet::fromJson(readData(u"valid.json"_s));
    QVERIFY2(set.ok(), qPrintable(set.error().message));
    QCOMPARE(set->excludeUsers, (QStringList { u"dba_*"_s, u"tidesk_admin"_s }));
    QCOMPARE(set->replicationUsers, QStringList { u"repl"_s });
    QCOMPARE(set->rules.size(), 2);

    const KillRule &r = set->rules.at(0);
    QCOMPARE(r.name, u"long-app-selects"_s);
    QVERIFY(r.enabled);
    QCOMPARE(r.scope.environments, QStringList { u"uat01"_s });
    QCOMPARE(r.scope.tiers, (QList<Tier> { Tier::Prod, Tier::Test }));
    QCOMPARE(r.match.busyTimeMs, std::optional<qint64>(2500));
    QCOMPARE(r.match.users, QStringList { u"app"_s });
    QCOMPARE(r.match.hosts, (QStringList { u"10.0.*"_s, u"127.0.0.1"_s }));
    QCOMPARE(r.match.dbs, QStringList { u"shop"_s });
    QCOMPARE(r.match.commands, (QStringList { u"Query"_s, u"Execute"_s }));
    QCOMPARE(r.match.sqlRegex, u"(?i)^\\s*select"_s);
    QVERIFY(!r.match.memBytesAtLeast);
    QCOMPARE(r.excludeUsers, QStringList { u"reporting"_s });
    QCOMPARE(r.action, RuleAction::KillQuery);
    QCOMPARE(r.mode, RuleMode::Enforce);
    QCOMPARE(r.envModes.size(), 2);
    QCOMPARE(r.envModes.value(u"prod"_s), RuleMode::Enforce);
    QCOMPARE(r.envModes.value(u"uat01"_s), RuleMode::DryRun);
    QCOMPARE(r.victims, RuleVictims::Oldest);
    QCOMPARE(r.maxKillsPerMinute, 5);
    QCOMPARE(r.validate(), QString());

    const KillRule &m = set->rules.at(1);
    QVERIFY(!m.enabled);
    QCOMPARE(m.scope.tiers, QList<Tier> { Tier::Dev });
    QCOMPARE(m.match.memBytesAtLeast, std::optional<qint64>(1073741824));
    QCOMPARE(m.match.digests.size(), 1);
    QCOMPARE(m.action, RuleAction::Notify);
    QCOMPARE(m.mode, RuleMode::DryRun); // not given: dry-run
    QCOMPARE(m.victims, RuleVictims::All);
    QCOMPARE(m.maxKillsPerMinute, KillRule::kDefaultMaxKillsPerMinute);
}

void TestRuleSet::roundTrip()
{
    const Result<RuleSet> set = RuleSet::fromJson(readData(u"valid.json"_s));
    QVERIFY(set.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/rules.json"_s);
    QVERIFY2(set->save(path).ok(), qPrintable(set->save(path).error().message));
    const Result<RuleSet> again = RuleSet::load(path);
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QVERIFY(*again == *set);
    // The compiled regex came back too: it matches like the original.
    SessionRow s;
    s.user = u"app"_s;
    s.host = u"10.0.3.4:5555"_s;
    s.db = u"shop"_s;
    s.command = u"Query"_s;
    s.timeMs = 3000;
    s.info = u"  SELECT 1"_s;
    QVERIFY(again->rules.at(0).matches(s));
    s.info = u"UPDATE t SET a = 1"_s;
    QVERIFY(!again->rules.at(0).matches(s));
}

void TestRuleSet::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QJsonObject cases = QJsonDocument::fromJson(readData(u"malformed-cases.json"_s)).object();
    const QJsonArray list = cases.value(u"cases"_s).toArray();
    QVERIFY(list.size() >= 30);
    for (const QJsonValue &v : list) {
        const QJsonObject c = v.toObject();
        const QJsonValue d = c.value(u"document"_s);
        const QByteArray json = d.isArray() ? QJsonDocument(d.toArray()).toJson()
                                            : QJsonDocument(d.toObject()).toJson();
        QTest::newRow(qPrintable(c.value(u"case"_s).toString()))
            << json << c.value(u"error"_s).toString();
    }
}

void TestRuleSet::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Result<RuleSet> set = RuleSet::fromJson(json, u"my-rules.json"_s);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(set.error().message.startsWith(u"my-rules.json: "_s), qPrintable(set.error().message));
    QVERIFY2(set.error().message.contains(expected),
             qPrintable(set.error().message + u" does not contain "_s + expected));
}

void TestRuleSet::syntaxErrorNamesLineAndColumn()
{
    const Result<RuleSet> set = RuleSet::fromJson(readData(u"syntax-error.json"_s), u"x.json"_s);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(set.error().message.startsWith(u"x.json: line 4, column "_s),
             qPrintable(set.error().message));
}

void TestRuleSet::missingFileIsNotFound()
{
    QTemporaryDir dir;
    const Result<RuleSet> set = RuleSet::load(dir.filePath(u"none.json"_s));
    QVERIFY(!set.ok());
    QCOMPARE(set.error().kind, ErrorKind::NotFound);
    QVERIFY(RuleSet::defaultPath().endsWith(u"/rules.json"_s));
    QVERIFY(RuleSet::defaultPath().startsWith(AppPaths::dataDir()));
}

void TestRuleSet::saveRefusesInvalidSet()
{
    RuleSet set;
    KillRule r;
    r.name = u"no-criteria"_s;
    r.scope.tiers << Tier::Dev;
    set.rules << r;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"rules.json"_s);
    const VoidResult saved = set.save(path);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().message.contains(u"rule \"no-criteria\": match:"_s),
             qPrintable(saved.error().message));
    QVERIFY(!QFile::exists(path));
}

void TestRuleSet::productionPolicy()
{
    KillRule r;
    r.name = u"r"_s;
    r.scope.tiers << Tier::Prod << Tier::Dev;
    r.match.busyTimeMs = 1000;
    r.action = RuleAction::KillQuery;
    r.mode = RuleMode::Enforce;
    // Enforce everywhere except production, which stays dry-run without an explicit override.
    QCOMPARE(r.effectiveMode(u"dev1"_s, Tier::Dev), RuleMode::Enforce);
    QCOMPARE(r.effectiveMode(u"prod1"_s, Tier::Prod), RuleMode::DryRun);
    r.envModes.insert(u"prod1"_s, RuleMode::Enforce);
    QCOMPARE(r.effectiveMode(u"prod1"_s, Tier::Prod), RuleMode::Enforce);
    QCOMPARE(r.effectiveMode(u"prod2"_s, Tier::Prod), RuleMode::DryRun);
    // An explicit override can also make a non-production environment dry-run.
    r.envModes.insert(u"dev1"_s, RuleMode::DryRun);
    QCOMPARE(r.effectiveMode(u"dev1"_s, Tier::Dev), RuleMode::DryRun);

    // Loaded from a file: mode enforce without an env_modes entry is dry-run on prod.
    const Result<RuleSet> set = RuleSet::fromJson(readData(u"valid.json"_s));
    QVERIFY(set.ok());
    const KillRule &loaded = set->rules.at(0);
    QCOMPARE(loaded.effectiveMode(u"prod"_s, Tier::Prod), RuleMode::Enforce); // explicit
    QCOMPARE(loaded.effectiveMode(u"prod-eu"_s, Tier::Prod), RuleMode::DryRun); // not named
    QCOMPARE(loaded.effectiveMode(u"test01"_s, Tier::Test), RuleMode::Enforce);
    QCOMPARE(loaded.effectiveMode(u"uat01"_s, Tier::Uat), RuleMode::DryRun);
}

void TestRuleSet::newRuleDefaults()
{
    const KillRule r;
    QVERIFY(r.enabled);
    QCOMPARE(r.mode, RuleMode::DryRun);
    QCOMPARE(r.action, RuleAction::Notify);
    QCOMPARE(r.victims, RuleVictims::All);
    QVERIFY(r.envModes.isEmpty());
    QVERIFY(!r.validate().isEmpty()); // no name, scope or criteria yet
}

void TestRuleSet::wildcards_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("match");
    QTest::newRow("exact") << u"app"_s << u"app"_s << true << true;
    QTest::newRow("exact differs") << u"app"_s << u"app2"_s << true << false;
    QTest::newRow("prefix star") << u"dba_*"_s << u"dba_jane"_s << true << true;
    QTest::newRow("star matches empty") << u"dba_*"_s << u"dba_"_s << true << true;
    QTest::newRow("star in the middle") << u"10.*.9"_s << u"10.0.0.9"_s << true << true;
    QTest::newRow("question mark") << u"app?"_s << u"app1"_s << true << true;
    QTest::newRow("question needs one") << u"app?"_s << u"app"_s << true << false;
    QTest::newRow("case sensitive") << u"App"_s << u"app"_s << true << false;
    QTest::newRow("case insensitive") << u"App"_s << u"app"_s << false << true;
    QTest::newRow("backtracking") << u"*a*b"_s << u"xaxxbxb"_s << true << true;
    QTest::newRow("no match after star") << u"*a*b"_s << u"xaxxbxc"_s << true << false;
    QTest::newRow("only star") << u"*"_s << QString() << true << true;
}

void TestRuleSet::wildcards()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, match);
    QCOMPARE(KillRule::wildcardMatch(pattern, text,
                                     caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive),
             match);
}

void TestRuleSet::hostWithoutPort_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ipv4:port") << u"10.0.0.9:51234"_s << u"10.0.0.9"_s;
    QTest::newRow("name") << u"localhost"_s << u"localhost"_s;
    QTest::newRow("bracketed v6") << u"[::1]:5000"_s << u"::1"_s;
    QTest::newRow("bare v6") << u"fe80::1"_s << u"fe80::1"_s;
}

void TestRuleSet::hostWithoutPort()
{
    QFETCH(QString, host);
    QFETCH(QString, expected);
    QCOMPARE(KillRule::hostWithoutPort(host), expected);
}

QTEST_GUILESS_MAIN(TestRuleSet)
#include "tst_ruleset.moc"

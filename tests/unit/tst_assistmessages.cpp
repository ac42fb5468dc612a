// tst_assistmessages: the expert session's message layer without a network (issue 7):
//  - StatementClass: what may be auto-approved (one read-only statement) and what never is
//    (writes, several statements, INTO, locking reads, EXPLAIN ANALYZE, executable comments,
//    an unterminated string), with quotes and comments that only look like statements;
//  - AssistMessage::decode refuses what a side must not accept (wrong direction, unknown type,
//    not JSON, too big, chat without text, proposals without an id);
//  - AssistProposal JSON round trips, and refuses malformed fields;
//  - AssistResult splits 20,000 rows into messages under the frame limit and puts them back
//    together exactly (including non-ASCII text and quotes).
#include "assist/AssistMessage.h"
#include "assist/AssistProposal.h"
#include "assist/AssistResult.h"
#include "assist/AssistView.h"
#include "assist/StatementClass.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestAssistMessages : public QObject
{
    Q_OBJECT

private slots:
    void statementClass_data();
    void statementClass();
    void decodeRefuses();
    void proposalRoundTrip();
    void proposalRefuses();
    void resultSplitsAndJoins();
    void viewRoundTrip();
};

void TestAssistMessages::statementClass_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("explainable");
    using K = StatementClass::Kind;
    QTest::newRow("select") << u"SELECT * FROM t WHERE id = 1"_s << int(K::ReadOnly) << true;
    QTest::newRow("lower, comments")
        << u"/* why */ select 1 -- trailing\n"_s << int(K::ReadOnly) << true;
    QTest::newRow("trailing semicolon") << u"SELECT 1;  -- done"_s << int(K::ReadOnly) << true;
    QTest::newRow("show") << u"SHOW FULL PROCESSLIST"_s << int(K::ReadOnly) << false;
    QTest::newRow("show character set") << u"SHOW CHARACTER SET"_s << int(K::ReadOnly) << false;
    QTest::newRow("explain update") << u"EXPLAIN UPDATE t SET a = 1"_s << int(K::ReadOnly) << false;
    QTest::newRow("with select") << u"WITH x AS (SELECT 1) SELECT * FROM x"_s << int(K::ReadOnly)
                                 << true;
    QTest::newRow("keyword in string")
        << u"SELECT 'DELETE FROM t; UPDATE' AS s"_s << int(K::ReadOnly) << true;
    QTest::newRow("semicolon in name") << u"SELECT `a;b` FROM t"_s << int(K::ReadOnly) << true;
    QTest::newRow("order by desc")
        << u"SELECT a FROM t ORDER BY a DESC"_s << int(K::ReadOnly) << true;
    QTest::newRow("update") << u"UPDATE t SET a = 1"_s << int(K::Writes) << true;
    QTest::newRow("delete") << u"delete from t"_s << int(K::Writes) << true;
    QTest::newRow("ddl") << u"DROP TABLE t"_s << int(K::Writes) << false;
    QTest::newRow("set") << u"SET GLOBAL max_connections = 1"_s << int(K::Writes) << false;
    QTest::newRow("two statements") << u"SELECT 1; DROP TABLE t"_s << int(K::Multiple) << false;
    QTest::newRow("into outfile") << u"SELECT * FROM t INTO OUTFILE '/tmp/x'"_s << int(K::Writes)
                                  << true;
    QTest::newRow("for update") << u"SELECT * FROM t FOR UPDATE"_s << int(K::Writes) << true;
    QTest::newRow("lock in share mode")
        << u"SELECT * FROM t LOCK IN SHARE MODE"_s << int(K::Writes) << true;
    QTest::newRow("explain analyze")
        << u"EXPLAIN ANALYZE SELECT * FROM t"_s << int(K::Writes) << false;
    QTest::newRow("executable comment")
        << u"SELECT 1 /*!50000 , SLEEP(100) */"_s << int(K::Writes) << true;
    QTest::newRow("sleep") << u"SELECT SLEEP(100)"_s << int(K::Writes) << true;
    QTest::newRow("cte delete") << u"WITH x AS (SELECT 1) DELETE FROM t"_s << int(K::Writes)
                                << true;
    QTest::newRow("unterminated") << u"SELECT 'abc"_s << int(K::Writes) << true;
    QTest::newRow("empty") << u"  -- nothing\n /* */ "_s << int(K::Empty) << false;
}

void TestAssistMessages::statementClass()
{
    QFETCH(QString, sql);
    QFETCH(int, kind);
    QFETCH(bool, explainable);
    const StatementClass c = StatementClass::of(sql);
    QCOMPARE(int(c.kind()), kind);
    QCOMPARE(c.isExplainable(), explainable);
    QCOMPARE(c.reason().isEmpty(), c.isReadOnly() || c.kind() == StatementClass::Kind::Empty);
}

void TestAssistMessages::decodeRefuses()
{
    const QByteArray chat
        = AssistMessage::encode({ { u"t"_s, u"chat"_s }, { u"text"_s, u"hi"_s } });
    QVERIFY(AssistMessage::decode(chat, true).ok());
    QVERIFY(AssistMessage::decode(chat, false).ok());
    // Direction: only the host sends welcome/view/result; only the expert proposes.
    const QByteArray welcome = AssistMessage::encode({ { u"t"_s, u"welcome"_s } });
    QVERIFY(!AssistMessage::decode(welcome, true).ok());
    QVERIFY(AssistMessage::decode(welcome, false).ok());
    AssistProposal p;
    p.id = 1;
    p.environment = u"dev"_s;
    p.sql = u"SELECT 1"_s;
    QVERIFY(!AssistMessage::decode(AssistMessage::encode(p.toJson()), false).ok());
    QVERIFY(AssistMessage::decode(AssistMessage::encode(p.toJson()), true).ok());
    QVERIFY(!AssistMessage::decode("not json", true).ok());
    QVERIFY(!AssistMessage::decode("[1,2]", true).ok());
    QVERIFY(!AssistMessage::decode(AssistMessage::encode({ { u"t"_s, u"exec"_s } }), true).ok());
    QVERIFY(!AssistMessage::decode(AssistMessage::encode({ { u"t"_s, u"chat"_s } }), true).ok());
    QVERIFY(!AssistMessage::decode(
                 AssistMessage::encode(
                     { { u"t"_s, u"chat"_s },
                       { u"text"_s, QString(AssistMessage::kMaxChatChars + 1, u'x') } }),
                 true)
                 .ok());
    QVERIFY(!AssistMessage::decode(AssistMessage::encode({ { u"t"_s, u"propose"_s } }), true).ok());
    QByteArray huge = AssistMessage::encode(
        { { u"t"_s, u"chat"_s }, { u"text"_s, QString(int(AssistMessage::kMaxBytes), u'x') } });
    const Result<QJsonObject> tooBig = AssistMessage::decode(huge, true);
    QVERIFY(!tooBig.ok());
    QVERIFY(tooBig.error().message.contains(u"limit"_s));
}

void TestAssistMessages::proposalRoundTrip()
{
    AssistProposal kill;
    kill.id = 7;
    kill.action = AssistProposal::Action::KillConnection;
    kill.environment = u"prod"_s;
    kill.connectionId = 18446744073709551615ull; // TiDB ids are 64-bit unsigned
    kill.instance = u"10.0.1.5:10080"_s;
    const Result<AssistProposal> back = AssistProposal::fromJson(kill.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->connectionId, kill.connectionId);
    QCOMPARE(back->instance, kill.instance);
    QCOMPARE(back->action, AssistProposal::Action::KillConnection);
    QCOMPARE(back->summary(), u"KILL 18446744073709551615 on prod"_s);

    AssistProposal set;
    set.id = 8;
    set.action = AssistProposal::Action::SetVariable;
    set.environment = u"dev"_s;
    set.variable = u"tidb_mem_quota_query"_s;
    set.value = u"1073741824"_s;
    QCOMPARE(AssistProposal::fromJson(set.toJson())->value, set.value);
    for (AssistProposal::Status s :
         { AssistProposal::Status::Pending, AssistProposal::Status::AutoApproved,
           AssistProposal::Status::Failed })
        QCOMPARE(AssistProposal::statusFromName(AssistProposal::statusName(s)), s);
}

void TestAssistMessages::proposalRefuses()
{
    QJsonObject good { { u"t"_s, u"propose"_s },
                       { u"id"_s, 1 },
                       { u"action"_s, u"sql"_s },
                       { u"env"_s, u"dev"_s },
                       { u"sql"_s, u"SELECT 1"_s } };
    QVERIFY(AssistProposal::fromJson(good).ok());
    auto with = [&](const QString &key, const QJsonValue &v) {
        QJsonObject o = good;
        o.insert(key, v);
        return AssistProposal::fromJson(o);
    };
    QVERIFY(!with(u"id"_s, 0).ok());
    QVERIFY(!with(u"id"_s, 1.5).ok());
    QVERIFY(!with(u"action"_s, u"drop-everything"_s).ok());
    QVERIFY(!with(u"env"_s, u""_s).ok());
    QVERIFY(!with(u"sql"_s, u"   "_s).ok());
    QVERIFY(!with(u"sql"_s, QString(AssistMessage::kMaxStatementChars + 1, u'x')).ok());
    QJsonObject kill = good;
    kill.insert(u"action"_s, u"kill-query"_s);
    kill.insert(u"connection"_s, u"abc"_s);
    QVERIFY(!AssistProposal::fromJson(kill).ok());
    QJsonObject set = good;
    set.insert(u"action"_s, u"set-variable"_s);
    set.insert(u"variable"_s, u"x; DROP TABLE t"_s);
    QVERIFY(!AssistProposal::fromJson(set).ok());
}

void TestAssistMessages::resultSplitsAndJoins()
{
    AssistResult r;
    r.proposalId = 42;
    r.ok = true;
    r.columns = { u"id"_s, u"text"_s };
    for (int i = 0; i < 20000; ++i)
        r.rows << QStringList { QString::number(i),
                                QString(u"行 %1 \"quoted\" \\ and \u00e9 "_s.arg(i)).repeated(3) };
    r.totalRows = 25000;
    r.durationMs = 12;
    const QList<QJsonObject> parts = r.toMessages(AssistMessage::kMaxBytes);
    QVERIFY(parts.size() > 1);
    AssistResult back;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QByteArray wire = AssistMessage::encode(parts.at(i));
        QVERIFY2(wire.size() <= AssistMessage::kMaxBytes, QByteArray::number(wire.size()));
        const Result<QJsonObject> decoded = AssistMessage::decode(wire, false);
        QVERIFY(decoded.ok());
        QCOMPARE(back.appendMessage(*decoded), i == parts.size() - 1);
    }
    QCOMPARE(back.rows, r.rows);
    QCOMPARE(back.columns, r.columns);
    QCOMPARE(back.totalRows, 25000);
    QVERIFY(back.isTruncated());
    QCOMPARE(back.proposalId, 42);
    // An empty result is one message.
    AssistResult none;
    none.proposalId = 1;
    none.message = u"failed"_s;
    QCOMPARE(none.toMessages(AssistMessage::kMaxBytes).size(), 1);
}

void TestAssistMessages::viewRoundTrip()
{
    AssistView v;
    v.kind = AssistView::Kind::SlowDigests;
    v.environment = u"uat01"_s;
    v.atUtc = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
    v.columns = { u"Digest"_s, u"Count"_s };
    v.rows = { { u"abc"_s, u"3"_s } };
    v.note = u"Last hour"_s;
    const AssistView back = AssistView::fromJson(v.toJson());
    QCOMPARE(back.kind, v.kind);
    QCOMPARE(back.environment, v.environment);
    QCOMPARE(back.atUtc, v.atUtc);
    QCOMPARE(back.rows, v.rows);
    QCOMPARE(back.note, v.note);
    QVERIFY(!AssistView::kindFromName(u"screens"_s).has_value());
}

QTEST_GUILESS_MAIN(TestAssistMessages)
#include "tst_assistmessages.moc"

// EngineInfo::parse and TIDB_VERSION() parsing, table-driven (reference §1).
#include "sql/EngineInfo.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

class TestEngineInfo : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void releaseVersion_data();
    void releaseVersion();
    void names();
};

void TestEngineInfo::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("compat");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("display");

    auto row = [](const char *name, const QString &in, Engine e, const QString &v, const QString &c,
                  const QString &s, const QString &d) {
        QTest::newRow(name) << in << int(e) << v << c << s << d;
    };
    row("tidb 7.5.1", u"8.0.11-TiDB-v7.5.1"_s, Engine::TiDB, u"7.5.1"_s, u"8.0.11"_s, {},
        u"TiDB v7.5.1"_s);
    row("tidb 6.5.3", u"5.7.25-TiDB-v6.5.3"_s, Engine::TiDB, u"6.5.3"_s, u"5.7.25"_s, {},
        u"TiDB v6.5.3"_s);
    row("tidb dev build", u"5.7.25-TiDB-v4.0.0-beta-446-g5268094af"_s, Engine::TiDB, u"4.0.0"_s,
        u"5.7.25"_s, u"beta-446-g5268094af"_s, u"TiDB v4.0.0"_s);
    row("tidb serverless", u"5.7.25-TiDB-v6.3.0-serverless"_s, Engine::TiDB, u"6.3.0"_s,
        u"5.7.25"_s, u"serverless"_s, u"TiDB v6.3.0"_s);
    row("mysql plain", u"8.0.36"_s, Engine::MySQL, u"8.0.36"_s, {}, {}, u"MySQL 8.0.36"_s);
    row("mysql ubuntu", u"8.0.36-0ubuntu0.22.04.1"_s, Engine::MySQL, u"8.0.36"_s, {},
        u"0ubuntu0.22.04.1"_s, u"MySQL 8.0.36"_s);
    row("mysql commercial", u"8.4.2-commercial"_s, Engine::MySQL, u"8.4.2"_s, {}, u"commercial"_s,
        u"MySQL 8.4.2"_s);
    row("mariadb deb", u"10.11.6-MariaDB-1:10.11.6+maria~ubu2204"_s, Engine::MariaDB, u"10.11.6"_s,
        {}, u"1:10.11.6+maria~ubu2204"_s, u"MariaDB 10.11.6"_s);
    row("mariadb handshake prefix", u"5.5.5-10.6.6-MariaDB"_s, Engine::MariaDB, u"10.6.6"_s, {}, {},
        u"MariaDB 10.6.6"_s);
    row("mariadb 11", u"11.4.2-MariaDB"_s, Engine::MariaDB, u"11.4.2"_s, {}, {},
        u"MariaDB 11.4.2"_s);
    row("mariadb debian log", u"10.11.19-MariaDB-0+deb12u1-log"_s, Engine::MariaDB, u"10.11.19"_s,
        {}, u"0+deb12u1-log"_s, u"MariaDB 10.11.19"_s);
    row("garbage", u"hello world"_s, Engine::Unknown, {}, {}, {}, u"Unknown (hello world)"_s);
    row("empty", QString(), Engine::Unknown, {}, {}, {}, u"Unknown"_s);
    row("half version", u"8.0"_s, Engine::Unknown, {}, {}, {}, u"Unknown (8.0)"_s);
}

void TestEngineInfo::parse()
{
    QFETCH(QString, input);
    QFETCH(int, engine);
    QFETCH(QString, version);
    QFETCH(QString, compat);
    QFETCH(QString, suffix);
    QFETCH(QString, display);

    const EngineInfo info = EngineInfo::parse(input);
    QCOMPARE(int(info.engine), engine);
    QCOMPARE(info.versionString, input);
    QCOMPARE(info.version.toString(), version);
    QCOMPARE(info.mysqlCompatVersion.toString(), compat);
    QCOMPARE(info.suffix, suffix);
    QCOMPARE(info.displayString(), display);
    QVERIFY(!info.confirmed);
}

void TestEngineInfo::releaseVersion_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("release");
    QTest::newRow("v8.5")
        << u"Release Version: v8.5.0\nEdition: Community\nGit Commit Hash: 821e491a\n"
           "Git Branch: HEAD\nUTC Build Time: 2024-07-11 19:16:25\nGoVersion: go1.21.10\n"
           "Race Enabled: false\nCheck Table Before Drop: false\nStore: tikv"_s
        << u"v8.5.0"_s;
    QTest::newRow("old order, CRLF")
        << u"Git Commit Hash: abc\r\nRelease Version: v4.0.0-beta-446-g5268094af\r\n"
           "TiKV Min Version: v3.0.0"_s
        << u"v4.0.0-beta-446-g5268094af"_s;
    QTest::newRow("absent") << u"Edition: Community"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestEngineInfo::releaseVersion()
{
    QFETCH(QString, text);
    QFETCH(QString, release);
    QCOMPARE(EngineInfo::releaseVersionFromTidbVersion(text), release);
}

void TestEngineInfo::names()
{
    for (Engine e : { Engine::TiDB, Engine::MySQL, Engine::MariaDB, Engine::Unknown })
        QCOMPARE(EngineInfo::engineFromName(EngineInfo::engineName(e)), e);
    QCOMPARE(EngineInfo::engineDisplayName(Engine::TiDB), u"TiDB"_s);
    const EngineInfo tidb = EngineInfo::parse(u"8.0.11-TiDB-v6.1.0"_s);
    QVERIFY(tidb.isAtLeast(6, 1));
    QVERIFY(!tidb.isAtLeast(6, 1, 1));
    QVERIFY(!EngineInfo().isAtLeast(0));
}

QTEST_GUILESS_MAIN(TestEngineInfo)
#include "tst_engineinfo.moc"

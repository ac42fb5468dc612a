// tst_cli_slow: slow-query history on the command line against the sandbox, as a DBA's script
// uses it: `slow ENV` on MariaDB (real mysql.slow_log, statements this test ran itself), on the
// demo TiDB environment through the catalog fixture (CLUSTER_SLOW_QUERY over the same log, and
// CLUSTER_STATEMENTS_SUMMARY_HISTORY), through the SSH bastion; `slowlog digest` on a slow-log
// file read over the sandbox sshd (whole and tail) and locally; error cases (missing file local
// and remote, not a slow log, non-UTF-8 bytes, SSH refused and unknown host key, no SSH host);
// `digest`; usage errors.
#include "CliRunner.h"
#include "SandboxEnv.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

using TiDesk::Test::CliRun;

class TestCliSlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void slowOnMariadbByDigest();
    void slowTextAndCsv();
    void slowOnTidbCatalog();
    void statementsSummaryOnTidbCatalog();
    void slowThroughBastion();
    void remoteSlowLogOverSsh();
    void remoteErrors();
    void localFileErrors();
    void digestCommand();
    void usageErrors();

private:
    CliRun cli(const QStringList &args, const QByteArray &stdinData = {});
    QString tidbEnv() const { return m_sandbox.value(u"DEMO_TIDB_ENV"_s); }
    QString slowLogPath() const
    {
        return m_sandbox.value(u"SANDBOX_DIR"_s) + u"/mariadb/uat01/data/slow.log"_s;
    }
    // Classes whose normalized text mentions this run's marker column.
    QList<QJsonObject> marked(const QJsonObject &doc) const;
    static void verifySorted(const QJsonArray &classes);
    static void verifyKeys(const QJsonObject &cls);

    TiDesk::Test::SandboxEnv m_sandbox;
    QTemporaryDir m_home;
    const QString m_vaultPass = u"vault-pass-CliSlow-1"_s;
    QString m_tag; // unique column alias of the statements this test runs
};

CliRun TestCliSlow::cli(const QStringList &args, const QByteArray &stdinData)
{
    return TiDesk::Test::runCli(QStringLiteral(TIDESK_CLI_BINARY), m_home.path(), m_vaultPass, args,
                                stdinData);
}

QList<QJsonObject> TestCliSlow::marked(const QJsonObject &doc) const
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : doc.value(u"classes"_s).toArray())
        if (v.toObject().value(u"normalized"_s).toString().contains(m_tag))
            out << v.toObject();
    return out;
}

void TestCliSlow::verifySorted(const QJsonArray &classes)
{
    for (qsizetype i = 1; i < classes.size(); ++i)
        QVERIFY(classes.at(i - 1).toObject().value(u"total_s"_s).toDouble()
                >= classes.at(i).toObject().value(u"total_s"_s).toDouble());
}

void TestCliSlow::verifyKeys(const QJsonObject &c)
{
    for (const char *key : { "digest", "normalized", "count", "total_s", "avg_s", "max_s", "sample",
                             "rows_examined", "first_seen", "last_seen", "digest_source" })
        QVERIFY2(c.contains(QLatin1String(key)), key);
    QCOMPARE(c.value(u"digest"_s).toString().size(), 64);
    const double count = c.value(u"count"_s).toDouble();
    QVERIFY(count >= 1);
    QVERIFY(qAbs(c.value(u"avg_s"_s).toDouble() * count - c.value(u"total_s"_s).toDouble()) < 1e-6);
    QVERIFY(c.value(u"max_s"_s).toDouble() <= c.value(u"total_s"_s).toDouble() + 1e-9);
}

void TestCliSlow::initTestCase()
{
    QVERIFY2(m_sandbox.isValid(), qPrintable(m_sandbox.error()));
    QVERIFY(m_home.isValid());
    qputenv("TIDESK_TIDB_CATALOG_SCHEMA", m_sandbox.value(u"TIDB_CATALOG_SCHEMA"_s).toUtf8());
    CliRun r = cli({ u"env"_s, u"import"_s, m_sandbox.value(u"DEMO_INVENTORY"_s) });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const QString &name : { u"uat01"_s, u"prod"_s, tidbEnv() }) {
        r = cli({ u"env"_s, u"set-password"_s, name, u"--password-stdin"_s },
                (m_sandbox.adminPassword() + u'\n').toUtf8());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    // Two slow statements of one shape (different literals) on uat01: they land in its
    // mysql.slow_log table and its slow.log file (long_query_time = 0.1).
    m_tag = u"tst_cli_slow_"_s + QString::number(QDateTime::currentMSecsSinceEpoch());
    for (const QString &sql : { u"SELECT SLEEP(0.3) AS %1, 1 AS n"_s.arg(m_tag),
                                u"SELECT SLEEP(0.25) AS %1, 2 AS n"_s.arg(m_tag) }) {
        QProcess p;
        p.start(u"mariadb"_s,
                { u"--defaults-file="_s + m_sandbox.value(u"MARIADB_CNF_uat01"_s), u"-uroot"_s,
                  u"-e"_s, sql });
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }
}

void TestCliSlow::slowOnMariadbByDigest()
{
    const CliRun r
        = cli({ u"--json"_s, u"slow"_s, u"uat01"_s, u"--since"_s, u"1h"_s, u"--top"_s, u"0"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QJsonObject doc = r.json();
    QCOMPARE(doc.value(u"engine"_s).toString(), u"mariadb"_s);
    QCOMPARE(doc.value(u"source"_s).toString(), u"slow_query"_s);
    // Time-bounded, as every slow-history read.
    const QString statement = doc.value(u"statement"_s).toString();
    QVERIFY2(statement.contains(u"FROM mysql.slow_log WHERE start_time BETWEEN '"_s),
             qPrintable(statement));
    const QDateTime from
        = QDateTime::fromString(doc.value(u"from"_s).toString(), Qt::ISODateWithMs);
    const QDateTime to = QDateTime::fromString(doc.value(u"to"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(qAbs(from.secsTo(to) - 3600) <= 1);
    const QJsonArray classes = doc.value(u"classes"_s).toArray();
    QCOMPARE(qint64(classes.size()), doc.value(u"class_count"_s).toInteger());
    verifySorted(classes);
    for (const QJsonValue &v : classes)
        verifyKeys(v.toObject());
    const QList<QJsonObject> mine = marked(doc);
    QCOMPARE(mine.size(), 1); // both literal variants in one class (console digest)
    const QJsonObject c = mine.first();
    QCOMPARE(c.value(u"count"_s).toInt(), 2);
    QCOMPARE(c.value(u"digest_source"_s).toString(), u"console"_s);
    QVERIFY(c.value(u"total_s"_s).toDouble() >= 0.55);
    QVERIFY(c.value(u"max_s"_s).toDouble() >= 0.3);
    QVERIFY(c.value(u"sample"_s).toString().contains(u"SLEEP(0.3)"_s)); // the slowest
    QCOMPARE(c.value(u"normalized"_s).toString(),
             u"select `sleep` ( ? ) as `%1` , ? as `n`"_s.arg(m_tag));
    QCOMPARE(
        c.value(u"digest"_s).toString(),
        QString::fromLatin1(QCryptographicHash::hash(c.value(u"normalized"_s).toString().toUtf8(),
                                                     QCryptographicHash::Sha256)
                                .toHex()));
    QCOMPARE(c.value(u"users"_s).toArray(), QJsonArray { u"root"_s });
}

void TestCliSlow::slowTextAndCsv()
{
    CliRun r = cli({ u"slow"_s, u"uat01"_s, u"--top"_s, u"3"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 3);
    QVERIFY2(lines.at(0).startsWith(u"uat01 (MariaDB): slow statements from "_s),
             qPrintable(lines.at(0)));
    QVERIFY(lines.at(1).startsWith(u"#"_s));
    QVERIFY(lines.at(1).contains(u"TOTAL S"_s));
    QVERIFY(lines.size() <= 5); // header lines + at most 3 classes
    r = cli({ u"slow"_s, u"uat01"_s, u"--csv"_s, u"--top"_s, u"0"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    QVERIFY(r.out.startsWith("digest,digest_source,normalized,count,total_s,avg_s,max_s,"));
    QVERIFY(r.out.contains(m_tag.toUtf8()));
    QVERIFY(r.out.contains("\r\n"));
}

void TestCliSlow::slowOnTidbCatalog()
{
    const CliRun r
        = cli({ u"--json"_s, u"slow"_s, tidbEnv(), u"--since"_s, u"2h"_s, u"--top"_s, u"0"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QJsonObject doc = r.json();
    QCOMPARE(doc.value(u"engine"_s).toString(), u"tidb"_s);
    const QString statement = doc.value(u"statement"_s).toString();
    QVERIFY2(statement.contains(u"FROM `tidb_catalog`.`CLUSTER_SLOW_QUERY` WHERE Time BETWEEN '"_s),
             qPrintable(statement));
    QVERIFY(statement.contains(u"Digest, Plan_digest, Plan, Query"_s));
    verifySorted(doc.value(u"classes"_s).toArray());
    // The fixture's Digest is SHA-256 of the raw text (real TiDB: of the normalized text), and
    // the server's digest is what TiDesk groups by: one class per literal variant here.
    const QList<QJsonObject> mine = marked(doc);
    QCOMPARE(mine.size(), 2);
    for (const QJsonObject &c : mine) {
        verifyKeys(c);
        QCOMPARE(c.value(u"digest_source"_s).toString(), u"server"_s);
        QCOMPARE(c.value(u"count"_s).toInt(), 1);
        QCOMPARE(
            c.value(u"digest"_s).toString(),
            QString::fromLatin1(QCryptographicHash::hash(c.value(u"sample"_s).toString().toUtf8(),
                                                         QCryptographicHash::Sha256)
                                    .toHex()));
        QVERIFY(c.value(u"rows_examined"_s).isDouble()); // Process_keys
    }
}

void TestCliSlow::statementsSummaryOnTidbCatalog()
{
    const CliRun r = cli({ u"--json"_s, u"slow"_s, tidbEnv(), u"--source"_s, u"summary"_s,
                           u"--since"_s, u"7d"_s, u"--top"_s, u"0"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    const QJsonObject doc = r.json();
    QCOMPARE(doc.value(u"source"_s).toString(), u"statements_summary"_s);
    const QString statement = doc.value(u"statement"_s).toString();
    QVERIFY2(statement.contains(u"FROM `tidb_catalog`.`CLUSTER_STATEMENTS_SUMMARY_HISTORY` WHERE "
                                "SUMMARY_END_TIME > '"_s),
             qPrintable(statement));
    QVERIFY(statement.contains(u"GROUP BY DIGEST"_s));
    const QJsonArray classes = doc.value(u"classes"_s).toArray();
    QCOMPARE(classes.size(), 9); // the fixture's 9 statements, every window and instance merged
    verifySorted(classes);
    qint64 execs = 0;
    for (const QJsonValue &v : classes) {
        const QJsonObject c = v.toObject();
        verifyKeys(c);
        QCOMPARE(c.value(u"digest_source"_s).toString(), u"server"_s);
        QVERIFY(!c.value(u"normalized"_s).toString().isEmpty());
        QVERIFY(!c.value(u"sample"_s).toString().isEmpty());
        QVERIFY(c.value(u"max_s"_s).toDouble() < 10); // ns were converted to seconds
        execs += c.value(u"count"_s).toInteger();
    }
    QVERIFY(execs > 1000);
    // MariaDB has no statements summary.
    const CliRun maria = cli({ u"slow"_s, u"uat01"_s, u"--source"_s, u"summary"_s });
    QCOMPARE(maria.exitCode, 2);
    QVERIFY(maria.err.contains("not available"));
}

void TestCliSlow::slowThroughBastion()
{
    // The demo's prod is reached only through the sandbox sshd; its workload is slow every 3 s.
    const CliRun r = cli({ u"--json"_s, u"slow"_s, u"prod"_s, u"--since"_s, u"1h"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    QCOMPARE(r.json().value(u"engine"_s).toString(), u"mariadb"_s);
    QVERIFY(r.json().value(u"rows_read"_s).toInteger() >= 1);
    QVERIFY(!r.json().value(u"classes"_s).toArray().isEmpty());
}

void TestCliSlow::remoteSlowLogOverSsh()
{
    const QString host = u"root@127.0.0.1:"_s + m_sandbox.value(u"SSHD_PORT"_s);
    CliRun r = cli({ u"--json"_s, u"slowlog"_s, u"digest"_s, slowLogPath(), u"--env"_s, u"prod"_s,
                     u"--top"_s, u"0"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    QJsonObject doc = r.json();
    QCOMPARE(doc.value(u"format"_s).toString(), u"mariadb"_s);
    QJsonObject source = doc.value(u"source"_s).toObject();
    QCOMPARE(source.value(u"host"_s).toString(), host);
    QCOMPARE(source.value(u"path"_s).toString(), slowLogPath());
    QVERIFY(!source.value(u"truncated"_s).toBool());
    QCOMPARE(source.value(u"max_bytes"_s).toInteger(), 64LL * 1024 * 1024);
    QVERIFY(doc.value(u"stats"_s).toObject().value(u"entries"_s).toInteger() >= 2);
    verifySorted(doc.value(u"classes"_s).toArray());
    const QList<QJsonObject> mine = marked(doc);
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().value(u"count"_s).toInt(), 2);
    QCOMPARE(mine.first().value(u"normalized"_s).toString(),
             u"select `sleep` ( ? ) as `%1` , ? as `n`"_s.arg(m_tag));
    // The same file read locally gives the same class for these statements.
    const CliRun local
        = cli({ u"--json"_s, u"slowlog"_s, u"digest"_s, slowLogPath(), u"--top"_s, u"0"_s });
    QVERIFY2(local.exitCode == 0, local.both().constData());
    const QList<QJsonObject> localMine = marked(local.json());
    QCOMPARE(localMine.size(), 1);
    QCOMPARE(localMine.first().value(u"digest"_s), mine.first().value(u"digest"_s));
    QVERIFY(local.json().value(u"source"_s).toObject().value(u"host"_s).isNull());

    // Only the tail: the cap is applied and reported.
    const qint64 size = QFileInfo(slowLogPath()).size();
    QVERIFY(size > 4096);
    r = cli({ u"--json"_s, u"slowlog"_s, u"digest"_s, slowLogPath(), u"--env"_s, u"prod"_s,
              u"--max-bytes"_s, u"4096"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    source = r.json().value(u"source"_s).toObject();
    QVERIFY(source.value(u"truncated"_s).toBool());
    QCOMPARE(source.value(u"bytes_read"_s).toInteger(), 4096);
    QVERIFY(source.value(u"file_bytes"_s).toInteger() >= size);
    r = cli({ u"slowlog"_s, u"digest"_s, slowLogPath(), u"--env"_s, u"prod"_s, u"--max-bytes"_s,
              u"4096"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    QVERIFY2(r.out.contains("Read the last 4096 of"), r.out.constData());
    QVERIFY(r.out.contains(QByteArray(host.toUtf8() + ':' + slowLogPath().toUtf8())));
}

void TestCliSlow::remoteErrors()
{
    // Missing file on the SSH host.
    CliRun r = cli({ u"--json"_s, u"slowlog"_s, u"digest"_s, u"/nonexistent/slow.log"_s, u"--env"_s,
                     u"prod"_s });
    QCOMPARE(r.exitCode, 3);
    QJsonObject e = r.json().value(u"error"_s).toObject();
    QCOMPARE(e.value(u"kind"_s).toString(), u"not_found"_s);
    QVERIFY2(e.value(u"message"_s).toString().contains(u"No such file on root@127.0.0.1:"_s),
             r.out.constData());
    // A directory.
    r = cli(
        { u"slowlog"_s, u"digest"_s, m_sandbox.value(u"SANDBOX_DIR"_s), u"--env"_s, u"prod"_s });
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains("is a directory"));

    // SSH refused: a port nothing listens on.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    const QString key = m_sandbox.value(u"SSH_USER_KEY"_s);
    r = cli({ u"env"_s, u"add"_s, u"badssh"_s, u"--host"_s, u"127.0.0.1:3306"_s, u"--user"_s,
              u"x"_s, u"--ssh"_s, u"127.0.0.1:%1"_s.arg(closedPort), u"--ssh-user"_s, u"root"_s,
              u"--ssh-key"_s, key, u"--ssh-known-hosts"_s, m_sandbox.value(u"SSH_KNOWN_HOSTS"_s) });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    r = cli({ u"slowlog"_s, u"digest"_s, slowLogPath(), u"--env"_s, u"badssh"_s });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(
                 QByteArray("SSH to root@127.0.0.1:" + QByteArray::number(closedPort) + " failed")),
             r.err.constData());

    // The real sshd, but its host key is not in the (empty) known_hosts: refused, never read.
    QTemporaryDir dir;
    const QString emptyKnownHosts = dir.filePath(u"known_hosts"_s);
    QFile kh(emptyKnownHosts);
    QVERIFY(kh.open(QIODevice::WriteOnly));
    kh.close();
    r = cli({ u"env"_s, u"add"_s, u"unknownhost"_s, u"--host"_s, u"127.0.0.1:3306"_s, u"--user"_s,
              u"x"_s, u"--ssh"_s, u"127.0.0.1:"_s + m_sandbox.value(u"SSHD_PORT"_s),
              u"--ssh-user"_s, u"root"_s, u"--ssh-key"_s, key, u"--ssh-known-hosts"_s,
              emptyKnownHosts });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    r = cli(
        { u"--json"_s, u"slowlog"_s, u"digest"_s, slowLogPath(), u"--env"_s, u"unknownhost"_s });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"kind"_s).toString(), u"host_key"_s);

    // An environment without an SSH host.
    r = cli({ u"slowlog"_s, u"digest"_s, slowLogPath(), u"--env"_s, u"uat01"_s });
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains("has no SSH host"));
}

void TestCliSlow::localFileErrors()
{
    const QString data = QStringLiteral(TIDESK_TEST_DATA_DIR "/slowlog/");
    CliRun r = cli({ u"slowlog"_s, u"digest"_s, u"/nonexistent/slow.log"_s });
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.err.contains("No such file: /nonexistent/slow.log"));

    r = cli({ u"--json"_s, u"slowlog"_s, u"digest"_s, data + u"not-a-slowlog.txt"_s });
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"kind"_s).toString(), u"invalid_input"_s);
    QVERIFY(r.out.contains("does not look like a slow-query log"));

    // Malformed entries are skipped and counted, the rest is digested.
    r = cli({ u"slowlog"_s, u"digest"_s, data + u"garbage.log"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    QVERIFY2(QRegularExpression(u"\\d+ entries, [1-9]\\d* malformed skipped"_s)
                 .match(QString::fromUtf8(r.out))
                 .hasMatch(),
             r.out.constData());
    r = cli({ u"--json"_s, u"slowlog"_s, u"digest"_s, data + u"garbage.log"_s });
    QVERIFY(r.json().value(u"stats"_s).toObject().value(u"malformed"_s).toInt() >= 1);
    QVERIFY(r.json().value(u"stats"_s).toObject().value(u"entries"_s).toInt() >= 1);

    // Non-UTF-8 bytes: valid JSON out, the bytes become U+FFFD.
    r = cli({ u"--json"_s, u"slowlog"_s, u"digest"_s, data + u"invalid-utf8.log"_s, u"--top"_s,
              u"0"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
    QCOMPARE(pe.error, QJsonParseError::NoError);
    bool replaced = false;
    for (const QJsonValue &v : doc.object().value(u"classes"_s).toArray())
        replaced = replaced || v.toObject().value(u"sample"_s).toString().contains(QChar(0xFFFD));
    QVERIFY(replaced);
    // CSV of a file.
    r = cli({ u"slowlog"_s, u"digest"_s, data + u"history-mysql.log"_s, u"--csv"_s });
    QVERIFY2(r.exitCode == 0, r.both().constData());
    QCOMPARE(r.out.count("\r\n"), 3); // header + 2 classes (quoted newlines are bare \n)
    QVERIFY(
        r.out.contains("\"UPDATE invoices SET paid = 1, note = 'it''s, \"\"paid\"\"' WHERE id IN "
                       "(1, 2, 3);\""));
}

void TestCliSlow::digestCommand()
{
    CliRun r = cli({ u"--json"_s, u"digest"_s, u"SELECT 1"_s });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.keys(), (QStringList { u"digest"_s, u"normalized"_s }));
    QCOMPARE(o.value(u"normalized"_s).toString(), u"select ?"_s);
    QCOMPARE(o.value(u"digest"_s).toString(),
             u"e1c71d1661ae46e09b7aaec1c390957f0d6260410df4e4bc71b9c8d681021471"_s);
    r = cli({ u"digest"_s, u"select 1 from b where id in (1, 3, '3', 1, 2, 3, 4)"_s });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
             QByteArray("select ? from `b` where `id` in ( ... )\n"
                        "e1c8cc2738f596dc24f15ef8eb55e0d902910d7298983496362a7b46dbc0b310\n"));
    r = cli({ u"--json"_s, u"digest"_s, u"-"_s }, "SELECT * FROM t\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"digest"_s).toString(),
             u"e5796985ccafe2f71126ed6c0ac939ffa015a8c0744a24b7aee6d587103fd2f7"_s);
    r = cli({ u"digest"_s, u"--"_s, u"-1"_s }); // SQL that looks like an option
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("?\n"));
    QCOMPARE(cli({ u"digest"_s }).exitCode, 2);
}

void TestCliSlow::usageErrors()
{
    QCOMPARE(cli({ u"slow"_s }).exitCode, 2);
    QCOMPARE(cli({ u"slow"_s, u"uat01"_s, u"--since"_s, u"40d"_s }).exitCode, 2);
    QCOMPARE(cli({ u"slow"_s, u"uat01"_s, u"--since"_s, u"soon"_s }).exitCode, 2);
    QCOMPARE(cli({ u"slow"_s, u"uat01"_s, u"--source"_s, u"x"_s }).exitCode, 2);
    QCOMPARE(cli({ u"slow"_s, u"uat01"_s, u"--top"_s, u"-1"_s }).exitCode, 2);
    const CliRun unknown = cli({ u"slow"_s, u"no-such-env"_s });
    QCOMPARE(unknown.exitCode, 3);
    QCOMPARE(cli({ u"slowlog"_s, u"tail"_s }).exitCode, 2);
    QCOMPARE(cli({ u"slowlog"_s, u"digest"_s }).exitCode, 2);
    QCOMPARE(cli({ u"slowlog"_s, u"digest"_s, u"a"_s, u"--max-bytes"_s, u"0"_s }).exitCode, 2);
    const CliRun help = cli({ u"slow"_s, u"--help"_s });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--since"));
}

QTEST_GUILESS_MAIN(TestCliSlow)
#include "tst_cli_slow.moc"

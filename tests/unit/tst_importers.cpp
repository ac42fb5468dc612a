// Tests the inventory importers and exporter: TiUP topology.yaml, meta.yaml,
// `tiup cluster display --format json`, TiDesk JSON; malformed input, all-or-nothing.
#include "inventory/ImportInput.h"
#include "inventory/InventoryImporter.h"
#include "inventory/InventoryJson.h"
#include "inventory/TiupDisplayImporter.h"
#include "inventory/TiupMetaImporter.h"
#include "inventory/TiupTopologyImporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(TIDESK_INVENTORY_DATA_DIR) + u'/' + name;
}

QByteArray readData(const QString &name)
{
    QFile f(dataPath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}

QByteArray readFileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestImporters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void topology()
    {
        const Result<EnvironmentList> r = InventoryImporter::importFile(
            dataPath(u"topology.yaml"_s), ImportOptions { u"shop-prod"_s, {}, u"dba"_s });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->size(), 1);
        const Environment &e = r->first();
        QCOMPARE(e.name, u"shop-prod"_s);
        QCOMPARE(e.tier, Tier::Prod);
        QCOMPARE(e.engine, EngineOverride::TiDB);
        QCOMPARE(e.user, u"dba"_s);
        QCOMPARE(e.endpoints.size(), 2);
        QCOMPARE(e.endpoints[0], (SqlEndpoint { u"10.0.1.4"_s, 4000, u"tidb-1"_s }));
        QCOMPARE(e.endpoints[1], (SqlEndpoint { u"10.0.1.5"_s, 4001, u"tidb-2"_s }));
        QCOMPARE(e.pdUrl, u"http://10.0.1.1:2379"_s);
        QCOMPARE(e.prometheusUrl, u"http://10.0.1.20:9090"_s);
        QCOMPARE(e.alertmanagerUrl, u"http://10.0.1.20:19093"_s);
        QVERIFY(e.tags.contains(u"tiup"_s));
        QVERIFY(!e.id.isNull());
        QVERIFY(e.validate().isEmpty());
    }

    void topologyNameAndTier()
    {
        const QByteArray yaml = "tidb_servers:\n  - host: db1\n";
        // The file name gives the name; the name gives the tier.
        Result<EnvironmentList> r = TiupTopologyImporter::import(yaml, u"/x/shop-staging.yaml"_s);
        QVERIFY(r.ok());
        QCOMPARE(r->first().name, u"shop-staging"_s);
        QCOMPARE(r->first().tier, Tier::Uat);
        QCOMPARE(r->first().user, u"root"_s);
        // The caller overrides the tier.
        ImportOptions o;
        o.tier = Tier::Test;
        r = TiupTopologyImporter::import(yaml, u"/x/shop-prod.yaml"_s, o);
        QVERIFY(r.ok());
        QCOMPARE(r->first().tier, Tier::Test);
        // topology.yaml does not name the cluster.
        r = TiupTopologyImporter::import(yaml, u"/x/topology.yaml"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(u"name"_s), qPrintable(r.error().message));
    }

    void tierGuess_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("tier");
        QTest::newRow("prod") << u"prod"_s << int(Tier::Prod);
        QTest::newRow("production-eu") << u"production-eu"_s << int(Tier::Prod);
        QTest::newRow("shop_prod01") << u"shop_prod01"_s << int(Tier::Prod);
        QTest::newRow("uat01") << u"uat01"_s << int(Tier::Uat);
        QTest::newRow("staging") << u"Staging"_s << int(Tier::Uat);
        QTest::newRow("test01") << u"test01"_s << int(Tier::Test);
        QTest::newRow("protest") << u"protest"_s << int(Tier::Dev);
        QTest::newRow("analytics") << u"analytics"_s << int(Tier::Dev);
    }
    void tierGuess()
    {
        QFETCH(QString, name);
        QFETCH(int, tier);
        QCOMPARE(int(Environment::guessTierFromName(name)), tier);
    }

    void meta()
    {
        const Result<EnvironmentList> r
            = InventoryImporter::importFile(dataPath(u"clusters/prod-cluster/meta.yaml"_s));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const Environment &e = r->first();
        QCOMPARE(e.name, u"prod-cluster"_s); // the TiUP cluster directory
        QCOMPARE(e.tier, Tier::Prod);
        QCOMPARE(e.endpoints.size(), 2);
        QCOMPARE(e.endpoints[1].host, u"172.16.5.139"_s);
        QCOMPARE(e.endpoints[1].port, 4000);
        QCOMPARE(e.pdUrl, u"http://172.16.5.134:2379"_s);
        QCOMPARE(e.prometheusUrl, u"http://172.16.5.134:9090"_s);
        QCOMPARE(e.alertmanagerUrl, u"http://172.16.5.134:9093"_s);
        QVERIFY(e.tags.contains(u"v8.5.0"_s));
        // The Grafana admin password in meta.yaml is not carried anywhere.
        QVERIFY(!InventoryJson::toJson(*r).contains("admin"));
    }

    void display()
    {
        const Result<EnvironmentList> r
            = InventoryImporter::importFile(dataPath(u"display.json"_s));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        const Environment &e = r->first();
        QCOMPARE(e.name, u"uat01"_s);
        QCOMPARE(e.tier, Tier::Uat);
        QCOMPARE(e.endpoints.size(), 2);
        QCOMPARE(e.endpoints[0], (SqlEndpoint { u"172.16.5.134"_s, 4000, u"tidb-1"_s }));
        QCOMPARE(e.endpoints[1].host, u"172.16.5.141"_s);
        QCOMPARE(e.pdUrl, u"http://172.16.5.134:2379"_s);
        QCOMPARE(e.prometheusUrl, u"http://172.16.5.134:9090"_s);
        QCOMPARE(e.alertmanagerUrl, u"http://172.16.5.134:9093"_s);
    }

    void displayRejectsDm()
    {
        const QByteArray json
            = R"({"cluster_meta":{"cluster_type":"dm","cluster_name":"x"},"instances":[]})";
        const Result<EnvironmentList> r = TiupDisplayImporter::import(json, u"d.json"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unsupported);
    }

    void guessFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::newRow("topology") << u"topology.yaml"_s << int(InventoryFormat::TiupTopology);
        QTest::newRow("meta") << u"clusters/prod-cluster/meta.yaml"_s
                              << int(InventoryFormat::TiupMeta);
        QTest::newRow("display") << u"display.json"_s << int(InventoryFormat::TiupDisplayJson);
        QTest::newRow("tidesk") << u"inventory.json"_s << int(InventoryFormat::TiDeskJson);
    }
    void guessFormat()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        // Content decides, not the name.
        QCOMPARE(int(InventoryImporter::guessFormat(u"/tmp/upload.txt"_s, readData(file))), format);
    }

    void tideskJsonImport()
    {
        const Result<EnvironmentList> r
            = InventoryImporter::importFile(dataPath(u"inventory.json"_s));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->size(), 2);
        const Environment &p = r->at(0);
        QCOMPARE(p.name, u"prod"_s);
        QCOMPARE(p.tier, Tier::Prod);
        QCOMPARE(p.tags, (QStringList { u"tidb"_s, u"eu-west"_s }));
        QCOMPARE(p.tls.mode, TlsMode::VerifyCa);
        QCOMPARE(p.tls.caFile, u"/etc/tidesk/ca.pem"_s);
        QVERIFY(p.ssh.enabled);
        QCOMPARE(p.ssh.port, 2222);
        QCOMPARE(p.ssh.identityFile, u"/home/ops/.ssh/id_ed25519"_s);
        QCOMPARE(p.backup.notes, u"daily at 02:00"_s);
        QCOMPARE(p.connectTimeoutMs, 3000);
        QCOMPARE(p.queryTimeoutMs, 60000);
        QCOMPARE(r->at(1).engine, EngineOverride::MariaDB);
        QCOMPARE(r->at(1).color, u"#00ff00"_s);
    }

    void tideskJsonRoundTrip()
    {
        Environment e;
        e.id = QUuid::createUuid();
        e.name = u"dr-site"_s;
        e.tier = Tier::Custom;
        e.customTierName = u"disaster recovery"_s;
        e.color = u"#123abc"_s;
        e.tags = { u"a"_s, u"b, with comma"_s, u"中文"_s };
        e.engine = EngineOverride::MySQL;
        e.endpoints = { { u"db1"_s, 3306, u"primary"_s }, { u"::1"_s, 3307, {} } };
        e.user = u"dba"_s;
        e.defaultDatabase = u"shop"_s;
        e.tls = { TlsMode::VerifyIdentity, u"/ca.pem"_s, u"/c.pem"_s, u"/k.pem"_s };
        e.ssh = { true, u"bastion"_s, 22022, u"ops"_s, u"/id"_s, u"/kh"_s };
        e.prometheusUrl = u"http://p:9090"_s;
        e.prometheusSelector = u"env=\"p\", job=~\"tidb|tikv\""_s;
        e.alertmanagerUrl = u"http://a:9093"_s;
        e.pdUrl = u"http://pd:2379"_s;
        e.backup = { u"local:///backups"_s, u"notes \"quoted\""_s };
        e.notes = u"multi\nline"_s;
        e.connectTimeoutMs = 1234;
        e.queryTimeoutMs = 56789;
        Environment second = e;
        second.id = QUuid::createUuid();
        second.name = u"second"_s;
        second.tier = Tier::Test;
        second.customTierName.clear();

        const QByteArray json = InventoryJson::toJson({ e, second });
        // Exactly the documented keys.
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value(u"format"_s).toString(), u"tidesk-inventory"_s);
        QCOMPARE(root.value(u"version"_s).toInt(), 1);
        QStringList keys = root.value(u"environments"_s).toArray().at(1).toObject().keys();
        QStringList expected = { u"name"_s,
                                 u"tier"_s,
                                 u"color"_s,
                                 u"tags"_s,
                                 u"engine"_s,
                                 u"endpoints"_s,
                                 u"user"_s,
                                 u"database"_s,
                                 u"tls"_s,
                                 u"ssh"_s,
                                 u"prometheus_url"_s,
                                 u"prometheus_selector"_s,
                                 u"alertmanager_url"_s,
                                 u"pd_url"_s,
                                 u"backup"_s,
                                 u"notes"_s,
                                 u"connect_timeout_ms"_s,
                                 u"query_timeout_ms"_s };
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
        QVERIFY(!json.toLower().contains("password"));

        const Result<EnvironmentList> r = InventoryJson::fromJson(json);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->size(), 2);
        Environment back = r->first();
        QVERIFY(!back.id.isNull());
        back.id = e.id; // imports get fresh ids
        QCOMPARE(back, e);
        Environment back2 = r->at(1);
        back2.id = second.id;
        QCOMPARE(back2, second);
    }

    // Malformed input: every error names the place (line/column or field path).
    void malformed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected"); // substrings of the message

        QTest::newRow("yaml-bad-port")
            << u"shop.yaml"_s
            << QByteArray("global:\n  user: tidb\n"
                          "tidb_servers:\n"
                          "  - host: 10.0.0.1\n"
                          "  - host: 10.0.0.2\n"
                          "    port: abc\n")
            << QStringList { u"shop.yaml line 6, column 11"_s, u"tidb_servers[1].port"_s,
                             u"expected an integer, got 'abc'"_s };
        QTest::newRow("yaml-syntax")
            << u"shop.yaml"_s << QByteArray("tidb_servers:\n  - host: [10.0.0.1\n  - host: x\n")
            << QStringList { u"shop.yaml line"_s, u"invalid YAML"_s };
        QTest::newRow("yaml-bad-indent")
            << u"shop.yaml"_s << QByteArray("tidb_servers:\n  - host: a\n   port: 4000\n")
            << QStringList { u"shop.yaml line 3"_s, u"invalid YAML"_s };
        QTest::newRow("yaml-port-range")
            << u"shop.yaml"_s << QByteArray("tidb_servers:\n  - host: a\n    port: 70000\n")
            << QStringList { u"line 3"_s, u"tidb_servers[0].port"_s, u"70000"_s };
        QTest::newRow("yaml-missing-host")
            << u"shop.yaml"_s << QByteArray("tidb_servers:\n  - port: 4000\n")
            << QStringList { u"line 2"_s, u"tidb_servers[0].host: required field is missing"_s };
        QTest::newRow("yaml-host-list")
            << u"shop.yaml"_s << QByteArray("tidb_servers:\n  - host: [a, b]\n")
            << QStringList { u"line 2"_s, u"tidb_servers[0].host: expected a string"_s };
        QTest::newRow("yaml-servers-map")
            << u"shop.yaml"_s << QByteArray("tidb_servers:\n  host: a\n")
            << QStringList { u"tidb_servers: expected a list"_s };
        QTest::newRow("yaml-no-tidb")
            << u"shop.yaml"_s << QByteArray("pd_servers:\n  - host: a\n")
            << QStringList { u"tidb_servers"_s, u"at least one TiDB server"_s };
        QTest::newRow("yaml-bad-pd-port")
            << u"shop.yaml"_s
            << QByteArray(
                   "tidb_servers:\n  - host: a\npd_servers:\n  - host: b\n    client_port: x1\n")
            << QStringList { u"line 5"_s, u"pd_servers[0].client_port"_s };
        QTest::newRow("yaml-scalar-top") << u"shop.yaml"_s << QByteArray("just a string\n")
                                         << QStringList { u"expected a YAML mapping"_s };
        QTest::newRow("meta-no-topology")
            << u"/c/x/meta.yaml"_s << QByteArray("user: tidb\ntidb_version: v8.5.0\n")
            << QStringList { u"meta.yaml"_s, u"topology: required field is missing"_s };
        QTest::newRow("meta-bad-port")
            << u"/c/x/meta.yaml"_s
            << QByteArray("user: tidb\ntopology:\n  tidb_servers:\n  - host: a\n    port: '4x'\n")
            << QStringList { u"line 5"_s, u"topology.tidb_servers[0].port"_s, u"'4x'"_s };

        QTest::newRow("json-syntax")
            << u"inv.json"_s
            << QByteArray("{\n  \"format\": \"tidesk-inventory\",\n  \"version\": 1,\n  "
                          "\"environments\": [\n    {\"name\": \"a\",}\n  ]\n}\n")
            << QStringList { u"inv.json line 5"_s, u"invalid JSON"_s };
        QTest::newRow("json-wrong-type")
            << u"inv.json"_s
            << QByteArray(R"({"format":"tidesk-inventory","version":1,"environments":[)"
                          R"({"name":"a","user":"u","endpoints":[{"host":"h","port":"abc"}]}]})")
            << QStringList {
                   u"environments[0].endpoints[0].port: expected an integer, got \"abc\""_s
               };
        QTest::newRow("json-missing-name")
            << u"inv.json"_s
            << QByteArray(
                   R"({"format":"tidesk-inventory","version":1,"environments":[{"user":"u","endpoints":[{"host":"h"}]}]})")
            << QStringList { u"environments[0].name: required field is missing"_s };
        QTest::newRow("json-missing-endpoints")
            << u"inv.json"_s
            << QByteArray(
                   R"({"format":"tidesk-inventory","version":1,"environments":[{"name":"a","user":"u"}]})")
            << QStringList { u"environments[0].endpoints: required field is missing"_s };
        QTest::newRow("json-bad-tier")
            << u"inv.json"_s
            << QByteArray(
                   R"({"format":"tidesk-inventory","version":1,"environments":[{"name":"a","tier":"porduction","user":"u","endpoints":[{"host":"h"}]}]})")
            << QStringList { u"environments[0].tier"_s, u"porduction"_s };
        QTest::newRow("json-invalid-env")
            << u"inv.json"_s
            << QByteArray(
                   R"({"format":"tidesk-inventory","version":1,"environments":[{"name":"bad name!","user":"u","endpoints":[{"host":"h"}]}]})")
            << QStringList { u"environments[0]"_s, u"name:"_s };
        QTest::newRow("json-duplicate")
            << u"inv.json"_s
            << QByteArray(R"({"format":"tidesk-inventory","version":1,"environments":[)"
                          R"({"name":"a","user":"u","endpoints":[{"host":"h"}]},)"
                          R"({"name":"A","user":"u","endpoints":[{"host":"h"}]}]})")
            << QStringList { u"environments[1]"_s, u"twice"_s };
        QTest::newRow("json-password")
            << u"inv.json"_s
            << QByteArray(
                   R"({"format":"tidesk-inventory","version":1,"environments":[{"name":"a","user":"u","password":"hunter2","endpoints":[{"host":"h"}]}]})")
            << QStringList { u"environments[0].password"_s, u"not imported from files"_s,
                             u"tidesk-cli env set-password"_s };
        QTest::newRow("json-newer")
            << u"inv.json"_s
            << QByteArray(R"({"format":"tidesk-inventory","version":7,"environments":[]})")
            << QStringList { u"newer TiDesk"_s };
        QTest::newRow("json-not-ours")
            << u"inv.json"_s
            << QByteArray(R"({"format":"something-else","version":1,"environments":[]})")
            << QStringList { u"format"_s, u"not a TiDesk inventory"_s };
        QTest::newRow("display-bad-ports")
            << u"d.json"_s
            << QByteArray(
                   R"({"cluster_meta":{"cluster_name":"x"},"instances":[{"role":"tidb","host":"h","ports":"x/1"}]})")
            << QStringList { u"instances[0].ports"_s };
        QTest::newRow("display-no-tidb")
            << u"d.json"_s
            << QByteArray(
                   R"({"cluster_meta":{"cluster_name":"x"},"instances":[{"role":"pd","host":"h","ports":"2379/2380"}]})")
            << QStringList { u"tidb"_s };

        QTest::newRow("empty") << u"topology.yaml"_s << QByteArray("  \n\n")
                               << QStringList { u"empty"_s };
        QTest::newRow("binary") << u"x.json"_s << QByteArray("{\"a\":\n\0\0\x01\x02", 10)
                                << QStringList { u"binary"_s, u"line 2"_s };
        QTest::newRow("latin1") << u"shop.yaml"_s
                                << QByteArray("tidb_servers:\n  - host: caf\xe9\n")
                                << QStringList { u"line 2"_s, u"not UTF-8"_s };
        QTest::newRow("unknown") << u"notes.txt"_s << QByteArray("hello world\n")
                                 << QStringList { u"Cannot tell what kind of file"_s };
    }
    void malformed()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        const Result<EnvironmentList> r = InventoryImporter::importData(content, file);
        QVERIFY(!r.ok());
        QVERIFY(r.error().kind == ErrorKind::InvalidInput
                || r.error().kind == ErrorKind::Unsupported);
        for (const QString &s : expected)
            QVERIFY2(r.error().message.contains(s),
                     qPrintable(u"'"_s + s + u"' not in: "_s + r.error().message));
    }

    // One bad environment among good ones: nothing is imported.
    void allOrNothing()
    {
        const QByteArray json
            = R"({"format":"tidesk-inventory","version":1,"environments":[)"
              R"({"name":"good1","user":"u","endpoints":[{"host":"h"}]},)"
              R"({"name":"good2","user":"u","endpoints":[{"host":"h"}]},)"
              R"({"name":"bad","user":"u","endpoints":[{"host":"h","port":0}]}]})";
        const Result<EnvironmentList> r = InventoryJson::fromJson(json);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(u"environments[2].endpoints[0].port"_s),
                 qPrintable(r.error().message));

        // A YAML file whose only error is in a server we would not even use (tikv): refused.
        const QByteArray yaml
            = "tidb_servers:\n  - host: a\nmonitoring_servers:\n  - host: m\n  - port: 1\n";
        const Result<EnvironmentList> y = TiupTopologyImporter::import(yaml, u"c.yaml"_s);
        QVERIFY(!y.ok());
        QVERIFY2(y.error().message.contains(u"monitoring_servers[1].host"_s),
                 qPrintable(y.error().message));
    }

    void hugeFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"huge.yaml"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(ImportInput::kMaxBytes + 1)); // sparse: cheap
        f.close();
        const Result<EnvironmentList> r = InventoryImporter::importFile(path);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(u"too large"_s), qPrintable(r.error().message));
        // And the in-memory path too.
        const Result<EnvironmentList> m = InventoryImporter::importData(
            QByteArray(ImportInput::kMaxBytes + 1, 'a'), u"x.yaml"_s);
        QVERIFY(!m.ok());
        QVERIFY(m.error().message.contains(u"too large"_s));
    }

    void missingFile()
    {
        const Result<EnvironmentList> r
            = InventoryImporter::importFile(u"/nonexistent/topology.yaml"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::NotFound);
    }

    // The file the sandbox writes (tests/sandbox/sandbox.sh write_inventory), when it is up.
    void sandboxInventory()
    {
        QString dir = qEnvironmentVariable("TIDESK_SANDBOX_DIR");
        if (dir.isEmpty())
            dir = u"/tmp/tidesk-sandbox"_s;
        const QString path = dir + u"/inventory.json"_s;
        if (!QFile::exists(path))
            QSKIP("sandbox is not up");
        QCOMPARE(InventoryImporter::guessFormat(path, readFileBytes(path)),
                 InventoryFormat::TiDeskJson);
        const Result<EnvironmentList> r = InventoryImporter::importFile(path);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QVERIFY(!r->isEmpty());
        for (const Environment &e : r.value())
            QVERIFY2(e.validate().isEmpty(), qPrintable(e.name));
    }

    void bomAccepted()
    {
        const QByteArray yaml = "\xEF\xBB\xBFtidb_servers:\n  - host: a\n";
        const Result<EnvironmentList> r = InventoryImporter::importData(yaml, u"bom-test.yaml"_s);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->first().tier, Tier::Test);
    }

    void prometheusSelectorValidation()
    {
        Environment e;
        e.name = u"shared"_s;
        e.user = u"root"_s;
        e.endpoints = { SqlEndpoint {} };
        e.prometheusSelector = u"env=\"prod\", job=\"mysql\""_s;
        QVERIFY(e.validate().isEmpty());
        // Written with braces it would produce {..{..}..} inside every query.
        e.prometheusSelector = u"{env=\"prod\"}"_s;
        QVERIFY(e.validate().contains(u"prometheus selector"_s));
    }
};

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"

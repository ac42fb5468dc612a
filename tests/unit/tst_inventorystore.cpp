// Tests InventoryStore: round trip of every field, unique names, remove, migrations, refusing
// newer / foreign / garbage files, thread use, and durability across kill -9 (a child process
// - this executable started with --writer - saves in a loop and is SIGKILLed).
#include "inventory/InventoryStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace TiDesk;

namespace {

Environment makeEnv(const QString &name, Tier tier = Tier::Dev)
{
    Environment e;
    e.name = name;
    e.tier = tier;
    e.user = u"dba"_s;
    e.endpoints = { { u"127.0.0.1"_s, 4000, u"tidb-1"_s } };
    return e;
}

Environment fullEnv()
{
    Environment e;
    e.name = u"uat01"_s;
    e.tier = Tier::Custom;
    e.customTierName = u"pre-release"_s;
    e.color = u"#abcdef"_s;
    e.tags = { u"tidb"_s, u"b, with comma"_s, u"中文"_s };
    e.engine = EngineOverride::MariaDB;
    e.endpoints = { { u"db1.example.com"_s, 3306, u"primary"_s },
                    { u"::1"_s, 3307, {} },
                    { u"db3"_s, 3308, u"r"_s } };
    e.user = u"app"_s;
    e.defaultDatabase = u"shop"_s;
    e.tls = { TlsMode::VerifyIdentity, u"/etc/ca.pem"_s, u"/etc/c.pem"_s, u"/etc/k.pem"_s };
    e.ssh
        = { true, u"bastion"_s, 2222, u"ops"_s, u"/home/ops/.ssh/id_ed25519"_s, u"/home/ops/kh"_s };
    e.prometheusUrl = u"http://p:9090"_s;
    e.prometheusSelector = u"env=\"prod\""_s;
    e.alertmanagerUrl = u"http://a:9093"_s;
    e.pdUrl = u"http://pd:2379"_s;
    e.backup = { u"s3://bucket/prefix"_s, u"weekly"_s };
    e.notes = u"line1\nline2 'quoted' \"dq\""_s;
    e.connectTimeoutMs = 1500;
    e.queryTimeoutMs = 90000;
    return e;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs statements on a raw SQLite connection (to build old/foreign files by hand).
bool rawExec(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (ok && !q.exec(s)) {
                qWarning() << s << q.lastError().text();
                ok = false;
            }
        }
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return ok;
}

QString rawQuery(const QString &path, const QString &sql)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rawq"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                result = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"rawq"_s);
    return result;
}

// Child mode: saves environments in a loop, printing "saved <name> <n>" after each commit.
int runWriter(const QString &path, const QString &prefix)
{
    auto store = InventoryStore::open(path);
    if (!store) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(store.error().toString()));
        return 2;
    }
    // The counter survives from an earlier (killed) round when there was one.
    auto existing = store.value()->findByName(u"counter"_s);
    auto saved = existing ? existing : store.value()->save(makeEnv(u"counter"_s));
    if (!saved)
        return 3;
    Environment counter = saved.value();
    for (int i = 0;; ++i) {
        const QString name = prefix + u"-%1"_s.arg(i);
        if (!store.value()->save(makeEnv(name)))
            return 4;
        counter.notes = prefix + u' ' + QString::number(i);
        if (!store.value()->save(counter))
            return 5;
        std::printf("saved %s %d\n", qPrintable(name), i);
        std::fflush(stdout);
    }
}

} // namespace

class TestInventoryStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void createAndRoundTrip()
    {
        const QString p = path(u"roundtrip/sub/inventory.sqlite"_s); // folders are created
        auto store = InventoryStore::open(p);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        QCOMPARE(store.value()->schemaVersion().valueOr(-1), InventoryStore::kSchemaVersion);
        QCOMPARE(store.value()->load()->size(), 0);

        const Environment in = fullEnv();
        auto saved = store.value()->save(in);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
        QVERIFY(!saved->id.isNull());
        Environment expected = in;
        expected.id = saved->id;
        QCOMPARE(saved.value(), expected);

        // Reopen: everything survives, field by field.
        store.value().reset();
        auto reopened = InventoryStore::open(p);
        QVERIFY(reopened.ok());
        auto list = reopened.value()->load();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first(), expected);
        QCOMPARE(reopened.value()->find(expected.id).value(), expected);
        QCOMPARE(reopened.value()->findByName(u"UAT01"_s).value(), expected);
        QCOMPARE(reopened.value()->find(QUuid::createUuid()).error().kind, ErrorKind::NotFound);
        QCOMPARE(reopened.value()->findByName(u"nope"_s).error().kind, ErrorKind::NotFound);

        // Update in place: lists shrink and grow, the id stays.
        Environment changed = expected;
        changed.endpoints = { { u"only"_s, 4000, {} } };
        changed.tags.clear();
        changed.tier = Tier::Prod;
        changed.customTierName.clear();
        QVERIFY(reopened.value()->save(changed).ok());
        QCOMPARE(reopened.value()->find(changed.id).value(), changed);
        QCOMPARE(reopened.value()->load()->size(), 1);

        // No secret-looking column exists in the schema.
        const QString schema = rawQuery(p, u"SELECT group_concat(sql, ' ') FROM sqlite_master"_s);
        QVERIFY(!schema.isEmpty());
        QVERIFY(!schema.contains(u"password"_s, Qt::CaseInsensitive));
    }

    void orderingAndUniqueNames()
    {
        auto store = InventoryStore::open(path(u"unique.sqlite"_s));
        QVERIFY(store.ok());
        auto &s = *store.value();
        QVERIFY(s.save(makeEnv(u"dev-b"_s)).ok());
        QVERIFY(s.save(makeEnv(u"Prod"_s, Tier::Prod)).ok());
        QVERIFY(s.save(makeEnv(u"dev-a"_s)).ok());
        QVERIFY(s.save(makeEnv(u"uat"_s, Tier::Uat)).ok());

        auto dup = s.save(makeEnv(u"PROD"_s));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(dup.error().message.contains(u"An environment named Prod already exists"_s),
                 qPrintable(dup.error().message));

        // Renaming to another environment's name (case-insensitively) is refused too.
        Environment devA = s.findByName(u"dev-a"_s).value();
        devA.name = u"DEV-B"_s;
        QVERIFY(!s.save(devA).ok());
        // ...but changing only the case of one's own name is fine.
        devA.name = u"DEV-A"_s;
        QVERIFY(s.save(devA).ok());

        // Validation runs before anything is written.
        Environment invalid = makeEnv(u"bad name"_s);
        auto v = s.save(invalid);
        QVERIFY(!v.ok());
        QVERIFY(v.error().message.contains(u"name"_s));

        QStringList names;
        const EnvironmentList all = s.load().value(); // not a range-for over a temporary's member
        for (const Environment &e : all)
            names << e.name;
        QCOMPARE(names, (QStringList { u"Prod"_s, u"uat"_s, u"DEV-A"_s, u"dev-b"_s }));

        // saveAll: one duplicate makes the whole batch fail, nothing of it is stored.
        auto batch = s.saveAll({ makeEnv(u"new1"_s), makeEnv(u"new2"_s), makeEnv(u"uat"_s) });
        QVERIFY(!batch.ok());
        QVERIFY(batch.error().message.contains(u"uat"_s));
        QCOMPARE(s.load()->size(), 4);
        QVERIFY(!s.findByName(u"new1"_s).ok());
        auto batch2 = s.saveAll({ makeEnv(u"new1"_s), makeEnv(u"new2"_s) });
        QVERIFY(batch2.ok());
        QCOMPARE(s.load()->size(), 6);
        // Duplicate inside one batch.
        QVERIFY(!s.saveAll({ makeEnv(u"x1"_s), makeEnv(u"X1"_s) }).ok());
        QCOMPARE(s.load()->size(), 6);
    }

    void remove()
    {
        auto store = InventoryStore::open(path(u"remove.sqlite"_s));
        QVERIFY(store.ok());
        auto &s = *store.value();
        const Environment a = s.save(fullEnv()).value();
        const Environment b = s.save(makeEnv(u"b"_s)).value();
        QVERIFY(s.remove(a.id).ok());
        QCOMPARE(s.load()->size(), 1);
        QCOMPARE(s.load()->first().id, b.id);
        QCOMPARE(s.remove(a.id).error().kind, ErrorKind::NotFound);
        // Child rows went with it (foreign keys cascade).
        QCOMPARE(rawQuery(path(u"remove.sqlite"_s), u"SELECT count(*) FROM endpoints"_s), u"1"_s);
        QCOMPARE(rawQuery(path(u"remove.sqlite"_s), u"SELECT count(*) FROM tags"_s), u"0"_s);
        // The name is free again.
        QVERIFY(s.save(fullEnv()).ok());
    }

    void migrateFromV1()
    {
        // A schema-1 file as the first development build wrote it (tags as a CSV column).
        const QString p = path(u"v1.sqlite"_s);
        QVERIFY(rawExec(
            p,
            {
                u"CREATE TABLE environments (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL "
                u"UNIQUE COLLATE NOCASE,"
                " tier TEXT NOT NULL, custom_tier_name TEXT NOT NULL DEFAULT '', color TEXT NOT "
                "NULL DEFAULT '',"
                " tags TEXT NOT NULL DEFAULT '', engine TEXT NOT NULL DEFAULT 'auto', sql_user "
                "TEXT NOT NULL,"
                " default_database TEXT NOT NULL DEFAULT '', tls_mode TEXT NOT NULL DEFAULT "
                "'preferred',"
                " tls_ca_file TEXT NOT NULL DEFAULT '', tls_cert_file TEXT NOT NULL DEFAULT '',"
                " tls_key_file TEXT NOT NULL DEFAULT '', ssh_enabled INTEGER NOT NULL DEFAULT 0,"
                " ssh_host TEXT NOT NULL DEFAULT '', ssh_port INTEGER NOT NULL DEFAULT 22,"
                " ssh_user TEXT NOT NULL DEFAULT '', ssh_identity_file TEXT NOT NULL DEFAULT '',"
                " ssh_known_hosts_file TEXT NOT NULL DEFAULT '', prometheus_url TEXT NOT NULL "
                "DEFAULT '',"
                " alertmanager_url TEXT NOT NULL DEFAULT '', pd_url TEXT NOT NULL DEFAULT '',"
                " backup_url TEXT NOT NULL DEFAULT '', backup_notes TEXT NOT NULL DEFAULT '',"
                " notes TEXT NOT NULL DEFAULT '', connect_timeout_ms INTEGER NOT NULL DEFAULT 5000,"
                " query_timeout_ms INTEGER NOT NULL DEFAULT 30000)"_s,
                u"CREATE TABLE endpoints (env_id TEXT NOT NULL REFERENCES environments(id) ON "
                u"DELETE CASCADE,"
                " position INTEGER NOT NULL, host TEXT NOT NULL, port INTEGER NOT NULL, label TEXT "
                "NOT NULL DEFAULT '',"
                " PRIMARY KEY (env_id, position))"_s,
                u"INSERT INTO environments (id, name, tier, tags, sql_user, pd_url) VALUES"
                " ('6f1c7a52-9a43-4a39-8f0e-0a5f0c1d2e3f', 'legacy', 'prod', 'tidb, eu-west,,  "
                "core ', 'root',"
                " 'http://pd:2379')"_s,
                u"INSERT INTO environments (id, name, tier, sql_user) VALUES"
                " ('7f1c7a52-9a43-4a39-8f0e-0a5f0c1d2e3f', 'untagged', 'dev', 'root')"_s,
                u"INSERT INTO endpoints VALUES ('6f1c7a52-9a43-4a39-8f0e-0a5f0c1d2e3f', 0, 'h1', 4000, 'a')"_s,
                u"INSERT INTO endpoints VALUES ('6f1c7a52-9a43-4a39-8f0e-0a5f0c1d2e3f', 1, 'h2', 4001, '')"_s,
                u"INSERT INTO endpoints VALUES ('7f1c7a52-9a43-4a39-8f0e-0a5f0c1d2e3f', 0, 'h3', 3306, '')"_s,
                u"PRAGMA application_id=%1"_s.arg(InventoryStore::kApplicationId),
                u"PRAGMA user_version=1"_s,
            }));
        auto store = InventoryStore::open(p);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        QCOMPARE(store.value()->schemaVersion().valueOr(-1), InventoryStore::kSchemaVersion);
        const Environment legacy = store.value()->findByName(u"legacy"_s).value();
        QCOMPARE(legacy.id, QUuid::fromString(u"6f1c7a52-9a43-4a39-8f0e-0a5f0c1d2e3f"_s));
        QCOMPARE(legacy.tier, Tier::Prod);
        QCOMPARE(legacy.tags, (QStringList { u"tidb"_s, u"eu-west"_s, u"core"_s }));
        QCOMPARE(legacy.endpoints.size(), 2);
        QCOMPARE(legacy.endpoints[1], (SqlEndpoint { u"h2"_s, 4001, {} }));
        QCOMPARE(legacy.pdUrl, u"http://pd:2379"_s);
        QVERIFY(legacy.prometheusSelector.isEmpty()); // added by migration 3
        QVERIFY(store.value()->findByName(u"untagged"_s)->tags.isEmpty());
        // And it is writable in the new layout.
        Environment more = legacy;
        more.tags << u"new"_s;
        QVERIFY(store.value()->save(more).ok());
        QCOMPARE(store.value()->find(legacy.id)->tags.size(), 4);
    }

    void emptySqliteFileIsInitialised()
    {
        // A zero-byte file and an SQLite file with no tables (schema 0) both become inventories.
        const QString zero = path(u"zero.sqlite"_s);
        QFile f(zero);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(InventoryStore::open(zero).ok());
        const QString v0 = path(u"v0.sqlite"_s);
        QVERIFY(rawExec(v0, { u"PRAGMA user_version=0"_s, u"VACUUM"_s }));
        auto s = InventoryStore::open(v0);
        QVERIFY(s.ok());
        QCOMPARE(s.value()->schemaVersion().valueOr(-1), InventoryStore::kSchemaVersion);
    }

    void newerSchemaRefused()
    {
        const QString p = path(u"newer.sqlite"_s);
        {
            auto s = InventoryStore::open(p);
            QVERIFY(s.ok());
            QVERIFY(s.value()->save(makeEnv(u"x"_s)).ok());
        }
        QVERIFY(
            rawExec(p, { u"PRAGMA user_version=%1"_s.arg(InventoryStore::kSchemaVersion + 1) }));
        const QByteArray before = fileHash(p);
        auto s = InventoryStore::open(p);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ErrorKind::Unsupported);
        QVERIFY2(s.error().message.contains(u"newer TiDesk"_s), qPrintable(s.error().message));
        QCOMPARE(fileHash(p), before);
    }

    void garbageRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << QByteArray("this is my shopping list\n")
                              << u"not an SQLite database"_s;
        QTest::newRow("binary") << QByteArray(4096, '\x7f') << u"not an SQLite database"_s;
        QByteArray damaged("SQLite format 3\0", 16);
        damaged += QByteArray(4080, '\xff');
        QTest::newRow("damaged-sqlite") << damaged << u"not a TiDesk inventory"_s;
    }
    void garbageRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString p
            = path(u"garbage-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        auto s = InventoryStore::open(p);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(expected), qPrintable(s.error().toString()));
        QVERIFY(QFile::exists(p));
        QFile r(p);
        QVERIFY(r.open(QIODevice::ReadOnly));
        QCOMPARE(r.readAll(), content); // untouched
        QVERIFY(!QFile::exists(p + u"-journal"_s));
    }

    void foreignSqliteRefused()
    {
        const QString p = path(u"firefox.sqlite"_s);
        QVERIFY(rawExec(p,
                        { u"CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)"_s,
                          u"INSERT INTO moz_places (url) VALUES ('https://example.com')"_s }));
        const QByteArray before = fileHash(p);
        auto s = InventoryStore::open(p);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(u"not a TiDesk inventory"_s),
                 qPrintable(s.error().message));
        QCOMPARE(fileHash(p), before);
    }

    void threads()
    {
        auto store = InventoryStore::open(path(u"threads.sqlite"_s));
        QVERIFY(store.ok());
        std::shared_ptr<InventoryStore> s = store.value();
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        QList<QFuture<bool>> futures;
        for (int t = 0; t < 4; ++t) {
            futures << QtConcurrent::run(&pool, [s, t] {
                for (int i = 0; i < 10; ++i) {
                    if (!s->save(makeEnv(u"t%1-%2"_s.arg(t).arg(i))).ok())
                        return false;
                    if (!s->load().ok())
                        return false;
                }
                return true;
            });
        }
        for (auto &f : futures)
            QVERIFY(f.result());
        QCOMPARE(s->load()->size(), 40);
    }

    void loadFigures()
    {
        auto store = InventoryStore::open(path(u"figures.sqlite"_s));
        QVERIFY(store.ok());
        EnvironmentList envs;
        for (int i = 0; i < 200; ++i) {
            Environment e = fullEnv();
            e.name = u"env-%1"_s.arg(i, 3, 10, QChar(u'0'));
            e.tier = Tier(i % 5);
            envs << e;
        }
        QElapsedTimer t;
        t.start();
        QVERIFY(store.value()->saveAll(envs).ok());
        const qint64 saveMs = t.elapsed();
        t.restart();
        auto loaded = store.value()->load();
        const qint64 loadMs = t.elapsed();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->size(), 200);
        qInfo("200 environments (3 endpoints, 3 tags each): saveAll %lld ms, load %lld ms", saveMs,
              loadMs);
    }

    // A writer is SIGKILLed mid-loop, three times on the same file (the next open recovers the
    // hot journal); everything it reported saved must be there, and the file intact.
    void killNineDurability()
    {
        const QString p = path(u"kill9.sqlite"_s);
        QStringList savedNames;
        for (int round = 0; round < 3; ++round) {
            const QString prefix = u"r%1"_s.arg(round);
            QProcess child;
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(QCoreApplication::applicationFilePath(), { u"--writer"_s, p, prefix });
            QVERIFY(child.waitForStarted());
            const qsizetype before = savedNames.size();
            int lastCounter = -1;
            QByteArray pending;
            QElapsedTimer timer;
            timer.start();
            auto consume = [&] {
                pending += child.readAllStandardOutput();
                qsizetype nl;
                while ((nl = pending.indexOf('\n')) >= 0) {
                    const QList<QByteArray> parts = pending.left(nl).split(' ');
                    pending.remove(0, nl + 1);
                    if (parts.size() == 3 && parts[0] == "saved") {
                        savedNames << QString::fromUtf8(parts[1]);
                        lastCounter = parts[2].toInt();
                    }
                }
            };
            // Kill at a varying point after at least 20 saves of this round.
            const qint64 target = before + 20 + QDateTime::currentMSecsSinceEpoch() % 17;
            while (savedNames.size() < target && timer.elapsed() < 60000) {
                QVERIFY2(child.state() == QProcess::Running,
                         child.readAllStandardError().constData());
                child.waitForReadyRead(1000);
                consume();
            }
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(10000));
            consume(); // lines written before the kill are still in the pipe
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            QVERIFY(savedNames.size() >= before + 20);

            auto store = InventoryStore::open(p);
            QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
            QCOMPARE(rawQuery(p, u"PRAGMA integrity_check"_s), u"ok"_s);
            auto list = store.value()->load();
            QVERIFY(list.ok());
            QSet<QString> present;
            for (const Environment &e : list.value())
                present.insert(e.name);
            for (const QString &n : savedNames)
                QVERIFY2(present.contains(n),
                         qPrintable(n + u" was reported saved but is missing"_s));
            const QStringList counter = store.value()->findByName(u"counter"_s)->notes.split(u' ');
            QCOMPARE(counter.value(0), prefix);
            QVERIFY(counter.value(1).toInt() >= lastCounter);
            qInfo("round %d: writer killed after %lld reported saves; %lld environments present",
                  round, qlonglong(savedNames.size() - before), qlonglong(present.size()));
        }
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--writer") == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    TestInventoryStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_inventorystore.moc"

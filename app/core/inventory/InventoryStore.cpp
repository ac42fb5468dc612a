#include "InventoryStore.h"

#include "common/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutexLocker>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// Schema layout (why normalised): the scalar, one-per-environment settings (TLS, SSH bastion,
// URLs, timeouts) are plain columns so the CLI and future reports can filter on them in SQL
// and SQLite itself enforces the case-insensitive unique name. The two lists (endpoints, tags)
// are child tables with an explicit position so their order survives and a tag can be
// searched with an index; JSON columns would hide them from SQL and from NOT NULL checks.
//
// Migrations: migration i (1-based) takes a file from user_version i-1 to i. Never edit a
// shipped migration; append a new one and bump InventoryStore::kSchemaVersion.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        { 1,
          {
              u"CREATE TABLE environments ("
              "  id TEXT PRIMARY KEY NOT NULL,"
              "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
              "  tier TEXT NOT NULL,"
              "  custom_tier_name TEXT NOT NULL DEFAULT '',"
              "  color TEXT NOT NULL DEFAULT '',"
              "  tags TEXT NOT NULL DEFAULT '',"
              "  engine TEXT NOT NULL DEFAULT 'auto',"
              "  sql_user TEXT NOT NULL,"
              "  default_database TEXT NOT NULL DEFAULT '',"
              "  tls_mode TEXT NOT NULL DEFAULT 'preferred',"
              "  tls_ca_file TEXT NOT NULL DEFAULT '',"
              "  tls_cert_file TEXT NOT NULL DEFAULT '',"
              "  tls_key_file TEXT NOT NULL DEFAULT '',"
              "  ssh_enabled INTEGER NOT NULL DEFAULT 0,"
              "  ssh_host TEXT NOT NULL DEFAULT '',"
              "  ssh_port INTEGER NOT NULL DEFAULT 22,"
              "  ssh_user TEXT NOT NULL DEFAULT '',"
              "  ssh_identity_file TEXT NOT NULL DEFAULT '',"
              "  ssh_known_hosts_file TEXT NOT NULL DEFAULT '',"
              "  prometheus_url TEXT NOT NULL DEFAULT '',"
              "  alertmanager_url TEXT NOT NULL DEFAULT '',"
              "  pd_url TEXT NOT NULL DEFAULT '',"
              "  backup_url TEXT NOT NULL DEFAULT '',"
              "  backup_notes TEXT NOT NULL DEFAULT '',"
              "  notes TEXT NOT NULL DEFAULT '',"
              "  connect_timeout_ms INTEGER NOT NULL DEFAULT 5000,"
              "  query_timeout_ms INTEGER NOT NULL DEFAULT 30000)"_s,
              u"CREATE TABLE endpoints ("
              "  env_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,"
              "  position INTEGER NOT NULL,"
              "  host TEXT NOT NULL,"
              "  port INTEGER NOT NULL,"
              "  label TEXT NOT NULL DEFAULT '',"
              "  PRIMARY KEY (env_id, position))"_s,
          } },
        // 2: tags move from a comma-separated column to their own table (searchable, no
        // escaping problem with commas); environments get created/updated timestamps.
        { 2,
          {
              u"CREATE TABLE tags ("
              "  env_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,"
              "  position INTEGER NOT NULL,"
              "  tag TEXT NOT NULL,"
              "  PRIMARY KEY (env_id, position))"_s,
              u"CREATE INDEX tags_by_tag ON tags(tag COLLATE NOCASE)"_s,
              u"WITH RECURSIVE split(env_id, position, tag, rest) AS ("
              "  SELECT id, -1, '', tags || ',' FROM environments"
              "  UNION ALL"
              "  SELECT env_id, position + 1, trim(substr(rest, 1, instr(rest, ',') - 1)),"
              "         substr(rest, instr(rest, ',') + 1)"
              "  FROM split WHERE rest <> '')"
              " INSERT INTO tags(env_id, position, tag)"
              " SELECT env_id, position, tag FROM split WHERE position >= 0 AND tag <> ''"_s,
              u"ALTER TABLE environments DROP COLUMN tags"_s,
              u"ALTER TABLE environments ADD COLUMN created_at TEXT NOT NULL DEFAULT ''"_s,
              u"ALTER TABLE environments ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''"_s,
          } },
        // 3: label matchers for a Prometheus shared by several environments (issue 4).
        { 3,
          {
              u"ALTER TABLE environments ADD COLUMN prometheus_selector TEXT NOT NULL DEFAULT ''"_s,
          } },
    };
    return list;
}

Error dbError(const QString &message, const QSqlError &e)
{
    return Error::make(ErrorKind::Io, message, e.text());
}

Error queryError(const QSqlQuery &q)
{
    return dbError(
        QCoreApplication::translate("TiDesk::InventoryStore",
                                    "The inventory database could not be read or written."),
        q.lastError());
}

// Runs one statement; false (with error set) on failure.
bool run(QSqlQuery &q, const QString &sql, Error *error)
{
    if (q.exec(sql))
        return true;
    *error = queryError(q);
    error->detail += u" ["_s + sql.left(80) + u']';
    return false;
}

bool hasSqliteHeader(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    static const QByteArray magic("SQLite format 3\0", 16);
    return f.read(16) == magic;
}

std::atomic<quint64> g_connectionSerial { 0 };

} // namespace

struct InventoryStore::Private
{
    QString path;
    QString connectionPrefix;
    mutable QMutex mutex;
    // Connection name -> the thread that owns it; connections of finished threads are
    // removed the next time a connection is made, the rest in the destructor.
    QHash<QString, QPointer<QThread>> connections;

    Result<QSqlDatabase> connection()
    {
        // A thread-local serial rather than the thread id: ids are reused after a thread
        // exits, and QSqlDatabase refuses a connection created by another (dead) thread.
        static thread_local const quint64 threadSerial = ++g_connectionSerial;
        const QString name = connectionPrefix + QString::number(threadSerial);
        if (connections.contains(name))
            return QSqlDatabase::database(name, false);

        for (auto it = connections.begin(); it != connections.end();) {
            if (it.value().isNull() || it.value()->isFinished()) {
                QSqlDatabase::removeDatabase(it.key());
                it = connections.erase(it);
            } else {
                ++it;
            }
        }

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
            if (!db.open()) {
                const Error e
                    = dbError(InventoryStore::tr("Could not open the inventory %1.").arg(path),
                              db.lastError());
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(name);
                return e;
            }
            // DELETE journal + synchronous=FULL: every COMMIT is on disk before it returns, so a
            // kill -9 (or power loss) never loses a saved environment, and the inventory stays a
            // single self-contained file users can copy or back up (WAL would add -wal/-shm
            // files; its write throughput does not matter for a few hundred rows).
            QSqlQuery q(db);
            Error err;
            for (const QString &pragma :
                 { u"PRAGMA journal_mode=DELETE"_s, u"PRAGMA synchronous=FULL"_s,
                   u"PRAGMA foreign_keys=ON"_s }) {
                if (!run(q, pragma, &err)) {
                    q = QSqlQuery();
                    db.close();
                    db = QSqlDatabase();
                    QSqlDatabase::removeDatabase(name);
                    return err;
                }
            }
        }
        connections.insert(name, QThread::currentThread());
        return QSqlDatabase::database(name, false);
    }
};

InventoryStore::InventoryStore(QString path)
    : d(std::make_unique<Private>())
    , m_path(std::move(path))
{
    d->path = m_path;
    d->connectionPrefix
        = u"tidesk-inventory:"_s + m_path + u':' + QString::number(++g_connectionSerial) + u':';
}

InventoryStore::~InventoryStore()
{
    QMutexLocker lock(&d->mutex);
    for (auto it = d->connections.cbegin(); it != d->connections.cend(); ++it)
        QSqlDatabase::removeDatabase(it.key());
}

// --- open / probe / migrate --------------------------------------------------------------

namespace {

struct ProbeResult
{
    int applicationId = 0;
    int userVersion = 0;
    int objectCount = 0;
};

// Reads the identity of an existing file through a read-only connection, so a file we end up
// refusing is never written to (not even a journal-mode change).
Result<ProbeResult> probe(const QString &path)
{
    static std::atomic<int> serial { 0 };
    const QString name = u"tidesk-inventory-probe:"_s + QString::number(++serial);
    Result<ProbeResult> result = ProbeResult {};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            result = dbError(QCoreApplication::translate("TiDesk::InventoryStore",
                                                         "Could not open the inventory %1.")
                                 .arg(path),
                             db.lastError());
        } else {
            QSqlQuery q(db);
            ProbeResult p;
            bool ok = q.exec(u"PRAGMA application_id"_s) && q.next();
            if (ok)
                p.applicationId = q.value(0).toInt();
            ok = ok && q.exec(u"PRAGMA user_version"_s) && q.next();
            if (ok)
                p.userVersion = q.value(0).toInt();
            ok = ok && q.exec(u"SELECT count(*) FROM sqlite_master"_s) && q.next();
            if (ok)
                p.objectCount = q.value(0).toInt();
            if (ok) {
                result = p;
            } else {
                result = Error::make(ErrorKind::InvalidInput,
                                     QCoreApplication::translate(
                                         "TiDesk::InventoryStore",
                                         "%1 is not a TiDesk inventory (the SQLite file is damaged "
                                         "or not a database).")
                                         .arg(path),
                                     q.lastError().text());
            }
            q = QSqlQuery();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

VoidResult migrate(QSqlDatabase &db)
{
    QSqlQuery q(db);
    Error err;
    // IMMEDIATE: take the write lock before reading user_version, so two processes opening a
    // fresh file at once cannot both run the same migration.
    if (!run(q, u"BEGIN IMMEDIATE"_s, &err))
        return err;
    auto rollback = [&q](Error e) -> VoidResult {
        q.exec(u"ROLLBACK"_s);
        return e;
    };
    if (!run(q, u"PRAGMA user_version"_s, &err) || !q.next())
        return rollback(err.isError() ? err : queryError(q));
    const int from = q.value(0).toInt();
    if (from > InventoryStore::kSchemaVersion) {
        return rollback(
            Error::make(ErrorKind::Unsupported,
                        QCoreApplication::translate(
                            "TiDesk::InventoryStore",
                            "The inventory was written by a newer TiDesk (schema %1; this "
                            "version understands up to %2). Upgrade TiDesk to open it.")
                            .arg(from)
                            .arg(InventoryStore::kSchemaVersion)));
    }
    for (const Migration &m : migrations()) {
        if (m.version <= from)
            continue;
        for (const QString &sql : m.statements) {
            if (!run(q, sql, &err)) {
                err.message
                    = QCoreApplication::translate("TiDesk::InventoryStore",
                                                  "Could not upgrade the inventory to schema %1.")
                          .arg(m.version);
                return rollback(err);
            }
        }
    }
    if (from == 0)
        qCDebug(lcInventory) << "inventory created with schema" << InventoryStore::kSchemaVersion;
    else if (from < InventoryStore::kSchemaVersion)
        qCInfo(lcInventory) << "inventory migrated from schema" << from << "to"
                            << InventoryStore::kSchemaVersion;
    // Both PRAGMAs live in the file header and are part of the transaction.
    if (!run(q, u"PRAGMA application_id=%1"_s.arg(InventoryStore::kApplicationId), &err)
        || !run(q, u"PRAGMA user_version=%1"_s.arg(InventoryStore::kSchemaVersion), &err))
        return rollback(err);
    if (!run(q, u"COMMIT"_s, &err))
        return rollback(err);
    return {};
}

} // namespace

Result<std::shared_ptr<InventoryStore>> InventoryStore::open(const QString &path)
{
    if (path.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("No inventory path was given."));
    const QFileInfo fi(path);
    if (fi.exists() && !fi.isFile())
        return Error::make(ErrorKind::InvalidInput, tr("%1 is not a file.").arg(path));

    if (fi.exists() && fi.size() > 0) {
        if (!hasSqliteHeader(path)) {
            return Error::make(ErrorKind::InvalidInput,
                               tr("%1 is not a TiDesk inventory (it is not an SQLite database). "
                                  "The file was left unchanged.")
                                   .arg(path));
        }
        const Result<ProbeResult> p = probe(path);
        if (!p)
            return p.error();
        if (p->applicationId != kApplicationId && !(p->applicationId == 0 && p->objectCount == 0)) {
            return Error::make(ErrorKind::InvalidInput,
                               tr("%1 is an SQLite database but not a TiDesk inventory. "
                                  "The file was left unchanged.")
                                   .arg(path));
        }
        if (p->userVersion > kSchemaVersion) {
            return Error::make(ErrorKind::Unsupported,
                               tr("The inventory %1 was written by a newer TiDesk (schema %2; this "
                                  "version understands up to %3). Upgrade TiDesk to open it. "
                                  "The file was left unchanged.")
                                   .arg(path)
                                   .arg(p->userVersion)
                                   .arg(kSchemaVersion));
        }
    } else if (!fi.exists()) {
        if (!QDir().mkpath(fi.absolutePath()))
            return Error::make(ErrorKind::Io,
                               tr("Could not create the folder %1.").arg(fi.absolutePath()));
    }

    std::shared_ptr<InventoryStore> store(new InventoryStore(path));
    QMutexLocker lock(&store->d->mutex);
    Result<QSqlDatabase> db = store->d->connection();
    if (!db)
        return db.error();
    if (VoidResult m = migrate(db.value()); !m)
        return m.error();
    lock.unlock();
    return store;
}

Result<int> InventoryStore::schemaVersion() const
{
    QMutexLocker lock(&d->mutex);
    Result<QSqlDatabase> db = d->connection();
    if (!db)
        return db.error();
    QSqlQuery q(db.value());
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return queryError(q);
    return q.value(0).toInt();
}

// --- reading -----------------------------------------------------------------------------

namespace {

const QString kSelectEnvironments
    = u"SELECT id, name, tier, custom_tier_name, color, engine, sql_user, "
      "default_database, tls_mode, tls_ca_file, tls_cert_file, tls_key_file, "
      "ssh_enabled, ssh_host, ssh_port, ssh_user, ssh_identity_file, "
      "ssh_known_hosts_file, prometheus_url, alertmanager_url, pd_url, "
      "backup_url, backup_notes, notes, connect_timeout_ms, query_timeout_ms, "
      "prometheus_selector FROM environments"_s;

Environment environmentFromRow(const QSqlQuery &q)
{
    Environment e;
    int c = 0;
    e.id = QUuid::fromString(q.value(c++).toString());
    e.name = q.value(c++).toString();
    e.tier = Environment::tierFromName(q.value(c++).toString());
    e.customTierName = q.value(c++).toString();
    e.color = q.value(c++).toString();
    e.engine = Environment::engineOverrideFromName(q.value(c++).toString());
    e.user = q.value(c++).toString();
    e.defaultDatabase = q.value(c++).toString();
    e.tls.mode = Environment::tlsModeFromName(q.value(c++).toString());
    e.tls.caFile = q.value(c++).toString();
    e.tls.certFile = q.value(c++).toString();
    e.tls.keyFile = q.value(c++).toString();
    e.ssh.enabled = q.value(c++).toInt() != 0;
    e.ssh.host = q.value(c++).toString();
    e.ssh.port = q.value(c++).toInt();
    e.ssh.user = q.value(c++).toString();
    e.ssh.identityFile = q.value(c++).toString();
    e.ssh.knownHostsFile = q.value(c++).toString();
    e.prometheusUrl = q.value(c++).toString();
    e.alertmanagerUrl = q.value(c++).toString();
    e.pdUrl = q.value(c++).toString();
    e.backup.url = q.value(c++).toString();
    e.backup.notes = q.value(c++).toString();
    e.notes = q.value(c++).toString();
    e.connectTimeoutMs = q.value(c++).toInt();
    e.queryTimeoutMs = q.value(c++).toInt();
    e.prometheusSelector = q.value(c++).toString();
    return e;
}

// Reads environments matching `where` (bound to `arg` when not null) with their lists.
Result<EnvironmentList> readEnvironments(QSqlDatabase &db, const QString &where = {},
                                         const QVariant &arg = {})
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // A read transaction gives one consistent snapshot across the three queries.
    Error err;
    if (!run(q, u"BEGIN"_s, &err))
        return err;
    auto fail = [&q](const Error &e) -> Result<EnvironmentList> {
        q.exec(u"ROLLBACK"_s);
        return e;
    };
    EnvironmentList list;
    QHash<QString, qsizetype> rowById;
    if (!q.prepare(kSelectEnvironments + where))
        return fail(queryError(q));
    if (!where.isEmpty())
        q.addBindValue(arg);
    if (!q.exec())
        return fail(queryError(q));
    while (q.next()) {
        Environment e = environmentFromRow(q);
        rowById.insert(q.value(0).toString(), list.size());
        list.append(std::move(e));
    }
    if (list.isEmpty()) {
        q.exec(u"COMMIT"_s);
        return list;
    }
    const QString filter = where.isEmpty() ? QString() : u" WHERE env_id = ?"_s;
    if (!q.prepare(u"SELECT env_id, host, port, label FROM endpoints"_s + filter
                   + u" ORDER BY env_id, position"_s))
        return fail(queryError(q));
    if (!filter.isEmpty())
        q.addBindValue(list.first().id.toString(QUuid::WithoutBraces));
    if (!q.exec())
        return fail(queryError(q));
    while (q.next()) {
        const auto it = rowById.constFind(q.value(0).toString());
        if (it == rowById.cend())
            continue;
        SqlEndpoint ep;
        ep.host = q.value(1).toString();
        ep.port = q.value(2).toInt();
        ep.label = q.value(3).toString();
        list[it.value()].endpoints.append(ep);
    }
    if (!q.prepare(u"SELECT env_id, tag FROM tags"_s + filter + u" ORDER BY env_id, position"_s))
        return fail(queryError(q));
    if (!filter.isEmpty())
        q.addBindValue(list.first().id.toString(QUuid::WithoutBraces));
    if (!q.exec())
        return fail(queryError(q));
    while (q.next()) {
        const auto it = rowById.constFind(q.value(0).toString());
        if (it != rowById.cend())
            list[it.value()].tags.append(q.value(1).toString());
    }
    q.exec(u"COMMIT"_s);
    std::sort(list.begin(), list.end(), &Environment::sortsBefore);
    return list;
}

} // namespace

Result<EnvironmentList> InventoryStore::load() const
{
    QMutexLocker lock(&d->mutex);
    Result<QSqlDatabase> db = d->connection();
    if (!db)
        return db.error();
    return readEnvironments(db.value());
}

Result<Environment> InventoryStore::find(const QUuid &id) const
{
    QMutexLocker lock(&d->mutex);
    Result<QSqlDatabase> db = d->connection();
    if (!db)
        return db.error();
    Result<EnvironmentList> r
        = readEnvironments(db.value(), u" WHERE id = ?"_s, id.toString(QUuid::WithoutBraces));
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error::make(ErrorKind::NotFound,
                           tr("No environment has the id %1.").arg(id.toString()));
    return r->first();
}

Result<Environment> InventoryStore::findByName(const QString &name) const
{
    QMutexLocker lock(&d->mutex);
    Result<QSqlDatabase> db = d->connection();
    if (!db)
        return db.error();
    Result<EnvironmentList> r
        = readEnvironments(db.value(), u" WHERE name = ? COLLATE NOCASE"_s, name);
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error::make(ErrorKind::NotFound, tr("No environment is named %1.").arg(name));
    return r->first();
}

// --- writing -----------------------------------------------------------------------------

namespace {

// Writes one environment inside the caller's transaction.
Result<Environment> writeEnvironment(QSqlDatabase &db, Environment env)
{
    if (const QString why = env.validate(); !why.isEmpty()) {
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::InventoryStore", "Environment %1: %2")
                .arg(env.name.isEmpty()
                         ? QCoreApplication::translate("TiDesk::InventoryStore", "(unnamed)")
                         : env.name,
                     why));
    }
    if (env.id.isNull())
        env.id = QUuid::createUuid();
    const QString id = env.id.toString(QUuid::WithoutBraces);

    QSqlQuery q(db);
    q.prepare(u"SELECT name FROM environments WHERE name = ? COLLATE NOCASE AND id <> ?"_s);
    q.addBindValue(env.name);
    q.addBindValue(id);
    if (!q.exec())
        return queryError(q);
    if (q.next()) {
        return Error::make(ErrorKind::InvalidInput,
                           QCoreApplication::translate("TiDesk::InventoryStore",
                                                       "An environment named %1 already exists.")
                               .arg(q.value(0).toString()));
    }

    q.prepare(u"SELECT 1 FROM environments WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return queryError(q);
    const bool exists = q.next();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);

    static const QStringList columns = { u"name"_s,
                                         u"tier"_s,
                                         u"custom_tier_name"_s,
                                         u"color"_s,
                                         u"engine"_s,
                                         u"sql_user"_s,
                                         u"default_database"_s,
                                         u"tls_mode"_s,
                                         u"tls_ca_file"_s,
                                         u"tls_cert_file"_s,
                                         u"tls_key_file"_s,
                                         u"ssh_enabled"_s,
                                         u"ssh_host"_s,
                                         u"ssh_port"_s,
                                         u"ssh_user"_s,
                                         u"ssh_identity_file"_s,
                                         u"ssh_known_hosts_file"_s,
                                         u"prometheus_url"_s,
                                         u"alertmanager_url"_s,
                                         u"pd_url"_s,
                                         u"backup_url"_s,
                                         u"backup_notes"_s,
                                         u"notes"_s,
                                         u"connect_timeout_ms"_s,
                                         u"query_timeout_ms"_s,
                                         u"prometheus_selector"_s,
                                         u"updated_at"_s };
    const QVariantList values = { env.name,
                                  Environment::tierName(env.tier),
                                  env.customTierName,
                                  env.color,
                                  Environment::engineOverrideName(env.engine),
                                  env.user,
                                  env.defaultDatabase,
                                  Environment::tlsModeName(env.tls.mode),
                                  env.tls.caFile,
                                  env.tls.certFile,
                                  env.tls.keyFile,
                                  env.ssh.enabled ? 1 : 0,
                                  env.ssh.host,
                                  env.ssh.port,
                                  env.ssh.user,
                                  env.ssh.identityFile,
                                  env.ssh.knownHostsFile,
                                  env.prometheusUrl,
                                  env.alertmanagerUrl,
                                  env.pdUrl,
                                  env.backup.url,
                                  env.backup.notes,
                                  env.notes,
                                  env.connectTimeoutMs,
                                  env.queryTimeoutMs,
                                  env.prometheusSelector,
                                  now };
    // QtSql binds a null QString as SQL NULL; the columns are NOT NULL, so bind "" instead.
    auto bind = [&q](const QVariant &v) {
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.addBindValue(QString(u""_s));
        else
            q.addBindValue(v);
    };

    if (exists) {
        q.prepare(u"UPDATE environments SET "_s + columns.join(u" = ?, "_s)
                  + u" = ? WHERE id = ?"_s);
        for (const QVariant &v : values)
            bind(v);
        q.addBindValue(id);
    } else {
        QStringList marks;
        for (qsizetype i = 0; i < columns.size() + 2; ++i)
            marks << u"?"_s;
        q.prepare(u"INSERT INTO environments (id, created_at, "_s + columns.join(u", "_s)
                  + u") VALUES ("_s + marks.join(u", "_s) + u')');
        q.addBindValue(id);
        q.addBindValue(now);
        for (const QVariant &v : values)
            bind(v);
    }
    if (!q.exec())
        return queryError(q);

    for (const QString &table : { u"endpoints"_s, u"tags"_s }) {
        q.prepare(u"DELETE FROM "_s + table + u" WHERE env_id = ?"_s);
        q.addBindValue(id);
        if (!q.exec())
            return queryError(q);
    }
    q.prepare(
        u"INSERT INTO endpoints (env_id, position, host, port, label) VALUES (?, ?, ?, ?, ?)"_s);
    for (qsizetype i = 0; i < env.endpoints.size(); ++i) {
        const SqlEndpoint &ep = env.endpoints.at(i);
        q.addBindValue(id);
        q.addBindValue(int(i));
        q.addBindValue(ep.host.trimmed());
        q.addBindValue(ep.port);
        bind(ep.label);
        if (!q.exec())
            return queryError(q);
    }
    q.prepare(u"INSERT INTO tags (env_id, position, tag) VALUES (?, ?, ?)"_s);
    for (qsizetype i = 0; i < env.tags.size(); ++i) {
        q.addBindValue(id);
        q.addBindValue(int(i));
        bind(env.tags.at(i));
        if (!q.exec())
            return queryError(q);
    }
    return env;
}

// Runs body inside BEGIN IMMEDIATE ... COMMIT, rolling back on any error.
template<typename T, typename Body>
Result<T> inTransaction(QSqlDatabase &db, Body body)
{
    QSqlQuery q(db);
    Error err;
    if (!run(q, u"BEGIN IMMEDIATE"_s, &err))
        return err;
    Result<T> r = body();
    if (!r) {
        q.exec(u"ROLLBACK"_s);
        return r;
    }
    if (!run(q, u"COMMIT"_s, &err)) {
        q.exec(u"ROLLBACK"_s);
        return err;
    }
    return r;
}

} // namespace

Result<Environment> InventoryStore::save(const Environment &env)
{
    QMutexLocker lock(&d->mutex);
    Result<QSqlDatabase> db = d->connection();
    if (!db)
        return db.error();
    return inTransaction<Environment>(db.value(),
                                      [&] { return writeEnvironment(db.value(), env); });
}

Result<EnvironmentList> InventoryStore::saveAll(const EnvironmentList &envs)
{
    QMutexLocker lock(&d->mutex);
    Result<QSqlDatabase> db = d->connection();
    if (!db)
        return db.error();
    return inTransaction<EnvironmentList>(db.value(), [&]() -> Result<EnvironmentList> {
        EnvironmentList saved;
        saved.reserve(envs.size());
        for (const Environment &env : envs) {
            Result<Environment> r = writeEnvironment(db.value(), env);
            if (!r)
                return r.error();
            saved.append(std::move(r).value());
        }
        return saved;
    });
}

VoidResult InventoryStore::remove(const QUuid &id)
{
    QMutexLocker lock(&d->mutex);
    Result<QSqlDatabase> db = d->connection();
    if (!db)
        return db.error();
    Result<bool> r = inTransaction<bool>(db.value(), [&]() -> Result<bool> {
        QSqlQuery q(db.value());
        q.prepare(u"DELETE FROM environments WHERE id = ?"_s);
        q.addBindValue(id.toString(QUuid::WithoutBraces));
        if (!q.exec())
            return queryError(q);
        if (q.numRowsAffected() < 1)
            return Error::make(ErrorKind::NotFound,
                               tr("No environment has the id %1.").arg(id.toString()));
        return true;
    });
    if (!r)
        return r.error();
    return {};
}

} // namespace TiDesk

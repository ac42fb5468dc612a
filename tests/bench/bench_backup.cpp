// ./run bench backup: a physical backup of the sandbox's MariaDB `dev` (the whole instance, which
// holds a database of at least 1 GiB) through TiDesk's BackupRunner versus the same
// mariadb-backup commands run directly, and one logical backup (mariadb-dump | gzip -1) each way.
//  1. The database `tidesk_bench_backup` (4 InnoDB tables, no compression, ~1.3 KB rows of
//     MD5/SHA2-of-RAND() text) is filled with INSERT ... SELECT FROM seq_1_to_50000 chunks
//     (sql_log_bin=0: the binary log stays small) until both data_length+index_length and `du`
//     of its directory reach the target (TIDESK_BENCH_BACKUP_MB, default 1024 MiB). It is kept
//     between runs: a later run only measures it. The fill time is printed.
//  2. Physical, TIDESK_BENCH_BACKUP_RUNS rounds (default 3), alternating within each round:
//     (a) direct: `mariadb-backup --backup --target-dir=T --host --port --user` then
//         `--prepare --target-dir=T` (QProcess, MYSQL_PWD, output to a log file like the job's);
//     (b) TiDesk on this machine (LocalJobShell), the runner's default 1 s poll;
//     (b') the same with a 200 ms poll, to show what part of the overhead is poll granularity;
//     (c) TiDesk over the sandbox's OpenSSH (SshJobShell), 1 s poll.
//     TiDesk's time runs from BackupRunner::start() to finished(); it is split with the job's
//     own files: launch (start -> the job's `pid` file), job (pid -> `exit` file: the script
//     also runs du of the datadir before and of the copy after, and renames the directory) and
//     detection (the `exit` file -> finished()). Each artifact is deleted after it is measured.
//  3. CPU: the direct tools' CPU (children of this process, getrusage) versus TiDesk's own CPU
//     (this process, getrusage SELF, plus its local shells: launch and polls). Over SSH the
//     sshd side (sessions and the poll shells they run) is read from the sandbox sshd's
//     cumulative child times, next to what one exec of `true` costs it (every poll is an exec:
//     the SSH user's shell starts, with its ~/.bashrc). The detached job's CPU (mariadb-backup
//     itself) is the same work as the direct run's and is not attributable from here.
//  4. Logical, once each (TIDESK_BENCH_BACKUP_LOGICAL_RUNS rounds, default 1, each round starting
//     with the next variant): mariadb-dump with BackupScript's options | gzip -1 directly, and
//     through TiDesk locally and over SSH.
// Refuses to run with less than 3x the database size free where the artifacts go. The sandbox's
// workload keeps running against dev (light background load); the machine is shared, so wall
// and CPU times are both printed. Never asserts a time.
#include "SandboxBastion.h"
#include "SandboxEnv.h"
#include "backup/BackupHistory.h"
#include "backup/BackupLauncher.h"
#include "backup/BackupRunner.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

using namespace TiDesk;
using namespace TiDesk::Test;
using namespace Qt::StringLiterals;

namespace {

const QString kDb = u"tidesk_bench_backup"_s;
constexpr int kTables = 4;
constexpr int kChunkRows = 50000; // ~65 MB per INSERT ... SELECT
constexpr double kMiB = 1024.0 * 1024.0;
constexpr int kRunTimeoutMs = 30 * 60 * 1000;

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Cpu
{
    double selfMs = 0;
    double childrenMs = 0;
};

double tvMs(const timeval &tv)
{
    return double(tv.tv_sec) * 1000.0 + double(tv.tv_usec) / 1000.0;
}

Cpu cpuNow()
{
    rusage self {};
    rusage children {};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    return { tvMs(self.ru_utime) + tvMs(self.ru_stime),
             tvMs(children.ru_utime) + tvMs(children.ru_stime) };
}

// utime + stime + cutime + cstime of a process in ms; -1 when unreadable.
double processTreeCpuMs(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = stat.readAll();
    const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
    if (f.size() < 15)
        return -1;
    const double ticks = double(f.at(11).toLongLong() + f.at(12).toLongLong()
                                + f.at(13).toLongLong() + f.at(14).toLongLong());
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

qint64 mtimeMs(const QString &path)
{
    const QFileInfo fi(path);
    return fi.exists() ? fi.lastModified().toMSecsSinceEpoch() : -1;
}

QString mib(double bytes)
{
    return QString::number(bytes / kMiB, 'f', 1) + u" MiB"_s;
}

QString secs(double ms)
{
    return QString::number(ms / 1000.0, 'f', 2) + u" s"_s;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

struct Sample
{
    bool ok = false;
    double wallMs = 0;
    double bytes = 0;
    double toolCpuMs = -1; // direct: the tools (children of this process)
    double selfCpuMs = 0; // this process
    double shellCpuMs = 0; // TiDesk locally: its shells (launch, polls) are children
    double sshdCpuMs = -1; // over SSH: the sshd side (sessions and the shells they ran)
    double launchMs = -1;
    double jobMs = -1;
    double detectMs = -1;
};

struct Series
{
    QString name;
    bool tidesk = false;
    std::vector<Sample> samples;

    [[nodiscard]] std::vector<double> of(double Sample::*field) const
    {
        std::vector<double> out;
        for (const Sample &s : samples)
            if (s.ok && s.*field >= 0)
                out.push_back(s.*field);
        return out;
    }
    [[nodiscard]] double med(double Sample::*field) const { return median(of(field)); }
};

class Bench
{
public:
    explicit Bench(const SandboxEnv &sb)
        : m_sb(sb)
        , m_port(sb.mariadbPort(u"dev"_s))
        , m_user(sb.adminUser())
        , m_password(sb.adminPassword())
        , m_targetBytes(qint64(envInt("TIDESK_BENCH_BACKUP_MB", 1024)) * 1024 * 1024)
        , m_runs(envInt("TIDESK_BENCH_BACKUP_RUNS", 3))
    { }

    int run();

private:
    Result<QueryResult> sql(const QString &statement);
    bool exec(const QString &statement);
    qint64 duBytes(const QString &path) const;
    qint64 schemaBytes();
    bool ensureDatabase();
    void waitForCleanBufferPool();
    void warmPageCache();
    bool runTool(const QString &program, const QStringList &args, const QString &logFile);
    Sample directPhysical(int round);
    Sample directLogical();
    Sample throughTiDesk(const Environment &env, BackupJob::Kind kind,
                         std::optional<std::chrono::milliseconds> poll);
    double sshdCpuPerExec();
    Environment devOverSsh() const;
    Environment devLocal() const;
    [[nodiscard]] qint64 sshdPid() const;
    void printRun(const QString &name, int round, const Sample &s) const;
    void printTable(const std::vector<Series> &series, const QString &title,
                    double throughputBytes) const;

    const SandboxEnv &m_sb;
    const int m_port;
    const QString m_user;
    const QString m_password;
    const qint64 m_targetBytes;
    const int m_runs;
    SqlConnection m_conn;
    QString m_datadir;
    QString m_dbDir;
    qint64 m_dbBytes = 0; // data_length + index_length
    qint64 m_dbDu = 0;
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<BackupHistory> m_history;
    QString m_sshdPidFile;
};

Result<QueryResult> Bench::sql(const QString &statement)
{
    return m_conn.query(statement);
}

bool Bench::exec(const QString &statement)
{
    const Result<QueryResult> r = sql(statement);
    if (!r) {
        std::printf("SQL failed: %s\n  %s\n", qPrintable(r.error().toString()),
                    qPrintable(statement.left(200)));
        return false;
    }
    return true;
}

qint64 Bench::duBytes(const QString &path) const
{
    QProcess du;
    du.start(u"du"_s, { u"-sb"_s, path });
    if (!du.waitForFinished(120000) || du.exitCode() != 0)
        return -1;
    return du.readAllStandardOutput().split('\t').value(0).trimmed().toLongLong();
}

qint64 Bench::schemaBytes()
{
    QStringList names;
    for (int i = 1; i <= kTables; ++i)
        names << kDb + u".p"_s + QString::number(i);
    (void)sql(u"ANALYZE TABLE "_s + names.join(u", "_s));
    const Result<QueryResult> r
        = sql(u"SELECT COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0), COALESCE(SUM(TABLE_ROWS), 0) "
              u"FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"_s
              + kDb + u"'"_s);
    if (!r || r->rows.isEmpty())
        return -1;
    return r->rows.first().value(0).toLongLong();
}

bool Bench::ensureDatabase()
{
    if (!exec(u"CREATE DATABASE IF NOT EXISTS "_s + kDb))
        return false;
    for (int i = 1; i <= kTables; ++i)
        if (!exec(u"CREATE TABLE IF NOT EXISTS "_s + kDb + u".p"_s + QString::number(i)
                  + u" (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, k CHAR(32) NOT "
                    u"NULL, created DATETIME NOT NULL, amount DECIMAL(12,2) NOT NULL, label "
                    u"VARCHAR(255) NOT NULL, body TEXT NOT NULL, KEY k (k)) ENGINE=InnoDB "
                    u"ROW_FORMAT=DYNAMIC PAGE_COMPRESSED=0"_s))
            return false;
    const Result<QueryResult> compressed
        = sql(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"_s + kDb
              + u"' AND (ENGINE <> 'InnoDB' OR ROW_FORMAT = 'Compressed' OR CREATE_OPTIONS LIKE "
                u"'%page_compressed=1%' OR CREATE_OPTIONS LIKE '%page_compressed=`ON`%')"_s);
    if (compressed && !compressed->rows.isEmpty() && compressed->rows.first().value(0).toInt() > 0)
        std::printf("warning: some tables of %s are not plain uncompressed InnoDB\n",
                    qPrintable(kDb));
    m_dbDir = m_datadir + u'/' + kDb;
    m_dbBytes = schemaBytes();
    m_dbDu = duBytes(m_dbDir);
    std::printf("database %s: data_length+index_length %s, du %s (target %s)\n", qPrintable(kDb),
                qPrintable(mib(double(m_dbBytes))), qPrintable(mib(double(m_dbDu))),
                qPrintable(mib(double(m_targetBytes))));
    if (m_dbBytes >= m_targetBytes && m_dbDu >= m_targetBytes) {
        std::printf("fill: not needed (kept from an earlier run)\n");
        return true;
    }
    const qint64 fillGoal = m_targetBytes + m_targetBytes / 10; // the pages' free space
    const qint64 needed = std::max<qint64>(0, fillGoal - m_dbDu) + 3 * fillGoal;
    const qint64 avail = QStorageInfo(m_datadir).bytesAvailable();
    if (avail < needed) {
        std::printf("refusing to fill: %s free on the filesystem of %s (df), the fill and the "
                    "backups need %s\n",
                    qPrintable(mib(double(avail))), qPrintable(m_datadir),
                    qPrintable(mib(double(needed))));
        return false;
    }
    if (!exec(u"SET SESSION sql_log_bin = 0"_s))
        return false;
    QElapsedTimer t;
    t.start();
    const Cpu c0 = cpuNow();
    const qint64 before = m_dbDu;
    int chunks = 0;
    qint64 du = m_dbDu;
    qint64 info = m_dbBytes;
    while (du < fillGoal || info < m_targetBytes) {
        if (chunks >= 400) {
            std::printf("fill: gave up after %d chunks (du %s, data+index %s)\n", chunks,
                        qPrintable(mib(double(du))), qPrintable(mib(double(info))));
            return false;
        }
        const QString table = kDb + u".p"_s + QString::number(chunks % kTables + 1);
        if (!exec(u"INSERT INTO "_s + table
                  + u" (k, created, amount, label, body) SELECT MD5(RAND()), NOW() - INTERVAL "
                    u"seq SECOND, RAND() * 10000, CONCAT(SHA2(RAND(), 256), SHA2(RAND(), 256)), "
                    u"CONCAT(SHA2(RAND(), 512), SHA2(RAND(), 512), SHA2(RAND(), 512), "
                    u"SHA2(RAND(), 512), SHA2(RAND(), 512), SHA2(RAND(), 512)) FROM "_s
                  + kDb + u".seq_1_to_"_s + QString::number(kChunkRows)))
            return false;
        ++chunks;
        du = duBytes(m_dbDir);
        if (chunks % 4 == 0)
            std::printf("  fill: %d chunks, du %s, %.1f s\n", chunks, qPrintable(mib(double(du))),
                        double(t.elapsed()) / 1000.0);
        if (du >= fillGoal)
            info = schemaBytes();
    }
    const double fillMs = double(t.elapsed());
    const Cpu c1 = cpuNow();
    (void)exec(u"SET SESSION sql_log_bin = 1"_s);
    m_dbBytes = info;
    m_dbDu = du;
    std::printf("fill: %d chunks of %d rows (INSERT ... SELECT FROM seq_1_to_%d) wrote %s in %s "
                "(%.1f MiB/s; this process %.2f s CPU)\n",
                chunks, kChunkRows, kChunkRows, qPrintable(mib(double(du - before))),
                qPrintable(secs(fillMs)), double(du - before) / kMiB / (fillMs / 1000.0),
                (c1.selfMs - c0.selfMs) / 1000.0);
    std::printf("database %s: data_length+index_length %s, du %s\n", qPrintable(kDb),
                qPrintable(mib(double(m_dbBytes))), qPrintable(mib(double(m_dbDu))));
    waitForCleanBufferPool();
    return true;
}

// After a fill the buffer pool's dirty pages are flushed in the background; wait (up to 30 s,
// until at most 8 MiB of the 64 MiB pool is dirty; the workload keeps some dirty) so the first
// backup does not compete with that.
void Bench::waitForCleanBufferPool()
{
    QElapsedTimer t;
    t.start();
    qint64 dirty = -1;
    while (t.elapsed() < 30000) {
        const Result<QueryResult> r
            = sql(u"SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE "
                  u"VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'"_s);
        dirty = r && !r->rows.isEmpty() ? r->rows.first().value(0).toLongLong() : -1;
        if (dirty >= 0 && dirty <= 512)
            break;
        waitMs(500);
    }
    std::printf("buffer pool: %lld dirty pages after %.1f s\n", dirty,
                double(t.elapsed()) / 1000.0);
}

// Every run reads the datadir from the page cache (after a fill it is there anyway; after a
// reboot the first run would otherwise pay for the disk).
void Bench::warmPageCache()
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(u"sh"_s,
            { u"-c"_s, u"find \"$1\" -type f -exec cat {} + > /dev/null"_s, u"sh"_s, m_datadir });
    p.waitForFinished(600000);
    std::printf("page cache: read the datadir once in %s\n", qPrintable(secs(double(t.elapsed()))));
}

bool Bench::runTool(const QString &program, const QStringList &args, const QString &logFile)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MYSQL_PWD"_s, m_password);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setStandardOutputFile(logFile, QIODevice::Append);
    p.start(program, args);
    if (!p.waitForFinished(kRunTimeoutMs) || p.exitStatus() != QProcess::NormalExit
        || p.exitCode() != 0) {
        QFile log(logFile);
        QByteArray tail;
        if (log.open(QIODevice::ReadOnly))
            tail = log.readAll().right(800);
        std::printf("%s failed (exit %d): %s\n%s\n", qPrintable(program), p.exitCode(),
                    qPrintable(p.errorString()), tail.constData());
        return false;
    }
    return true;
}

Sample Bench::directPhysical(int round)
{
    Sample s;
    const QString target = m_tmp->filePath(u"direct-%1"_s.arg(round));
    const QString log = m_tmp->filePath(u"direct-%1.log"_s.arg(round));
    const QStringList connection { u"--host=127.0.0.1"_s, u"--port="_s + QString::number(m_port),
                                   u"--user="_s + m_user };
    const Cpu c0 = cpuNow();
    QElapsedTimer t;
    t.start();
    s.ok = runTool(u"mariadb-backup"_s,
                   QStringList { u"--backup"_s, u"--target-dir="_s + target } + connection, log)
        && runTool(u"mariadb-backup"_s, { u"--prepare"_s, u"--target-dir="_s + target }, log);
    s.wallMs = double(t.elapsed());
    const Cpu c1 = cpuNow();
    s.toolCpuMs = c1.childrenMs - c0.childrenMs;
    s.selfCpuMs = c1.selfMs - c0.selfMs;
    s.jobMs = s.wallMs;
    s.bytes = double(duBytes(target));
    QDir(target).removeRecursively();
    QFile::remove(log);
    ::sync(); // the next run does not share the disk with this one's writeback
    return s;
}

Sample Bench::directLogical()
{
    Sample s;
    const QString file = m_tmp->filePath(u"direct-dump.sql.gz"_s);
    const QString log = m_tmp->filePath(u"direct-dump.log"_s);
    QProcess dump;
    QProcess gzip;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MYSQL_PWD"_s, m_password);
    dump.setProcessEnvironment(env);
    dump.setStandardOutputProcess(&gzip);
    dump.setStandardErrorFile(log);
    gzip.setStandardOutputFile(file);
    const Cpu c0 = cpuNow();
    QElapsedTimer t;
    t.start();
    gzip.start(u"gzip"_s, { u"-1"_s });
    dump.start(u"mariadb-dump"_s,
               { u"--host=127.0.0.1"_s, u"--port="_s + QString::number(m_port),
                 u"--user="_s + m_user, u"--single-transaction"_s, u"--quick"_s, u"--routines"_s,
                 u"--events"_s, u"--triggers"_s, u"--hex-blob"_s, u"--verbose"_s,
                 u"--master-data=2"_s, u"--databases"_s, kDb });
    const bool dumped = dump.waitForFinished(kRunTimeoutMs)
        && dump.exitStatus() == QProcess::NormalExit && dump.exitCode() == 0;
    const bool zipped = gzip.waitForFinished(kRunTimeoutMs)
        && gzip.exitStatus() == QProcess::NormalExit && gzip.exitCode() == 0;
    s.wallMs = double(t.elapsed());
    const Cpu c1 = cpuNow();
    s.ok = dumped && zipped;
    if (!s.ok) {
        QFile l(log);
        std::printf("direct mariadb-dump | gzip -1 failed (dump exit %d, gzip exit %d)\n%s\n",
                    dump.exitCode(), gzip.exitCode(),
                    l.open(QIODevice::ReadOnly) ? l.readAll().right(800).constData() : "");
    }
    s.toolCpuMs = c1.childrenMs - c0.childrenMs;
    s.selfCpuMs = c1.selfMs - c0.selfMs;
    s.jobMs = s.wallMs;
    s.bytes = double(QFileInfo(file).size());
    QFile::remove(file);
    QFile::remove(log);
    ::sync();
    return s;
}

Sample Bench::throughTiDesk(const Environment &env, BackupJob::Kind kind,
                            std::optional<std::chrono::milliseconds> poll)
{
    Sample s;
    BackupJobRequest request;
    request.kind = kind;
    request.root = m_tmp->filePath(u"tidesk"_s);
    if (kind == BackupJob::Kind::Logical)
        request.databases = QStringList { kDb };
    Result<PreparedJob> prepared = BackupLauncher::prepareBackup(env, nullptr, request);
    if (!prepared) {
        std::printf("TiDesk: %s\n", qPrintable(prepared.error().toString()));
        return s;
    }
    const bool overSsh = env.ssh.enabled;
    const qint64 sshd = overSsh ? sshdPid() : 0;
    const double sshd0 = overSsh ? processTreeCpuMs(sshd) : -1;
    BackupJob job;
    bool finished = false;
    qint64 finishedAt = 0;
    const Cpu c0 = cpuNow();
    const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer t;
    t.start();
    {
        BackupRunner runner(prepared->job, prepared->spec, prepared->shellFactory(),
                            m_password.toUtf8(), m_history.get());
        if (poll)
            runner.setPollInterval(*poll);
        QEventLoop loop;
        QObject::connect(&runner, &BackupRunner::finished, &loop, [&](const BackupJob &j) {
            s.wallMs = double(t.elapsed());
            finishedAt = QDateTime::currentMSecsSinceEpoch();
            job = j;
            finished = true;
            loop.quit();
        });
        QTimer::singleShot(kRunTimeoutMs, &loop, &QEventLoop::quit);
        runner.start();
        loop.exec();
        if (!finished) {
            std::printf("TiDesk: no result within %d s; cancelling\n", kRunTimeoutMs / 1000);
            runner.cancel();
            waitMs(15000);
            return s;
        }
    } // the runner and its shell (SSH session) are gone here
    if (overSsh)
        waitMs(500); // sshd reaps the session's processes
    const Cpu c1 = cpuNow();
    s.selfCpuMs = c1.selfMs - c0.selfMs;
    s.shellCpuMs = c1.childrenMs - c0.childrenMs;
    if (overSsh) {
        const double sshd1 = processTreeCpuMs(sshd);
        s.sshdCpuMs = sshd0 >= 0 && sshd1 >= 0 ? sshd1 - sshd0 : -1;
    }
    s.ok = job.status == BackupJob::Status::Succeeded;
    if (!s.ok) {
        std::printf("TiDesk backup %s: %s\n%s\n", qPrintable(BackupJob::statusName(job.status)),
                    qPrintable(job.error), qPrintable(job.logTail.right(800)));
        return s;
    }
    const QString dir = job.root + u'/' + job.id;
    const qint64 pidAt = mtimeMs(dir + u"/pid"_s);
    const qint64 exitAt = mtimeMs(dir + u"/exit"_s);
    if (pidAt > 0 && exitAt > 0) {
        s.launchMs = double(pidAt - startedAt);
        s.jobMs = double(exitAt - pidAt);
        s.detectMs = double(finishedAt - exitAt);
    }
    s.bytes = double(job.sizeBytes);
    QDir(dir).removeRecursively();
    ::sync();
    return s;
}

qint64 Bench::sshdPid() const
{
    QFile f(m_sshdPidFile);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
}

// What one command costs the SSH host's sshd side by itself: 10 execs of `true` over one kept
// OpenSSH connection (ControlMaster), in ms of CPU each. The SSH user's shell startup
// (its ~/.bashrc: bash reads it for commands run by sshd) is part of every exec TiDesk runs.
double Bench::sshdCpuPerExec()
{
    const QString control = m_tmp->filePath(u"cm"_s);
    const QStringList options { u"-i"_s,
                                m_sb.value(u"SSH_USER_KEY"_s),
                                u"-p"_s,
                                m_sb.value(u"SSHD_PORT"_s),
                                u"-o"_s,
                                u"UserKnownHostsFile="_s + m_sb.value(u"SSH_KNOWN_HOSTS"_s),
                                u"-o"_s,
                                u"BatchMode=yes"_s,
                                u"-o"_s,
                                u"ControlMaster=auto"_s,
                                u"-o"_s,
                                u"ControlPath="_s + control,
                                u"-o"_s,
                                u"ControlPersist=60"_s,
                                m_sb.value(u"SSH_USER"_s) + u"@127.0.0.1"_s };
    auto ssh = [&](const QStringList &extra) {
        QProcess p;
        p.start(u"ssh"_s, extra + options + QStringList { u"true"_s });
        return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit
            && p.exitCode() == 0;
    };
    if (!ssh({})) // opens the kept connection
        return -1;
    const qint64 pid = sshdPid();
    const double before = processTreeCpuMs(pid);
    constexpr int kExecs = 10;
    bool ok = true;
    for (int i = 0; i < kExecs && ok; ++i)
        ok = ssh({});
    QProcess stop;
    stop.start(u"ssh"_s, QStringList { u"-O"_s, u"exit"_s } + options);
    stop.waitForFinished(10000);
    waitMs(500);
    const double after = processTreeCpuMs(pid);
    return ok && before >= 0 && after >= 0 ? (after - before) / kExecs : -1;
}

Environment Bench::devOverSsh() const
{
    Environment e = prodBehindBastion(m_sb, u"dev"_s);
    e.tier = Tier::Dev;
    e.endpoints.first().port = m_port;
    return e;
}

Environment Bench::devLocal() const
{
    Environment e = devOverSsh();
    e.ssh = {};
    return e;
}

void Bench::printRun(const QString &name, int round, const Sample &s) const
{
    if (!s.ok) {
        std::printf("round %d %-28s FAILED\n", round, qPrintable(name));
        return;
    }
    QString extra;
    if (s.toolCpuMs >= 0)
        extra = u"tools CPU "_s + secs(s.toolCpuMs);
    else {
        extra = u"launch "_s + QString::number(s.launchMs, 'f', 0) + u" ms, job "_s + secs(s.jobMs)
            + u", seen "_s + QString::number(s.detectMs, 'f', 0)
            + u" ms after its end; TiDesk CPU "_s + secs(s.selfCpuMs + s.shellCpuMs);
        if (s.sshdCpuMs >= 0)
            extra += u" + sshd side "_s + secs(s.sshdCpuMs);
    }
    std::printf("round %d %-28s %8s  %10s  %s\n", round, qPrintable(name),
                qPrintable(secs(s.wallMs)), qPrintable(mib(s.bytes)), qPrintable(extra));
}

void Bench::printTable(const std::vector<Series> &series, const QString &title,
                       double throughputBytes) const
{
    std::printf("\n%s\n", qPrintable(title));
    std::printf("%-28s %3s %9s %9s %9s %7s %11s %9s %12s %12s\n", "", "n", "median", "min", "max",
                "ratio", "artifact", "MiB/s", "tool CPU", "TiDesk CPU");
    const double base = series.front().med(&Sample::wallMs);
    for (const Series &x : series) {
        const std::vector<double> w = x.of(&Sample::wallMs);
        if (w.empty()) {
            std::printf("%-28s   0 (every run failed)\n", qPrintable(x.name));
            continue;
        }
        const double med = median(w);
        const double bytes = x.med(&Sample::bytes);
        const double mbps = (throughputBytes > 0 ? throughputBytes : bytes) / kMiB / (med / 1000.0);
        QString tiCpu = u"-"_s;
        QString toolCpu = u"-"_s;
        if (x.tidesk) {
            std::vector<double> c;
            for (const Sample &s : x.samples)
                if (s.ok)
                    c.push_back(s.selfCpuMs + s.shellCpuMs);
            tiCpu = secs(median(c));
        } else {
            toolCpu = secs(x.med(&Sample::toolCpuMs));
        }
        std::printf(
            "%-28s %3zu %9s %9s %9s %7.3f %11s %9.1f %12s %12s\n", qPrintable(x.name), w.size(),
            qPrintable(secs(med)), qPrintable(secs(*std::min_element(w.begin(), w.end()))),
            qPrintable(secs(*std::max_element(w.begin(), w.end()))), base > 0 ? med / base : 0.0,
            qPrintable(mib(bytes)), mbps, qPrintable(toolCpu), qPrintable(tiCpu));
    }
    bool header = false;
    for (const Series &x : series) {
        if (!x.tidesk || x.of(&Sample::jobMs).empty())
            continue;
        if (!header) {
            std::printf("\nwhere TiDesk's time goes (medians; job = the script: du of the datadir "
                        "or the table count, the tools, du of the copy, rename)\n");
            std::printf("%-28s %10s %10s %14s %10s %10s %12s\n", "", "launch", "job",
                        "job - direct", "seen after", "overhead", "sshd CPU");
            header = true;
        }
        const double overhead = x.med(&Sample::wallMs) - base;
        const double sshd = x.med(&Sample::sshdCpuMs);
        std::printf("%-28s %7.0f ms %10s %11.0f ms %7.0f ms %7.0f ms %12s\n", qPrintable(x.name),
                    x.med(&Sample::launchMs), qPrintable(secs(x.med(&Sample::jobMs))),
                    x.med(&Sample::jobMs) - base, x.med(&Sample::detectMs), overhead,
                    sshd >= 0 ? qPrintable(secs(sshd)) : "-");
    }
}

int Bench::run()
{
    ConnectParams p;
    p.host = u"127.0.0.1"_s;
    p.port = m_port;
    p.user = m_user;
    p.password = m_password;
    p.connectTimeoutMs = 5000;
    p.readTimeoutMs = 600000;
    p.envName = u"dev"_s;
    const VoidResult opened = m_conn.open(p);
    if (!opened) {
        std::printf("cannot connect to dev: %s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    const Result<QueryResult> dd = sql(u"SELECT @@datadir, VERSION()"_s);
    if (!dd || dd->rows.isEmpty())
        return 1;
    m_datadir = QDir::cleanPath(dd->rows.first().value(0).toString());
    std::printf("server: MariaDB %s on 127.0.0.1:%d, datadir %s (innodb_buffer_pool_size=64M, "
                "innodb_log_file_size=48M)\n",
                qPrintable(dd->rows.first().value(1).toString()), m_port, qPrintable(m_datadir));
    if (!ensureDatabase())
        return 1;

    m_tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/tidesk-bench-backup-XXXXXX"_s);
    if (!m_tmp->isValid()) {
        std::printf("cannot create a temporary directory: %s\n", qPrintable(m_tmp->errorString()));
        return 1;
    }
    m_history = std::make_unique<BackupHistory>(m_tmp->filePath(u"history"_s));
    m_sshdPidFile = QFileInfo(m_sb.value(u"SSH_USER_KEY"_s)).absolutePath() + u"/sshd.pid"_s;
    const qint64 instance = duBytes(m_datadir);
    const qint64 avail = QStorageInfo(m_tmp->path()).bytesAvailable();
    const qint64 need = 3 * std::max(m_dbBytes, m_dbDu);
    std::printf("artifacts in %s: %s free (df), the instance's datadir is %s\n",
                qPrintable(m_tmp->path()), qPrintable(mib(double(avail))),
                qPrintable(mib(double(instance))));
    if (avail < need) {
        std::printf("refusing to run: %s free where the artifacts go, at least 3x the database "
                    "(%s) is needed\n",
                    qPrintable(mib(double(avail))), qPrintable(mib(double(need))));
        return 1;
    }
    warmPageCache();
    const double perExec = sshdCpuPerExec();
    std::printf("sshd side of one SSH exec of `true` (kept connection): %.0f ms CPU\n", perExec);

    using namespace std::chrono_literals;
    std::vector<Series> physical { { u"direct mariadb-backup"_s, false, {} },
                                   { u"TiDesk local, poll 1 s"_s, true, {} },
                                   { u"TiDesk local, poll 200 ms"_s, true, {} },
                                   { u"TiDesk over SSH, poll 1 s"_s, true, {} } };
    std::printf("\nphysical backup of the whole dev instance (--backup + --prepare), %d rounds, "
                "alternating\n",
                m_runs);
    for (int round = 1; round <= m_runs; ++round) {
        for (size_t i = 0; i < physical.size(); ++i) {
            Sample s;
            switch (i) {
            case 0: s = directPhysical(round); break;
            case 1: s = throughTiDesk(devLocal(), BackupJob::Kind::Physical, std::nullopt); break;
            case 2: s = throughTiDesk(devLocal(), BackupJob::Kind::Physical, 200ms); break;
            default:
                s = throughTiDesk(devOverSsh(), BackupJob::Kind::Physical, std::nullopt);
                break;
            }
            printRun(physical[i].name, round, s);
            physical[i].samples.push_back(s);
        }
    }

    std::vector<Series> logical { { u"direct mariadb-dump|gzip -1"_s, false, {} },
                                  { u"TiDesk local, poll 1 s"_s, true, {} },
                                  { u"TiDesk over SSH, poll 1 s"_s, true, {} } };
    const int logicalRuns = envInt("TIDESK_BENCH_BACKUP_LOGICAL_RUNS", 1);
    std::printf("\nlogical backup of %s (mariadb-dump --single-transaction --quick --routines "
                "--events --triggers --hex-blob --verbose --master-data=2 | gzip -1), %d "
                "round(s), each round starting with the next variant\n",
                qPrintable(kDb), logicalRuns);
    for (int round = 1; round <= logicalRuns; ++round) {
        for (size_t k = 0; k < logical.size(); ++k) {
            const size_t i = (k + size_t(round - 1)) % logical.size();
            Sample s;
            switch (i) {
            case 0: s = directLogical(); break;
            case 1: s = throughTiDesk(devLocal(), BackupJob::Kind::Logical, std::nullopt); break;
            default: s = throughTiDesk(devOverSsh(), BackupJob::Kind::Logical, std::nullopt); break;
            }
            printRun(logical[i].name, round, s);
            logical[i].samples.push_back(s);
        }
    }

    printTable(physical,
               u"physical: wall time, ratio to direct, artifact (prepared copy), MiB/s of the "
               "artifact; tool CPU = the direct mariadb-backup processes, TiDesk CPU = this "
               "process + its local shells (the job's mariadb-backup is the same work and not "
               "counted)"_s,
               0);
    const double detect1s = physical[1].med(&Sample::detectMs);
    const double detect200 = physical[2].med(&Sample::detectMs);
    const double overhead1s = physical[1].med(&Sample::wallMs) - physical[0].med(&Sample::wallMs);
    if (detect1s >= 0 && detect200 >= 0)
        std::printf("\npoll granularity: the end of the job is seen %.0f ms after it (median) with "
                    "the default 1 s poll, %.0f ms with 200 ms: about %.0f ms of the local "
                    "overhead (%.0f ms median) is the poll interval\n",
                    detect1s, detect200, detect1s - detect200, overhead1s);
    printTable(logical,
               u"logical: wall time, ratio, artifact (dump.sql.gz), MiB/s of the database's "
               "data_length+index_length (%1)"_s.arg(mib(double(m_dbBytes))),
               double(m_dbBytes));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(u"tidesk.*.info=false"_s);
    const SandboxEnv sb;
    if (!sb.isValid()) {
        std::printf("%s\n", qPrintable(sb.error()));
        return 1;
    }
    SqlConnection::initDriver();
    Bench bench(sb);
    return bench.run();
}

#include "BackupScript.h"

#include "sql/SqlQuote.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

const QString kSystemSchemas = u"'mysql','information_schema','performance_schema','sys'"_s;

QString joinLines(const QStringList &lines)
{
    return lines.join(u'\n') + u'\n';
}

// `"$client" --host=.. --port=.. --user=..` as shell words (the password is MYSQL_PWD).
QString connectionWords(const BackupSpec &spec)
{
    return u"--host="_s + BackupScript::shellQuote(spec.dbHost) + u" --port="_s
        + QString::number(spec.dbPort) + u" --user="_s + BackupScript::shellQuote(spec.dbUser);
}

// The job script's first lines: where it is, how it logs and fails.
QStringList prologue(const BackupSpec &spec)
{
    return {
        u"#!/bin/sh"_s,
        u"# TiDesk backup job "_s + spec.jobId
            + u" (generated; the password comes from the "_s
              u"environment, never from this file)."_s,
        u"set -u"_s,
        u"d=$(cd \"$(dirname \"$0\")\" && pwd) || exit 70"_s,
        u"root=$(dirname \"$d\")"_s,
        u"id="_s + BackupScript::shellQuote(spec.jobId),
        u"echo $$ > \"$d/pid\""_s,
        u"log() { printf '%s %s\\n' \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" \"$*\"; }"_s,
        // A failed job's partial artifact is never used: it goes first, so that on a full disk
        // there is room to record the failure.
        u"fail() { rm -rf \"$d/data\" \"$d/dump.sql.gz\" 2>/dev/null; log \"FAILED: $2\"; "_s
        u"echo \"$1\" > \"$d/exit\"; exit 1; }"_s,
    };
}

QStringList sqlClient(const BackupSpec &spec)
{
    return {
        u"client=$(command -v mariadb || command -v mysql) || fail 69 'no mariadb or mysql "_s
        u"client on this host'"_s,
        u"sql() { \"$client\" "_s + connectionWords(spec)
            + u" --batch --skip-column-names -e \"$1\"; }"_s,
    };
}

QStringList brBody(const BackupSpec &spec)
{
    QStringList words;
    for (const QString &a : spec.brArgv)
        words << BackupScript::shellQuote(a);
    return {
        u"set -- "_s + words.join(u' '),
        u"log \"running $1 $2 $3 (storage credentials, if any, are in the environment)\""_s,
        u"\"$@\"; rc=$?"_s,
        u"[ \"$rc\" = 0 ] || fail \"$rc\" \"br exited with status $rc\""_s,
        u"grep -q 'success summary' \"$d/job.log\" || fail 1 'br ended without a success "_s
        u"summary'"_s,
    };
}

QStringList finishLines()
{
    return {
        u"size=$(du -sb \"$d\" 2>/dev/null | cut -f1)"_s,
        u"echo \"${size:-0}\" > \"$d/size\""_s,
        u"mv \"$d\" \"$root/$id\" || fail 74 \"renaming $d to $root/$id failed\""_s,
        u"echo 0 > \"$root/$id/exit\""_s,
        u"log 'completed OK'"_s,
    };
}

QString databasesFileLines(const QStringList &databases)
{
    QStringList quoted;
    for (const QString &db : databases)
        quoted << BackupScript::shellQuote(db);
    return u"printf '%s\\n' "_s + quoted.join(u' ') + u" > \"$d/databases\""_s;
}

QStringList logicalBody(const BackupSpec &spec)
{
    QStringList sqlNames;
    for (const QString &db : spec.databases)
        sqlNames << SqlQuote::literal(db);
    const QString schemaFilter = spec.databases.isEmpty() ? u"NOT IN ("_s + kSystemSchemas + u')'
                                                          : u"IN ("_s + sqlNames.join(u',') + u')';
    QStringList lines {
        u"dump=$(command -v mariadb-dump || command -v mysqldump) || fail 69 'no mariadb-dump "_s
        u"or mysqldump on this host'"_s,
    };
    if (spec.databases.isEmpty())
        lines << u"sql \"SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME "_s
                 u"NOT IN ("_s
                + kSystemSchemas + u") ORDER BY 1\" > \"$d/databases\" || fail 1 "_s
                + u"'listing the databases failed'"_s;
    else
        lines << databasesFileLines(spec.databases);
    lines << u"[ -s \"$d/databases\" ] || fail 1 'there is no database to back up'"_s
          << u"sql \"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA "_s
            + schemaFilter + u"\" > \"$d/total\" || fail 1 'counting the tables failed'"_s
          << u"logbin=$(sql 'SELECT @@log_bin') || fail 1 'reading @@log_bin failed'"_s
          << u"mopt=; [ \"$logbin\" = 1 ] && mopt=--master-data=2"_s
          << u"set --; while IFS= read -r db; do set -- \"$@\" \"$db\"; done < \"$d/databases\""_s
          << u"log \"dumping $# database(s): $*\""_s
          << u"{ \"$dump\" "_s + connectionWords(spec)
            + u" --single-transaction --quick --routines --events --triggers --hex-blob "_s
              u"--verbose $mopt --databases \"$@\"; echo $? > \"$d/dump.rc\"; } "_s
              u"| gzip -1 > \"$d/dump.sql.gz\" || fail 74 \"writing $d/dump.sql.gz failed "_s
              u"(disk full?)\""_s
          << u"rc=$(cat \"$d/dump.rc\" 2>/dev/null || echo 1)"_s
          << u"[ \"$rc\" = 0 ] || fail \"$rc\" \"mariadb-dump exited with status $rc\""_s
          << u"{ gzip -dc \"$d/dump.sql.gz\" | head -n 80 | grep -m1 'CHANGE MASTER TO' > "_s
             u"\"$d/binlog\"; } 2>/dev/null || true"_s;
    return lines;
}

QStringList physicalBody(const BackupSpec &spec)
{
    return {
        u"mb=$(command -v mariadb-backup) || fail 69 'no mariadb-backup on this host'"_s,
        u"datadir=$(sql 'SELECT @@datadir') || fail 1 'reading @@datadir failed'"_s,
        u"du -sb \"$datadir\" 2>/dev/null | cut -f1 > \"$d/total\""_s,
        u"log \"copying $datadir\""_s,
        u"\"$mb\" --backup --target-dir=\"$d/data\" "_s + connectionWords(spec)
            + u" || fail $? 'mariadb-backup --backup failed'"_s,
        u"log 'preparing the copy'"_s,
        u"\"$mb\" --prepare --target-dir=\"$d/data\" || fail $? 'mariadb-backup --prepare "_s
        u"failed'"_s,
        u"head -n 1 \"$d/data/mariadb_backup_binlog_info\" 2>/dev/null > \"$d/binlog\" || "_s
        u"head -n 1 \"$d/data/xtrabackup_binlog_info\" 2>/dev/null > \"$d/binlog\" || true"_s,
    };
}

// The statements that read every base table's row count and checksum on the scratch server,
// generated by that server (it quotes the names, so any name works). Per table two result rows:
// "R <db> <table> <rows>" and CHECKSUM TABLE's "<db>.<table> <checksum>".
QString drillStatementsQuery()
{
    return u"SELECT CONCAT('SELECT ''R'', ', QUOTE(TABLE_SCHEMA), ', ', QUOTE(TABLE_NAME), "_s
           u"', COUNT(*) FROM ', t, ';', CHAR(10), 'CHECKSUM TABLE ', t, ' EXTENDED;') FROM "_s
           u"(SELECT TABLE_SCHEMA, TABLE_NAME, CONCAT('`', REPLACE(TABLE_SCHEMA, '`', '``'), "_s
           u"'`.`', REPLACE(TABLE_NAME, '`', '``'), '`') AS t FROM information_schema.TABLES "_s
           u"WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN ("_s
        + kSystemSchemas + u")) x ORDER BY TABLE_SCHEMA, TABLE_NAME"_s;
}

// The drill of a physical backup on its host (see the header). Every exit path - success,
// failure, TERM from a cancel - stops the scratch server and removes the scratch directory.
QStringList drillBody(const BackupSpec &spec)
{
    const QString socketClient = u"--no-defaults --protocol=socket --socket=\"$sock\" "_s
                                 u"--user=root"_s;
    return {
        u"src="_s + BackupScript::rootExpression(spec.restoreFrom) + u"/data"_s,
        u"scratch=\"$d/scratch\"; sock=\"$scratch/s.sock\"; spid=; sockdir="_s,
        u"admin=$(command -v mariadb-admin || command -v mysqladmin) || admin="_s,
        u"sq() { \"$client\" "_s + socketClient
            + u" --default-character-set=utf8mb4 --batch --skip-column-names \"$@\"; }"_s,
        // A zombie (exited, not yet waited for) is not alive.
        u"alive() { [ -n \"$1\" ] && kill -0 \"$1\" 2>/dev/null && [ \"$(cut -d' ' -f3 "_s
        u"\"/proc/$1/stat\" 2>/dev/null)\" != Z ]; }"_s,
        u"startup_error() { grep -m 1 '\\[ERROR\\]' \"$scratch/error.log\" 2>/dev/null | sed "_s
        u"'s/^.*\\[ERROR\\] //'; }"_s,
        u"server_log() { [ -f \"$scratch/error.log\" ] || return 0; log 'the scratch server log "_s
        u"ends with:'; tail -n 15 \"$scratch/error.log\"; }"_s,
        // A clean shutdown, TERM when the socket does not answer, KILL after 60 s.
        u"scratch_down() {"_s,
        u"  [ -n \"$spid\" ] || return 0"_s,
        u"  if alive \"$spid\"; then"_s,
        u"    { [ -n \"$admin\" ] && \"$admin\" "_s + socketClient
            + u" --connect-timeout=5 shutdown >/dev/null 2>&1; } || kill -TERM \"$spid\" "_s
              u"2>/dev/null"_s,
        u"    n=0; while alive \"$spid\" && [ $n -lt 120 ]; do sleep 0.5; n=$((n+1)); done"_s,
        u"    alive \"$spid\" && { log 'the scratch server did not stop within 60 s: killed'; "_s
        u"kill -KILL \"$spid\" 2>/dev/null; }"_s,
        u"  fi"_s,
        u"  wait \"$spid\" 2>/dev/null; spid="_s,
        u"}"_s,
        u"scratch_gone() { scratch_down; rm -rf \"$scratch\"; [ -z \"$sockdir\" ] || rm -rf "_s
        u"\"$sockdir\"; sockdir=; }"_s,
        u"fail() { scratch_gone; log \"FAILED: $2\"; echo \"$1\" > \"$d/exit\"; exit 1; }"_s,
        // A cancel sends TERM to the whole process group (the server included).
        u"trap 'log \"stopping: signal received\"; scratch_gone; exit 143' TERM INT HUP"_s,
        u"mb=$(command -v mariadb-backup) || fail 69 'no mariadb-backup on this host'"_s,
        u"server=$(command -v mariadbd || command -v mysqld || { [ -x /usr/sbin/mariadbd ] && "_s
        u"echo /usr/sbin/mariadbd; } || { [ -x /usr/sbin/mysqld ] && echo /usr/sbin/mysqld; }) "_s
        u"|| fail 69 'no mariadbd or mysqld on this host'"_s,
        u"[ -f \"$src/xtrabackup_checkpoints\" ] || fail 66 \"there is no physical backup in "_s
        u"$src\""_s,
        u"grep -q 'backup_type = log-applied' \"$src/xtrabackup_checkpoints\" || fail 66 \"the "_s
        u"backup in $src is not prepared\""_s,
        u"du -sb \"$src\" 2>/dev/null | cut -f1 > \"$d/total\""_s,
        // A socket path longer than sun_path (108 bytes) cannot be bound: a private one in /tmp.
        u"if [ ${#sock} -gt 100 ]; then sockdir=$(mktemp -d /tmp/tidesk-drill.XXXXXX) || fail 73 "_s
        u"'cannot create a directory for the scratch server socket'; sock=\"$sockdir/s.sock\"; fi"_s,
        u"echo \"$sock\" > \"$d/socket\""_s,
        // The backup's own server settings (page size, redo and undo layout), nothing from
        // /etc/mysql: a host's my.cnf could point the copy or the server at the real datadir.
        u"defaults=--no-defaults; [ -f \"$src/backup-my.cnf\" ] && "_s
        u"defaults=\"--defaults-file=$src/backup-my.cnf\""_s,
        u"log \"copying $src into the scratch directory $scratch\""_s,
        u"\"$mb\" \"$defaults\" --copy-back --target-dir=\"$src\" --datadir=\"$scratch\" || "_s
        u"fail $? 'mariadb-backup --copy-back failed'"_s,
        u"uopt=; [ \"$(id -u)\" = 0 ] && uopt=--user=root"_s,
        u"log \"starting a scratch server: $server, socket $sock, no network\""_s,
        u"\"$server\" \"$defaults\" --datadir=\"$scratch\" --socket=\"$sock\" "_s
        u"--pid-file=\"$scratch/server.pid\" --log-error=\"$scratch/error.log\" "_s
        u"--skip-networking --skip-grant-tables --skip-log-bin --skip-slave-start "_s
        u"--event-scheduler=DISABLED --innodb-buffer-pool-size=64M "_s
        u"--innodb-buffer-pool-load-at-startup=0 --innodb-buffer-pool-dump-at-shutdown=0 "_s
        u"${uopt:+\"$uopt\"} </dev/null >/dev/null 2>&1 &"_s,
        u"spid=$!"_s,
        u"n=0; until sq -e 'SELECT 1' >/dev/null 2>&1; do"_s,
        u"  alive \"$spid\" || { why=$(startup_error); server_log; fail 1 \"the scratch server "_s
        u"stopped while starting: ${why:-see its log above}\"; }"_s,
        u"  n=$((n+1)); [ $n -lt 360 ] || { why=$(startup_error); server_log; fail 1 \"the "_s
        u"scratch server did not answer within 180 s${why:+: $why}\"; }"_s,
        u"  sleep 0.5"_s,
        u"done"_s,
        u"log 'the scratch server answers: reading row counts and checksums'"_s,
        u"sq -e "_s + BackupScript::shellQuote(u"SELECT 'V', VERSION()"_s)
            + u" > \"$d/checksums\" || fail 1 'the scratch server does not answer'"_s,
        u"sq --raw -e "_s + BackupScript::shellQuote(drillStatementsQuery())
            + u" > \"$d/checksum.sql\" || fail 1 'listing the tables of the scratch server "_s
              u"failed'"_s,
        // On an error: the client's message in the log, the table it was reading in the error.
        u"if ! sq < \"$d/checksum.sql\" >> \"$d/checksums\" 2> \"$d/checksum.err\"; then"_s,
        u"  at=$(sed -n 's/^ERROR .* at line \\([0-9][0-9]*\\).*/\\1/p' \"$d/checksum.err\" | "_s
        u"head -n 1)"_s,
        u"  tbl=$(sed -n \"${at:-0}p\" \"$d/checksum.sql\" 2>/dev/null | sed -e 's/^.* COUNT(\\*) "_s
        u"FROM //' -e 's/^CHECKSUM TABLE //' -e 's/ EXTENDED;$//' -e 's/;$//')"_s,
        u"  cat \"$d/checksum.err\""_s,
        u"  fail 1 \"reading the row counts and checksums failed${tbl:+ at table $tbl}\""_s,
        u"fi"_s,
        u"log \"read $(grep -c '^R' \"$d/checksums\") table(s); stopping the scratch server\""_s,
        u"scratch_gone"_s,
        u"trap - TERM INT HUP"_s,
        u"[ ! -e \"$scratch\" ] || fail 1 \"the scratch directory $scratch could not be "_s
        u"removed\""_s,
        u"log 'scratch server stopped, scratch directory removed'"_s,
    };
}

QString sedRename(const QString &from, const QString &to)
{
    // Names are plain (checked): no regex or sed metacharacters to escape.
    const QString f = u'`' + from + u'`';
    const QString t = u'`' + to + u'`';
    return u"-e "_s + BackupScript::shellQuote(u"/^CREATE DATABASE /s/"_s + f + u'/' + t + u'/')
        + u" -e "_s + BackupScript::shellQuote(u"/^ALTER DATABASE /s/"_s + f + u'/' + t + u'/')
        + u" -e "_s + BackupScript::shellQuote(u"s/^USE "_s + f + u";$/USE "_s + t + u";/"_s);
}

QStringList restoreBody(const BackupSpec &spec)
{
    QString sed = u"cat"_s;
    QStringList exprs;
    for (const auto &[from, to] : spec.renames)
        if (!to.isEmpty() && to != from)
            exprs << sedRename(from, to);
    if (!exprs.isEmpty())
        sed = u"sed "_s + exprs.join(u' ');
    return {
        u"src="_s + BackupScript::rootExpression(spec.restoreFrom),
        u"[ -f \"$src/dump.sql.gz\" ] || fail 66 \"there is no logical dump in $src\""_s,
        u"gzip -dc \"$src/dump.sql.gz\" | head -c 0 || fail 66 \"$src/dump.sql.gz is not "_s
        u"readable\""_s,
        u"log \"restoring $src\""_s,
        u"{ gzip -dc \"$src/dump.sql.gz\" || echo 'SELECT TIDESK_DUMP_DAMAGED;'; } | "_s + sed
            + u" | \"$client\" "_s + connectionWords(spec)
            + u" --batch --binary-mode || fail $? 'loading the dump failed'"_s,
    };
}

QString checkTool(const QString &alternatives, const QString &name)
{
    return u"{ "_s + alternatives + u"; } >/dev/null 2>&1 || { echo TIDESK_BACKUP_ERROR=no-tool:"_s
        + name + u" >&2; exit 69; }"_s;
}

// Alive and ours: a live pid whose command line names the job (not a reused pid).
QString aliveTest()
{
    // A zombie (exited, not yet reaped by its parent) is not alive.
    return u"[ \"$pid\" -gt 1 ] && kill -0 \"$pid\" 2>/dev/null && [ \"$(cut -d' ' -f3 "_s
           u"\"/proc/$pid/stat\" 2>/dev/null)\" != Z ] && { [ ! -r \"/proc/$pid/cmdline\" ] || "_s
           u"grep -aqF \"$id\" \"/proc/$pid/cmdline\"; }"_s;
}

QString locationLines(const QString &root, const QString &jobId, qint64 pid)
{
    return u"root="_s + BackupScript::rootExpression(root) + u"; id="_s
        + BackupScript::shellQuote(jobId) + u"; pid="_s + QString::number(qMax<qint64>(0, pid))
        + u'\n';
}

} // namespace

double BackupPoll::progress() const
{
    if (state == State::Succeeded)
        return 100.0;
    if (total > 0 && done >= 0)
        return qBound(0.0, 100.0 * double(done) / double(total), 99.0);
    if (total > 0 && bytes >= 0 && done < 0)
        return qBound(0.0, 100.0 * double(bytes) / double(total), 99.0);
    return -1;
}

bool BackupScript::isPlainId(const QString &id)
{
    static const QRegularExpression re(u"^[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127}$"_s);
    return re.match(id).hasMatch();
}

QString BackupScript::shellQuote(const QString &s)
{
    QString q = s;
    q.replace(u'\'', u"'\\''"_s);
    return u'\'' + q + u'\'';
}

QString BackupScript::rootExpression(const QString &root)
{
    if (root == u"~")
        return u"\"$HOME\""_s;
    if (root.startsWith(u"~/"))
        return u"\"$HOME\"/"_s + shellQuote(root.mid(2));
    return shellQuote(root);
}

QString BackupScript::jobScript(const BackupSpec &spec)
{
    QStringList lines = prologue(spec);
    if (spec.isBr()) {
        lines << brBody(spec);
    } else {
        lines << sqlClient(spec);
        switch (spec.kind) {
        case BackupJob::Kind::Restore:
            lines << (spec.scratchDrill ? drillBody(spec) : restoreBody(spec));
            break;
        case BackupJob::Kind::Physical: lines << physicalBody(spec); break;
        default: lines << logicalBody(spec); break;
        }
    }
    lines << finishLines();
    return joinLines(lines);
}

Result<QString> BackupScript::launch(const BackupSpec &spec)
{
    if (!isPlainId(spec.jobId))
        return Error::make(ErrorKind::InvalidInput, tr("Not a valid job id: %1").arg(spec.jobId));
    if (spec.root.trimmed().isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("The backup directory is empty."));
    if (spec.root.contains(u'\n') || spec.root.contains(QChar(0)))
        return Error::make(ErrorKind::InvalidInput,
                           tr("The backup directory contains a line break."));
    if (spec.dbPort <= 0 || spec.dbPort > 65535)
        return Error::make(ErrorKind::InvalidInput,
                           tr("Not a valid database port: %1").arg(spec.dbPort));
    static const QRegularExpression envName(u"^[A-Z_][A-Z0-9_]{0,63}$"_s);
    for (const auto &[name, value] : spec.environment)
        if (!envName.match(name).hasMatch() || value.contains(u'\n') || value.contains(QChar(0)))
            return Error::make(ErrorKind::InvalidInput,
                               tr("Not a valid variable for the job: %1").arg(name));
    if (spec.isBr() && spec.kind != BackupJob::Kind::Br && spec.kind != BackupJob::Kind::Restore)
        return Error::make(ErrorKind::InvalidInput,
                           tr("A BR command line is for a BR backup or restore."));
    if (!spec.isBr() && !spec.scratchDrill && (spec.dbHost.isEmpty() || spec.dbUser.isEmpty()))
        return Error::make(ErrorKind::InvalidInput,
                           tr("The database host and user are needed for a backup."));
    for (const QString &db : spec.databases)
        if (db.isEmpty() || db.contains(u'\n') || db.contains(QChar(0)))
            return Error::make(ErrorKind::InvalidInput,
                               tr("Not a valid database name: \"%1\"").arg(db));
    QString tools;
    if (spec.isBr()) {
        tools = checkTool(u"command -v "_s + shellQuote(spec.brArgv.first()), spec.brArgv.first());
    } else
        switch (spec.kind) {
        case BackupJob::Kind::Logical:
            tools = checkTool(u"command -v mariadb-dump || command -v mysqldump"_s,
                              u"mariadb-dump"_s);
            break;
        case BackupJob::Kind::Physical:
            if (!spec.databases.isEmpty())
                return Error::make(ErrorKind::InvalidInput,
                                   tr("A physical backup copies the whole instance: it cannot be "
                                      "limited to some databases (use a logical backup)."));
            tools = checkTool(u"command -v mariadb-backup"_s, u"mariadb-backup"_s);
            break;
        case BackupJob::Kind::Restore: {
            if (spec.restoreFrom.isEmpty())
                return Error::make(ErrorKind::InvalidInput,
                                   tr("The backup to restore is not set."));
            if (spec.scratchDrill) {
                tools = checkTool(u"command -v mariadb-backup"_s, u"mariadb-backup"_s) + u'\n'
                    + checkTool(u"command -v mariadbd || command -v mysqld || [ -x "_s
                                u"/usr/sbin/mariadbd ] || [ -x /usr/sbin/mysqld ]"_s,
                                u"mariadbd"_s);
                break;
            }
            static const QRegularExpression plain(u"^[A-Za-z0-9_$]{1,64}$"_s);
            for (const auto &[from, to] : spec.renames)
                if (!plain.match(from).hasMatch() || (!to.isEmpty() && !plain.match(to).hasMatch()))
                    return Error::make(
                        ErrorKind::InvalidInput,
                        tr("Only plain database names (letters, digits, _ and $) can "
                           "be renamed on restore: %1 -> %2")
                            .arg(from, to));
            tools = u"true"_s;
            break;
        }
        default:
            return Error::make(
                ErrorKind::InvalidInput,
                tr("%1 jobs do not run as a shell script.").arg(BackupJob::kindName(spec.kind)));
        }
    const QString mariadbClient = spec.isBr()
        ? u"true"_s
        : checkTool(u"command -v mariadb || command -v mysql"_s, u"mariadb"_s);
    const QStringList lines {
        u"umask 077"_s,
        u"IFS= read -r MYSQL_PWD || { echo TIDESK_BACKUP_ERROR=no-password >&2; exit 90; }"_s,
        u"export MYSQL_PWD"_s,
        u"while IFS= read -r tidesk_var; do case \"$tidesk_var\" in [A-Z_]*=*) export "_s
        u"\"$tidesk_var\" ;; esac; done; unset tidesk_var"_s,
        u"root="_s + rootExpression(spec.root) + u"; id="_s + shellQuote(spec.jobId)
            + u"; d=\"$root/$id.partial\""_s,
        checkTool(u"command -v setsid"_s, u"setsid"_s),
        mariadbClient,
        tools,
        u"mkdir -p \"$root\" 2>/dev/null || { echo TIDESK_BACKUP_ERROR=create >&2; exit 73; }"_s,
        u"{ [ -d \"$root\" ] && [ -w \"$root\" ]; } || { echo TIDESK_BACKUP_ERROR=unwritable "_s
        u">&2; exit 73; }"_s,
        u"if [ -e \"$root/$id\" ] || [ -e \"$d\" ]; then echo TIDESK_BACKUP_ERROR=exists >&2; "_s
        u"exit 73; fi"_s,
        u"mkdir \"$d\" || { echo TIDESK_BACKUP_ERROR=unwritable >&2; exit 73; }"_s,
        u"cat > \"$d/job.sh\" <<'TIDESK_JOB_EOF' || { rm -rf \"$d\"; echo "_s
        u"TIDESK_BACKUP_ERROR=full >&2; exit 73; }"_s,
        jobScript(spec) + u"TIDESK_JOB_EOF"_s,
        u"setsid sh \"$d/job.sh\" </dev/null >\"$d/job.log\" 2>&1 &"_s,
        u"echo \"TIDESK_BACKUP_PID=$!\""_s,
    };
    return joinLines(lines);
}

QString BackupScript::oneShot(const QStringList &argv)
{
    QStringList words;
    for (const QString &a : argv)
        words << shellQuote(a);
    return u"while IFS= read -r tidesk_var; do case \"$tidesk_var\" in [A-Z_]*=*) export "_s
           u"\"$tidesk_var\" ;; esac; done; unset tidesk_var; exec "_s
        + words.join(u' ') + u'\n';
}

QString BackupScript::poll(const QString &root, const QString &jobId, qint64 pid)
{
    return locationLines(root, jobId, pid)
        + joinLines({
            // Right after the launch the job's /proc entry can read empty for a moment: a
            // second look before calling it gone.
            u"alive=0; if "_s + aliveTest() + u"; then alive=1; elif sleep 0.2 && "_s + aliveTest()
                + u"; then alive=1; fi"_s,
            u"if [ -f \"$root/$id/exit\" ]; then dir=\"$root/$id\"; state=finished"_s,
            u"elif [ -f \"$root/$id.partial/exit\" ]; then dir=\"$root/$id.partial\"; "_s
            u"state=finished"_s,
            u"elif [ \"$alive\" = 1 ]; then state=running; dir=\"$root/$id.partial\"; "_s
            u"[ -d \"$dir\" ] || dir=\"$root/$id\""_s,
            u"else state=gone; dir=\"$root/$id.partial\"; fi"_s,
            u"echo \"TIDESK_STATE=$state\""_s,
            u"[ -f \"$dir/exit\" ] && echo \"TIDESK_EXIT=$(cat \"$dir/exit\")\""_s,
            u"[ -d \"$dir\" ] && echo \"TIDESK_BYTES=$(du -sb \"$dir\" 2>/dev/null | cut -f1)\""_s,
            u"[ -s \"$dir/total\" ] && echo \"TIDESK_TOTAL=$(head -n 1 \"$dir/total\")\""_s,
            u"[ -f \"$dir/dump.rc\" ] || [ -f \"$dir/databases\" ] && echo \"TIDESK_DONE=$(grep "_s
            u"-c 'Retrieving table structure' \"$dir/job.log\" 2>/dev/null)\""_s,
            u"[ -s \"$dir/binlog\" ] && echo \"TIDESK_BINLOG=$(head -n 1 \"$dir/binlog\")\""_s,
            u"[ \"$state\" = finished ] && [ -f \"$dir/databases\" ] && sed 's/^/TIDESK_DB=/' "_s
            u"\"$dir/databases\""_s,
            u"[ \"$state\" = finished ] && [ -f \"$dir/checksums\" ] && sed 's/^/TIDESK_SUM=/' "_s
            u"\"$dir/checksums\""_s,
            u"echo TIDESK_LOG_BEGIN"_s,
            u"tail -c 8192 \"$dir/job.log\" 2>/dev/null | tr '\\r' '\\n' | tail -n 20"_s,
            u"true"_s,
        });
}

QString BackupScript::cancel(const QString &root, const QString &jobId, qint64 pid)
{
    return locationLines(root, jobId, pid)
        + joinLines({
            u"if [ -f \"$root/$id/exit\" ]; then echo TIDESK_STATE=finished; exit 0; fi"_s,
            u"if "_s + aliveTest() + u"; then"_s,
            u"  kill -TERM -- \"-$pid\" 2>/dev/null || kill -TERM \"$pid\" 2>/dev/null"_s,
            u"  i=0; while "_s + aliveTest()
                + u" && [ $i -lt 50 ]; do sleep 0.2; i=$((i+1)); "_s
                  u"done"_s,
            u"  kill -KILL -- \"-$pid\" 2>/dev/null; true"_s,
            u"fi"_s,
            u"if [ -f \"$root/$id/exit\" ]; then echo TIDESK_STATE=finished; exit 0; fi"_s,
            u"rm -rf \"$root/$id.partial\""_s,
            u"echo TIDESK_STATE=cancelled"_s,
        });
}

QString BackupScript::discard(const QString &root, const QString &name)
{
    if (!isPlainId(name))
        return u"echo TIDESK_NOT_DISCARDED; exit 64"_s;
    return locationLines(root, name, 0)
        + joinLines({ u"rm -rf \"$root/$id\" && echo TIDESK_DISCARDED"_s });
}

QByteArray BackupScript::stdinFor(const BackupSpec &spec, const QByteArray &password)
{
    QByteArray out = password + '\n';
    for (const auto &[name, value] : spec.environment)
        out += name.toUtf8() + '=' + value.toUtf8() + '\n';
    return out;
}

qint64 BackupScript::launchedPid(const QByteArray &stdoutBytes)
{
    static const QRegularExpression re(u"TIDESK_BACKUP_PID=(\\d+)"_s);
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(stdoutBytes));
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

Error BackupScript::launchFailure(const QString &root, const QString &where, int exitStatus,
                                  const QByteArray &stderrBytes)
{
    const QString err = QString::fromUtf8(stderrBytes);
    static const QRegularExpression re(u"TIDESK_BACKUP_ERROR=([a-z\\-]+)(?::(\\S+))?"_s);
    const QRegularExpressionMatch m = re.match(err);
    const QString what = m.hasMatch() ? m.captured(1) : QString();
    if (what == u"no-tool")
        //: %1 = a program such as mariadb-backup, %2 = user@host or "this machine"
        return Error::make(
            ErrorKind::NotFound,
            tr("%1 is not installed on %2 (it is needed for this job).").arg(m.captured(2), where));
    if (what == u"create" || what == u"unwritable")
        //: %1 = a directory, %2 = user@host or "this machine"
        return Error::make(ErrorKind::Io,
                           tr("Cannot write to the backup directory %1 on %2.").arg(root, where));
    if (what == u"exists")
        return Error::make(ErrorKind::Io,
                           tr("The job's directory already exists in %1 on %2.").arg(root, where));
    if (what == u"full")
        return Error::make(ErrorKind::Io,
                           tr("Writing to %1 on %2 failed (disk full?).").arg(root, where));
    if (what == u"no-password")
        return Error::make(ErrorKind::Internal, tr("The job did not receive its password."));
    //: %1 = user@host, %2 = exit status
    return Error::make(
        ErrorKind::Server,
        tr("Starting the job on %1 failed (exit status %2).").arg(where).arg(exitStatus),
        err.trimmed());
}

BackupPoll BackupScript::parsePoll(const QByteArray &stdoutBytes)
{
    BackupPoll p;
    const QString text = QString::fromUtf8(stdoutBytes);
    const qsizetype logAt = text.indexOf(u"TIDESK_LOG_BEGIN\n"_s);
    const QString head = logAt < 0 ? text : text.left(logAt);
    if (logAt >= 0)
        p.logTail = text.mid(logAt + 17).trimmed();
    QString state;
    for (const QString &line : head.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq < 0)
            continue;
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        bool ok = false;
        if (key == u"TIDESK_STATE")
            state = value;
        else if (key == u"TIDESK_EXIT") {
            const int v = value.toInt(&ok);
            p.exitCode = ok ? v : 1;
        } else if (key == u"TIDESK_BYTES") {
            const qint64 v = value.toLongLong(&ok);
            p.bytes = ok ? v : -1;
        } else if (key == u"TIDESK_TOTAL") {
            const qint64 v = value.toLongLong(&ok);
            p.total = ok ? v : -1;
        } else if (key == u"TIDESK_DONE") {
            const qint64 v = value.toLongLong(&ok);
            p.done = ok ? v : -1;
        } else if (key == u"TIDESK_BINLOG")
            p.binlog = binlogFrom(value);
        else if (key == u"TIDESK_DB")
            p.databases << line.mid(eq + 1);
        else if (key == u"TIDESK_SUM")
            p.checksums << line.mid(eq + 1);
    }
    if (state == u"running")
        p.state = BackupPoll::State::Running;
    else if (state == u"finished")
        p.state = p.exitCode == 0 ? BackupPoll::State::Succeeded : BackupPoll::State::Failed;
    else
        p.state = BackupPoll::State::Gone;
    return p;
}

QString BackupScript::binlogFrom(const QString &text)
{
    static const QRegularExpression change(
        u"MASTER_LOG_FILE='([^']+)',\\s*MASTER_LOG_POS=(\\d+)"_s);
    const QRegularExpressionMatch m = change.match(text);
    if (m.hasMatch())
        return m.captured(1) + u':' + m.captured(2);
    const QStringList parts = text.trimmed().split(u'\t');
    if (parts.size() >= 2 && !parts.at(0).isEmpty()) {
        QString out = parts.at(0) + u':' + parts.at(1);
        if (parts.size() >= 3 && !parts.at(2).trimmed().isEmpty())
            out += u" (GTID "_s + parts.at(2).trimmed() + u')';
        return out;
    }
    return {};
}

} // namespace TiDesk

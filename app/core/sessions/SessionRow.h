// SessionRow: one live session (connection) of a server or cluster, as read from TiDB's
// CLUSTER_PROCESSLIST or MySQL/MariaDB's information_schema.PROCESSLIST, in engine-neutral form.
// Produced by SessionReader; consumed by the sessions model, the killer and the rules engine.
// Plain value type: any thread.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace TiDesk {

struct SessionRow
{
    // TiDB: the status address (host:10080) of the tidb-server that owns the session, as
    // CLUSTER_PROCESSLIST.INSTANCE says it; map it through CLUSTER_INFO to reach that server.
    // Empty on MySQL/MariaDB (one server).
    QString instance;
    quint64 id = 0; // connection id (what KILL takes)
    QString user;
    QString host; // client host[:port]
    QString db;
    QString command; // Query, Sleep, Daemon, Binlog Dump ...
    QString state;
    // How long the session has been in its current command: TiDB/MySQL TIME (seconds) x 1000,
    // MariaDB TIME_MS (milliseconds, fractional part dropped).
    qint64 timeMs = 0;
    QString info; // the running statement, full text; null when idle
    // TiDB: the server's DIGEST column (serverDigest = true). Elsewhere (and when the server
    // gives none) SqlDigest::digest(info). Empty when there is no statement.
    QString digest;
    bool serverDigest = false;
    std::optional<qint64> memBytes; // TiDB MEM, MariaDB MEMORY_USED
    std::optional<qint64> diskBytes; // TiDB DISK
    std::optional<qint64> examinedRows; // MariaDB EXAMINED_ROWS
    std::optional<quint64> queryId; // MariaDB QUERY_ID: changes with every statement
    QString txnStart; // TiDB TxnStart as shown (e.g. "05-14 09:21:33.123(449866373535727617)")
    QString resourceGroup; // TiDB 7.1+
    QDateTime observedAt; // UTC, when the row was read

    // Unique across a cluster: "instance#id" (or "#id" on one server).
    [[nodiscard]] QString key() const;
    // When the current command started, as far as the server's granularity allows
    // (observedAt - timeMs; TIME in whole seconds on TiDB/MySQL).
    [[nodiscard]] QDateTime commandStartUtc() const;
    // Idle: Sleep with no statement.
    [[nodiscard]] bool isSleeping() const;
    // Server-internal or replication threads: "system user", event_scheduler, Daemon,
    // Binlog Dump (GTID), Slave_* / replica threads. Never a kill target by default.
    [[nodiscard]] bool isSystem() const;
    // True when `now` (a fresh read of the same key) is still the statement this row saw:
    // same id and instance, same statement text, and (MariaDB) the same QUERY_ID or else a
    // start time within toleranceMs. A reused connection id or a new statement fails this.
    [[nodiscard]] bool isSameStatementAs(const SessionRow &now, qint64 toleranceMs = 2000) const;
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::SessionRow)
